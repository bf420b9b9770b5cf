"""The timeline page's layout in the default 1100×760 window (pytest-qt, real widgets):
all 28 days fit at 100%, the wheel never scrolls the grid's rows under its header,
ticking 'I know my first treatment day' leaves the checkbox under the pointer, and
scrolled sideways the month of the days in view still shows."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

START = dt.date(2027, 1, 4)  # the whole cycle in January
DECEMBER_START = dt.date(2026, 12, 20)  # days 1 to 12 in December, 13 to 28 in January


@pytest.fixture
def timeline_at(main_window, qtbot):
    """The timeline page at a text size, laid out, its grid in view; the size is reset afterwards."""

    def show(percent: int, start: dt.date | None = START):
        assert main_window.size() == QSize(1100, 760)  # the default window
        main_window.zoom.set_percent(percent)
        main_window.show_section("timeline")
        view = main_window.timeline
        view.personal.set_start(start)
        scroller = view.grid_scroller
        bars = (main_window.menuBar(), main_window.statusBar())  # their new text size laid out too
        qtbot.waitUntil(lambda: view.grid.size() == view.grid.sizeHint()
                        and scroller.height() == scroller.sizeHint().height()
                        and all(bar.height() == bar.sizeHint().height() for bar in bars))
        view.ensureWidgetVisible(scroller)
        return view

    yield show
    main_window.zoom.reset()


def _cell_in_viewport(view, column: int, row: int = 0) -> QRect:
    grid = view.grid
    return grid.grid_geometry().cell_rect(column, row).translated(grid.pos())


def _ink(image: QImage) -> int:
    return sum(image.pixelColor(x, y).lightness() < 100 for x in range(image.width()) for y in range(image.height()))


def _wheel(widget, dx: int, dy: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """One notch of a mouse wheel over the middle of a widget, as the window system
    sends it (so Qt passes it on to the parent when the widget ignores it)."""
    window = widget.window()
    shown = widget.visibleRegion().boundingRect()  # the part on screen: the grid scrolls
    assert not shown.isEmpty()
    centre = widget.mapTo(window, shown.center())
    QTest.wheelEvent(window.windowHandle(), QPointF(centre), QPoint(dx, dy), QPoint(), modifiers)


@pytest.mark.parametrize("start", [None, START], ids=["no-dates", "dates"])
def test_at_100_percent_all_28_days_fit_the_default_window(timeline_at, start) -> None:
    view = timeline_at(100, start)
    scroller = view.grid_scroller
    assert scroller.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways
    assert scroller.viewport().rect().contains(_cell_in_viewport(view, 27, len(view.grid.drugs) - 1))
    assert view.grid.width() <= scroller.viewport().width()  # the rest band's right end too
    assert scroller.mapTo(view.viewport(), QPoint(scroller.width(), 0)).x() <= view.viewport().width()


@pytest.mark.parametrize("percent", [100, 200])
def test_neighbouring_day_numbers_stand_apart(timeline_at, percent) -> None:
    """Full-size numbers filled the narrow columns: '1011121314' read as one number."""
    from PySide6.QtGui import QFontMetrics

    grid = timeline_at(percent).grid
    cell = grid.grid_geometry().cell
    widest = QFontMetrics(grid._number_font(bold=True)).horizontalAdvance("28")
    assert cell - widest >= max(3, grid.fontMetrics().height() // 6)


def test_at_200_percent_the_days_still_scroll_sideways(timeline_at) -> None:
    view = timeline_at(200)
    assert view.grid_scroller.horizontalScrollBar().maximum() > 0
    assert view.grid.grid_geometry().cell > timeline_at(100).grid.grid_geometry().cell  # they grow with the text


@pytest.mark.parametrize("percent", [100, 200])
def test_the_wheel_over_the_grid_scrolls_the_page_not_the_rows(timeline_at, qtbot, percent) -> None:
    view = timeline_at(percent)
    grid, scroller, page = view.grid, view.grid_scroller, view.verticalScrollBar()
    before = page.value()
    assert before < page.maximum() - 200  # room to scroll down
    for dy in (-120, -120, 120, -120):
        _wheel(grid, 0, dy)
        assert grid.y() == 0 and scroller.verticalScrollBar().value() == 0  # the header rows stay on top
    assert page.value() > before  # the page took the wheel (down twice more than up)
    _wheel(scroller.names, 0, -120)  # over the names too
    assert grid.y() == 0 and page.value() > before
    scroller.setFixedHeight(scroller.height() - 3 * grid.grid_geometry().line)  # squeezed, as for a moment
    qtbot.waitUntil(lambda: scroller.viewport().height() < grid.height())
    for dy in (-120, 120, -120):
        _wheel(grid, 0, dy)
        assert grid.y() == 0 and scroller.verticalScrollBar().maximum() == 0  # the rows never slide up


def test_shift_and_the_wheel_scroll_the_days_sideways(timeline_at) -> None:
    view = timeline_at(200)
    grid, bar = view.grid, view.grid_scroller.horizontalScrollBar()
    _wheel(grid, 0, -120, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() > 0 and grid.y() == 0
    _wheel(grid, 120, 0)  # a tilt wheel or touchpad, back to the left
    assert bar.value() == 0


@pytest.mark.parametrize("percent", [100, 200])
def test_ticking_the_first_day_leaves_the_checkbox_under_the_pointer(timeline_at, qtbot, percent) -> None:
    view = timeline_at(percent, None)
    box = view.personal.know_start
    view.ensureWidgetVisible(box)
    view.window().activateWindow()
    on_box = QPoint(box.height() // 2, box.height() // 2)  # on the tick box itself
    where = box.mapToGlobal(on_box)
    height_before = view.grid.height()
    for ticked in (True, False):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_box)
        assert box.isChecked() is ticked
        qtbot.waitUntil(lambda: view.grid.size() == view.grid.sizeHint()
                        and view.grid_scroller.height() == view.grid_scroller.sizeHint().height())
        assert (view.grid.height() > height_before) is ticked  # the date rows came, and went
        assert box.mapToGlobal(on_box) == where, ticked


@pytest.mark.parametrize(("start", "month"), [(START, "Jan 2027"), (DECEMBER_START, "Jan 2027")])
def test_scrolled_to_the_last_week_the_month_still_shows(timeline_at, start, month) -> None:
    view = timeline_at(200, start)
    grid, scroller = view.grid, view.grid_scroller
    g = grid.grid_geometry()
    bar = scroller.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert not scroller.viewport().rect().intersects(_cell_in_viewport(view, 12))  # past 1 January's column (day 13)
    labels = grid.month_labels(g)
    x, words, room = next((x, w, r) for x, w, r in labels if x <= grid.visible_left() < x + r)
    assert words[0] == month and x == grid.visible_left()  # at the left edge of the days in view
    assert grid.fontMetrics().horizontalAdvance(words[0]) <= room
    month_row = QRect(0, g.line, 3 * g.cell, g.line)  # the viewport's left end, the month row
    assert _ink(scroller.viewport().grab(month_row).toImage()) > 20  # painted, not blank


def test_scrolled_back_the_december_label_returns(timeline_at) -> None:
    view = timeline_at(200, DECEMBER_START)
    grid = view.grid
    bar = view.grid_scroller.horizontalScrollBar()
    bar.setValue(bar.maximum())
    bar.setValue(0)
    assert [(x, words[0]) for x, words, _room in grid.month_labels(grid.grid_geometry())] == \
        [(0, "Dec 2026"), (12 * grid.grid_geometry().cell, "Jan 2027")]
