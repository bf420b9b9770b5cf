"""core.review: answers in, one report and one Summary out (issue 15 item 3).

Table-driven over this trial and the made-up one, with answers, without, and with an
empty file. The results page, the PDF, the web page and `check` all take this one
object (tests/test_session_review_gui.py checks the window's side)."""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

import pytest

from explainer.answers_io import load_answers
from explainer.cli import main
from explainer.commands.check import human_text
from explainer.content import load_questions, load_summary_text, load_trial
from explainer.core import review as review_module
from explainer.core.answers import new_answers_file
from explainer.core.eligibility import Status, evaluate
from explainer.core.review import Review, review
from explainer.core.summary import SummaryOptions
from tests.conftest import FIXTURES

QUESTIONS = load_questions()
TEXT = load_summary_text()
THIS = load_trial()
MADE_UP = load_trial(FIXTURES / "made_up_two_arm_study.json")
AS_OF = dt.date(2026, 12, 5)
PRINTED = dt.date(2026, 12, 6)

# (trial, answers file or None or "empty", answered?)
CASES = {
    "this trial, full answers": (THIS, FIXTURES / "full.answers.json", True),
    "this trial, no answers file": (THIS, None, False),
    "this trial, a file with nothing answered": (THIS, "empty", False),
    "made-up trial, its answers": (MADE_UP, FIXTURES / "made_up.answers.json", True),
    "made-up trial, no answers file": (MADE_UP, None, False),
}


def _answers(trial, source):
    if source == "empty":
        return new_answers_file(trial.nct_id, dt.date(2026, 11, 1))
    return None if source is None else load_answers(source, trial.nct_id)


@pytest.mark.parametrize(("trial", "source", "answered"), CASES.values(), ids=CASES.keys())
def test_the_report_is_the_rules_evaluated_on_the_answers(trial, source, answered) -> None:
    answers = _answers(trial, source)
    made = review(trial, QUESTIONS, answers, AS_OF)
    evaluated = answers if answers is not None else new_answers_file(trial.nct_id, AS_OF)
    assert made.report.to_spec_dict() == evaluate(trial, evaluated, QUESTIONS).to_spec_dict()
    assert made.answers is answers and made.trial is trial and made.questions is QUESTIONS
    # as_of dates only the empty self-check; a file's own date wins.
    assert made.report.as_of == (AS_OF if answers is None else answers.as_of)
    assert made.answered is answered
    assert made.printed_report is (made.report if answered else None)
    if answers is None:  # nothing answered: every rule that has a question stays open
        assert all(row.status is Status.UNKNOWN for row in made.report.criteria)


@pytest.mark.parametrize(("trial", "source", "answered"), CASES.values(), ids=CASES.keys())
def test_the_summary_prints_the_reports_own_rows(trial, source, answered) -> None:
    made = review(trial, QUESTIONS, _answers(trial, source), AS_OF)
    summary = made.summary(None, PRINTED, SummaryOptions(), TEXT)
    assert summary.self_check is not None and summary.printed_on == PRINTED
    assert summary.self_check.filled is answered
    rows = [(r.kind, r.status, r.plain, r.reason) for r in summary.self_check.rows]
    expected = [(c.kind, c.status, c.plain, c.reason) for c in made.report.criteria] if answered else []
    assert rows == expected
    assert summary.self_check.overall == (made.report.overall_words if answered else "")


def test_one_evaluation_per_review_and_none_for_its_summaries(monkeypatch) -> None:
    calls: list[object] = []

    def counted(*args, **kwargs):
        calls.append(args[1])
        return evaluate(*args, **kwargs)

    monkeypatch.setattr(review_module, "evaluate", counted)
    answers = load_answers(FIXTURES / "full.answers.json")
    made = review(THIS, QUESTIONS, answers, AS_OF)
    assert calls == [answers]
    for sections in (frozenset({"self_check"}), frozenset({"study", "self_check", "help"})):
        made.summary(None, PRINTED, SummaryOptions(sections), TEXT)
    assert made.printed_report is made.report and len(calls) == 1


def test_a_review_cannot_be_changed_after_it_is_made() -> None:
    made = review(THIS, QUESTIONS, None, AS_OF)
    with pytest.raises(AttributeError):
        made.report = made.report  # type: ignore[misc]
    assert isinstance(made, Review)


def test_only_the_review_evaluates_the_rules() -> None:
    """The results page, the PDF, the web page and `check` take the review's rows; a
    second caller of evaluate() would let two views disagree."""
    package = Path(review_module.__file__).parents[1]
    callers = set()
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.ImportFrom) and node.module == "explainer.core.eligibility"
                    and any(alias.name == "evaluate" for alias in node.names)):
                callers.add(path.relative_to(package).as_posix())
    assert callers == {"core/review.py"}


@pytest.mark.parametrize(("trial_file", "answers_file"), [
    (None, FIXTURES / "full.answers.json"),
    (FIXTURES / "made_up_two_arm_study.json", FIXTURES / "made_up.answers.json"),
], ids=["this trial", "made-up trial"])
def test_check_prints_the_reviews_rows(trial_file, answers_file, capsys) -> None:
    trial = THIS if trial_file is None else MADE_UP
    made = review(trial, QUESTIONS, load_answers(answers_file, trial.nct_id), AS_OF)
    where = [] if trial_file is None else ["--trial", str(trial_file)]
    assert main(["check", str(answers_file), "--json", *where]) == 0
    assert json.loads(capsys.readouterr().out) == made.report.to_spec_dict()
    assert main(["check", str(answers_file), *where]) == 0
    assert capsys.readouterr().out == human_text(made.report, trial) + "\n"
