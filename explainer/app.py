"""Starting the window: fonts, settings, the trial, and a dialog instead of a crash."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from explainer import __version__
from explainer.content import ContentError, load_trial
from explainer.paths import settings_file
from explainer.ui.export import PdfExport
from explainer.ui.fonts import register_fonts
from explainer.ui.main_window import MainWindow
from explainer.ui.self_check import SelfCheck
from explainer.ui.timeline import install_timeline
from explainer.ui.zoom import TextZoom


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Trial Explainer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("trial-explainer")
    register_fonts()
    return app


def open_settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def build_main_window(trial_path: Path | None = None) -> MainWindow:
    """Everything but the event loop, so tests and benchmarks build the same window."""
    settings = open_settings()
    zoom = TextZoom(settings)
    zoom.apply()
    trial = load_trial(trial_path)
    window = MainWindow(trial, settings, zoom)
    window.self_check = SelfCheck(window)  # type: ignore[attr-defined]
    window.pdf_export = PdfExport(window)  # type: ignore[attr-defined]
    window.timeline = install_timeline(window)  # type: ignore[attr-defined]
    return window


def run(trial_path: Path | None = None, answers_path: Path | None = None) -> int:
    app = make_application()
    try:
        window = build_main_window(trial_path)
    except ContentError as err:
        QMessageBox.critical(None, "Trial Explainer cannot open the study",
                             f"A file the app needs is damaged or missing.\n\n{err}\n\n"
                             "Please reinstall the app, or tell whoever gave you this file.")
        return 2
    window.show()
    # A broken file shows a dialog naming the problem; the window opens anyway, and
    # answers kept from last time are offered back unless the file replaced them.
    if answers_path is not None and window.self_check.open_answers(answers_path):
        window.show_section("self-check-results")
    else:
        window.self_check.offer_draft()
    return app.exec()
