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


def wheel_over(widget, dy: int = -120, dx: int = 0) -> None:
    """One notch of a mouse wheel over the middle of ``widget``'s visible part, as the
    window system sends it (spontaneous: Qt gives wheel focus and passes it on to parents)."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest

    window = widget.window()
    shown = widget.visibleRegion().boundingRect()
    assert not shown.isEmpty(), f"{type(widget).__name__} is not on screen"
    centre = widget.mapTo(window, shown.center())
    QTest.wheelEvent(window.windowHandle(), QPointF(centre), QPoint(dx, dy), QPoint(), Qt.KeyboardModifier.NoModifier)


def started_window(qapp, qtbot, monkeypatch) -> Callable[[Callable[[], int]], QMainWindow]:
    """A start (``explainer.app.run`` or the command line) as a person makes it, without
    its event loop: ``start()`` runs it, and the main window it built is returned once
    what run() leaves for idle time (the study, the self-check, the timeline) is built."""
    from explainer import app

    windows: list[QMainWindow] = []
    real_build = app.build_frame
    monkeypatch.setattr(app, "build_frame", lambda *a, **k: windows.append(real_build(*a, **k)) or windows[-1])
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)

    def started(start: Callable[[], int]) -> QMainWindow:
        assert start() == 0
        window = windows[-1]
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: hasattr(window, "timeline"), timeout=20_000)
        return window

    return started
