"""Headings and paragraphs as labels that wrap and follow the app's text zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit, QMessageBox, QWidget

from explainer.core.escaping import rich_text
from explainer.ui.i18n import tr


def heading(text: str, level: int = 3) -> QLabel:
    """A heading in rich text: its size follows the app's font, so the text zoom scales it
    (setting a QFont here would freeze the size)."""
    label = QLabel(f"<h{level}>{rich_text(text)}</h{level}>")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(text)
    label.setWordWrap(True)
    return label


def prose(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


class LinkLabel(QLabel):
    """A label whose links Tab visits one by one. The label is no Tab stop of its own:
    Tab lands straight on its first link (Shift+Tab on its last), which shows as
    chosen; a click on its words does not take the focus."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        forward = event.reason() == Qt.FocusReason.TabFocusReason
        if forward or event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.choose_link(forward)

    def choose_link(self, first: bool) -> None:
        """Show the first (or last) link as the one Enter follows."""
        self.sizeHint()  # lays the text out: a label whose text was just set has no links yet
        self.focusNextPrevChild(first)


def name_spin_box(box: QAbstractSpinBox, name: str) -> None:
    """Name a spin or date box and the text field inside it: Tab lands on that inner
    field, and a screen reader must not meet it unnamed."""
    box.setAccessibleName(name)
    inner = box.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)


def field_label(text: str, buddy: QWidget) -> QLabel:
    """A form label that wraps: at a large text size a long one would widen the page."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setBuddy(buddy)
    return label


def plain_warning_box(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """A warning whose text is shown as written: it may quote a path or a file's
    contents, which a plain QMessageBox.warning would read as HTML if it starts with a tag."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    name_standard_buttons(box)
    return box


def name_standard_buttons(box: QMessageBox) -> None:
    """A message box's standard buttons in the app's language: Qt's own words for them
    come from a translation of Qt that the app does not load (the same English otherwise)."""
    for which, text in ((QMessageBox.StandardButton.Ok, tr("OK")), (QMessageBox.StandardButton.Yes, tr("&Yes")),
                        (QMessageBox.StandardButton.No, tr("&No"))):
        button = box.button(which)
        if button is not None:
            button.setText(text)


def ask_yes_no(parent: QWidget | None, title: str, question: str) -> bool:
    """A yes/no question where No is the default (Enter or Escape keep things as they
    are); True only if the person chose Yes. Its title is its name for a screen reader."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path or a study number, never markup
    box.setDefaultButton(QMessageBox.StandardButton.No)
    name_standard_buttons(box)
    box.setAccessibleName(title)
    return box.exec() == QMessageBox.StandardButton.Yes
