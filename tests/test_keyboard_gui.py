"""The self-check from the keyboard: Tab stops on links, never on a label with none
shown; Ctrl+Down / Ctrl+Up and a list of groups move by group instead of 159 Tabs;
the note under the field in use stays in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from explainer.ui.labels import LinkLabel


@pytest.fixture
def page(main_window, qtbot):
    main_window.show_section("self-check")
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window.self_check.questionnaire


def _focus_shown(label: QLabel, window) -> bool:
    """The focus ring, in the theme's focus colour, is drawn around the words."""
    image = label.grab().toImage()
    ring = QColor(window.theme.colours.focus)
    return all(QColor.fromRgb(image.pixel(x, y)) == ring for x, y in ((1, 1), (image.width() - 2, image.height() - 2)))


def test_tab_stops_on_each_link_and_never_on_a_bare_label(main_window, page, qtbot) -> None:
    main_window.self_check.summary.export_pdf.setFocus()
    label_stops, other_stops = [], 0
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if isinstance(focused, QLabel):
            assert focused.hasSelectedText(), f"a Tab stop on '{focused.text()[:40]}' shows no link"
            assert "href" in focused.text() and focused.selectedText() in focused.text()
            assert _focus_shown(focused, main_window), focused.selectedText()
            label_stops.append(focused.selectedText())
        else:
            other_stops += 1
    assert "About you" in label_stops and other_stops > 10  # the list of groups, then the questions
    assert any(word in label_stops for word in ("myeloma", "relapsed", "refractory"))  # a glossary word


def test_a_click_on_a_labels_words_does_not_take_the_focus(page, qtbot) -> None:
    label = page.row("relapsed_or_refractory").text
    assert isinstance(label, LinkLabel) and not label.focusPolicy() & Qt.FocusPolicy.ClickFocus


def test_shift_tab_into_a_label_lands_on_its_last_link(page, qtbot) -> None:
    row = next(r for r in page.rows.values() if r.text.text().count("<a ") >= 2 and hasattr(r.input, "buttons"))
    first = next(iter(row.input.buttons.values()))
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is row.text and row.text.hasSelectedText()
    last = row.text.selectedText()
    qtbot.keyClick(row.text, Qt.Key.Key_Backtab)
    assert row.text.selectedText() != last  # the link before it


@pytest.mark.parametrize("start", ["age_years", "can_consent", "serum_m_protein"])
def test_ctrl_down_and_up_move_by_group_from_any_kind_of_field(page, qtbot, start) -> None:
    row = page.row(start)
    field = {"age_years": lambda i: i.field, "can_consent": lambda i: i.buttons["yes"],
             "serum_m_protein": lambda i: i.unit}[start](row.input)
    page.ensureWidgetVisible(field)
    field.setFocus()
    groups = list(page.groups)
    here = groups.index(page.group_of(field))
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert page.group_of(focused) == groups[here + 1]
    box = page.groups[groups[here + 1]]
    assert page.verticalScrollBar().value() == min(box.y(), page.verticalScrollBar().maximum())  # its heading in view
    assert not isinstance(focused, QLabel)  # an answer, not a word's link
    qtbot.keyClick(focused, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.group_of(QApplication.focusWidget()) == groups[here]


def test_the_list_of_groups_goes_to_a_group_by_keyboard(main_window, page, qtbot) -> None:
    main_window.self_check.summary.export_pdf.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    if QApplication.focusWidget() is page:  # the scrolling page itself (arrow keys scroll it)
        qtbot.keyClick(page, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.jump_list  # the first stop in the page
    while page.jump_list.selectedText() != "Your kidney and liver tests":
        qtbot.keyClick(page.jump_list, Qt.Key.Key_Tab)
    qtbot.keyClick(page.jump_list, Qt.Key.Key_Return)
    assert page.group_of(QApplication.focusWidget()) == "kidney_liver"


def test_the_note_under_a_focused_field_comes_into_view(page, qtbot) -> None:
    row = page.row("hemoglobin")
    field = row.input.field
    # The field at the very bottom of the page: its note, when it appears, is below the edge.
    bar = page.verticalScrollBar()
    bar.setValue(field.mapTo(page.widget(), QPoint(0, field.height())).y() - page.viewport().height())
    field.setFocus()
    qtbot.keyClicks(field, "95")  # g/dL: a mix-up (g/L?) the note warns about
    note = row.input.note
    assert note.isVisible()
    top = note.mapTo(page.viewport(), QPoint(0, 0)).y()
    assert 0 <= top and top + note.height() <= page.viewport().height()
    field_top = field.mapTo(page.viewport(), QPoint(0, 0)).y()
    assert 0 <= field_top  # and the field with it


def test_switching_the_theme_leaves_the_focus_on_the_link(main_window, page, qtbot) -> None:
    row = next(r for r in page.rows.values() if "<a " in r.text.text() and hasattr(r.input, "buttons"))
    first = next(iter(row.input.buttons.values()))
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is row.text
    for _ in range(2):
        qtbot.keyClick(main_window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is row.text and row.text.hasSelectedText()
