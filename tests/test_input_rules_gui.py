"""Nothing changes an answer by accident: the wheel over a unit, number or date that
the person has not clicked into scrolls the page instead; Enter presses the focused
button. One rule for the whole app (explainer/ui/input_rules.py), so the tests walk
every control of the real window instead of naming a few."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explainer.ui.input_rules import is_value_control, scroll_area_around
from tests.windows import wheel_over


def _value(control) -> object:
    if isinstance(control, QComboBox):
        return control.currentIndex()
    if isinstance(control, QAbstractSpinBox):
        return control.text()
    return control.value()


def _section_of(window, control) -> str:
    return next(page_id for i, page_id in enumerate(window.section_ids())
                if window.stack.widget(i).isAncestorOf(control))


def _bring_into_view(window, qtbot, control) -> QAbstractScrollArea | None:
    window.show_section(_section_of(window, control))
    area = scroll_area_around(control)
    qtbot.waitUntil(control.isVisible)
    if area is not None:
        area.ensureWidgetVisible(control, 0, 200)  # room above and below: the page can scroll both ways
    QApplication.processEvents()
    return area


@pytest.fixture
def dated_window(main_window):
    """Every control enabled: the delays and dates need a first treatment day."""
    main_window.timeline.personal.set_start(dt.date(2027, 1, 4))
    main_window.resize(1100, 700)
    return main_window


def test_the_wheel_over_a_control_not_clicked_into_scrolls_the_page(dated_window, qtbot) -> None:
    controls = [w for w in dated_window.findChildren(QWidget) if is_value_control(w) and w.isEnabled()
                and w.window() is dated_window and w.isVisibleTo(w.parentWidget())]
    kinds = {next(k.__name__ for k in type(c).__mro__ if k.__module__.startswith("PySide6")) for c in controls}  # Qt's
    assert {"QComboBox", "QSpinBox", "QDateEdit"} <= kinds and len(controls) >= 15
    dated_window.navigator.setFocus()
    for control in controls:
        area = _bring_into_view(dated_window, qtbot, control)
        before, page_before = _value(control), area.verticalScrollBar().value() if area else None
        wheel_over(control, -120)  # down: a spin box or list would step
        wheel_over(control, -120)
        assert _value(control) == before, f"{control.accessibleName()} changed by the wheel"
        assert not control.hasFocus(), f"{control.accessibleName()} took the focus from the wheel"
        if area is not None and page_before < area.verticalScrollBar().maximum():
            assert area.verticalScrollBar().value() > page_before, f"the page did not scroll over {control.accessibleName()}"


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen: the pop-up
def test_the_m_protein_unit_stays_until_clicked_into_then_the_wheel_changes_it(dated_window, qtbot) -> None:
    row = dated_window.self_check.questionnaire.row("serum_m_protein")
    unit = row.input.unit
    row.input.field.setText("12")
    unit.setCurrentIndex(unit.findData("g/L"))
    _bring_into_view(dated_window, qtbot, unit)
    wheel_over(unit, 120)
    assert row.input.current_unit() == "g/L"
    qtbot.mouseClick(unit, Qt.MouseButton.LeftButton)  # opens the list; choose nothing, close it
    qtbot.waitUntil(lambda: unit.view().isVisible())
    qtbot.keyClick(unit.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    dated_window.activateWindow()  # the window manager's part once a pop-up closes (offscreen has none)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is unit)
    assert unit.hasFocus()
    wheel_over(unit, 120)  # now the person is in it: the wheel is theirs to use
    assert row.input.current_unit() == "g/dL"


def test_the_first_treatment_day_moves_only_once_focused_by_tab(dated_window, qtbot) -> None:
    personal = dated_window.timeline.personal
    edit = personal.start_edit
    _bring_into_view(dated_window, qtbot, edit)
    wheel_over(edit, 120)
    assert dated_window.session.start_date == dt.date(2027, 1, 4)
    personal.know_start.setFocus()
    qtbot.keyClick(personal.know_start, Qt.Key.Key_Tab)
    assert edit.hasFocus()
    wheel_over(edit, 120)
    assert dated_window.session.start_date != dt.date(2027, 1, 4)


def test_controls_added_later_follow_the_same_rule(main_window, qtbot) -> None:
    """A slider made after the window: no code of its own, and the wheel still cannot move it."""
    from PySide6.QtWidgets import QScrollArea

    area = QScrollArea()
    body = QWidget()
    column = QVBoxLayout(body)
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setValue(50)  # room to move either way
    field = QLineEdit()  # where the focus is, as when someone typed above
    column.addWidget(field)
    column.addSpacing(600)
    column.addWidget(slider)
    column.addSpacing(600)
    area.setWidget(body)
    area.resize(300, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    field.setFocus()
    area.ensureWidgetVisible(slider)
    assert slider.focusPolicy() != Qt.FocusPolicy.WheelFocus
    scrolled = area.verticalScrollBar().value()
    wheel_over(slider, -120)
    assert slider.value() == 50 and area.verticalScrollBar().value() > scrolled


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_presses_the_focused_button(dated_window, qtbot, key) -> None:
    """Outside dialogs too, as the welcome page promises."""
    bar = dated_window.self_check.summary
    dated_window.show_section("self-check")
    bar.see_results.setFocus()
    modifiers = Qt.KeyboardModifier.KeypadModifier if key == Qt.Key.Key_Enter else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(bar.see_results, key, modifiers)
    assert dated_window.section_ids()[dated_window.navigator.currentRow()] == "self-check-results"

    personal = dated_window.timeline.personal
    dated_window.show_section("timeline")
    personal.delay_apply.setFocus()
    qtbot.keyClick(personal.delay_apply, key, modifiers)
    assert dict(dated_window.session.delays) == {2: 7}

    source = dated_window.self_check.questionnaire.row("platelets").source_button  # a tool button
    dated_window.show_section("self-check")
    source.setFocus()
    qtbot.keyClick(source, key, modifiers)
    assert source.isChecked()


def test_the_rule_is_one_filter_on_the_application(main_window) -> None:
    """No button or field is left out: they all go through the one filter."""
    buttons = [b for b in main_window.findChildren(QWidget) if isinstance(b, (QPushButton, QToolButton))]
    assert len(buttons) > 20
    from explainer.ui.input_rules import InputRules

    assert QApplication.instance().findChild(InputRules) is not None


def test_the_wheel_over_the_export_dialogs_paper_size_leaves_it(main_window, qtbot) -> None:
    """A dialog with no page to scroll: the wheel over a choice not clicked into does nothing."""
    from explainer.ui.export import ExportDialog

    dialog = ExportDialog(main_window.pdf_export, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.save_button.setFocus()
    paper = dialog.paper.currentIndex()
    for notch in (120, -120, -120):
        wheel_over(dialog.paper, notch)
        assert dialog.paper.currentIndex() == paper and not dialog.paper.hasFocus()


def test_while_a_part_is_built_the_filters_rest_and_its_controls_follow_the_rules_after(main_window, qtbot) -> None:
    """paused_while_building (run() builds each part of the window inside it): the
    application's filters see none of the part's events; once it ends they are back,
    and a control polished meanwhile has its focus rule all the same."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QSpinBox

    from explainer.ui.input_rules import install_app_filter, paused_while_building

    seen: list[int] = []

    class Counting(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.User:
                seen.append(1)
            return False

    counting = Counting(main_window)
    install_app_filter(counting)
    host = QWidget()  # a window of its own, as a dialog or a record window would be
    qtbot.addWidget(host)
    with paused_while_building():
        during = QSpinBox(host)
        during.ensurePolished()  # the Polish event the rules act on
        QApplication.sendEvent(host, QEvent(QEvent.Type.User))
        assert during.focusPolicy() == Qt.FocusPolicy.WheelFocus  # the rules really rested
        assert seen == []
    QApplication.sendEvent(host, QEvent(QEvent.Type.User))
    assert seen == [1]
    after = QSpinBox(host)
    after.ensurePolished()
    assert after.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the rules see polishing again
    after.move(0, during.height() + 10)
    host.show()
    qtbot.waitExposed(host)
    after.setFocus()  # not the one under the wheel
    wheel_over(during, 120)  # the first wheel over it finds the rule in place
    assert not during.hasFocus() and during.value() == 0
    assert during.focusPolicy() == Qt.FocusPolicy.StrongFocus


def _spin_box(parent):
    from PySide6.QtWidgets import QSpinBox

    return QSpinBox(parent)


def _decimal_box(parent):
    from PySide6.QtWidgets import QDoubleSpinBox

    return QDoubleSpinBox(parent)


def _date_edit(parent):
    from PySide6.QtWidgets import QDateEdit

    return QDateEdit(parent)


def _choice(parent):
    box = QComboBox(parent)
    box.addItems(["g/L", "g/dL", "mg/dL"])
    return box


def _slider(parent):
    slider = QSlider(Qt.Orientation.Horizontal, parent)
    slider.setFocusPolicy(Qt.FocusPolicy.WheelFocus)  # as a spin box has it: the rule must take it off
    slider.setValue(50)
    return slider


CONTROLS = {"spin box": _spin_box, "decimal": _decimal_box, "date": _date_edit, "choice": _choice, "slider": _slider}
# When the control is made and polished, against paused_while_building (run() builds
# each part of the window inside it): before, while in a window that was already
# there, while in a window made meanwhile, or after it.
WHEN = ("before a part", "during a part", "during a part, in a new window", "after a part")


@pytest.mark.parametrize("when", WHEN)
@pytest.mark.parametrize("kind", sorted(CONTROLS))
def test_no_value_control_takes_the_focus_from_the_wheel_whenever_it_was_polished(qtbot, kind, when) -> None:
    from explainer.app import make_application
    from explainer.ui.input_rules import install_input_rules, paused_while_building

    make_application()
    install_input_rules()
    host = QWidget()
    qtbot.addWidget(host)
    column = QVBoxLayout(host)
    field = QLineEdit()  # where the focus is, as when someone typed above
    column.addWidget(field)
    if when == "before a part":
        control = CONTROLS[kind](host)
        control.ensurePolished()
    with paused_while_building():
        if when == "during a part":
            control = CONTROLS[kind](host)
            control.ensurePolished()
        elif when == "during a part, in a new window":
            host = QWidget()
            qtbot.addWidget(host)
            column = QVBoxLayout(host)
            field = QLineEdit()
            column.addWidget(field)
            control = CONTROLS[kind](host)
            control.ensurePolished()
    if when == "after a part":
        control = CONTROLS[kind](host)
        control.ensurePolished()
    column.addWidget(control)
    host.show()
    qtbot.waitExposed(host)
    field.setFocus()
    before = _value(control)
    for notch in (120, -120, -120):
        wheel_over(control, notch)
        assert not control.hasFocus(), f"the {kind} took the focus from the wheel"
        assert _value(control) == before, f"the wheel changed the {kind}"
    qtbot.mouseClick(control, Qt.MouseButton.LeftButton) if kind != "choice" else control.setFocus()
    assert control.hasFocus()  # a click (or Tab) still gives it the focus


def test_the_wheel_leaves_the_answers_of_a_self_check_built_at_start(qapp, qtbot, monkeypatch) -> None:
    """The app's own start builds the questions a group per turn with the rules resting, and
    styles each group then (issue 18): the wheel over their units and choices still
    scrolls the page and changes nothing."""
    from explainer import app
    from tests.windows import started_window

    window = started_window(qapp, qtbot, monkeypatch)(lambda: app.run(answers_path=None))
    qtbot.waitExposed(window)
    window.resize(1100, 700)
    questionnaire = window.self_check.questionnaire
    controls = [w for w in questionnaire.findChildren(QWidget) if is_value_control(w) and w.isEnabled()
                and w.isVisibleTo(w.parentWidget())]
    assert len(controls) >= 5
    window.navigator.setFocus()
    for control in controls:
        area = _bring_into_view(window, qtbot, control)
        before, page_before = _value(control), area.verticalScrollBar().value()
        wheel_over(control, -120)
        wheel_over(control, -120)
        assert _value(control) == before, f"{control.accessibleName()} changed by the wheel"
        assert not control.hasFocus(), f"{control.accessibleName()} took the focus from the wheel"
        if page_before < area.verticalScrollBar().maximum():
            assert area.verticalScrollBar().value() > page_before, \
                f"the page did not scroll over {control.accessibleName()}"
