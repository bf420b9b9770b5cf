"""GUI test helpers: a real main window, made the way the app makes it, and Tab moves."""

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


def tab_to_link(qtbot, browser, scheme: str, tries: int) -> bool:
    """Press Tab in ``browser`` until a link of ``scheme`` (e.g. "glossary:") has the
    cursor; False if ``tries`` presses never reach one."""
    from PySide6.QtCore import Qt

    browser.setFocus()
    for _ in range(tries):
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        if browser.textCursor().charFormat().anchorHref().startswith(scheme):
            return True
    return False
