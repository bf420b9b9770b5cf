"""File > Save summary as web page…: the PDF's summary as one accessible HTML file
(explainer/webpage/), for people who use a screen reader (the PDF has no tags).

Every section, with the answers, first treatment day and delays in the window now:
the same page as `trial-explainer html`. Written all or nothing and private to the
user (explainer.files.write_atomically: it may hold their answers). The dialogs sit
behind ``@classmethod ask()`` so tests replace one call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from explainer.content import ContentError
from explainer.files import output_problem, write_atomically
from explainer.ui.i18n import tr
from explainer.ui.labels import name_standard_buttons
from explainer.ui.saving import ask_save_path, damaged_file

if TYPE_CHECKING:
    from explainer.ui.main_window import MainWindow



class SaveWebPageDialog:
    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> Path | None:
        return ask_save_path(parent, tr("Save the summary as a web page"), suggested, tr("Web pages (*.html)"), ".html")


class WebPageProblemDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
        name_standard_buttons(box)
        box.exec()


class WebSummaryExport(QObject):
    """Adds File > Save summary as web page… to the window, just above Export PDF…."""

    def __init__(self, window: MainWindow, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self.window = window
        self.today = today
        self.action = QAction(tr("Save summary as &web page…"), window)
        self.action.setStatusTip(tr("The same summary as the PDF, as a web page a screen reader can read"))
        self.action.triggered.connect(lambda _checked=False: self.save())
        menu = window.file_menu
        pdf = getattr(getattr(window, "pdf_export", None), "export_action", None)
        quit_action = menu.actions()[-1] if menu.actions() else None
        menu.insertAction(pdf if pdf in menu.actions() else quit_action, self.action)

    def suggested_name(self) -> str:
        return f"study-{self.window.session.trial.nct_id}-summary-{self.today().isoformat()}.html"

    def save(self, path: Path | None = None) -> Path | None:
        """Ask where, then write; the path written, or None if nothing was."""
        from explainer.summary_source import summary_of  # on the first use, as ui/export.py
        from explainer.webpage import render_summary_html

        def page() -> str:
            session = self.window.session
            summary = summary_of(session.review(), self.today(), start=session.start_date,
                                 delays=session.delays, arm=session.arm,  # the results page's rows
                                 glossary=session.glossary)
            return render_summary_html(summary)

        return save_web_page(self.window, self.suggested_name(), page, path)


def not_saved() -> str:
    return tr("The web page was not saved")


def save_web_page(window: QMainWindow, suggested: str, page: Callable[[], str],
                  path: Path | None = None) -> Path | None:
    """Ask where (SaveWebPageDialog) unless ``path`` is given, check the place, then
    write ``page()`` all or nothing and private (0600); the path written, or None."""
    path = path or SaveWebPageDialog.ask(window, suggested)
    if path is None:
        return None
    problem = output_problem(path, "summary.html")
    if problem:
        WebPageProblemDialog.ask(window, not_saved(), tr("{problem}\n\nNothing was written.").format(problem=problem))
        return None
    try:
        write_atomically(path, page())
    except ContentError as err:  # a damaged words file: say which, never a traceback
        WebPageProblemDialog.ask(window, not_saved(), damaged_file(err))
        return None
    except OSError as err:
        WebPageProblemDialog.ask(window, not_saved(),
                                 tr("{path}\n\n{error}\n\nNothing was written. Please choose another folder, "
                                    "or free some space on the disk, and try again.").format(path=path,
                                                                                          error=err.strerror or err))
        return None
    said = tr("Saved the summary as a web page: {path}").format(path=path)
    window.statusBar().showMessage(said, 8000)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(window, said))
    return path
