"""Making a real main window for a GUI test, the way the app makes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


def shown_window(qtbot, build: Callable[[], QMainWindow]) -> QMainWindow:
    """``build()`` after the app's own QApplication set-up; shown, and closed after the test."""
    from explainer.app import make_application

    make_application()
    window = build()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
