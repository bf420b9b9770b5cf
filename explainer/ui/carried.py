"""The patient's numbers, kept once for every study: the one owner of the file
``my-answers.json`` in the data folder (the rules are in explainer.core.carry).

It is a version 1 answers file (spec §1; its ``trial`` is the study of the last
change) holding only answers to bank questions, with ``given``: where and when each
was given. Each study's own draft keeps only that study's item answers. The file is
written whole or not at all, 0600, and read with the answers files' capped reader; one
that cannot be read is moved aside, said in one plain sentence, and never stops a
study from opening.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from explainer.answers_io import AnswersError
from explainer.core.answers import AnswerGiven, AnswersFile
from explainer.core.carry import remember
from explainer.core.facts import long_date
from explainer.paths import data_dir
from explainer.ui.self_check import DraftStore

if TYPE_CHECKING:
    from explainer.core.questions import Questionnaire

SHARED_NAME = "my-answers.json"


def shared_path() -> Path:
    return data_dir() / SHARED_NAME


class SharedAnswers(DraftStore):
    """The shared numbers on disk (DraftStore's atomic 0600 write, capped read, set-aside)."""

    DAMAGED_PREFIX = "damaged-my-answers"

    def __init__(self, path: Path | None = None) -> None:
        super().__init__(path or shared_path())

    def read(self) -> tuple[AnswersFile | None, str]:
        """The shared answers (None if there are none), and one plain sentence if they
        could not be read: then the file is moved aside, or if even that fails, left
        alone and never written over."""
        if self.frozen:
            return None, ""
        try:
            return self.load(), ""
        except AnswersError:
            try:
                backup = self.set_aside()
            except OSError:
                self.frozen = True
                return None, ("The numbers you gave for other studies could not be read, so the app "
                              f"leaves that file as it is and will not share them this time: {self.path}")
            return None, ("The numbers you gave for other studies could not be read, so the app "
                          f"moved that file aside, and you can type them again: {backup}")

    def change(self, before: Mapping[str, Any], after: Mapping[str, Any], trial: str, on: dt.date,
               bank: Questionnaire) -> str:
        """Keep the patient's change for every study; one plain sentence if it could not be kept."""
        shared, problem = self.read()
        if problem or self.frozen:
            return problem
        changed = remember(shared, before, after, trial, on, bank)
        if changed is None:
            return ""
        try:
            self.save(changed)
        except OSError as err:  # a full disk must not stop the questions
            return f"The numbers you gave could not be kept for your other studies: {err.strerror or err}"
        return ""


def carried_words(given: AnswerGiven) -> str:
    return (f"You gave this answer for another study on {long_date(given.on)}. "
            "Change it if it is not right now.")


def carried_note(name: str) -> QLabel:
    """The mark beside an answer that came from another study (hidden until it does)."""
    note = QLabel()
    note.setObjectName("carried")
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setAccessibleName(f"About your answer: {name}")
    note.hide()
    return note


def show_carried(note: QLabel, given: AnswerGiven | None) -> None:
    note.setText(carried_words(given) if given else "")
    note.setVisible(given is not None)
    if given is not None:
        note.setAccessibleDescription(note.text())


class EraseSharedQuestion:
    """After a study's answers are erased: the numbers kept for every study too? (tests replace ``ask``)"""

    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        answer = QMessageBox.question(
            parent, "Erase the numbers for all studies?",
            "The app also keeps the numbers you gave, such as your age and blood tests, for every study "
            "you look at. Erase those too?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
