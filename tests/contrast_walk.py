"""Contrast as drawn now: walk a live widget tree and compute every text colour against
what is behind it (WCAG 2.2 formula), from what the widgets really hold, not from a
list of known colours: each widget's palette (the style sheet's colours end up there),
the colours inside rich text (links, coloured words) from the very documents the
labels and browsers draw, the date picker's day formats, and painted icons."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

Role = QPalette.ColorRole
TEXT_MIN, ICON_MIN = 4.5, 3.0


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def ratio(foreground: QColor, background: QColor) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def behind(widget: QWidget) -> QColor:
    """The colour a widget's text is drawn on: its own background if it fills one, else
    the nearest ancestor's that does (a window or a scroll area's viewport always does)."""
    current = widget
    while current is not None:
        fills = current.autoFillBackground() or current.isWindow() or current.objectName() == "qt_scrollarea_viewport"
        if fills:
            role = current.backgroundRole()
            return current.palette().color(Role.Window if role == Role.NoRole else role)
        current = current.parentWidget()
    return widget.palette().color(Role.Window)


def _name(widget: QWidget) -> str:
    words = widget.accessibleName() or (widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else "")
    return f"{type(widget).__name__} '{words[:40]}'"


def _document_of(widget: QWidget) -> QTextDocument | None:
    """The document a rich-text label or browser really draws (a label keeps it private)."""
    if isinstance(widget, QTextEdit):
        return widget.document()
    if isinstance(widget, QLabel):
        return widget.findChild(QTextDocument)
    return None


def document_problems(widget: QWidget, default_fg: QColor, background: QColor) -> list[str]:
    document = _document_of(widget)
    if document is None:
        return []
    problems = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fmt = fragment.charFormat()
            if fragment.text().strip():
                fg = fmt.foreground().color() if fmt.foreground().style().value else default_fg
                bg = fmt.background().color() if fmt.background().style().value else background
                if ratio(fg, bg) < TEXT_MIN:
                    problems.append(f"{_name(widget)}: '{fragment.text()[:30]}' {fg.name()} on {bg.name()} "
                                    f"= {ratio(fg, bg):.2f}")
            fragments += 1
        block = block.next()
    return problems


def _pairs(widget: QWidget) -> list[tuple[str, QColor, QColor]]:
    palette = widget.palette()
    if isinstance(widget, (QPushButton, QToolButton)):
        return [("button text", palette.color(Role.ButtonText), palette.color(Role.Button))]
    if isinstance(widget, (QCheckBox, QRadioButton, QGroupBox)):
        return [("label", palette.color(Role.WindowText), behind(widget))]
    if isinstance(widget, QLabel):
        return [("text", palette.color(widget.foregroundRole()), behind(widget))] if widget.text() else []
    if isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit)):
        pairs = [("field text", palette.color(Role.Text), palette.color(Role.Base))]
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            pairs.append(("hint", palette.color(Role.PlaceholderText), palette.color(Role.Base)))
        return pairs
    if isinstance(widget, QAbstractItemView):
        return [("item text", palette.color(Role.Text), palette.color(Role.Base)),
                ("chosen item", palette.color(Role.HighlightedText), palette.color(Role.Highlight))]
    return []


def icon_problem(widget: QWidget) -> str | None:
    """A painted icon: its corner shows what it is drawn on; its strongest mark must
    stand out from that by 3:1 (WCAG 1.4.11)."""
    image = widget.grab().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    ground = QColor.fromRgb(image.pixel(0, 0))
    best = max(ratio(QColor.fromRgb(pixel), ground) for pixel in colours)
    return None if best >= ICON_MIN else f"{_name(widget)} icon: {best:.2f} on {ground.name()}"


def calendar_problems(calendar: QCalendarWidget) -> list[str]:
    base = calendar.palette().color(Role.Base)
    text = calendar.palette().color(Role.Text)
    problems = []
    from PySide6.QtCore import Qt

    for day in Qt.DayOfWeek:
        fmt = calendar.weekdayTextFormat(day)
        fg = fmt.foreground().color() if fmt.foreground().style().value else text
        if ratio(fg, base) < TEXT_MIN:
            problems.append(f"date picker {day.name}: {fg.name()} on {base.name()} = {ratio(fg, base):.2f}")
    return problems


def contrast_problems(root: QWidget, icon_types: tuple[type, ...] = ()) -> list[str]:
    """Every text and icon under ``root`` (hidden ones too: they show later) that is
    below its minimum; disabled controls are exempt (WCAG 1.4.3)."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isEnabled():
            continue
        for what, fg, bg in _pairs(widget):
            if ratio(fg, bg) < TEXT_MIN:
                problems.append(f"{_name(widget)} {what}: {fg.name()} on {bg.name()} = {ratio(fg, bg):.2f}")
        default_fg = widget.palette().color(Role.Text if isinstance(widget, QTextEdit) else widget.foregroundRole())
        background = widget.palette().color(Role.Base) if isinstance(widget, QTextEdit) else behind(widget)
        problems += document_problems(widget, default_fg, background)
        if isinstance(widget, QCalendarWidget):
            problems += calendar_problems(widget)
        if isinstance(widget, icon_types):
            problem = icon_problem(widget)
            if problem:
                problems.append(problem)
    return problems
