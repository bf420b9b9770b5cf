"""A date field takes a date as people type it, and says how it read it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from explainer.ui.answer_inputs import DATE_WORDS, SHORT_YEAR, SHORT_YEAR_WORDS, parse_date

MARCH_1 = dt.date(2023, 3, 1)


@pytest.mark.parametrize(("text", "day_first", "expected"), [
    ("2023-03-01", False, MARCH_1), ("2023-3-1", True, MARCH_1), ("2023/03/01", False, MARCH_1),
    ("March 1 2023", False, MARCH_1), ("March 1, 2023", True, MARCH_1), ("march 1st, 2023", False, MARCH_1),
    ("Mar. 1, 2023", False, MARCH_1), ("1 March 2023", True, MARCH_1), ("1st of March 2023", False, MARCH_1),
    ("Sept 30, 2023", False, dt.date(2023, 9, 30)),
    ("3/1/2023", False, MARCH_1),  # month first (United States)
    ("3/1/2023", True, dt.date(2023, 1, 3)),  # day first (most of the world)
    ("1.3.2023", True, MARCH_1), ("01-03-2023", True, MARCH_1),
    ("25/12/2023", False, dt.date(2023, 12, 25)),  # only one reading is a date
    ("12/25/2023", True, dt.date(2023, 12, 25)),
    ("3/1/23", False, SHORT_YEAR), ("March 1, 23", False, SHORT_YEAR),
    ("2023-02-30", False, None), ("13/13/2023", False, None), ("next week", False, None),
    ("March 2023", False, None), ("Ma 1 2023", False, None), ("March 1 2023 5", False, None), ("", False, None),
])
def test_typed_dates(text: str, day_first: bool, expected) -> None:
    assert parse_date(text, day_first) == expected


@pytest.fixture
def when(main_window, qtbot):
    """The transplant date field, with a transplant answered."""
    check = main_window.self_check
    check.questionnaire.row("prior_asct").input.buttons["yes"].click()
    row = check.questionnaire.row("asct_date")
    row.input.field.setFocus()
    return row


@pytest.mark.parametrize(("day_first", "typed", "meant"), [
    (False, "3/1/2023", MARCH_1), (True, "3/1/2023", dt.date(2023, 1, 3)),
    (False, "March 1 2023", MARCH_1), (True, "2023-03-01", MARCH_1)])
def test_a_typed_date_becomes_the_answer_and_is_said_back(main_window, when, qtbot, day_first, typed, meant) -> None:
    when.input.day_first = day_first
    qtbot.keyClicks(when.input.field, typed)
    assert main_window.session.answers.answers.asct_date == meant
    said_back = f"We read this as {meant.strftime('%B')} {meant.day}, {meant.year}."
    assert (said_back in when.input.note.text()) is (typed != "2023-03-01")
    assert not when.input.note.isHidden()


@pytest.mark.parametrize(("typed", "words"), [("next week", DATE_WORDS), ("3/1/23", SHORT_YEAR_WORDS)])
def test_a_date_it_cannot_read_says_what_it_expects(main_window, when, qtbot, typed, words) -> None:
    qtbot.keyClicks(when.input.field, typed)
    assert when.input.note.text() == words
    assert main_window.session.answers.answers.asct_date is None
    qtbot.keyClick(when.input.field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def test_the_first_treatment_day_says_what_it_takes(main_window, qtbot) -> None:
    """A date box cannot read 1/4/2027: it says plainly how to give a date, and what it
    says works (the calendar by Alt+Down; Up and Down change the part)."""
    from explainer.ui.personal_dates import START_HINT

    personal = main_window.timeline.personal
    personal.set_start(dt.date(2027, 1, 4))
    assert personal.start_hint.text() == START_HINT == personal.start_edit.accessibleDescription()
    assert not personal.start_hint.isHidden()
    personal.start_edit.setFocus()
    qtbot.keyClick(personal.start_edit, Qt.Key.Key_Up)  # the month part: one month later
    assert main_window.session.start_date == dt.date(2027, 2, 4)
