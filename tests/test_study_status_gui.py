"""Issue 12 in the real window: the study's status heads every page where people decide,
the timeline and calendar say whom they are for, and the blood-pressure question is
asked the positive way (offscreen, pytest-qt, real clicks)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from explainer.core.eligibility import Status

HEADLINE = "On September 26, 2025, this study was not taking new people."
WHAT_TO_DO = "Ask your doctor or the study team if this has changed, and about other studies that may fit you."


def _first_lines(text: str, lines: int = 3) -> str:
    return " ".join(line.strip() for line in text.strip().splitlines()[:lines])


@pytest.mark.parametrize(("section", "title"), [
    ("welcome", "Welcome"),
    ("who-can-join", "Who can join"),
    ("self-check-results", "Your self-check results"),
])
def test_each_page_where_people_decide_opens_with_the_status(main_window, section, title) -> None:
    main_window.show_section(section)
    page = main_window.stack.currentWidget()
    text = page.browser.toPlainText()
    assert text.startswith(title)
    opening = _first_lines(text)
    assert HEADLINE in opening  # right under the title: status and date from the trial data
    assert "could not join it then" in text and WHAT_TO_DO in text and "NCT05911321" in text
    assert 'The help lines on the page "Where to get help"' in text


def test_the_self_check_page_opens_with_the_status(main_window) -> None:
    main_window.show_section("self-check")
    intro = main_window.self_check.questionnaire.widget().findChild(QLabel)
    words = intro.text()
    assert words.index("Check the entry rules yourself") < words.index(HEADLINE) < words.index("Answer what you can")


def test_the_timeline_and_calendar_say_they_are_for_people_in_the_study(main_window) -> None:
    main_window.show_section("timeline")
    view = main_window.timeline
    texts = [label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view)]
    people = ("This is for people already in the study. "
              "On September 26, 2025, the study was not taking new people.")
    intro = next(t for t in texts if t.startswith("This is for people"))
    assert intro.startswith(people) and "Treatment comes in cycles" in intro
    assert any(t.startswith(people) and "calendar file (.ics)" in t for t in
               (label.text() for label in view.personal.findChildren(QLabel)))


def test_blood_pressure_is_asked_the_positive_way_and_saved_as_before(main_window, qtbot) -> None:
    """Issue 12 item 6: no "not" question; the stored value keeps its meaning ("no" = not
    uncontrolled), so answers files saved before still mean the same."""
    main_window.show_section("self-check")
    check = main_window.self_check
    row = check.questionnaire.row("uncontrolled_hypertension")
    assert row.question.text == "Is your blood pressure under control?"
    assert " not " not in f" {row.question.text} "
    button = row.input.buttons["no"]
    assert row.input.findChildren(type(button))[0] is button  # the positive answer comes first
    row.input.ensurePolished()
    check.questionnaire.ensureWidgetVisible(button)
    with qtbot.waitSignal(main_window.session.answers_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert main_window.session.answers.answers.uncontrolled_hypertension == "no"
    assert check.results.status_of("uncontrolled_hypertension") is Status.SATISFIED
    assert "✓ Does not seem to apply to you: You cannot join if your high blood pressure is not under control." \
        in check.results.browser.toPlainText()


def test_no_question_is_asked_with_not() -> None:
    from explainer.content import load_questions

    asked = [q.text.split("?")[0] for q in load_questions().questions]
    assert [q for q in asked if " not " in f" {q} "] == []


def test_ecog_shows_its_numbers_and_kappa_lambda_says_abnormal(main_window, qtbot) -> None:
    """Issue 12 item 17, in the window: the numbers 0 to 4 beside the words; the ratio's
    answer reads "abnormal", in the question and in the results."""
    main_window.show_section("self-check")
    check = main_window.self_check
    ecog = check.questionnaire.row("ecog").input
    for number in range(5):
        assert ecog.buttons[str(number)].accessibleName().startswith(f"daily activity level (ECOG): {number}: ")
    ratio = check.questionnaire.row("flc_ratio_abnormal").input.buttons["yes"]
    assert ratio.text() == "Yes, it is abnormal"
    check.questionnaire.ensureWidgetVisible(ratio)
    with qtbot.waitSignal(main_window.session.answers_changed):
        qtbot.mouseClick(ratio, Qt.MouseButton.LeftButton, pos=QPoint(8, ratio.height() // 2))
    assert 'About abnormal kappa/lambda ratio, you answered "Yes, it is abnormal".' in \
        check.results.browser.toPlainText()
