"""The self-check feature in the window: its two sections, the File menu actions
(open, save, erase), and the draft that autosaves so nothing typed is ever lost.

Every dialog sits behind a ``@classmethod ask()`` so tests replace one call.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from explainer.answers_io import AnswersError, load_answers, parse_answers, read_answers_text
from explainer.files import output_problem, private_folder, remove_leftover_temporaries, write_atomically
from explainer.core.answers import AnswersFile, new_answers_file, to_json_text
from explainer.core.facts import long_date
from explainer.paths import data_dir
from explainer.ui.capped import CappedScrollArea
from explainer.ui.i18n import tr
from explainer.ui.labels import ask_yes_no, plain_warning_box
from explainer.ui.pages import DefinitionPanel, DefinitionPlace
from explainer.ui.questionnaire import QuestionnaireView
from explainer.ui.results import ResultsSummaryBar, ResultsView
from explainer.ui.saving import ask_save_path, write_file

if TYPE_CHECKING:
    from explainer.ui.main_window import MainWindow

def file_filter() -> str:
    return tr("Trial Explainer answers (*.answers.json *.json)")


class OpenAnswersDialog:
    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Open your answers"), str(Path.home()), file_filter())
        return Path(path) if path else None


class SaveAnswersDialog:
    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        return ask_save_path(parent, tr("Save your answers"), "my-self-check.answers.json", file_filter(),
                             ".json", added=".answers.json")


class EraseAnswersDialog:
    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        return ask_yes_no(
            parent, tr("Erase my answers?"),
            tr("This erases every answer in the window and the copy the app keeps while you work. "
               "Files you saved yourself stay where you saved them.\n\nErase your answers?"))


class RestoreDraftDialog:
    """At start-up: carry on with the answers kept from last time, or start fresh.
    Answers are kept between sessions on purpose (after a normal quit too), so the
    words say so rather than sound like recovering from a crash. Starting fresh
    clears them, so the question is not asked again at every start."""

    @classmethod
    def message(cls, as_of: dt.date) -> str:
        return tr("Your answers from last time are kept on this computer (your answers for {date}). "
                  "The app keeps them when you quit, so you can go on later.\n\n"
                  "Do you want to carry on with them? If you start fresh, the app clears them.").format(
            date=long_date(as_of))

    @classmethod
    def box(cls, parent: QWidget, as_of: dt.date) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, tr("Carry on where you left off?"), cls.message(as_of),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
        box.button(QMessageBox.StandardButton.Yes).setText(tr("&Carry on"))
        box.button(QMessageBox.StandardButton.No).setText(tr("&Start fresh"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return box

    @classmethod
    def ask(cls, parent: QWidget, as_of: dt.date) -> bool:
        return cls.box(parent, as_of).exec() == QMessageBox.StandardButton.Yes


class ReplaceAnswersDialog:
    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        return ask_yes_no(
            parent, tr("Replace your answers?"),
            tr("Opening a file replaces the answers you were working on. "
               "To keep them, choose No and save them first.\n\nOpen the file anyway?"))


class AnswersProblemDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str, message: str) -> None:
        plain_warning_box(parent, title, message).exec()


def damaged_draft_words(backup: Path | None, why: str = "") -> str:
    """What the window says about kept answers it could not read: never a silent drop."""
    first = tr("The answers the app kept from last time could not be read, so they were not opened.")
    if backup is not None:
        return tr("{first}\n\nThe app did not delete them: it moved the file aside, to\n{backup}\n"
                  "in case someone can help you get them back. You can answer the questions again.").format(
            first=first, backup=backup)
    return tr("{first}\n\nThe app could not move the file aside ({why}), so it is left as it is, and the app "
              "will not keep a copy of your answers while it is open this time. "
              "To keep your answers, save them with File > Save answers.").format(first=first, why=why)


class DraftStore:
    """The answers in progress, in the user's data folder, written atomically.

    A draft that cannot be read is never dropped or written over: ``set_aside``
    moves it to a dated name beside it; if even that fails, ``frozen`` stops the
    autosave from replacing it."""

    DAMAGED_PREFIX = "damaged-draft"  # the name a file that cannot be read is moved to

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "draft.answers.json"
        self.frozen = False

    def save(self, answers: AnswersFile) -> None:
        if not self.frozen:
            private_folder(self.path.parent)
            write_atomically(self.path, to_json_text(answers))

    def load(self) -> AnswersFile | None:
        """The kept answers; None if there are none; AnswersError if they cannot be read."""
        if not os.path.lexists(self.path):
            return None
        return parse_answers(read_answers_text(self.path), str(self.path))

    def set_aside(self, now: dt.datetime | None = None) -> Path:
        """Move a draft that cannot be read to a dated name beside it; OSError if that fails."""
        stamp = f"{(now or dt.datetime.now()):%Y%m%d-%H%M%S}"
        backup = self.path.with_name(f"{self.DAMAGED_PREFIX}-{stamp}.answers.json")
        number = 1
        while os.path.lexists(backup):  # rename would replace an earlier backup
            number += 1
            backup = self.path.with_name(f"{self.DAMAGED_PREFIX}-{stamp}-{number}.answers.json")
        os.rename(self.path, backup)  # a symlink or a pipe moves as itself; nothing is read or followed
        return backup

    def erase(self) -> None:
        if not self.frozen:
            self.path.unlink(missing_ok=True)
        self.remove_leftovers()

    def remove_leftovers(self) -> None:
        """A save killed half-way (power cut, kill -9) can leave its temporary file,
        which holds answers: removed at start and on Erase."""
        remove_leftover_temporaries(self.path)


class SelfCheck(QObject):
    """Wires the questionnaire and results into the main window and its File menu."""

    def __init__(self, window: MainWindow, today: Callable[[], dt.date] = dt.date.today,
                 draft: DraftStore | None = None, in_steps: bool = False) -> None:
        """``in_steps``: the questions are made later, one group per call of
        ``self.questionnaire.build_next_group()`` (app start-up)."""
        super().__init__(window)
        self.window = window
        self.today = today
        self.draft = draft or DraftStore()
        self.draft.remove_leftovers()  # one window per user (explainer.single_window): none is ours
        session = window.session
        self.questions = session.questions  # the results page and the PDF judge by these same questions
        # The page is made inside the window's stack of pages (hidden, not in the list yet)
        # and its parts inside it: under the app's style sheet, moving a finished page in
        # from outside would re-style all of it. It takes its row once whole (finish_steps):
        # till then the row says the part is opening, never half a page.
        page = self.page = QWidget(window.stack)
        page.hide()
        self.results = ResultsView(session)
        window.add_section("self-check-results", window.section_label("self-check-results"), self.results,
                           after="self-check")
        # Made in the order they stand on the page, which is the order Tab visits them.
        self.summary_area = CappedScrollArea(page, share=3, parent=page)
        self.summary_area.setAccessibleName(tr("Self-check so far, with its buttons"))
        self.summary = ResultsSummaryBar(session, parent=self.summary_area)
        self.summary_area.setWidget(self.summary)
        self.questionnaire = QuestionnaireView(session, self.questions, today, parent=page, in_steps=in_steps)
        self.summary.see_results.clicked.connect(lambda: window.show_section("self-check-results"))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_area)
        layout.addWidget(self.questionnaire, 1)
        # A word's meaning: at most a quarter of the page, as the summary above takes up to a third.
        self._definition = DefinitionPlace(layout, share=4)
        self.questionnaire.term_chosen.connect(self._definition.show_term)
        self._draft_ok = True
        session.answers_changed.connect(self._autosave)
        if not in_steps:  # else once the questions are all made (finish_steps): none opens into half a page
            self.finish_steps()

    @property
    def definition(self) -> DefinitionPanel:
        return self._definition.panel

    def finish_steps(self) -> None:
        """After ``in_steps``, once ``questionnaire.build_next_group()`` said it is done:
        the File menu's actions, and the notes under each answer that another study gave."""
        from explainer.ui.carried import SharedNumbers  # it builds on DraftStore, above

        self.window.add_section("self-check", self.window.section_label("self-check"), self.page,
                                after="who-can-join")
        self._add_menu_actions()
        self.shared = SharedNumbers(self)  # the numbers kept once for every study; notes need the rows

    def _add_menu_actions(self) -> None:
        menu = self.window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        for text, keys, slot in ((tr("&Open answers…"), QKeySequence.StandardKey.Open, self.open_answers),
                                 (tr("&Save answers…"), QKeySequence.StandardKey.Save, self.save_answers),
                                 (tr("&Erase my answers…"), None, self.erase_answers)):
            action = QAction(text, self.window)
            if keys is not None:
                action.setShortcut(keys)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.insertAction(first, action)
        menu.insertSeparator(first)

    def open_answers(self, path: Path | None = None) -> bool:
        path = path or OpenAnswersDialog.ask(self.window)
        if path is None:
            return False
        try:
            answers = load_answers(path, self.window.session.trial.nct_id, self.today())
        except AnswersError as err:
            AnswersProblemDialog.ask(self.window, tr("These answers cannot be opened"),
                                     tr("{problem}\n\nNothing in the app was changed.").format(
                                         problem=self._plain_problem(err)))
            return False
        # Unsaved answers: those in the window, or at start-up the draft kept from last time.
        current = self.window.session.answers or self.kept_answers()
        if current is not None and current.answers.answered() and current.answers != answers.answers \
                and not ReplaceAnswersDialog.ask(self.window):
            return False
        with self.shared.quiet():  # opening a file is no change the patient typed
            self.questionnaire.load(answers)
        return True

    def _plain_problem(self, err: AnswersError) -> str:
        """The patient's words for a file that cannot be opened, naming the question if there is one."""
        question = next((q for q in self.questions.questions if q.key == err.key), None)
        if question is None or err.names_question:
            return err.plain
        return tr("{problem}\n\nThe problem is in the answer about: {question}.").format(
            problem=err.plain, question=question.label)

    def save_answers(self, path: Path | None = None) -> bool:
        path = path or SaveAnswersDialog.ask(self.window)
        if path is None:
            return False
        problem = output_problem(path, "my-self-check.answers.json")
        if problem:
            AnswersProblemDialog.ask(self.window, tr("Your answers were not saved"),
                                     tr("{problem}\n\nNothing was saved.").format(problem=problem))
            return False
        current = self.questionnaire.answers_file()
        try:
            dated = new_answers_file(current.trial, self.today(), current.answers)
            write_file(path, to_json_text(dated), private=True)
        except (OSError, ValueError) as err:
            AnswersProblemDialog.ask(self.window, tr("Your answers were not saved"), f"{path}: {err}")
            return False
        with self.shared.quiet():
            self.questionnaire.load(dated)  # the window now shows what the file says, as_of included
        return True

    def erase_answers(self) -> bool:
        if not EraseAnswersDialog.ask(self.window):
            return False
        self.shared.erase_too()
        with self.shared.quiet():
            self.questionnaire.clear()
        try:
            self.draft.erase()
        except OSError as err:  # a read-only data folder: say what is still on the disk
            AnswersProblemDialog.ask(
                self.window, tr("Your answers were not all erased"),
                tr("The answers in the window are cleared, but the copy the app keeps could not be "
                   "deleted ({why}). It is still in this file:\n{path}\n\n"
                   "You can delete that file yourself.").format(why=err.strerror or err, path=self.draft.path))
            return False
        return True

    def kept_answers(self) -> AnswersFile | None:
        """The draft from last time, if it can be read. One that cannot is reported and
        moved aside (see DraftStore), never silently dropped."""
        try:
            return self.draft.load()
        except AnswersError:
            try:
                backup: Path | None = self.draft.set_aside()
                why = ""
            except OSError as err:
                backup, why = None, err.strerror or str(err)
                self.draft.frozen = True
            AnswersProblemDialog.ask(self.window, tr("Your kept answers could not be opened"),
                                     damaged_draft_words(backup, why))
            return None

    def offer_draft(self) -> bool:
        """At start: offer back the answers kept from last time (if declined, clear them),
        then fill in the numbers the patient gave for other studies."""
        restored = self._offer_draft()
        self.shared.carry_in()
        return restored

    def _offer_draft(self) -> bool:
        saved = self.kept_answers()
        if saved is None or saved.trial != self.window.session.trial.nct_id or not saved.answers.answered():
            return False
        if not RestoreDraftDialog.ask(self.window, saved.as_of):
            try:
                self.draft.erase()  # "Start fresh": the dialog says the kept answers are cleared
            except OSError as err:
                AnswersProblemDialog.ask(
                    self.window, tr("Your kept answers were not cleared"),
                    tr("The app could not clear the answers it kept from last time ({why}). "
                       "They are still in this file:\n{path}\n\n"
                       "The app will offer them again when it next opens. You can delete that file yourself.").format(
                        why=err.strerror or err, path=self.draft.path))
            return False
        with self.shared.quiet():
            self.questionnaire.load(saved)
        return True

    @property
    def answers_kept(self) -> bool:
        """Whether the answers in the window are safe on disk (the last autosave worked):
        the crash dialog says "your answers are kept" only then."""
        return self._draft_ok

    def _autosave(self, answers: AnswersFile | None) -> None:
        try:
            if self.draft.frozen:
                raise OSError("the kept answers could not be read and are left as they are")
            if answers is None or not answers.answers.answered():
                self.draft.erase()
            else:
                self.draft.save(answers)
            self._draft_ok = True
        except OSError as err:  # a full disk must not stop the questionnaire
            self._draft_ok = answers is None or not answers.answers.answered()
            self.window.statusBar().showMessage(
                tr("Your answers could not be kept as a draft: {why}").format(why=err.strerror or err), 8000)
