"""Gathers what a Summary needs (the review of the answers, timeline, texts) and calls
the pure ``core.review.Review.summary``. The command line and the app both use it, so
they print the same PDF for the same inputs; the app passes its session's review, so
the PDF shows the very rows of the results page. No Qt, no reportlab here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache

from explainer.content import ContentError, lone_trial_glossary, load_questions, load_summary_text
from explainer.core.answers import AnswersFile, new_answers_file
from explainer.core.model import Trial
from explainer.core.questions import Questionnaire
from explainer.core.review import Review, review
from explainer.core.schedule import build_timeline
from explainer.core.glossary import Glossary, words_used
from explainer.core.language import LANGUAGES, current_language, per_language
from explainer.core.summary import GlossaryHook, Summary, SummaryOptions, SummaryText, build_summary
from explainer.timeline_text import timeline_text_for


def make_summary(trial: Trial, answers: AnswersFile | None, printed_on: dt.date, *,
                 start: dt.date | None = None, delays: Mapping[int, int] | None = None,
                 options: SummaryOptions | None = None, arm: int = 0, glossary: Glossary | None = None) -> Summary:
    """The summary of an answers file (or none). ``arm`` (from 0) picks the group where
    groups get different treatment; ``glossary``: see summary_of."""
    return summary_of(review_answers(trial, answers, printed_on), printed_on, start=start, delays=delays,
                      options=options, arm=arm, glossary=glossary)


def review_answers(trial: Trial, answers: AnswersFile | None, as_of: dt.date) -> Review:
    """The review of these answers against the built-in questions (``as_of`` dates an
    empty self-check when there are no answers)."""
    return review(trial, builtin_questions(), answers, as_of)


def summary_of(reviewed: Review, printed_on: dt.date, *, start: dt.date | None = None,
               delays: Mapping[int, int] | None = None, options: SummaryOptions | None = None,
               arm: int = 0, glossary: Glossary | None = None) -> Summary:
    """The summary with this review's rows: nothing is evaluated again here. ``glossary``:
    the opened study's (its bundle's); without it, what its trial file alone gets."""
    trial = reviewed.trial
    timeline = build_timeline(trial, start, delays, arm) if trial.regimens else None
    options = options or SummaryOptions()
    if options.glossary is None:
        options = replace(options, glossary=glossary_hook(glossary or _lone_trial_glossary(trial.nct_id)))
    if options.clinic_words is None:
        options = replace(options, clinic_words=timeline_text_for(trial).clinic_days)
    try:
        return reviewed.summary(timeline, printed_on, options, _builtin_text())
    except KeyError as err:  # a placeholder in the words file that no fact fills
        raise ContentError(f"{TEXT_FILE}: unknown placeholder {{{{ {err.args[0]} }}}}") from None


def check_summary_words(trial: Trial) -> None:
    """For ``validate``: fill every placeholder of the words file, self-check and dates included."""
    answers = new_answers_file(trial.nct_id, trial.last_updated)
    questions = builtin_questions()
    report = review(trial, questions, answers, trial.last_updated).report  # printed even though empty
    try:
        for arm in range(len(trial.regimens) or 1):
            timeline = build_timeline(trial, trial.start_date, {2: 1}, arm) if trial.regimens else None
            build_summary(trial, report, timeline, trial.last_updated,
                          SummaryOptions(clinic_words=timeline_text_for(trial).clinic_days), _builtin_text(),
                          answers, questions)
    except KeyError as err:
        raise ContentError(f"{TEXT_FILE}: unknown placeholder {{{{ {err.args[0]} }}}}") from None


def glossary_hook(glossary: Glossary) -> GlossaryHook | None:
    """The PDF's "Words used in this summary" section: the study glossary's words that
    the summary's own text uses, with their plain meanings (explainer/core/glossary.py)."""
    return lambda text: words_used(text, glossary)


TEXT_FILE = "resources/pdf/summary.json"


# The built-in files do not change while the app runs; the export dialog re-renders
# on every tick of a box, so read and validate them once per language (a Spanish
# window may print an English PDF: each language gets its own words).
@per_language
def builtin_questions() -> Questionnaire:
    return load_questions()


def _lone_trial_glossary(nct_id: str) -> Glossary:
    return _lone_trial_glossary_in(nct_id, current_language())


@lru_cache(maxsize=2 * len(LANGUAGES))
def _lone_trial_glossary_in(nct_id: str, language: str) -> Glossary:
    return lone_trial_glossary(nct_id)  # its search pattern is built on first use, then kept with it


@per_language
def _builtin_text() -> SummaryText:
    return load_summary_text()
