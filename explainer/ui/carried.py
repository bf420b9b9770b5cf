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
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from explainer.answers_io import AnswersError
from explainer.core.answers import AnswerGiven, AnswersFile, new_answers_file
from explainer.core.carry import carry_in, given_for, remember
from explainer.core.facts import long_date
from explainer.paths import data_dir
from explainer.ui.i18n import tr
from explainer.ui.labels import ask_yes_no
from explainer.ui.self_check import DraftStore

if TYPE_CHECKING:
    from explainer.core.questions import Questionnaire
    from explainer.ui.self_check import SelfCheck

SHARED_NAME = "my-answers.json"


def shared_path() -> Path:
    return data_dir() / SHARED_NAME


def kept_numbers() -> AnswersFile | None:
    """The numbers kept for every study, only read (the list of studies and the comparison
    look; a file that cannot be read is set aside by the page that uses it, not here)."""
    try:
        return SharedAnswers().load()
    except (AnswersError, OSError):
        return None


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
                return None, tr("The numbers you gave for other studies could not be read, so the app "
                                "leaves that file as it is and will not share them this time: {path}").format(
                                    path=self.path)
            return None, tr("The numbers you gave for other studies could not be read, so the app "
                            "moved that file aside, and you can type them again: {path}").format(path=backup)

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
            return tr("The numbers you gave could not be kept for your other studies: {error}").format(
                error=err.strerror or err)
        return ""


def carried_words(given: AnswerGiven) -> str:
    return tr("You gave this answer for another study on {date}. Change it if it is not right now.").format(
        date=long_date(given.on))


def carried_note(name: str) -> QLabel:
    """The mark beside an answer that came from another study (hidden until it does)."""
    note = QLabel()
    note.setObjectName("carried")
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setAccessibleName(tr("About your answer: {question}").format(question=name))
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
        return ask_yes_no(
            parent, tr("Erase the numbers for all studies?"),
            tr("The app also keeps the numbers you gave, such as your age and blood tests, for every study "
               "you look at. Erase those too?"))


class CarriedNotes(dict):  # type: ignore[type-arg]  # question key -> its note (QLabel)
    """The notes under the answers another study gave, each made when first asked for:
    most answers never get one, and a hidden label still costs its making and styling.
    A note not made yet is one not shown."""

    def __init__(self, rows: Mapping[str, Any]) -> None:
        super().__init__()
        self._rows = rows

    def __missing__(self, key: str) -> QLabel:
        row = self._rows[key]
        note = self[key] = carried_note(row.question.label)
        row.layout().insertWidget(row.layout().indexOf(row.input) + 1, note)  # right under the answer
        return note


class SharedNumbers(QObject):
    """The curated self-check's side of the shared numbers: fill in at start, keep what
    the patient changes, mark what another study gave. Loading answers (the draft, a file)
    is done ``quiet()``: only typing changes the numbers every study shares."""

    def __init__(self, check: SelfCheck, store: SharedAnswers | None = None) -> None:
        super().__init__(check)
        self.check = check
        self.store = store or SharedAnswers()
        self.store.remove_leftovers()
        self._quiet = 0
        self._values: dict[str, Any] = {}
        self.notes = CarriedNotes(check.questionnaire.rows)
        check.window.session.answers_changed.connect(self._changed)

    @property
    def trial(self) -> str:
        return self.check.window.session.trial.nct_id

    @contextmanager
    def quiet(self) -> Iterator[None]:
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1
            self.mark({})
            self._values = self._numbers(self.check.window.session.answers)[0]

    def mark(self, others: Mapping[str, AnswerGiven]) -> None:
        for key in {*self.notes, *(key for key in others if key in self.check.questionnaire.rows)}:
            show_carried(self.notes[key], others.get(key))

    def _numbers(self, answers: AnswersFile | None) -> tuple[dict[str, Any], set[str]]:
        """The valid answers by key, and the keys whose field holds something not (yet) valid."""
        rows = self.check.questionnaire.rows
        valid = {key: value for key in rows if answers and (value := answers.answers.get(key)) is not None}
        return valid, {key for key, row in rows.items() if key not in valid and row.input.value() is not None}

    def _changed(self, answers: AnswersFile | None) -> None:
        if self._quiet or answers is None:
            return
        valid, unsettled = self._numbers(answers)
        after = {**valid, **{key: self._values[key] for key in unsettled if key in self._values}}
        for key, note in self.notes.items():
            if after.get(key) != self._values.get(key):
                show_carried(note, None)
        self._say(self.store.change(self._values, after, self.trial, answers.as_of, self.check.questions))
        self._values = after

    def carry_in(self) -> None:
        """The numbers kept for every study, over what the window holds (they are the newest)."""
        shared, problem = self.store.read()
        self._say(problem)
        values, others = carry_in(shared, self.check.questionnaire.rows, self.trial)
        if shared is None or not values:
            return
        current = self.check.questionnaire.answers_file()
        mine = {key: value for key in self.check.questionnaire.rows
                if (value := current.answers.get(key)) is not None}
        as_of = max([current.as_of, *(given_for(shared, key).on for key in values)])
        try:
            merged = new_answers_file(self.trial, as_of, self.check.questions.answers_model.model_validate(
                {**mine, **values}))
        except ValidationError:  # a kept number that no longer fits: the window opens without them
            return
        with self.quiet():
            self.check.questionnaire.load(merged)
        self.mark(others)

    def erase_too(self) -> None:
        """Erasing this study's answers: ask about the numbers kept for every study."""
        if not os.path.lexists(self.store.path) or not EraseSharedQuestion.ask(self.check.window):
            return
        try:
            self.store.erase()
        except OSError as err:
            self._say(tr("The app could not delete the numbers it keeps for all studies ({error}). "
                         "They are in this file: {path}").format(error=err.strerror or err, path=self.store.path))

    def _say(self, problem: str) -> None:
        if problem:  # in the status bar, so it never stops the window from opening
            self.check.window.statusBar().showMessage(problem)
