"""Starting the window: fonts, settings, the trial, and a dialog instead of a crash."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from explainer import __version__, crash
from explainer.content import ContentError, load_trial, resources_root
from explainer.paths import settings_file
from explainer.ui.fonts import register_fonts
from explainer.ui.main_window import MainWindow
from explainer.ui.self_check import SelfCheck
from explainer.ui.zoom import TextZoom


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Trial Explainer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("trial-explainer")
    app.setWindowIcon(app_icon())
    register_fonts()
    return app


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The calendar-and-check icon (resources/icons, made by packaging/make_icons.py)."""
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        pixmap.loadFromData((resources_root() / "icons" / f"trial-explainer-{size}.png").read_bytes())
        icon.addPixmap(pixmap)
    return icon


# Set by the bundle test and the benchmark: print one line once the window has
# painted, then quit. Proves a frozen app really opened its window, and marks the
# moment "start-up" ends.
SMOKE_ENV = "TRIAL_EXPLAINER_SMOKE"


class FirstPaintReporter(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.reported = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.reported:
            self.reported = True
            print(f"window shown: {watched.windowTitle()}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


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
    return window


def run(trial_path: Path | None = None, answers_path: Path | None = None) -> int:
    # From here on an unexpected error is logged and shown in a dialog, never a silent exit.
    with crash.installed() as handler:
        try:
            app = make_application()
            window = build_main_window(trial_path)
        except ContentError as err:
            QMessageBox.critical(None, "Trial Explainer cannot open the study",
                                 f"A file the app needs is damaged or missing.\n\n{err}\n\n"
                                 "Please reinstall the app, or tell whoever gave you this file.")
            return 2
        except Exception:  # noqa: BLE001 - no window yet: say so kindly instead of vanishing
            handler.handle(*sys.exc_info())
            return 1
        if os.environ.get(SMOKE_ENV):
            FirstPaintReporter(window)
        window.show()
        # A broken file shows a dialog naming the problem; the window opens anyway, and
        # answers kept from last time are offered back unless the file replaced them.
        if answers_path is not None and window.self_check.open_answers(answers_path):
            window.show_section("self-check-results")
        else:
            window.self_check.offer_draft()
        return app.exec()
