"""File > Save PDF for your doctor…, Print… and Save summary as web page… in a
study record's window: the same summary `trial-explainer pdf --trial RECORD` and
`html --trial RECORD` make (explainer.core.study_summary), with the place the
patient chose in the window as `--country/--state/--city` would give it.

Nothing is copied from the main window's export: the save and print questions,
the checks before writing, the all-or-nothing writes and the messages are the
functions of explainer.ui.export and explainer.ui.web_summary, so their dialogs'
``ask()`` seams are the ones tests replace here too. reportlab loads only when the
patient saves or prints, and the export code (its print support, the summary's
words) only when the patient uses an action: the window opens without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from explainer.content import ContentError
from explainer.ui.i18n import tr

if TYPE_CHECKING:
    from explainer.core.study_summary import StudySummary
    from explainer.ui.record_window import RecordWindow


class RecordExport(QObject):
    """The record window's export actions, added to its File menu above Close."""

    def __init__(self, window: RecordWindow) -> None:
        super().__init__(window)
        self.window = window
        menu = window.file_menu
        close = menu.actions()[-1] if menu.actions() else None
        self.pdf_action = self._action(tr("&Save PDF for your doctor…"), QKeySequence("Ctrl+E"), self.save_pdf)
        self.print_action = self._action(tr("&Print…"), QKeySequence.StandardKey.Print, self.print_pdf)
        self.web_action = self._action(tr("Save summary as &web page…"), None, self.save_web_page)
        self.web_action.setStatusTip(tr("The same summary as the PDF, as a web page a screen reader can read"))
        for action in (self.pdf_action, self.print_action, self.web_action):
            menu.insertAction(close, action)
        menu.insertSeparator(close)

    def _action(self, text: str, keys: QKeySequence | QKeySequence.StandardKey | None, slot: object) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcuts([QKeySequence(keys)])
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    # ------------------------------------------------------------ what is written

    def summary(self) -> StudySummary:
        """What the command line builds for this record and place (commands.record._summary)."""
        from explainer.core.study_summary import build_study_summary
        from explainer.study_words_io import study_summary_words, study_words
        from explainer.ui.record_window import record_glossary

        window = self.window
        check = window.check_page.check_for_summary()  # the patient's answers on the check page, if any
        return build_study_summary(window.study, study_words(), study_summary_words(), window.as_of,
                                   window.place, check, glossary=record_glossary())

    def pdf(self) -> bytes:
        from explainer.ui.export import locale_paper, render_study_pdf

        return render_study_pdf(self.summary(), locale_paper())

    def suggested_name(self, ending: str) -> str:
        return f"study-{self.window.study.nct_id}-summary-{self.window.as_of.isoformat()}{ending}"

    # ------------------------------------------------------------ the actions

    def save_pdf(self) -> Path | None:
        from explainer.ui.export import save_pdf

        pdf = self._made()
        return None if pdf is None else save_pdf(self.window, self.window, pdf, self.suggested_name(".pdf"))

    def print_pdf(self) -> bool:
        from explainer.ui.export import locale_paper, print_pdf

        pdf = self._made()
        return pdf is not None and print_pdf(pdf, locale_paper(), self.window, self.suggested_name(".pdf"))

    def save_web_page(self, path: Path | None = None) -> Path | None:
        from explainer.ui.web_summary import save_web_page
        from explainer.webpage.study_page import render_study_html

        return save_web_page(self.window, self.suggested_name(".html"),
                             lambda: render_study_html(self.summary()), path)

    def _made(self) -> bytes | None:
        from explainer.ui.export import ExportProblemDialog
        from explainer.ui.saving import damaged_file

        try:
            return self.pdf()
        except ContentError as err:  # a damaged words file: say which, never a traceback
            ExportProblemDialog.ask(self.window, tr("The PDF cannot be made"), damaged_file(err))
            return None
