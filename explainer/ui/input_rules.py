"""Rules for the mouse and the keyboard that hold for every control in the app,
including ones added later: one event filter on the QApplication, not code per widget.

- The wheel changes a value (a unit, a number, a date, a choice) only in the
  control that has the focus, from a click or Tab. Over any other such control it
  scrolls the page around it: a wheel turned to scroll the page must never change
  an answer (an M protein of 12 g/L once became 12 g/dL that way).
- Those controls never take the focus from the wheel, only from a click or Tab.
- Enter and keypad Enter press the focused push button or tool button, as Space
  does (Qt does it only in dialogs).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QKeyEvent, QWheelEvent, QWindow
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QPushButton,
    QScrollBar,
    QToolButton,
    QWidget,
)

# Controls whose value the wheel would change. Scroll bars are left alone: the
# wheel over one scrolls, which is what it is for.
VALUE_CONTROLS = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def is_value_control(widget: QObject) -> bool:
    return isinstance(widget, VALUE_CONTROLS) and not isinstance(widget, QScrollBar)


def value_control_of(widget: QWidget) -> QWidget | None:
    """The value control ``widget`` is part of (a spin box's text field is), within its
    own window: a combo box's pop-up list is a window of its own and scrolls freely."""
    while widget is not None:
        if is_value_control(widget):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = None if widget.isWindow() else widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = None if parent.isWindow() else parent.parentWidget()
    return None


def no_wheel_focus(widget: QWidget) -> None:
    """Click and Tab still give the focus; the wheel does not."""
    from PySide6.QtCore import Qt  # after the first paint only (see main_window)

    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


# Looked up once: finding an enum member on QEvent.Type takes about a microsecond, and
# this filter sees every event of every widget (some 14,000 as the study opens).
WHEEL, KEY_PRESS, POLISH = QEvent.Type.Wheel, QEvent.Type.KeyPress, QEvent.Type.Polish


class InputRules(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == WHEEL:
            if isinstance(watched, QWidget):
                return self._wheel(watched, event)
            if isinstance(watched, QWindow):
                no_wheel_focus_under(watched, event)
            return False
        if kind == KEY_PRESS and isinstance(watched, (QPushButton, QToolButton)):
            return self._enter(watched, event)
        if kind == POLISH and is_value_control(watched):
            no_wheel_focus(watched)
        return False

    @staticmethod
    def _wheel(watched: QWidget, event: QWheelEvent) -> bool:
        control = value_control_of(watched)
        if control is None or control.hasFocus():
            return False  # not a value, or the person clicked into it: the control's own wheel
        area = scroll_area_around(control)
        if area is not None:  # the page scrolls instead, as if the control were not there
            viewport = area.viewport()
            position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
            scroll = QWheelEvent(position, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                 event.buttons(), event.modifiers(), event.phase(), event.inverted())
            QApplication.sendEvent(viewport, scroll)
        event.accept()
        return True  # the control never sees it

    @staticmethod
    def _enter(button: QAbstractButton, event: QKeyEvent) -> bool:
        from PySide6.QtCore import Qt

        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if not (enter and plain) or not button.isEnabled():
            return False
        if isinstance(button, QPushButton) and isinstance(button.window(), QDialog) and button.autoDefault():
            return False  # a dialog already presses its focused button on Enter
        if not event.isAutoRepeat():
            button.click()
        return True


def no_wheel_focus_under(window: QWindow, event: QWheelEvent) -> None:
    """The focus rule for the controls under the wheel, before Qt may give one of them
    the focus: Qt does so before any filter sees the wheel on a widget, but the window
    it is over sees the wheel first. This is what keeps the rule for a control polished
    while the filters rested (paused_while_building): no walk over every window after
    each part, a few parents per notch of the wheel instead."""
    top = QWidget.find(window.winId())
    if top is None:
        return
    widget = top.childAt(event.position().toPoint()) or top
    while widget is not None:
        if is_value_control(widget):
            no_wheel_focus(widget)
        widget = None if widget.isWindow() else widget.parentWidget()


def install_input_rules() -> InputRules:
    """Once per application; controls made before it are fixed here, later ones as
    they are polished."""
    app = QApplication.instance()
    existing = _installed_rules(app)
    if existing is not None:
        return existing
    rules = InputRules(app)
    app.installEventFilter(rules)
    _rules[:] = [rules]
    for widget in _value_controls():
        no_wheel_focus(widget)
    return rules


def _value_controls() -> Iterator[QWidget]:
    """Every value control in every window, the windows' own widgets asked by class.
    Not QApplication.allWidgets(): that hands Python every widget (some 400 as the study
    opens, none of them a value control), Qt's private ones too (a scroll area's bar
    holders), and for the first of a class PySide does not know it builds every widget
    class it might be, with their enums (51 classes): 8-11 ms CPU against 3 ms."""
    for top in QApplication.topLevelWidgets():
        if is_value_control(top):
            yield top
        for kind in VALUE_CONTROLS:
            yield from (widget for widget in top.findChildren(kind) if is_value_control(widget))


# The rules installed on the running application (install_input_rules), kept here: asking
# the application for its child of this Python class (findChild) hands Python each of the
# application's children, Qt's private ones too, on each of the ~50 parts built.
_rules: list[InputRules] = []


def _installed_rules(app: QApplication | None) -> InputRules | None:
    from shiboken6 import isValid

    if app is None or not _rules or not isValid(_rules[0]) or _rules[0].parent() is not app:
        return None
    return _rules[0]


# The app's other filters on the whole application (the export's Ctrl+E in a text
# field), so that paused_while_building takes them off too.
_other_app_filters: list[QObject] = []


def install_app_filter(watcher: QObject) -> None:
    """An event filter on the whole application, paused with the input rules."""
    QApplication.instance().installEventFilter(watcher)
    _other_app_filters.append(watcher)


@contextmanager
def paused_while_building() -> Iterator[None]:
    """Build a part of the window with the application's event filters off.

    As a part is built in one go, Qt sends its new widgets thousands of events
    (ChildAdded, StyleChange, Create, ...: some 10,700 of the 14,600 the rules saw
    while the study opened), each a call into Python that decides nothing: no input
    can arrive meanwhile, as the event loop does not turn. Only for code that
    opens no dialog: a dialog turns an event loop of its own, where the rules hold.
    Value controls polished meanwhile get their focus rule once the filters are back:
    the first wheel over one fixes it before Qt could give it the focus (no_wheel_focus_under)."""
    from shiboken6 import isValid

    app = QApplication.instance()
    rules = _installed_rules(app)
    if rules is None:
        yield
        return
    _other_app_filters[:] = [f for f in _other_app_filters if isValid(f)]
    paused = [rules, *_other_app_filters]  # each acts on events of its own: their order does not matter
    for watcher in paused:
        app.removeEventFilter(watcher)
    try:
        yield
    finally:
        for watcher in paused:
            if isValid(watcher):
                app.installEventFilter(watcher)
