"""Text size the user chose with Ctrl+ / Ctrl−, applied app-wide and remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QWidget

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
        # Widgets the app's style sheet (the theme's focus ring) has styled keep a copy
        # of their font: style sheets stop fonts passing down. So each is given the new
        # one, each window from the top down (a widget with a sheet of its own hands
        # its children its old font as it takes the new one). Applying the sheet again
        # reached them too, but re-styled every widget: a step took 0.57 s of CPU in a
        # fully opened window (759 widgets), 0.06 s this way.
        windows = QApplication.topLevelWidgets()  # none yet at start: the app's font is enough
        kinds = restyled_kinds() if windows else ()
        for window in windows:
            window.setFont(font)
            for widget in window.findChildren(QWidget):  # parents before their children
                widget.setFont(font)
                if isinstance(widget, kinds):
                    restyle(widget)

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


def restyled_kinds() -> tuple[type[QWidget], ...]:
    """What keeps a size of the old text until it is styled again: the sheet's check boxes
    and radio dots (sized in em), and a drop-down list's least size (Qt keeps it on a font
    change). Imported here: PySide makes each class with its enums, which the first paint
    (the text size applied at start) does not need."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QRadioButton

    return (QCheckBox, QRadioButton, QComboBox)


def restyle(widget: QWidget) -> None:
    from PySide6.QtCore import QEvent

    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))  # sizes kept until now go
