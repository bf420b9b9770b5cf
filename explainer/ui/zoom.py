"""Text size the user chose with Ctrl+ / Ctrl−, applied app-wide and remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication

from explainer.ui.fonts import base_font

STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250)
BASE_POINT_SIZE = 11.0
_KEY = "view/text_zoom_percent"


def saved_percent(value: object) -> int:
    """The remembered text size; anything but one of STEPS (a typo, "abc", a list,
    5,000 digits) falls back to 100%, never stopping the app at every start."""
    try:
        percent = int(str(value).strip())
    except ValueError:  # also Python's refusal of a number with thousands of digits
        return 100
    return percent if percent in STEPS else 100


class TextZoom(QObject):
    zoom_changed = Signal(int)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        # The default as text, like every value read back from the file: an int default
        # makes PySide build QByteArray's class and enums (before the first paint).
        self._percent = saved_percent(settings.value(_KEY, "100"))

    @property
    def percent(self) -> int:
        return self._percent

    def apply(self) -> None:
        font = base_font(BASE_POINT_SIZE * self._percent / 100)
        if QApplication.font() == font:
            return
        QApplication.setFont(font)
        app = QApplication.instance()
        # With an app-wide style sheet (the theme's focus ring), widgets already
        # shown keep their old font until the sheet is applied again (slow: only
        # on a real change).
        if isinstance(app, QApplication) and app.styleSheet():
            app.setStyleSheet(app.styleSheet())

    def zoom_in(self) -> None:
        self.set_percent(next((s for s in STEPS if s > self._percent), STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_percent(next((s for s in reversed(STEPS) if s < self._percent), STEPS[0]))

    def reset(self) -> None:
        self.set_percent(100)

    def set_percent(self, percent: int) -> None:
        if percent == self._percent:
            return
        self._percent = percent
        self._settings.setValue(_KEY, percent)
        self._settings.sync()
        self.apply()
        self.zoom_changed.emit(percent)
