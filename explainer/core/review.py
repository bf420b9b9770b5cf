"""One review of the patient's answers: answers in, the self-check report (a row per
rule) and the Summary out. The results page, the PDF, the web page and ``check`` all
take their rows from one ``Review``, so they cannot disagree, and the rules are
evaluated once per set of answers, not once per view.

Pure: no Qt, no files, no clock (the date comes in as ``as_of``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from explainer.core.answers import AnswersFile, new_answers_file
from explainer.core.eligibility import EligibilityReport, evaluate
from explainer.core.model import Trial
from explainer.core.questions import Questionnaire

if TYPE_CHECKING:  # the summary's models load on the first export, not with the window (issue 18)
    from explainer.core.schedule import Timeline
    from explainer.core.summary import Summary, SummaryOptions, SummaryText


@dataclass(frozen=True)
class Review:
    trial: Trial
    questions: Questionnaire | None
    answers: AnswersFile | None  # as given: None when the patient gave no answers file
    report: EligibilityReport  # every rule; with no answers, each one still open

    @property
    def answered(self) -> bool:
        return self.answers is not None and bool(self.answers.answers.answered())

    @property
    def printed_report(self) -> EligibilityReport | None:
        """The report a summary prints: none until a question is answered, so an empty
        self-check is printed as "not filled in", not as a page of open rules."""
        return self.report if self.answered else None

    def summary(self, timeline: Timeline | None, printed_on: dt.date, options: SummaryOptions,
                text: SummaryText) -> Summary:
        """The PDF's and web page's Summary, with this review's rows (KeyError: a
        placeholder in ``text`` that no fact fills)."""
        from explainer.core.summary import build_summary

        return build_summary(self.trial, self.printed_report, timeline, printed_on, options, text,
                             self.answers, self.questions)


def review(trial: Trial, questions: Questionnaire | None, answers: AnswersFile | None, as_of: dt.date) -> Review:
    """``as_of`` dates the empty self-check used when there are no answers (today, in the app)."""
    evaluated = answers if answers is not None else new_answers_file(trial.nct_id, as_of)
    return Review(trial, questions, answers, evaluate(trial, evaluated, questions))
