"""A question's problem line and its registry words are made when first needed (issue 18:
fewer widgets to make and style as the self-check is built), and then stand exactly where
a row made whole would have them: on the page, for a screen reader (the order of the
row's children) and in the focus chain. Real keys and clicks, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from explainer.ui.answer_inputs import ChoiceInput


@pytest.fixture
def check(main_window):
    main_window.show_section("self-check")  # keys go to widgets on the page that is shown
    return main_window.self_check


def _labels_named(check, start: str) -> list[QLabel]:
    return [label for label in check.questionnaire.findChildren(QLabel) if label.accessibleName().startswith(start)]


def _made_whole_order(row) -> list[QWidget]:
    """The row's widgets in the order a row made all at once had them as children."""
    order = [row.text, row.input, row.problem, row.hint, row.source_button, row.source]
    return order + ([] if isinstance(row.input, ChoiceInput) else [row.input.note])


@pytest.mark.parametrize("key", ["age_years", "can_consent"])
def test_a_line_made_later_stands_where_a_whole_row_has_it(check, qtbot, key) -> None:
    assert _labels_named(check, "Problem with") == []  # none is made before a problem is
    row = check.questionnaire.row(key)
    check.questionnaire.ensureWidgetVisible(row.source_button)
    qtbot.mouseClick(row.source_button, Qt.MouseButton.LeftButton)
    assert row.source.isVisible() and row.source.text().startswith("Registry wording, word for word:")
    if key == "age_years":  # a problem typed, as a person would
        row.input.field.setFocus()
        qtbot.keyClicks(row.input.field, "400")
        assert row.problem.isVisible() and "120" in row.problem.text()
    else:
        row.show_problem("A problem.")
    assert [label for label in _labels_named(check, "Problem with")] == [row.problem]
    layout = row.layout()
    shown = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert shown.index(row.problem) == shown.index(row.hint) - 1  # on the page: just above the hint
    assert shown.index(row.source) == shown.index(row.source_button) + 1  # just under its button
    whole = _made_whole_order(row)  # (asking for a line not made yet makes it, late: it must stand there too)
    children = [w for w in row.children() if isinstance(w, QWidget)]
    assert children == whole  # what a screen reader reads, in that order
    assert row.problem.focusPolicy() == Qt.FocusPolicy.NoFocus  # Tab never stops there, made early or late
    assert row.source_button.nextInFocusChain() is row.source  # a click selects its words; Tab goes on from there


def test_a_row_without_a_problem_makes_no_problem_line(check, qtbot) -> None:
    age = check.questionnaire.row("age_years")
    age.input.field.setFocus()
    with qtbot.waitSignal(check.window.session.answers_changed):
        qtbot.keyClicks(age.input.field, "67")
    assert check.window.session.answers.answers.age_years == 67
    assert _labels_named(check, "Problem with") == []
    assert _labels_named(check, "About your answer") == []  # no number came from another study either


def test_a_typed_answers_note_is_made_when_it_first_has_something_to_say(check, qtbot) -> None:
    """Issue 18: no typed answer makes its hidden note ahead. The first conversion makes
    it, just under the answer on the page, and among the row's children where a row made
    whole had it (a screen reader reads it last); it is named for its question and never
    takes the focus."""
    assert _labels_named(check, "Note about") == []
    row = check.questionnaire.row("platelets")
    row.input.unit.setCurrentIndex(row.input.unit.findData("10^9/L"))  # a unit changed: still nothing to say
    assert _labels_named(check, "Note about") == []
    check.questionnaire.ensureWidgetVisible(row.input.field)
    row.input.field.setFocus()
    qtbot.keyClicks(row.input.field, "40")
    [note] = _labels_named(check, "Note about")
    assert note is row.input.note and note.isVisible() and "40,000/µL" in note.text()
    assert note.accessibleName() == f"Note about {row.question.label}"
    layout = row.layout()
    shown = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert shown.index(note) == shown.index(row.input) + 1  # on the page: just under the answer
    assert note.geometry().top() >= row.input.geometry().bottom()
    whole = _made_whole_order(row)  # the problem line and the registry's words made now, after the note
    children = [w for w in row.children() if isinstance(w, QWidget)]
    assert children == whole
    assert note.focusPolicy() == Qt.FocusPolicy.NoFocus
    row.input.field.clear()  # nothing to say again: the note hides, and stays made
    assert note.isHidden() and _labels_named(check, "Note about") == [note]
