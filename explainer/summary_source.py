"""Gathers what a Summary needs (trial, answers, questionnaire, texts) and calls the
pure ``core.summary.build_summary``. The command line and the app both use it, so
they print the same PDF for the same inputs. No Qt, no reportlab here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from explainer.content import ContentError, load_glossary, load_questions, load_summary_text
from explainer.core.answers import AnswersFile, new_answers_file
from explainer.core.eligibility import evaluate
from explainer.core.model import Trial
from explainer.core.questions import Questionnaire
from explainer.core.schedule import build_timeline
from explainer.core.glossary import Glossary, words_used
from explainer.core.summary import GlossaryHook, Summary, SummaryOptions, SummaryText, build_summary
from explainer.timeline_text import timeline_text_for


def make_summary(trial: Trial, answers: AnswersFile | None, printed_on: dt.date, *,
                 start: dt.date | None = None, delays: Mapping[int, int] | None = None,
                 options: SummaryOptions | None = None, arm: int = 0) -> Summary:
    """``arm`` (from 0) picks the group where groups get different treatment."""
    questions = _builtin_questions()
    report = evaluate(trial, answers, questions) if answers is not None and answers.answers.answered() else None
    timeline = build_timeline(trial, start, delays, arm) if trial.regimens else None
    options = options or SummaryOptions()
    if options.glossary is None:
        options = replace(options, glossary=glossary_hook())
    if options.clinic_words is None:
        options = replace(options, clinic_words=timeline_text_for(trial).clinic_days)
    try:
        return build_summary(trial, report, timeline, printed_on, options, _builtin_text(), answers, questions)
    except KeyError as err:  # a placeholder in the words file that no fact fills
        raise ContentError(f"{TEXT_FILE}: unknown placeholder {{{{ {err.args[0]} }}}}") from None


def check_summary_words(trial: Trial) -> None:
    """For ``validate``: fill every placeholder of the words file, self-check and dates included."""
    answers = new_answers_file(trial.nct_id, trial.last_updated)
    questions = _builtin_questions()
    try:
        for arm in range(len(trial.regimens) or 1):
            timeline = build_timeline(trial, trial.start_date, {2: 1}, arm) if trial.regimens else None
            build_summary(trial, evaluate(trial, answers, questions), timeline, trial.last_updated,
                          SummaryOptions(clinic_words=timeline_text_for(trial).clinic_days), _builtin_text(),
                          answers, questions)
    except KeyError as err:
        raise ContentError(f"{TEXT_FILE}: unknown placeholder {{{{ {err.args[0]} }}}}") from None


def glossary_hook() -> GlossaryHook | None:
    """The PDF's "Words used in this summary" section: the glossary's words that the
    summary's own text uses, with their plain meanings (explainer/core/glossary.py)."""
    glossary = _builtin_glossary()
    return lambda text: words_used(text, glossary)


TEXT_FILE = "resources/pdf/summary.json"


# The built-in files do not change while the app runs; the export dialog re-renders
# on every tick of a box, so read and validate them once.
@lru_cache(maxsize=1)
def _builtin_questions() -> Questionnaire:
    return load_questions()


@lru_cache(maxsize=1)
def _builtin_glossary() -> Glossary:
    return load_glossary()  # its search pattern is built on first use, then kept with it


@lru_cache(maxsize=1)
def _builtin_text() -> SummaryText:
    return load_summary_text()
