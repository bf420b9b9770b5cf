"""Pages built a part per turn of the event loop at start-up (issue 18): each part
leaves the window whole, and the finished page is the same as one built at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.windows import shown_window


@pytest.fixture
def opened(qtbot):
    """As run() has it once the study is open: welcome page shown, no self-check or timeline yet."""
    from explainer.app import build_frame
    from explainer.content import load_trial

    window = shown_window(qtbot, build_frame)
    window.open_trial(load_trial(), lazy_pages=True)
    return window


def _menu(window) -> list[str]:
    return [action.text() for action in window.file_menu.actions()]


def _labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_the_self_check_is_usable_only_once_every_question_is_made(opened) -> None:
    from explainer.app import self_check_in_steps

    menu_before = _menu(opened)
    steps = self_check_in_steps(opened)
    next(steps)  # the page's frame: in the window, its questions not made yet
    assert "self-check" in opened.section_ids()
    built = []
    for _ in steps:  # one group per turn; nothing can be typed or opened into half a page
        assert not hasattr(opened, "self_check")
        assert _menu(opened) == menu_before
        assert not _questionnaire(opened).isEnabled()
        built.append(len(_questionnaire(opened).rows))
    questionnaire = opened.self_check.questionnaire
    assert questionnaire is _questionnaire(opened) and questionnaire.isEnabled()
    assert built == sorted(built) and len(set(built)) > 3  # several turns, each with more questions
    from explainer.core.rules import rule_questions

    asked = {key for criterion in opened.session.trial.criteria for key in rule_questions(criterion.rule)}
    assert list(questionnaire.rows) == [q.key for g in questionnaire.questions.groups  # what the study asks
                                        for q in questionnaire.questions.in_group(g.id) if q.key in asked]
    assert "&Open answers…" in _menu(opened) and "&Open answers…" not in menu_before


def _questionnaire(window):
    from explainer.ui.questionnaire import QuestionnaireView

    return window.findChild(QuestionnaireView)


def test_a_questionnaire_built_in_steps_is_the_one_built_at_once(opened) -> None:
    from explainer.content import load_questions
    from explainer.ui.questionnaire import QuestionnaireView

    at_once = QuestionnaireView(opened.session, load_questions(), opened_today)
    stepped = QuestionnaireView(opened.session, load_questions(), opened_today, in_steps=True)
    assert not stepped.isEnabled() and not stepped.rows and not stepped.groups
    turns = 0
    while stepped.build_next_group():
        turns += 1
        assert not stepped.isEnabled()
    # Two turns a group: made, then its words laid out (issue 18: no long last turn).
    assert turns == 2 * len(stepped.questions.groups) and stepped.isEnabled()
    assert stepped.build_next_group() is False  # done stays done
    assert list(stepped.rows) == list(at_once.rows) and list(stepped.groups) == list(at_once.groups)
    assert _labels(stepped) == _labels(at_once)
    # Sizes Qt kept from the steps are those of the page built at once.
    assert stepped.widget().minimumSizeHint() == at_once.widget().minimumSizeHint()
    assert stepped.minimumSizeHint() == at_once.minimumSizeHint()
    assert stepped.as_of == at_once.as_of


def opened_today():
    import datetime as dt

    return dt.date(2026, 12, 5)


def test_the_timeline_joins_the_window_only_once_it_is_whole(opened) -> None:
    from explainer.ui.main_window import OpeningPage
    from explainer.ui.timeline import TimelineView, install_timeline_in_steps

    steps = install_timeline_in_steps(opened)
    turns = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            view = done.value
            break
        turns += 1
        # Its row stands from the first paint (no row moves), but with the kind placeholder
        # in it, never the page half built.
        row_page = opened.stack.widget(opened.section_ids().index("timeline"))
        assert isinstance(row_page, OpeningPage) and "still opening" in row_page.text()
    assert turns >= 3
    assert opened.stack.widget(opened.section_ids().index("timeline")) is view
    at_once = TimelineView(opened.session)
    assert _labels(view) == _labels(at_once)
    assert view.choices == at_once.choices and view.timeline == at_once.timeline


def test_the_timeline_follows_new_dates_after_a_build_in_steps(opened) -> None:
    import datetime as dt

    from explainer.ui.timeline import install_timeline_in_steps

    steps = install_timeline_in_steps(opened)
    for _ in steps:
        pass
    view = opened.stack.widget(opened.section_ids().index("timeline"))
    assert view.timeline.start is None
    opened.session.set_start_date(dt.date(2026, 12, 1))  # the page listens once it is built
    assert view.timeline.start == dt.date(2026, 12, 1)
