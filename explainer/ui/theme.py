"""Colours and the focus ring: a normal theme and a high-contrast one, remembered.

Every text colour the app uses is listed here, so the accessibility test can compute
each contrast ratio (WCAG 2.2: at least 4.5:1 for text). Focus is shown by a thicker
border, not by a colour change alone.
"""

# No ``from __future__ import annotations`` here: NamedTuple compiles each field's
# annotation written as a string as a forward reference (0.1 ms each, 0.7 ms for
# Colours before the first paint); written as the types themselves, it compiles none.
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from explainer.content import resources_root

_KEY = "view/high_contrast"
Role = QPalette.ColorRole


class Colours(NamedTuple):  # not a dataclass: made before the first paint, where one costs almost 1 ms
    name: str
    roles: dict[QPalette.ColorRole, str]
    focus: str  # the focus ring
    edge: str  # borders of fields and buttons
    status: dict[str, str]  # self-check result words, keyed by Status value
    marks: str  # which icons draw check marks and radio dots: "dark" or "light"
    # Words of a control that cannot be used now: paler than the rest, still readable
    # (4.5:1), and never the only sign: its border turns dashed (style_sheet).
    disabled: str

    def get(self, role: QPalette.ColorRole) -> str:
        return self.roles[role]


NORMAL = Colours(
    name="normal",
    roles={Role.Window: "#f3f3f3", Role.WindowText: "#1a1a1a", Role.Base: "#ffffff", Role.Text: "#1a1a1a",
           Role.AlternateBase: "#eeeeee", Role.Button: "#e6e6e6", Role.ButtonText: "#1a1a1a",
           Role.Highlight: "#0b57d0", Role.HighlightedText: "#ffffff", Role.Link: "#0b4fb3",
           Role.LinkVisited: "#5b2a86", Role.ToolTipBase: "#fffbe6", Role.ToolTipText: "#1a1a1a",
           Role.PlaceholderText: "#595959", Role.BrightText: "#ffffff"},
    focus="#0b57d0", edge="#6b6b6b",
    status={"satisfied": "#1b5e20", "not_satisfied": "#b71c1c", "unknown": "#6d4c00"},
    marks="dark",
    disabled="#5c5c5c",
)

HIGH_CONTRAST = Colours(
    name="high contrast",
    roles={Role.Window: "#000000", Role.WindowText: "#ffffff", Role.Base: "#000000", Role.Text: "#ffffff",
           Role.AlternateBase: "#1a1a1a", Role.Button: "#000000", Role.ButtonText: "#ffffff",
           Role.Highlight: "#ffff00", Role.HighlightedText: "#000000", Role.Link: "#7fdbff",
           Role.LinkVisited: "#d6a8ff", Role.ToolTipBase: "#000000", Role.ToolTipText: "#ffffff",
           Role.PlaceholderText: "#d0d0d0", Role.BrightText: "#ffff00"},
    focus="#ffff00", edge="#ffffff",
    status={"satisfied": "#8ee89a", "not_satisfied": "#ff9e9e", "unknown": "#ffd54f"},
    marks="light",
    disabled="#a8a8a8",
)

# The timeline's pictures (cycle grid, legend shapes, journey bars) are drawn on
# their own white paper in both themes, like a printed page, so one set of colours
# serves both. Every mark reaches 3:1 against the paper (WCAG 1.4.11, graphics);
# the shape, never the colour alone, says what a mark means.
PICTURE = {
    "paper": "#ffffff", "ink": "#1a1a1a", "focus": "#0b5cad", "clinic": "#1f2933",
    "legend": "#3d4852", "grid_line": "#8a949e", "fallback": "#333333",
    "rest_fill": "#eef0f2",  # a fill behind the words "Rest week": not a mark of its own
    # One colour per medicine by its place in the regimen's order (never by its name);
    # past the sixth the colours repeat, and the row's name and shape still tell them apart.
    "medicine_1": "#1d4f9c", "medicine_2": "#7a2e8c", "medicine_3": "#1b6b3f", "medicine_4": "#9a4a00",
    "medicine_5": "#8a1c3c", "medicine_6": "#006d77",
    "screening": "#5f6b7a",
}
MEDICINE_KEYS = tuple(k for k in PICTURE if k.startswith("medicine_"))
PICTURE_MARKS = tuple(k for k in PICTURE if k not in ("paper", "rest_fill"))

# (foreground role, background role) pairs where text is drawn: each must reach 4.5:1.
TEXT_PAIRS = (
    (Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button), (Role.HighlightedText, Role.Highlight), (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base), (Role.ToolTipText, Role.ToolTipBase), (Role.PlaceholderText, Role.Base),
)


def style_sheet(colours: Colours) -> str:
    """A visible focus ring: 1px edge normally, 3px in the focus colour (same outer size)."""
    fields = "QLineEdit, QComboBox, QListWidget, QTextBrowser, QScrollArea, QPushButton, QToolButton"
    focused = ", ".join(f"{w.strip()}:focus" for w in fields.split(","))
    toggles = "QCheckBox, QRadioButton"
    return (
        f"{fields} {{ border: 1px solid {colours.edge}; padding: 4px; border-radius: 3px; }}\n"
        f"QPushButton, QToolButton {{ background: {colours.get(Role.Button)}; padding: 4px 10px; }}\n"
        f"{focused} {{ border: 3px solid {colours.focus}; padding: 2px; }}\n"
        f"QPushButton:focus, QToolButton:focus {{ padding: 2px 8px; }}\n"
        f"{toggles} {{ border: 3px solid transparent; padding: 1px; }}\n"
        f"{_disabled(fields)} {{ border: 1px dashed {colours.edge}; color: {colours.disabled}; }}\n"
        f"{_disabled(toggles)} {{ color: {colours.disabled}; }}\n"
        f"QCheckBox:focus, QRadioButton:focus {{ border: 3px solid {colours.focus}; }}\n"
        # Words with links (explainer.ui.labels.LinkLabel): Tab stops on each link, which
        # Qt marks with a thin dotted box; the ring says which words hold it.
        f"LinkLabel {{ border: 3px solid transparent; }} LinkLabel:focus {{ border: 3px solid {colours.focus}; }}\n"
        # Boxes and dots drawn here, not by the platform: they grow with the text and show in both themes.
        f"QCheckBox::indicator, QRadioButton::indicator {{ width: 0.9em; height: 0.9em;"
        f" border: 2px solid {colours.edge}; background: {colours.get(Role.Base)}; }}\n"
        f"QRadioButton::indicator {{ border-radius: 0.5em; }}\n"
        f"QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-style: dashed; }}\n"
        f"QCheckBox::indicator:checked {{ image: url({_icon('check', colours)}); }}\n"
        f"QRadioButton::indicator:checked {{ image: url({_icon('dot', colours)}); }}\n"
        # Scroll bars drawn here too: the platform's are faint, and vanish on black.
        f"QScrollBar {{ background: {colours.get(Role.Window)}; border: 1px solid {colours.edge}; }}\n"
        f"QScrollBar:vertical {{ width: 16px; }} QScrollBar:horizontal {{ height: 16px; }}\n"
        f"QScrollBar::handle {{ background: {colours.edge}; border-radius: 3px; margin: 2px; }}\n"
        f"QScrollBar::handle:vertical {{ min-height: 32px; }} QScrollBar::handle:horizontal {{ min-width: 32px; }}\n"
        f"QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; }}\n"
        f"QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}\n"
        f"QToolTip {{ color: {colours.get(Role.ToolTipText)}; background: {colours.get(Role.ToolTipBase)};"
        f" border: 1px solid {colours.edge}; }}\n"
        # The date picker's month and year: Qt writes them in the highlight's text colour,
        # which on the buttons' background above was 1.25:1.
        f"QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: {colours.get(Role.Window)}; }}\n"
        f"QCalendarWidget QToolButton {{ color: {colours.get(Role.ButtonText)}; }}\n"
        f"QCalendarWidget QAbstractItemView {{ color: {colours.get(Role.Text)}; background: {colours.get(Role.Base)};"
        f" selection-color: {colours.get(Role.HighlightedText)};"
        f" selection-background-color: {colours.get(Role.Highlight)}; }}\n"
        # A window's middle takes its new size at once. Qt moves it by an animation of no
        # length when the style animates (docks, which these windows lack, would glide):
        # Qt's private animation timer then reaches Python, and PySide builds every Qt
        # class it might be, with their enums (about 70 classes, 13 ms).
        "QMainWindow > QSplitter { widget-animation-duration: 0; }\n"
    )


def _disabled(widgets: str) -> str:
    return ", ".join(f"{w.strip()}:disabled" for w in widgets.split(","))


def _icon(shape: str, colours: Colours) -> str:
    path = resources_root() / "icons" / f"{shape}-{colours.marks}.svg"
    return Path(str(path)).as_posix()


def palette(colours: Colours) -> QPalette:
    result = QPalette()
    for role, value in colours.roles.items():
        result.setColor(role, QColor(value))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):  # what Qt draws itself (menus, labels)
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.disabled))
    return result


def current_colours() -> Colours:
    """The theme in use now (views that write their own HTML colours ask this)."""
    app = QApplication.instance()
    dark = app is not None and QApplication.palette().color(Role.Base).lightness() < 128
    return HIGH_CONTRAST if dark else NORMAL


def redraw_links() -> None:
    """Qt fixes a rich-text label's link colour when the text is set, from the palette
    of that moment: set each such text again, so its links take the new theme's colour."""
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel) and "<a " in widget.text():
            text, focused = widget.text(), widget.hasFocus()
            widget.setText("")
            widget.setText(text)
            if focused:
                _keep_focus(widget)


def _keep_focus(label: QLabel) -> None:
    """The focus stays on the label's link (an empty label had passed it on)."""
    from PySide6.QtCore import Qt  # not before the first paint (see main_window)

    label.setFocus(Qt.FocusReason.OtherFocusReason)
    if hasattr(label, "choose_link"):
        label.choose_link(True)


class Theme(QObject):
    """The user's choice of colours, applied app-wide and kept in the settings file."""

    changed = Signal(bool)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._high_contrast = str(settings.value(_KEY, "false")).lower() == "true"

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    @property
    def colours(self) -> Colours:
        return HIGH_CONTRAST if self._high_contrast else NORMAL

    def apply(self) -> None:
        # Only on a change: re-styling every widget is slow in a window with many fields.
        app = QApplication.instance()
        wanted = palette(self.colours)
        if QApplication.palette() != wanted:
            QApplication.setPalette(wanted)
            redraw_links()
        if isinstance(app, QApplication) and app.styleSheet() != style_sheet(self.colours):
            app.setStyleSheet(style_sheet(self.colours))

    def set_high_contrast(self, on: bool) -> None:
        if on == self._high_contrast:
            return
        self._high_contrast = on
        self._settings.setValue(_KEY, "true" if on else "false")
        self._settings.sync()
        self.apply()
        self.changed.emit(on)
