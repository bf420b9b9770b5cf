"""The one object that owns what the user has entered in this window.

Views receive the session through their constructor and subscribe to its
``*_changed`` signals; they never talk to each other directly. The questionnaire
sets ``answers``; the timeline sets ``start_date`` and ``delays``; the PDF export
reads them all (``timeline()`` gives the schedule both the screen and PDF draw).
``review()`` gives the self-check report the results page, the PDF and the web page
show: evaluated once per set of answers, announced by ``report_changed``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the models load after the first screen is drawn (see explainer.app)
    from explainer.core.glossary import Glossary
    from explainer.core.model import Trial
    from explainer.core.questions import Questionnaire
    from explainer.core.review import Review
    from explainer.core.schedule import Timeline


class Session(QObject):
    answers_changed = Signal(object)
    start_date_changed = Signal(object)
    delays_changed = Signal(object)
    arm_changed = Signal(int)
    report_changed = Signal(object)  # the new Review, right after answers_changed

    def __init__(self, trial: Trial, parent: QObject | None = None,
                 today: Callable[[], dt.date] = dt.date.today, *, glossary: Glossary | None = None) -> None:
        super().__init__(parent)
        self.trial = trial
        # The opened study's hard words (its bundle's glossary; the window passes it): the
        # self-check, the results page and the PDF take them from here. None marks no words.
        self.glossary = glossary
        self._today = today  # dates the empty self-check shown before any answer
        self._questions: Questionnaire | None = None
        self._review: Review | None = None
        self._answers: Any = None
        self._start_date: dt.date | None = None
        self._delays: Mapping[int, int] = MappingProxyType({})
        self._arm = 0  # the group whose schedule is shown, where groups get different treatment
        self._timeline: tuple[tuple[Any, ...], Timeline] | None = None  # the last one built, with what it was built from

    @property
    def answers(self) -> Any:
        return self._answers

    def set_answers(self, answers: Any) -> None:
        if answers != self._answers:
            self._answers = answers
            self._review = None
            self.answers_changed.emit(answers)
            self.report_changed.emit(self.review())

    @property
    def questions(self) -> Questionnaire:
        """The self-check's questions, read once (the built-in file)."""
        if self._questions is None:
            from explainer.content import load_questions  # not summary_source: that loads the summary's code

            self._questions = load_questions()
        return self._questions

    def review(self) -> Review:
        """The answers' review (report rows and, from them, the Summary): made on first
        use after the answers change, then the same object for every view."""
        if self._review is None:
            from explainer.core.review import review

            self._review = review(self.trial, self.questions, self._answers, self._today())
        return self._review

    @property
    def start_date(self) -> dt.date | None:
        return self._start_date

    def set_start_date(self, start: dt.date | None) -> None:
        if start != self._start_date:
            self._start_date = start
            self.start_date_changed.emit(start)

    @property
    def delays(self) -> Mapping[int, int]:
        """Cycle number -> days that cycle started late (see core.schedule.build_timeline)."""
        return self._delays

    def set_delays(self, delays: Mapping[int, int]) -> None:
        cleaned = {cycle: days for cycle, days in delays.items() if days > 0}
        if cleaned != dict(self._delays):
            self._delays = MappingProxyType(cleaned)
            self.delays_changed.emit(self._delays)

    @property
    def arm(self) -> int:
        """The group (from 0) whose schedule the timeline and the PDF show."""
        return self._arm

    def set_arm(self, arm: int) -> None:
        """Another group's schedule: its cycles differ, so delays entered for the last one go."""
        if arm != self._arm:
            self._arm = arm
            self._delays = MappingProxyType({})
            self.arm_changed.emit(arm)

    def timeline(self) -> Timeline:
        """The schedule with the patient's own dates and delays, as screen and PDF show it.
        Only for a trial with a schedule (``trial.regimens``)."""
        from explainer.core.schedule import build_timeline

        # Kept until one of its inputs changes: the timeline page asks three times as it is
        # built, and again on every refresh (a timeline is immutable, so sharing it is safe).
        inputs = (self.trial, self._start_date, tuple(sorted(self._delays.items())), self._arm)
        if self._timeline is None or self._timeline[0] != inputs:
            self._timeline = (inputs, build_timeline(self.trial, self._start_date, self._delays, self._arm))
        return self._timeline[1]
