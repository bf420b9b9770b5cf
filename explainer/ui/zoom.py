"""Text size the user chose with Ctrl+ / Ctrl−, applied app-wide and remembered."""

from __future__ import annotations

from collections.abc import Callable

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
        if windows:
            KeptPlaces(windows, self)
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


# How long a page follows its kept place after a step: the layouts the new size sets off
# (the window's own fit to the text follows a turn later) are done well within it.
SETTLE_MS = 600


class KeptPlaces(QObject):
    """Each page shown keeps the part being read at its top while the step lays it out
    again. Its scroll bar kept its pixels, so larger text showed what was above: a person
    reading "Your own dates" on the timeline was taken back to the cycle picture. The part
    at the top is kept (the widget there, or the words, and how far into it), and found
    again at every new length of the page, until SETTLE_MS or the person's own move."""

    def __init__(self, windows: list[QWidget], parent: QObject) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QAbstractScrollArea

        super().__init__(parent)
        self._held: dict[QWidget, tuple[Callable[[int, int], None], Callable[[int], None]]] = {}
        for window in windows:
            for area in window.findChildren(QAbstractScrollArea):
                bar = area.verticalScrollBar()
                if area.isVisible() and bar.maximum() > 0 and bar.value() > 0:
                    self._follow(bar, place_at_top(area))
        QTimer.singleShot(SETTLE_MS, self, self.stop)

    def _follow(self, bar: QWidget, place: Callable[[], int]) -> None:
        def new_length(_least: int, _most: int) -> None:
            bar.setValue(place())

        def moved(_action: int) -> None:  # the person's own move: the bar is theirs again
            self._let_go(bar)

        bar.rangeChanged.connect(new_length)
        bar.actionTriggered.connect(moved)
        self._held[bar] = (new_length, moved)

    def _let_go(self, bar: QWidget) -> None:
        from shiboken6 import isValid

        slots = self._held.pop(bar, None)
        if slots is not None and isValid(bar):
            bar.rangeChanged.disconnect(slots[0])
            bar.actionTriggered.disconnect(slots[1])

    def stop(self) -> None:
        for bar in list(self._held):
            self._let_go(bar)
        self.deleteLater()


def place_at_top(area) -> Callable[[], int]:
    """What is at the top of ``area`` now, as a way to find the bar's value that puts it
    there again: a page of widgets keeps the widget there and how far into it (a share of
    its height); a page of words keeps the word; any other list keeps its share of length."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea, QTextEdit

    bar = area.verticalScrollBar()
    if isinstance(area, QScrollArea) and area.widget() is not None:
        page = area.widget()
        found = next((child for x in range(8, page.width(), max(page.width() // 8, 1))
                      if (child := page.childAt(QPoint(x, bar.value()))) is not None), page)  # past the margins
        top = found.mapTo(page, QPoint(0, 0)).y()
        share = (bar.value() - top) / max(found.height(), 1)

        def widget_at_top() -> int:
            from shiboken6 import isValid

            if not isValid(found):  # gone meanwhile (a part replaced as it was built): stay
                return bar.value()
            return found.mapTo(page, QPoint(0, 0)).y() + round(share * found.height())

        return widget_at_top
    if isinstance(area, QTextEdit):
        cursor = area.cursorForPosition(QPoint(0, 0))
        return lambda: bar.value() + area.cursorRect(cursor).top()
    share = bar.value() / bar.maximum()
    return lambda: round(share * bar.maximum())
