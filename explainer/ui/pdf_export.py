"""File > Export PDF… and Print…, their shortcuts and the self-check summary bar's button:
what the window needs of the PDF export as the self-check is built. The export dialog
(explainer.ui.export) loads when it is first opened: its Qt classes and their enums
(about 25 ms CPU as the study opened) wait until someone exports or prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

from explainer.content import ContentError
from explainer.core.language import current_language
from explainer.ui.i18n import tr
from explainer.ui.input_rules import install_app_filter

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from explainer.core.glossary import Glossary
    from explainer.core.paper import Paper
    from explainer.core.review import Review
    from explainer.ui.main_window import MainWindow


class ShortcutWins(QObject):
    """Lets a window shortcut work while the cursor is in a text field.

    Qt's text fields on Linux also claim Ctrl+E ("go to the end of the line", which
    the End key does too), so without this, Ctrl+E would not export from a field."""

    def __init__(self, action: QAction) -> None:
        super().__init__(action)
        self.action = action

    SHORTCUT_OVERRIDE = QEvent.Type.ShortcutOverride  # looked up once: this filter sees every event

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == self.SHORTCUT_OVERRIDE and isinstance(event, QKeyEvent)
                and QKeySequence(event.keyCombination()) == self.action.shortcut()):
            event.ignore()  # the field does not take it, so the shortcut runs
            return True
        return False


class PdfExport(QObject):
    """Adds File > Export PDF… and Print…, and the summary bar's button, to the window."""

    def __init__(self, window: MainWindow, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self.window = window
        self.today = today
        self._studies: dict[str, Any] = {}  # language -> the study read in it (a PDF in the other language)
        self._add_menu_actions()
        self._export_key = ShortcutWins(self.export_action)
        install_app_filter(self._export_key)
        bar = getattr(getattr(window, "self_check", None), "summary", None)
        if bar is not None:
            bar.export_pdf.clicked.connect(lambda: self.open_dialog())

    def _add_menu_actions(self) -> None:
        menu = self.window.file_menu
        quit_action = menu.actions()[-1] if menu.actions() else None
        self.export_action = QAction(tr("&Export PDF for your doctor…"), self.window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda _checked=False: self.open_dialog())
        self.print_action = QAction(tr("&Print…"), self.window)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda _checked=False: self.open_dialog(printing=True))
        menu.insertAction(quit_action, self.export_action)
        menu.insertAction(quit_action, self.print_action)
        menu.insertSeparator(quit_action)

    def open_dialog(self, printing: bool = False) -> None:
        from explainer.ui.export import ExportDialog, ExportProblemDialog
        from explainer.ui.saving import damaged_file

        try:
            ExportDialog.ask(self, self.window, printing)
        except ContentError as err:  # a damaged words file: say which, never a traceback
            ExportProblemDialog.ask(self.window, tr("The PDF cannot be made"), damaged_file(err))

    def render(self, sections: frozenset[str], paper: Paper, large_print: bool, language: str | None = None) -> bytes:
        """The PDF in ``language`` (the window's by default): every word, the PDF's own and
        the study's, made inside ``speaking_language``."""
        # Here, not at the top: the summary's words and models load on the first export,
        # not with the window (about 50 ms and some megabytes no one may need).
        from explainer.core.summary import SummaryOptions
        from explainer.pdf import render_summary_pdf
        from explainer.summary_source import summary_of
        from explainer.translations import speaking_language

        session = self.window.session
        shown = current_language()  # the window's
        language = language or shown
        with speaking_language(language):
            # The window's review: the results page's very rows, not evaluated again.
            reviewed, glossary = (session.review(), session.glossary) if language == shown \
                else self._review_in(language)
            summary = summary_of(reviewed, self.today(), start=session.start_date, delays=session.delays,
                                 options=SummaryOptions(sections), arm=session.arm, glossary=glossary)
            return render_summary_pdf(summary, paper, large_print)

    def _review_in(self, language: str) -> tuple[Review, Glossary | None]:
        """The same answers reviewed with the study read in ``language`` (once per language):
        the rules and the numbers are the same data, only the words differ."""
        from explainer.core.review import review
        from explainer.summary_source import builtin_questions

        session = self.window.session
        study = self._studies.get(language)
        if study is None:
            from explainer.content import load_study_bundle

            study = self._studies[language] = load_study_bundle(getattr(self.window, "trial_path", None))
        if study.trial.nct_id != session.trial.nct_id:  # a window not built from a path: its own words
            return session.review(), session.glossary
        return review(study.trial, builtin_questions(), session.answers, self.today()), study.glossary

    def suggested_name(self) -> str:
        return f"study-{self.window.session.trial.nct_id}-summary-{self.today().isoformat()}.pdf"

    def save(self, pdf: bytes, parent: QWidget) -> Path | None:
        """Ask where, then write; the path written, or None if nothing was."""
        from explainer.ui.export import save_pdf

        return save_pdf(self.window, parent, pdf, self.suggested_name())

    def print_pdf(self, pdf: bytes, paper: Paper, parent: QWidget) -> bool:
        from explainer.ui.export import print_pdf

        return print_pdf(pdf, paper, parent, self.suggested_name())
