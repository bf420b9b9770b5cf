"""The shared numbers' rules (explainer.core.carry) and their file: what fills in when a
study opens, what a change does, and the answers file growing only by an optional key
(spec §1: version 1 files still open; a file with "given" is still version 1)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from explainer.answers_io import AnswersError, load_answers, parse_answers
from explainer.content import load_questions
from explainer.core.answers import AnswerGiven, new_answers_file, to_json_text
from explainer.core.carry import carry_in, remember
from explainer.ui.carried import carried_words
from tests.conftest import FIXTURES
from tests.readability import MAX_GRADE, grade

BANK = load_questions()
A, B = "NCT04267848", "NCT05147467"
DAY1, DAY2 = dt.date(2026, 11, 2), dt.date(2026, 12, 1)


def lab(value: float, unit: str = "/uL"):
    return BANK.answers_model.model_validate({"platelets": {"value": value, "unit": unit}}).platelets


def shared(**answers) -> object:
    given = {key: AnswerGiven(trial=A, on=DAY1) for key in answers}
    return new_answers_file(A, DAY1, BANK.answers_model.model_validate(answers), given=given)


# ---------------------------------------------------------------- carry_in

@pytest.mark.parametrize(("kept", "asked", "trial", "values", "marked"), [
    (None, ["ecog"], B, {}, []),                                       # nothing kept yet
    ({"ecog": 1, "age_years": 70}, ["ecog"], B, {"ecog": 1}, ["ecog"]),  # only what this study asks
    ({"ecog": 1}, ["ecog", "platelets"], B, {"ecog": 1}, ["ecog"]),    # the rest stays blank: it is new
    ({"ecog": 1}, ["ecog"], A, {"ecog": 1}, []),                       # given for this study: no mark
])
def test_what_fills_in_when_a_study_opens(kept, asked, trial, values, marked) -> None:
    got, others = carry_in(None if kept is None else shared(**kept), asked, trial)
    assert got == values and sorted(others) == marked
    assert all(given == AnswerGiven(trial=A, on=DAY1) for given in others.values())


def test_a_file_without_given_says_its_own_study_and_date() -> None:
    plain = new_answers_file(A, DAY1, BANK.answers_model.model_validate({"ecog": 2}))
    assert carry_in(plain, ["ecog"], B)[1] == {"ecog": AnswerGiven(trial=A, on=DAY1)}


# ---------------------------------------------------------------- remember

@pytest.mark.parametrize(("kept", "before", "after", "answers", "given_by"), [
    # typed in B: new, then kept with where and when
    ({}, {}, {"ecog": 1}, {"ecog": 1}, {"ecog": (B, DAY2)}),
    # changed in B: the person meant it
    ({"ecog": 1}, {"ecog": 1}, {"ecog": 2}, {"ecog": 2}, {"ecog": (B, DAY2)}),
    # emptied in B: taken back; the other answers stay as given
    ({"ecog": 1, "age_years": 70}, {"ecog": 1, "age_years": 70}, {"age_years": 70}, {"age_years": 70},
     {"age_years": (A, DAY1)}),
    # a lab value changed; another key untouched keeps its date
    ({"ecog": 1}, {}, {"platelets": lab(90000)}, {"ecog": 1, "platelets": {"value": 90000, "unit": "/uL"}},
     {"ecog": (A, DAY1), "platelets": (B, DAY2)}),
])
def test_a_change_in_one_study_changes_the_shared_numbers(kept, before, after, answers, given_by) -> None:
    changed = remember(shared(**kept) if kept else None, before, after, B, DAY2, BANK)
    assert changed is not None and changed.answers.answered() == answers
    assert {key: (g.trial, g.on) for key, g in changed.given.items()} == given_by
    assert (changed.trial, changed.as_of, changed.criteria) == (B, DAY2, {})


@pytest.mark.parametrize(("kept", "before", "after"), [
    ({"ecog": 1}, {"ecog": 1}, {"ecog": 1}),   # nothing changed: nothing written
    ({"ecog": 1}, {}, {"ecog": 1}),            # the same number typed again
    ({}, {"ecog": 1}, {}),                     # emptied, but not kept anyway
    ({"ecog": 1}, {"nonsense": 1}, {}),        # no such question
])
def test_no_change_writes_nothing(kept, before, after) -> None:
    assert remember(shared(**kept) if kept else None, before, after, B, DAY2, BANK) is None


def test_an_older_date_never_moves_the_file_back() -> None:
    changed = remember(shared(ecog=1), {}, {"age_years": 60}, B, dt.date(2026, 10, 1), BANK)
    assert changed is not None and changed.as_of == DAY1 and changed.given["age_years"].on == dt.date(2026, 10, 1)


# ---------------------------------------------------------------- the file

def test_the_shared_file_is_a_version_1_answers_file_that_reads_back(tmp_path: Path) -> None:
    made = remember(None, {}, {"platelets": lab(150, "10^9/L"), "ecog": 1}, B, DAY2, BANK)
    text = to_json_text(made)
    data = json.loads(text)
    assert (data["version"], data["trial"], data["given"]["ecog"]) == (1, B, {"trial": B, "on": "2026-12-01"})
    path = tmp_path / "my-answers.json"
    path.write_text(text)
    assert to_json_text(load_answers(path)) == text


def test_files_without_given_still_open_and_are_written_without_it() -> None:
    text = (FIXTURES / "full.answers.json").read_text()
    again = to_json_text(parse_answers(text))
    assert json.loads(again) == json.loads(text) and "given" not in again


@pytest.mark.parametrize(("given", "words"), [
    ({"ecog": {"trial": B, "on": "2026-12-01"}}, "no such answer"),          # says where an answer no one gave
    ({"age_years": {"trial": B, "on": "2026-12-09"}}, "after the as-of date"),  # a date after the file's
    ({"age_years": {"trial": "B", "on": "2026-12-01"}}, "given.age_years.trial"),
    ({"age_years": {"trial": B, "on": "2026-12-01", "extra": 1}}, "unknown key"),
    ({"Age Years": {"trial": B, "on": "2026-12-01"}}, "given"),
])
def test_a_wrong_given_is_refused_naming_it(given, words) -> None:
    data = {"format": "trial-explainer-answers", "version": 1, "trial": B, "as_of": "2026-12-05",
            "answers": {"age_years": 70}, "given": given}
    with pytest.raises(AnswersError, match=words):
        parse_answers(json.dumps(data))


def test_the_mark_is_plain_words() -> None:
    words = carried_words(AnswerGiven(trial=A, on=DAY1))
    assert words == "You gave this answer for another study on November 2, 2026. Change it if it is not right now."
    assert grade(words) <= MAX_GRADE


def test_a_damaged_shared_file_is_one_plain_sentence_and_moved_aside(tmp_path: Path) -> None:
    from explainer.ui.carried import SharedAnswers

    path = tmp_path / "my-answers.json"
    path.write_text("{")
    kept, said = SharedAnswers(path).read()
    moved = list(tmp_path.glob("damaged-my-answers-*.answers.json"))
    assert kept is None and len(moved) == 1 and said.endswith(str(moved[0]))
    assert grade(said.rsplit(":", 1)[0] + ".") <= MAX_GRADE
    assert SharedAnswers(path).read() == (None, "")  # nothing there now: no sentence


# ---------------------------------------------------------------- study_answers

def _draft(trial: str, on: dt.date, **numbers):
    from explainer.core.answers import CriterionAnswer

    return new_answers_file(trial, on, BANK.answers_model.model_validate(numbers),
                            {"inc-2": CriterionAnswer(answer="yes", words="0123456789abcdef")})


@pytest.mark.parametrize(("kept", "draft", "numbers", "items", "as_of"), [
    (None, None, None, None, None),                                   # nothing answered anywhere
    ({"ecog": 1}, None, {"ecog": 1}, set(), DAY1),                        # only numbers given elsewhere
    (None, {}, {}, {"inc-2"}, DAY2),                                   # only this study's items
    (None, {"ecog": 2}, {"ecog": 2}, {"inc-2"}, DAY2),                 # an older draft's own numbers
    ({"ecog": 1}, {"ecog": 2}, {"ecog": 1}, {"inc-2"}, DAY2),          # the shared numbers win, as the page opens
])
def test_a_study_s_answers_are_the_shared_numbers_and_its_own_items(kept, draft, numbers, items, as_of) -> None:
    from explainer.core.carry import study_answers

    got = study_answers(None if kept is None else shared(**kept), None if draft is None else _draft(B, DAY2, **draft))
    if numbers is None:
        assert got is None
        return
    assert got.answers.answered() == numbers and set(got.criteria) == items and got.as_of == as_of
    if draft is not None:
        assert got.trial == B  # its item answers count only for their own study (own_answers)
