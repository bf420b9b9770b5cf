"""The timeline section: the whole journey, one cycle as a grid, and your own dates.

Thin: the schedule comes from ``Session.timeline()`` (core.schedule), the words
from resources/timeline.json with the study's own laid over them, and the pictures
from cycle_grid and journey_strip. Any regimen: any parts, a chooser where groups get
different treatment, and a plain page where the record gives no schedule at all.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explainer.core.clinic_days import ClinicDayGuide, and_list, clinic_day_guide
from explainer.core.facts import for_people_in_it, long_date
from explainer.core.model import Route, Trial
from explainer.core.schedule import Cycle, Timeline, TreatmentDay, journey
from explainer.timeline_text import TimelineText, timeline_text_for
from explainer.ui.cycle_grid import CycleGrid
from explainer.ui.flow import at_least_content_width
from explainer.ui.grid_names import GridScroller
from explainer.ui.i18n import tr
from explainer.ui.journey_strip import JourneyStrip
from explainer.ui.main_window import timeline_follows
from explainer.ui.labels import heading, name_spin_box, prose
from explainer.ui.personal_dates import PersonalDates
from explainer.ui.session import Session
from explainer.ui.shapes import REST_FILL, SHAPE_PAINTERS, paint_clinic_mark
from explainer.ui.theme import PICTURE

if TYPE_CHECKING:
    from explainer.ui.main_window import MainWindow

LEGEND_INK = PICTURE["legend"]  # the legend's shapes are neutral: the shape, not a medicine, is explained


class LegendIcon(QWidget):
    """One legend shape, drawn by the same code as the grid, sized from the font."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        side = round(self.fontMetrics().height() * 1.4)
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # On the grid's own white paper, in both themes: the marks were made for it
        # (on the high-contrast black they were 2.25:1).
        painter.fillRect(self.rect(), QColor(PICTURE["paper"]))
        box = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        if self.kind in {route.value for route in Route}:
            SHAPE_PAINTERS[Route(self.kind)](painter, box, QColor(LEGEND_INK))
        elif self.kind in ("clinic", "maybe_clinic"):
            paint_clinic_mark(painter, box, certain=self.kind == "clinic")
        else:
            painter.fillRect(box, REST_FILL)
            painter.setPen(QPen(QColor(LEGEND_INK), 2))  # its edge is what shows: 3:1 at least, not blurred
            painter.drawRect(box.adjusted(1, 1, -1, -1))
        painter.end()


def legend_items(timeline: Timeline, text: TimelineText) -> list[tuple[str, str]]:
    """(kind, words) for the marks this schedule uses, in a fixed order: routes, then days."""
    routes = {dose.route for day in timeline.days for dose in day.doses}
    forms = {timeline.drug_forms.get(d) for d in timeline.drugs if _route_of(timeline, d) is Route.PO}
    items = []
    for route in (Route.IV, Route.PO, Route.PO_OR_IV, Route.SC):
        if route not in routes:
            continue
        words = getattr(text.legend, route.value)
        if route is Route.PO and len(forms) == 1 and None not in forms:
            form = next(iter(forms))
            assert form is not None
            words = text.legend.PO_form.format(form=getattr(text.forms, form.value))
        items.append((route.value, words))
    if timeline.clinic_days():  # a schedule all at home has no clinic mark to explain
        items.append(("clinic", text.legend.clinic))
    maybe = timeline.maybe_drip_names()
    if maybe:
        items.append(("maybe_clinic", text.legend.maybe_clinic.format(drugs=and_list(list(maybe)))))
    return [*items, ("rest", text.legend.rest)]


def _route_of(timeline: Timeline, drug: str) -> Route | None:
    return next((dose.route for day in timeline.days for dose in day.doses if dose.drug == drug), None)


def build_legend(text: TimelineText, timeline: Timeline) -> QWidget:
    legend = QWidget()
    legend.setAccessibleName(text.legend_heading)
    grid = QGridLayout(legend)
    grid.setContentsMargins(0, 0, 0, 0)
    items = legend_items(timeline, text)
    for index, (kind, words) in enumerate(items):
        row, column = divmod(index, 2)
        grid.addWidget(LegendIcon(kind), row, column * 2)
        grid.addWidget(prose(words), row, column * 2 + 1)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return legend


def about(number: int, estimated: bool) -> str:
    """'about 17' where the part's length is an estimate, else '17'."""
    return tr("about {n}").format(n=number) if estimated else str(number)


def _pattern(cycle: Cycle) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(d.drug for d in day.doses) for day in cycle.days)


def same_pattern_run(cycle: Cycle, timeline: Timeline) -> tuple[Cycle, Cycle]:
    """The first and last cycle of this part that have exactly this cycle's days."""
    alike = [c for c in timeline.phase_cycles(cycle.phase_id) if _pattern(c) == _pattern(cycle)]
    return alike[0], alike[-1]


def cycle_caption(cycle: Cycle, timeline: Timeline, text: TimelineText) -> str:
    """'<Part>: cycles 2 to 6 all look like this.' or, with dates, which cycle and when."""
    plan = next(p for p in timeline.phases if p.id == cycle.phase_id)
    count = about(plan.cycles, plan.cycles_estimated)
    if cycle.start is not None:
        end = cycle.days[-1].date
        assert end is not None
        if plan.open_ended:  # no "of about 17": the part has no set end
            return text.caption_dated_open.format(number=cycle.number, phase_lower=cycle.phase_name.lower(),
                                                  in_phase=cycle.number_in_phase, start=long_date(cycle.start),
                                                  end=long_date(end))
        return text.caption_dated.format(number=cycle.number, phase_lower=cycle.phase_name.lower(),
                                         in_phase=cycle.number_in_phase, count=count,
                                         start=long_date(cycle.start), end=long_date(end))
    first, last = same_pattern_run(cycle, timeline)
    if plan.open_ended and first.number_in_phase == 1 and last.number_in_phase == plan.cycles:
        return text.caption_open.format(phase=cycle.phase_name)
    if first is last:
        return text.caption_single.format(phase=cycle.phase_name, in_phase=cycle.number_in_phase, count=count)
    last_words = count if last.number_in_phase == plan.cycles else str(last.number_in_phase)
    return text.caption_alike.format(phase=cycle.phase_name, first=first.number_in_phase, last=last_words)


def cycle_totals(cycle: Cycle, timeline: Timeline, text: TimelineText) -> str:
    """This cycle's counts, then the whole part's clinic days ('about' where the length is)."""
    counts = ", ".join(text.medicine_count.format(medicine=timeline.drug_names[drug].lower(),
                                                  days=cycle.doses_of(drug)) for drug in timeline.drugs)
    plan = next(p for p in timeline.phases if p.id == cycle.phase_id)
    clinic_in_part = sum(len(c.clinic_days) for c in timeline.phase_cycles(cycle.phase_id))
    if plan.open_ended:
        part = text.part_totals_open.format(phase=cycle.phase_name.lower(), cycles=plan.cycles)
    else:
        part = text.part_totals.format(cycles=about(plan.cycles, plan.cycles_estimated), phase=cycle.phase_name.lower(),
                                       clinic=about(clinic_in_part, plan.cycles_estimated))
    return " ".join((text.totals.format(clinic=len(cycle.clinic_days), rest=len(cycle.rest_days)),
                     text.medicine_days.format(counts=counts), part))


def cycle_choices(timeline: Timeline, text: TimelineText) -> list[tuple[str, int]]:
    """The 'Show' list: each run of cycles that look alike, as (words, first cycle number).
    A whole part that looks alike is named by the part; in later parts a run says its part."""
    out: list[tuple[str, int]] = []
    for index, plan in enumerate(timeline.phases):
        cycles = timeline.phase_cycles(plan.id)
        runs: list[list[Cycle]] = []
        for cycle in cycles:
            if runs and _pattern(runs[-1][-1]) == _pattern(cycle):
                runs[-1].append(cycle)
            else:
                runs.append([cycle])
        for run in runs:
            first, last = run[0].number_in_phase, run[-1].number_in_phase
            if len(runs) == 1:
                words = text.choices.whole.format(name=plan.name)
            else:
                words = (text.choices.one.format(first=first) if first == last
                         else text.choices.run.format(first=first, last=last))
                if index:
                    words = text.choices.in_part.format(name=plan.name, cycles=words[0].lower() + words[1:])
            out.append((words, run[0].number))
    return out


def add_clinic_day_guide(layout: QVBoxLayout, guide: ClinicDayGuide) -> None:
    """Each kind of clinic day, what usually happens, and how many there are: one label a line."""
    layout.addWidget(heading(guide.heading))
    layout.addWidget(prose(guide.intro))
    for kind in guide.kinds:
        layout.addWidget(heading(kind.title, 4))
        for line in kind.when:
            layout.addWidget(prose(line))
    layout.addWidget(heading(guide.steps_heading, 4))
    for line in guide.steps:
        layout.addWidget(prose(line))
    layout.addWidget(heading(guide.counts_heading, 4))
    for line in (*guide.counts, guide.usually, guide.sources):
        layout.addWidget(prose(line))


class TimelineView(QScrollArea):
    """The whole section, in one scrolling page."""

    def __init__(self, session: Session, parent: QWidget | None = None, in_steps: bool = False) -> None:
        """``in_steps``: the page is made by ``build_next_part()``, a part per call (app start-up)."""
        super().__init__(parent)
        self.session = session
        self.text = text = timeline_text_for(session.trial)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(text.section_title)
        self.arm_choice: QComboBox | None = None
        self._unbuilt = self._build_all()
        if not in_steps:
            while self.build_next_part():
                pass

    # --- building --------------------------------------------------------------
    def build_next_part(self) -> bool:
        """Make the next part of the page; False once it is all made."""
        try:
            next(self._unbuilt)
        except StopIteration:
            return False
        return True

    def _build_all(self) -> Iterator[None]:
        session = self.session
        if not session.trial.regimens:  # nothing to draw: say so, and whom to ask
            self.timeline = None
            self.setWidget(no_schedule_page(session.trial, self.text))
            return
        yield from self._build_parts()
        session.start_date_changed.connect(self._refresh)
        session.delays_changed.connect(self._refresh)
        session.arm_changed.connect(self._arm_changed)

    def _build(self) -> None:
        """Every part that depends on the schedule; built again when another group is chosen."""
        for _ in self._build_parts():
            pass

    def _build_parts(self) -> Iterator[None]:
        text, trial = self.text, self.session.trial
        self.timeline = self.session.timeline()
        cycle_days = self.timeline.phases[0].cycle_length_days
        self.strip = JourneyStrip(journey(trial, self.session.arm), text, cycle_days)
        self.grid = CycleGrid(self.timeline.drugs, dict(self.timeline.drug_names), self.timeline.cycle(1))
        self.grid.rest_words = (text.rest_band, text.rest_band_short)
        self.grid.row_words = (text.grid_rows.day, text.grid_rows.date, text.grid_rows.clinic)
        self.grid.setAccessibleName(text.grid_name)
        self.grid_scroller = GridScroller(self.grid)
        self.choice = QComboBox()
        self.cycle_number = QSpinBox()
        self.caption = prose("")
        self.day_line = prose("")
        self.day_line.setAccessibleName(text.chosen_day_name)
        self.day_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals = prose("")
        yield
        self.personal = PersonalDates(self.session, text)
        self._build_picker()
        yield
        # Who it is for comes first: the study was not taking new people.
        intro = " ".join(filter(None, (for_people_in_it(trial), text.intro.format(cycle_days=cycle_days))))
        page = self._lay_out(intro)
        yield
        self.setWidget(page)  # styles the whole page: a turn of its own
        yield
        self.grid.focus_moved.connect(self._show_day)
        self.grid.cycle_step.connect(self._step_cycle)
        self._refresh()

    def _build_picker(self) -> None:
        self.choices = cycle_choices(self.timeline, self.text)
        for words, number in self.choices:
            self.choice.addItem(words, number)
        self.choice.setAccessibleName(self.text.choice_name)
        self.cycle_number.setRange(1, len(self.timeline.cycles))
        name_spin_box(self.cycle_number, self.text.cycle_number_label)
        self.choice.currentIndexChanged.connect(self._choice_picked)
        self.cycle_number.valueChanged.connect(self._number_picked)

    def _arm_picker(self) -> QWidget | None:
        """Where groups get different treatment: which group's days to show."""
        trial = self.session.trial
        if not trial.arms_differ:
            return None
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.arm_choice = QComboBox()
        for arm in trial.arms:
            self.arm_choice.addItem(arm.label)
        self.arm_choice.setCurrentIndex(self.session.arm)
        self.arm_choice.setAccessibleName(self.text.arm_name)
        label = QLabel(f"{self.text.arm_label}:")
        label.setBuddy(self.arm_choice)
        grid.addWidget(prose(self.text.arm_intro), 0, 0, 1, 3)
        grid.addWidget(label, 1, 0)
        grid.addWidget(self.arm_choice, 1, 1)
        grid.setColumnStretch(2, 1)
        self.arm_choice.currentIndexChanged.connect(self.session.set_arm)
        return box

    def _lay_out(self, intro: str) -> QWidget:
        """The page, for setWidget."""
        text = self.text
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(text.section_title, 2))
        layout.addWidget(prose(intro))
        arms = self._arm_picker()
        if arms is not None:
            layout.addWidget(arms)
        layout.addWidget(heading(text.journey_heading))
        layout.addWidget(self.strip)
        self.cycle_heading = heading(text.cycle_heading)
        layout.addWidget(self.cycle_heading)
        layout.addWidget(prose(text.how_to_read))
        # One control a row: side by side they ran off the page at a large text size.
        picker = QGridLayout()
        self.choice_label = QLabel(f"{text.choice_label}:")
        self.choice_label.setBuddy(self.choice)
        self.number_label = QLabel(f"{text.cycle_number_label}:")
        self.number_label.setBuddy(self.cycle_number)
        for row, (label, control) in enumerate(((self.choice_label, self.choice),
                                                (self.number_label, self.cycle_number))):
            picker.addWidget(label, row, 0)
            picker.addWidget(control, row, 1)
        picker.setColumnStretch(2, 1)
        layout.addLayout(picker)
        layout.addWidget(self.caption)
        layout.addWidget(self.grid_scroller)
        layout.addWidget(self.day_line)
        layout.addWidget(prose(text.keyboard_hint))
        layout.addWidget(self.totals)
        layout.addWidget(heading(text.legend_heading))
        layout.addWidget(build_legend(text, self.timeline))
        layout.addWidget(prose(text.estimate_note))
        self.clinic_guide = clinic_day_guide(self.timeline, text.clinic_days)
        if self.timeline.clinic_days() or self.timeline.maybe_drip_names():  # all at home: nothing to say
            add_clinic_day_guide(layout, self.clinic_guide)
        layout.addWidget(self.personal)
        layout.addStretch(1)
        return page

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.timeline is not None:  # no schedule, no strip
            self.strip.fit_to(self.viewport().width())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return at_least_content_width(self, super().minimumSizeHint())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.timeline is not None:  # the strip may need to stack
            self.strip.fit_to(self.viewport().width())
            QTimer.singleShot(0, self, self.updateGeometry)  # and the page's smallest width changed

    # --- reacting ----------------------------------------------------------------
    def show_cycle(self, number: int) -> None:
        """Show one cycle (numbered across the whole treatment) in the grid."""
        cycle = self.timeline.cycle(number)
        self.grid.set_cycle(cycle)
        self.caption.setText(cycle_caption(cycle, self.timeline, self.text))
        self.caption.setAccessibleName(self.caption.text())
        self.totals.setText(cycle_totals(cycle, self.timeline, self.text))
        self.totals.setAccessibleName(self.totals.text())
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(self._choice_for(cycle))
        self.choice.blockSignals(False)
        self.cycle_number.blockSignals(True)
        self.cycle_number.setValue(number)
        self.cycle_number.blockSignals(False)

    def _choice_for(self, cycle: Cycle) -> int:
        """The last choice that starts at or before this cycle."""
        return max(i for i, (_, first) in enumerate(self.choices) if first <= cycle.number)

    def _arm_changed(self, _arm: int) -> None:
        """Another group: its own parts, medicines and cycles, so the page is built again."""
        had_focus = self.arm_choice is not None and self.arm_choice.hasFocus()
        old = self.takeWidget()  # the chooser that sent this is on it: delete it later, not now
        if old is not None:
            old.hide()
            old.deleteLater()
        self._build()
        if had_focus and self.arm_choice is not None:
            self.arm_choice.setFocus()

    def _choice_picked(self, index: int) -> None:
        self.show_cycle(int(self.choice.itemData(index)))

    def _step_cycle(self, step: int) -> None:
        """Page Up / Down in the grid: the next cycle with dates, else the next choice."""
        if self.timeline.start is not None:
            number = self.grid.cycle.number + step
            if 1 <= number <= len(self.timeline.cycles):
                self.show_cycle(number)
        else:
            index = self.choice.currentIndex() + step
            if 0 <= index < self.choice.count():
                self.choice.setCurrentIndex(index)

    def _number_picked(self, number: int) -> None:
        self.show_cycle(number)

    def _show_day(self, day: TreatmentDay) -> None:
        self.day_line.setText(day.describe())
        self.day_line.setAccessibleDescription(day.describe())

    def _refresh(self, *_args: object) -> None:
        """A new first day or delay: every date in the section moves."""
        anchor = self._control_in_use()
        was_at = self._y_in_view(anchor) if anchor else 0
        self.timeline = self.session.timeline()
        dated = self.timeline.start is not None
        self.number_label.setVisible(dated)
        self.cycle_number.setVisible(dated)
        current = self.grid.cycle.number
        self.show_cycle(current)
        self.personal.show_timeline(self.timeline)
        if anchor:
            self._keep_in_place(anchor, was_at)

    # --- the control under the pointer stays there ---------------------------------
    def _control_in_use(self) -> QWidget | None:
        """The control in 'Your dates' the reader just used, if any: the date rows and
        the cycle-number row appear above it, and must not push it from under the pointer."""
        focused = QApplication.focusWidget()
        return focused if focused is not None and self.personal.isAncestorOf(focused) else None

    def _y_in_view(self, widget: QWidget) -> int:
        return widget.mapTo(self.viewport(), QPoint(0, 0)).y()

    def _keep_in_place(self, widget: QWidget, was_at: int) -> None:
        """Lay the page out now, then scroll it by however far the control moved."""
        for _ in range(3):  # the grid, then the page, then the scroll area's range
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self._y_in_view(widget) - was_at)


def no_schedule_page(trial: Trial, text: TimelineText) -> QWidget:
    """The record gives no schedule: say so, give each group's words from the record, and whom to ask."""
    words = text.no_schedule
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(heading(text.section_title, 2))
    people = for_people_in_it(trial)
    if people:
        layout.addWidget(prose(people))
    layout.addWidget(heading(words.heading))
    layout.addWidget(prose(words.intro))
    if trial.arms:
        layout.addWidget(heading(words.arms_heading))
        for arm in trial.arms:
            layout.addWidget(heading(arm.label, 4))
            layout.addWidget(prose(arm.description))
    layout.addWidget(prose(words.ask))
    layout.addStretch(1)
    return page


def install_timeline(window: MainWindow) -> TimelineView:
    """Add the section to the window, after 'What happens, and for how long'."""
    steps = install_timeline_in_steps(window)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def install_timeline_in_steps(window: MainWindow) -> Generator[None, None, TimelineView]:
    """install_timeline, a part per step, so the window answers between two; the
    page takes its row (which says it is opening till then) once it is whole."""
    # Made inside the window's stack of pages (hidden, not in its row yet): under the
    # app's style sheet, the page styled as it is built is not styled again as it joins.
    view = TimelineView(window.session, parent=window.stack, in_steps=True)
    yield
    while view.build_next_part():
        yield
    window.add_section("timeline", view.text.section_title, view, after=timeline_follows(window.section_ids()))
    return view
