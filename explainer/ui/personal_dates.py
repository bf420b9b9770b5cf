"""Your own dates: the first treatment day, delays, clinic days, and the .ics file.

The first day and delays live in the Session only, never on disk: they are the
patient's own health data, and typing one date again costs less than a file that
outlives the need. Dialogs sit behind ``@classmethod ask()`` so tests replace them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explainer.calendar_ics import first_day_range, timeline_to_ics, treatment_day_count, write_ics
from explainer.core.clinic_days import and_list
from explainer.core.delays import FIRST_DELAYED_CYCLE, MAX_DELAY_DAYS
from explainer.core.escaping import rich_text
from explainer.core.facts import for_people_in_it, weekday_date
from explainer.core.schedule import Timeline, TreatmentDay
from explainer.files import output_problem
from explainer.timeline_text import TimelineText
from explainer.ui.flow import FlowLayout
from explainer.ui.i18n import tr
from explainer.ui.labels import field_label, heading, name_spin_box, plain_warning_box, prose
from explainer.ui.saving import ask_save_path
from explainer.ui.session import Session

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QCalendarWidget

START_HINT = ("To change the date, pick the day on the calendar: click the arrow, or press Alt and the Down "
              "arrow key. Or type over the month, the day or the year. The Up and Down keys change the part "
              "you are in.")  # English, for tests; start_hint() is what is shown


def start_hint() -> str:
    return tr("To change the date, pick the day on the calendar: click the arrow, or press Alt and the Down "
              "arrow key. Or type over the month, the day or the year. The Up and Down keys change the part "
              "you are in.")


class SaveCalendarDialog:
    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        return ask_save_path(parent, tr("Save your treatment calendar"), "my-treatment-days.ics",
                             tr("Calendar file (*.ics)"), ".ics")


class CalendarProblemDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str, message: str) -> None:
        plain_warning_box(parent, title, message).exec()


def _wrapping_form(parent: QWidget) -> QFormLayout:
    """A form whose fields go under their labels when the text is large."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def clinic_line(day: TreatmentDay) -> str:
    """'Monday, January 4, 2027: cycle 1, day 1. <Medicine>, <medicine>, ...'."""
    assert day.date is not None
    names = ", ".join(d.name.lower() for d in day.doses)
    return tr("{date}: cycle {cycle}, day {day}. {medicines}.").format(
        date=weekday_date(day.date), cycle=day.cycle, day=day.day, medicines=f"{names[0].upper()}{names[1:]}")


def _section(title: str) -> QGroupBox:
    """A group without a drawn title: the heading above it says it, in a size that scales."""
    box = QGroupBox()
    box.setAccessibleName(title)
    return box


def calendar_part_names() -> dict[str, str]:
    """The date picker's own parts, named for a screen reader (Qt leaves them unnamed)."""
    return {"qt_calendar_calendarview": tr("Days of the month"), "qt_calendar_prevmonth": tr("Previous month"),
            "qt_calendar_nextmonth": tr("Next month"), "qt_calendar_monthbutton": tr("Choose the month"),
            "qt_calendar_yearbutton": tr("Choose the year"), "qt_calendar_yearedit": tr("Year"),
            "qt_spinbox_lineedit": tr("Year"), "qt_tableview_cornerbutton": tr("Days of the month")}


def date_locale() -> QLocale:
    """The first-day box's month names and order in the app's language (not the machine's):
    'January 4, 2027', or in Spanish '4 de enero de 2027'."""
    from explainer.core.language import current_language

    if current_language() == "es":
        return QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def date_format() -> str:
    from explainer.core.language import current_language

    return "d 'de' MMMM 'de' yyyy" if current_language() == "es" else "MMMM d, yyyy"


def _fit_calendar(calendar: QCalendarWidget) -> None:
    for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        # Qt's red weekend days are 4:1 on white: the theme's text colour instead.
        calendar.setWeekdayTextFormat(weekend, QTextCharFormat())
    names = calendar_part_names()
    for part in calendar.findChildren(QWidget):
        if part.objectName() in names:
            part.setAccessibleName(names[part.objectName()])


def opens_the_calendar(event: QKeyEvent) -> bool:
    """Alt+Down (as the hint says) or F4: the keys that open a drop-down list."""
    alone = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return ((event.key() == Qt.Key.Key_Down and alone == Qt.KeyboardModifier.AltModifier)
            or (event.key() == Qt.Key.Key_F4 and alone == Qt.KeyboardModifier.NoModifier))


class DateEdit(QDateEdit):
    """A date box whose calendar is made when first wanted, fitted as it is made: when a
    click on the box's arrow opens it, when a key opens it (open_calendar: Qt's box has
    no key for it), or when calendarWidget() asks. Made with the page, its 30 widgets and
    month menu were 0.7 MB of a window where most people never open it (issue 18)."""

    fitted = False

    def calendarWidget(self) -> QCalendarWidget:  # noqa: N802 (Qt's name)
        calendar = super().calendarWidget()
        if not self.fitted:
            self.fitted = True
            _fit_calendar(calendar)
        return calendar

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self._fit_before_it_opens()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if opens_the_calendar(event) and self.calendarPopup() and self.isEnabled() and not self.isReadOnly():
            self.open_calendar()  # Qt's own date box took Alt+Down for Down: a day earlier, unseen
            event.accept()
            return
        super().keyPressEvent(event)  # typing or stepping a part: no calendar needed yet

    def open_calendar(self) -> None:
        """The calendar opens as a click on the box's arrow opens it (Qt has no call for
        it): the keys the hint names (start_hint) open it, as they open a drop-down list."""
        # Here, not at the top: PySide makes QStyle with its enums when first named (0.5 MB
        # and 5 ms as the timeline was built, issue 18), and only this key needs it.
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

        self._fit_before_it_opens()
        option = QStyleOptionComboBox()  # the box is drawn, and hit, as a combo box is
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxArrow, self).center()
        press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(arrow), QPointF(self.mapToGlobal(arrow)),
                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QDateEdit.mousePressEvent(self, press)

    def _fit_before_it_opens(self) -> None:
        if self.calendarPopup() and not self.fitted:
            self.calendarWidget()


class ClinicDayList(QListWidget):
    """About eight lines tall at any text size."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self.fontMetrics().height() * 9)


class PersonalDates(QWidget):
    def __init__(self, session: Session, text: TimelineText, today: QDate | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.text = text
        self.timeline: Timeline = session.timeline()
        self.know_start = QCheckBox(text.know_start)
        self.know_start.setAccessibleName(text.know_start)
        self.start_edit = DateEdit(today or QDate.currentDate())
        self.start_edit.setLocale(date_locale())
        self.start_edit.setCalendarPopup(True)  # its calendar is made when first opened (DateEdit)
        self.start_edit.setDisplayFormat(date_format())
        name_spin_box(self.start_edit, text.start_label)
        self.start_edit.setAccessibleDescription(start_hint())
        self.start_edit.setEnabled(False)
        first, last = first_day_range(session.trial)
        self.start_edit.setDateRange(QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day))
        self.delay_cycle = QSpinBox()
        self.delay_days = QSpinBox()
        self.delay_apply = QPushButton(text.delay_apply)
        self.delay_clear = QPushButton(text.delay_clear)
        self.delay_status = prose(text.delay_none)
        self.clinic_list = ClinicDayList()
        self.clinic_list.setAccessibleName(text.clinic_list_heading)
        self.clinic_list.setWordWrap(True)
        self.clinic_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so every item wraps at the same width (items are laid out once).
        self.clinic_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Short: a check box does not wrap, and a long one would widen the page at large text.
        self.clinic_only = QCheckBox(text.save_clinic_only)
        self.clinic_only.setAccessibleName(text.save_clinic_only)
        self.save_button = QPushButton(text.save_button)
        self.save_button.setAccessibleName(text.save_button.rstrip("…"))
        self.save_status = prose("")
        self._lay_out()
        self.know_start.toggled.connect(self._start_toggled)
        self.start_edit.dateChanged.connect(self._start_edited)
        self.delay_apply.clicked.connect(self.apply_delay)
        self.delay_clear.clicked.connect(lambda: session.set_delays({}))
        self.save_button.clicked.connect(lambda: self.save_calendar())
        self.show_timeline(self.timeline)

    def _lay_out(self) -> None:
        text = self.text
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(text.dates_heading))
        dates = _section(text.dates_heading)
        form = _wrapping_form(dates)
        form.addRow(prose(text.dates_intro))
        form.addRow(self.know_start)
        form.addRow(field_label(f"{text.start_label}:", self.start_edit), self.start_edit)
        self.start_hint = prose(start_hint())  # it takes no typed date like 1/4/2027: say what it does take
        form.addRow(self.start_hint)
        layout.addWidget(dates)
        layout.addWidget(heading(text.delay_heading))
        layout.addWidget(self._delay_box())
        layout.addWidget(heading(text.clinic_list_heading))
        clinic = _section(text.clinic_list_heading)
        inner = QVBoxLayout(clinic)
        inner.addWidget(self.clinic_list)
        maybe = self.timeline.maybe_drip_names()
        if maybe:  # only where a medicine may be given by drip or by mouth
            inner.addWidget(prose(text.maybe_clinic_note.format(drugs=and_list(list(maybe)))))
        layout.addWidget(clinic)
        if self.timeline.open_questions:  # nothing left open: no empty box
            layout.addWidget(heading(text.ask_heading))
            layout.addWidget(self._ask_box())
        else:
            self.ask_list = QLabel("", self)
            self.ask_list.hide()
        layout.addWidget(heading(text.save_heading))
        save = _section(text.save_heading)
        inner = QVBoxLayout(save)
        inner.addWidget(prose(" ".join(filter(None, (for_people_in_it(self.session.trial), text.save_intro)))))
        inner.addWidget(self.clinic_only)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        inner.addLayout(row)
        inner.addWidget(self.save_status)
        layout.addWidget(save)

    def _delay_box(self) -> QGroupBox:
        text = self.text
        box = _section(text.delay_heading)
        self.delay_box = box
        form = _wrapping_form(box)
        form.addRow(prose(text.delay_intro))
        self.delay_cycle.setRange(FIRST_DELAYED_CYCLE, len(self.timeline.cycles))
        name_spin_box(self.delay_cycle, text.delay_cycle_label)
        self.delay_days.setRange(1, MAX_DELAY_DAYS)
        self.delay_days.setValue(7)
        name_spin_box(self.delay_days, text.delay_days_label)
        form.addRow(field_label(f"{text.delay_cycle_label}:", self.delay_cycle), self.delay_cycle)
        form.addRow(field_label(f"{text.delay_days_label}:", self.delay_days), self.delay_days)
        buttons = FlowLayout()  # wraps at a large text size
        buttons.addWidget(self.delay_apply)
        buttons.addWidget(self.delay_clear)
        form.addRow(buttons)
        form.addRow(self.delay_status)
        return box

    def _ask_box(self) -> QGroupBox:
        box = _section(self.text.ask_heading)
        inner = QVBoxLayout(box)
        inner.addWidget(prose(self.text.ask_intro))
        questions = self.timeline.open_questions
        items = "".join(f"<li>{rich_text(q)}</li>" for q in questions)
        listing = QLabel(f"<ul style='margin-left: 0'>{items}</ul>")
        listing.setWordWrap(True)
        listing.setAccessibleName(f"{self.text.ask_heading}: " + " ".join(questions))
        inner.addWidget(listing)
        self.ask_list = listing
        return box

    # --- the user acts -------------------------------------------------------------
    def _start_toggled(self, known: bool) -> None:
        self.start_edit.setEnabled(known)
        self.session.set_start_date(self.start_edit.date().toPython() if known else None)

    def _start_edited(self, date: QDate) -> None:
        if self.know_start.isChecked():
            self.session.set_start_date(date.toPython())

    def set_start(self, start: dt.date | None) -> None:
        """Set the first treatment day as a user would (tests and scripts use this)."""
        if start is not None:
            self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.know_start.setChecked(start is not None)

    def apply_delay(self) -> None:
        delays = dict(self.session.delays)
        delays[self.delay_cycle.value()] = self.delay_days.value()
        self.session.set_delays(delays)

    def save_calendar(self, path: Path | None = None) -> bool:
        if self.timeline.start is None:
            CalendarProblemDialog.ask(self, self.text.save_failed_title, self.text.save_needs_date)
            return False
        path = path or SaveCalendarDialog.ask(self)
        clinic_only = self.clinic_only.isChecked()
        if path is None:
            return False
        problem = output_problem(path, "my-treatment-days.ics")
        if problem:
            CalendarProblemDialog.ask(self, self.text.save_failed_title,
                                      tr("{problem}\n\nNothing was saved.").format(problem=problem))
            return False
        try:
            write_ics(path, timeline_to_ics(self.timeline, self.session.trial, clinic_days_only=clinic_only))
        except OSError as err:
            CalendarProblemDialog.ask(self, self.text.save_failed_title,
                                      tr("{path}: {why}\n\nNothing was saved. Try another folder.").format(
                                          path=path, why=err.strerror or err))
            return False
        saved = self.text.saved_clinic_only if clinic_only else self.text.saved
        self.save_status.setText(saved.format(count=treatment_day_count(self.timeline, clinic_only), path=path))
        self.save_status.setAccessibleName(self.save_status.text())
        return True

    # --- the session changed ---------------------------------------------------------
    def _show_start(self, start: dt.date | None) -> None:
        """The controls follow the session, also when something else set the date."""
        for widget in (self.know_start, self.start_edit):
            widget.blockSignals(True)
        self.know_start.setChecked(start is not None)
        self.start_edit.setEnabled(start is not None)
        if start is not None:
            self.start_edit.setDate(QDate(start.year, start.month, start.day))
        for widget in (self.know_start, self.start_edit):
            widget.blockSignals(False)

    def show_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline
        dated = timeline.start is not None
        self._show_start(timeline.start)
        self.delay_box.setEnabled(dated)
        self.save_button.setEnabled(dated)
        self.clinic_only.setEnabled(dated)
        self.save_button.setToolTip("" if dated else self.text.save_needs_date)
        if not dated or self.save_status.text() == self.text.save_needs_date:  # say why it is greyed out
            self.save_status.setText("" if dated else self.text.save_needs_date)
            self.save_status.setAccessibleName(self.save_status.text())
        delays = self.session.delays
        late = [self.text.delay_one.format(cycle=c, days=d, day_word=tr("day") if d == 1 else tr("days"))
                for c, d in sorted(delays.items())]
        self.delay_status.setText(" ".join(late) or self.text.delay_none)
        self.delay_status.setAccessibleName(self.delay_status.text())
        self.delay_clear.setEnabled(bool(delays))
        self.clinic_list.clear()
        if dated:
            self.clinic_list.addItems([clinic_line(day) for day in timeline.clinic_days()]
                                      or [self.text.clinic_list_none])
        else:
            self.clinic_list.addItem(self.text.clinic_list_empty)
