"""What the person has put into the main window, taken over by a window built again
(View > Language builds the window anew in the other language).

Taken as the person left it, widget by widget, not only the valid answers: a number
still being typed, "Not sure", a unit chosen before the number. The new window's
questions are built from the same question bank in the same order, so each answer's
controls pair up one to one. Nothing the person has not typed is changed: the answers
go in quietly (the numbers kept for every study are not rewritten), and the marks of
answers another study gave stay where they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

if TYPE_CHECKING:
    from explainer.ui.main_window import MainWindow


def _controls(widget: QWidget) -> list[QWidget]:
    """An answer's controls in the order they were made (the same in every build)."""
    return [child for child in widget.findChildren(QWidget)
            if isinstance(child, (QLineEdit, QAbstractButton, QComboBox))]


def _state_of(control: QWidget) -> Any:
    if isinstance(control, QLineEdit):
        return control.text()
    if isinstance(control, QComboBox):
        return control.currentIndex()
    return control.isChecked() if control.isCheckable() else None  # type: ignore[attr-defined]


def _set_state(control: QWidget, state: Any) -> None:
    if state is None:
        return
    if isinstance(control, QLineEdit):
        control.setText(state)
    elif isinstance(control, QComboBox):
        control.setCurrentIndex(state)
    elif state:  # a ticked box or the chosen button (its group unticks the others)
        control.setChecked(True)  # type: ignore[attr-defined]


@dataclass
class WindowState:
    section: str | None = None
    answers: Any = None  # the session's AnswersFile (its date included)
    inputs: dict[str, list[Any]] = field(default_factory=dict)  # question key -> its controls' states
    marked: frozenset[str] = frozenset()  # answers shown as given for another study
    start_date: dt.date | None = None
    delays: Mapping[int, int] = field(default_factory=dict)
    arm: int = 0
    cycle: int | None = None  # the cycle the timeline's grid shows
    form: tuple[Any, ...] | None = None  # the dates form's fields not (yet) in the session
    # Each study record window: (study, page row, places, geometry, its check page's controls by item or None).
    records: list[tuple[Any, int, Any, Any, dict[str, list[Any]] | None]] = field(default_factory=list)

    @classmethod
    def of(cls, window: MainWindow) -> WindowState:
        state = cls()
        ids = window.section_ids()
        row = window.navigator.currentRow()
        state.section = ids[row] if 0 <= row < len(ids) else None
        session = window.session
        if session is not None:
            state.answers = session.answers
            state.start_date, state.delays, state.arm = session.start_date, dict(session.delays), session.arm
        timeline = getattr(window, "timeline", None)
        if timeline is not None:
            personal = timeline.personal
            state.cycle = timeline.cycle_number.value()
            state.form = (personal.start_edit.date(), personal.delay_cycle.value(), personal.delay_days.value(),
                          personal.clinic_only.isChecked())
        check = getattr(window, "self_check", None)
        if check is not None:
            state.inputs = {key: [_state_of(c) for c in _controls(row.input)]
                            for key, row in check.questionnaire.rows.items()}
            state.marked = frozenset(key for key, note in check.shared.notes.items() if not note.isHidden())
        records = getattr(window, "study_records", None)
        for shown in (records.windows.values() if records is not None else ()):
            check = {item_id: [_state_of(c) for c in _controls(row)] for item_id, row in shown.check_page.rows.items()} \
                if shown.check_page_built else None
            state.records.append((shown.study, shown.navigator.currentRow(), shown.place, shown.saveGeometry(), check))
        return state

    def put_answers(self, window: MainWindow) -> None:
        """Into ``window``'s self-check (built): the answers, then each control as it was left."""
        check = window.self_check  # type: ignore[attr-defined]
        questionnaire = check.questionnaire
        with check.shared.quiet():  # taken over, not typed: the numbers every study shares stay
            if self.answers is not None:
                questionnaire.load(self.answers)
            for key, states in self.inputs.items():
                if key in questionnaire.rows:
                    for control, state in zip(_controls(questionnaire.rows[key].input), states, strict=False):
                        _set_state(control, state)
        self._mark_carried(check)

    def _mark_carried(self, check: Any) -> None:
        if not self.marked:
            return
        from explainer.core.carry import given_for

        shared, _problem = check.shared.store.read()
        if shared is not None:
            check.shared.mark({key: given_for(shared, key) for key in self.marked})

    def put_dates(self, window: MainWindow) -> None:
        """Into ``window``'s timeline (built): the group, the first treatment day and the late cycles."""
        session = window.session
        timeline = getattr(window, "timeline", None)
        if session is None or timeline is None:
            return
        arm_choice = getattr(timeline, "arm_choice", None)
        if self.arm and arm_choice is not None:
            arm_choice.setCurrentIndex(self.arm)  # as the person would: the page follows
        else:
            session.set_arm(self.arm)
        if self.start_date is not None:
            timeline.personal.set_start(self.start_date)
        session.set_delays(self.delays)
        personal = timeline.personal
        if self.form is not None:
            date, delay_cycle, delay_days, clinic_only = self.form
            if self.start_date is None:  # a day chosen but not ticked: the session has no date
                personal.start_edit.setDate(date)
            personal.delay_cycle.setValue(delay_cycle)
            personal.delay_days.setValue(delay_days)
            personal.clinic_only.setChecked(clinic_only)
        if self.cycle is not None:
            timeline.show_cycle(self.cycle)

    def put_section(self, window: MainWindow) -> bool:
        """The page the person was on; False while it is not in the window yet."""
        if self.section is None or self.section not in window.section_ids():
            return False
        window.show_section(self.section)
        return True

    def put_records(self, window: MainWindow) -> None:
        """Each study record window open before, opened again (its answers come back from
        the file they are kept in as they are typed), on the same page and places; then its
        check page's controls as they were left (a number half typed is in no file)."""
        records = getattr(window, "study_records", None)
        if records is None:
            return
        for study, row, place, geometry, check in self.records:
            shown = records.show_study(study, None)
            shown.restoreGeometry(geometry)
            if shown.place_filter is not None and not place.is_any:
                from explainer.ui.place_memory import choose

                shown.show_place(choose(shown.place_filter, place))
            if check is not None:
                page = shown.check_page
                for item_id, states in check.items():
                    if item_id in page.rows:
                        for control, state in zip(_controls(page.rows[item_id]), states, strict=False):
                            _set_state(control, state)
            shown.navigator.setCurrentRow(row)
