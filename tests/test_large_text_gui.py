"""Text at 250% on a laptop screen (tests run on a 1280 x 800 offscreen screen, see
conftest.py): the window never gets wider than the screen, nothing is cut off on the
right, button rows wrap, the section list narrows, zooming back gives everything its
size back, and every drop-down list shows all its choices at every text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QLabel, QScrollBar, QWidget

from explainer.ui.grid_names import GridScroller
from explainer.ui.zoom import STEPS

KEYS_IN = (Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)


def _zoom_to(window, qtbot, percent: int) -> None:
    """Ctrl+plus or Ctrl+minus, as a person presses them, until the text is at ``percent``."""
    while window.zoom.percent != percent:
        key = Qt.Key.Key_Plus if window.zoom.percent < percent else Qt.Key.Key_Minus
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()  # the window fits itself once the new font is everywhere
    QApplication.processEvents()


def _cut_off(window, page: QWidget) -> list[str]:
    """Visible widgets whose right end is past what shows: the window, or the scrolling
    page they sit in (the cycle grid scrolls sideways on purpose: not counted)."""
    cut = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QScrollBar) or widget.width() <= 0:
            continue
        if any(isinstance(a, GridScroller) or (isinstance(a, QAbstractScrollArea) and a.viewport().isAncestorOf(widget)
                                               and a.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
               for a in _ancestors(widget)):
            continue  # it scrolls sideways on purpose (the cycle grid, the PDF's pages)
        area = next((a for a in _ancestors(widget) if isinstance(a, QAbstractScrollArea)
                     and a.viewport().isAncestorOf(widget)), None)
        clip = area.viewport() if area is not None else window
        right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
        limit = clip.mapTo(window, QPoint(clip.width(), 0)).x() if clip is not window else window.width()
        if right > limit + 1:
            cut.append(f"{type(widget).__name__} '{widget.accessibleName()[:30]}' ends at {right} > {limit}")
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() \
                and widget.sizeHint().width() > widget.width() + 1:
            cut.append(f"label '{widget.text()[:30]}' is {widget.width()} wide, needs {widget.sizeHint().width()}")
    return cut


def _ancestors(widget: QWidget) -> list[QWidget]:
    found, parent = [], widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


@pytest.fixture
def laptop_window(main_window, qtbot):
    assert main_window.screen().availableGeometry().size() == QSize(1280, 800)
    yield main_window
    main_window.zoom.reset()


def test_at_250_percent_the_window_fits_the_screen_and_nothing_is_cut_off(laptop_window, qtbot) -> None:
    window = laptop_window
    window.timeline.personal.set_start(__import__("datetime").date(2027, 1, 4))  # every date row shown
    _zoom_to(window, qtbot, 250)
    screen = window.screen().availableGeometry()
    assert window.minimumSizeHint().width() <= screen.width()
    assert window.frameGeometry().width() <= screen.width()
    nav = window.navigator
    assert nav.width() < nav.sizeHintForColumn(0)  # the section list gave way: its names wrap
    for page_id in window.section_ids():
        window.show_section(page_id)
        page = window.stack.currentWidget()
        qtbot.waitUntil(page.isVisible)
        QApplication.processEvents()
        assert _cut_off(window, page) == [], page_id
        assert window.frameGeometry().width() <= screen.width(), page_id


@pytest.mark.parametrize("left", [0, 91, 400])
def test_grown_by_larger_text_the_window_stays_whole_on_the_screen(laptop_window, qtbot, left) -> None:
    """Found by a patient tester: at 250% the window grew to 1,244 pixels where it stood,
    at x = 91, and its right side with the scroll bar went past a 1,280-pixel screen."""
    window = laptop_window
    window.move(left, 0)
    qtbot.waitUntil(lambda: window.frameGeometry().x() == left)
    _zoom_to(window, qtbot, 250)
    screen = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: screen.contains(window.frameGeometry()), timeout=5000)
    _zoom_to(window, qtbot, 100)
    assert screen.contains(window.frameGeometry())


def test_at_250_percent_the_buttons_above_the_questions_wrap(laptop_window, qtbot) -> None:
    bar = laptop_window.self_check.summary
    laptop_window.show_section("self-check")
    _zoom_to(laptop_window, qtbot, 250)
    assert bar.export_pdf.y() > bar.see_results.y()  # on a line of its own: the row wrapped
    _zoom_to(laptop_window, qtbot, 100)
    qtbot.waitUntil(lambda: bar.export_pdf.y() == bar.see_results.y())  # and back on one line


def test_zooming_back_out_gives_the_window_and_the_list_their_sizes_back(laptop_window, qtbot) -> None:
    window = laptop_window
    before, nav_before = window.size(), window.navigator.width()
    _zoom_to(window, qtbot, 250)
    assert window.width() > before.width()  # the larger text needed more room
    _zoom_to(window, qtbot, 100)
    qtbot.waitUntil(lambda: window.size() == before)
    assert window.navigator.width() == nav_before


def test_a_size_the_person_chose_is_kept_through_zooming(laptop_window, qtbot) -> None:
    laptop_window.resize(1200, 700)
    _zoom_to(laptop_window, qtbot, 250)
    _zoom_to(laptop_window, qtbot, 100)
    qtbot.waitUntil(lambda: laptop_window.size() == QSize(1200, 700))


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen pop-ups
def test_every_drop_down_shows_all_its_choices_at_every_text_size(laptop_window, qtbot) -> None:
    from explainer.ui.input_rules import scroll_area_around

    combos = laptop_window.findChildren(QComboBox)
    assert len(combos) >= 10
    for percent in STEPS:
        laptop_window.zoom.set_percent(percent)
        for combo in combos:
            laptop_window.show_section(next(page_id for i, page_id in enumerate(laptop_window.section_ids())
                                            if laptop_window.stack.widget(i).isAncestorOf(combo)))
            area = scroll_area_around(combo)
            if area is not None:
                area.ensureWidgetVisible(combo)
            combo.showPopup()
            view = combo.view()
            qtbot.waitUntil(view.isVisible)
            last = view.visualRect(view.model().index(combo.count() - 1, 0))
            assert view.verticalScrollBar().maximum() == 0, (percent, combo.accessibleName())
            assert last.bottom() < view.viewport().height(), (percent, combo.accessibleName())
            assert view.window().geometry().bottom() <= laptop_window.screen().availableGeometry().bottom()
            combo.hidePopup()


def test_no_page_text_has_a_size_frozen_at_the_old_text_size(laptop_window, qtbot) -> None:
    """Every page's words grow with the text size: none carries a fixed point size (the
    'Who can join' intro once kept the size of the moment it was drawn)."""
    from explainer.ui.pages import GlossaryBrowser

    _zoom_to(laptop_window, qtbot, 250)
    frozen = set()
    for browser in laptop_window.findChildren(GlossaryBrowser):
        block = browser.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().fontPointSize() and fragment.text().strip():
                    frozen.add((browser.accessibleName(), fragment.text()[:30]))
                fragments += 1
            block = block.next()
    assert frozen == set()


def test_at_250_percent_the_export_dialog_fits_and_its_choices_are_whole(laptop_window, qtbot) -> None:
    from PySide6.QtWidgets import QCheckBox

    from explainer.ui.export import ExportDialog

    _zoom_to(laptop_window, qtbot, 250)
    dialog = ExportDialog(laptop_window.pdf_export, laptop_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() <= screen.width() + 8  # (offscreen adds a 2 px frame each side)
    assert dialog.frameGeometry().height() <= screen.height() + 8
    squeezed = [box.text() for box in dialog.findChildren(QCheckBox) if box.height() < box.sizeHint().height()]
    assert squeezed == []
    notes = [label for label in dialog.findChildren(QLabel) if label.wordWrap() and label.text()]
    assert [n.text()[:30] for n in notes if n.isVisible() and n.height() < n.heightForWidth(n.width())] == []
    assert _cut_off(dialog, dialog) == []


def test_at_250_percent_the_questions_keep_most_of_the_page_and_the_bar_stays_reachable(laptop_window, qtbot) -> None:
    """Found in the patient review: at 250% the bar above the questions took 490 of
    the page's 658 pixels, leaving the questions 152. Now it takes at most a third; its words scroll within it."""
    window = laptop_window
    window.resize(1280, 800)
    window.show_section("self-check")
    _zoom_to(window, qtbot, 250)
    check = window.self_check
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: check.questionnaire.viewport().height() >= page.height() / 2)
    area = check.summary_area
    assert area.height() <= page.height() / 3 + 1
    # Every word of the bar is reachable: the label lies whole inside the scrolled bar,
    # and scrolling to the end of the area shows its bottom (or nothing needed scrolling).
    bar = check.summary
    assert bar.width() <= area.viewport().width()
    assert bar.height() >= bar.heightForWidth(bar.width()) - 1
    label = check.summary.label
    assert label.height() >= label.heightForWidth(label.width()) - 1
    assert "So far:" in label.text()
    scroll = area.verticalScrollBar()
    if bar.height() > area.viewport().height():
        assert area.focusPolicy() != Qt.FocusPolicy.NoFocus  # keys can scroll it
        scroll.setValue(scroll.maximum())
        bottom = label.mapTo(area.viewport(), QPoint(0, label.height())).y()
        assert bottom <= area.viewport().height()
    # The buttons are still there, each reached by Tab before the questions.
    area.ensureWidgetVisible(bar.export_pdf)
    assert area.viewport().rect().contains(bar.export_pdf.geometry().translated(bar.pos()).center())
    _zoom_to(window, qtbot, 100)
    qtbot.waitUntil(lambda: area.height() >= bar.heightForWidth(area.viewport().width()))
    assert area.verticalScrollBar().maximum() == 0  # at 100% it all shows, as before
