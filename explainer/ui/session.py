"""The one object that owns what the user has entered in this window.

Views receive the session through their constructor and subscribe to its
``*_changed`` signals; they never talk to each other directly. The questionnaire
sets ``answers``; the timeline sets ``start_date``; the PDF export reads both.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Signal

from explainer.core.model import Trial


class Session(QObject):
    answers_changed = Signal(object)
    start_date_changed = Signal(object)

    def __init__(self, trial: Trial, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.trial = trial
        self._answers: Any = None
        self._start_date: dt.date | None = None

    @property
    def answers(self) -> Any:
        return self._answers

    def set_answers(self, answers: Any) -> None:
        if answers != self._answers:
            self._answers = answers
            self.answers_changed.emit(answers)

    @property
    def start_date(self) -> dt.date | None:
        return self._start_date

    def set_start_date(self, start: dt.date | None) -> None:
        if start != self._start_date:
            self._start_date = start
            self.start_date_changed.emit(start)
