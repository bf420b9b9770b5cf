"""The cycle grid's medicine names stay in place while the days scroll sideways
(pytest-qt, through the real window at the real text sizes)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage

from explainer.ui.shapes import PAPER

START = dt.date(2027, 1, 4)


@pytest.fixture
def timeline_at(main_window, qtbot):
    """The timeline page at a given text size, laid out; the size is reset afterwards."""

    def show(percent: int, start: dt.date | None = START, high_contrast: bool = False):
        main_window.theme.set_high_contrast(high_contrast)
        main_window.zoom.set_percent(percent)
        main_window.show_section("timeline")
        view = main_window.timeline
        view.personal.set_start(start)
        scroller = view.grid_scroller
        qtbot.waitUntil(lambda: view.grid.size() == view.grid.sizeHint()
                        and scroller.names.width() == view.grid.grid_geometry().label_width
                        and scroller.height() == scroller.sizeHint().height())
        view.ensureWidgetVisible(scroller)  # the whole grid on the page, as a reader scrolls to it
        return view

    yield show
    main_window.zoom.reset()  # the application font and palette are shared by later tests
    main_window.theme.set_high_contrast(False)


def _left_x(widget) -> int:
    return widget.mapToGlobal(QPoint(0, 0)).x()


def _cell_in_viewport(view, column: int, row: int = 0) -> QRect:
    """Where a day's cell is, in the scroll area's viewport (which starts right of the names)."""
    grid = view.grid
    return grid.grid_geometry().cell_rect(column, row).translated(grid.pos())


def _ink(image: QImage) -> int:
    """How many pixels are dark (text), on a grid of every second pixel."""
    return sum(image.pixelColor(x, y).lightness() < 100
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
def test_at_200_percent_the_names_stay_while_the_days_scroll_right(timeline_at, high_contrast) -> None:
    view = timeline_at(200, high_contrast=high_contrast)
    scroller, names = view.grid_scroller, view.grid_scroller.names
    bar = scroller.horizontalScrollBar()
    assert bar.maximum() > 0  # at 200% the days are wider than the page
    x_before, column_before = _left_x(names), scroller.grab(names.geometry()).toImage()
    bar.setValue(bar.maximum())
    assert _left_x(names) == x_before
    assert names.isVisible() and names.visibleRegion().boundingRect() == names.rect()  # nothing covers it
    assert scroller.grab(names.geometry()).toImage() == column_before  # not one pixel of it moved
    for row in range(len(view.grid.drugs)):  # and it shows a name on each row, dark on the paper
        band = scroller.grab(names.row_rect(row).translated(names.pos())).toImage()
        assert _ink(band) > 20, row
        assert band.pixelColor(band.width() - 4, 2) == PAPER  # the grid's paper, in both themes
    viewport = scroller.viewport().rect()
    assert viewport.contains(_cell_in_viewport(view, 27))  # day 28 is in view, beside the names
    assert not viewport.intersects(_cell_in_viewport(view, 0))  # day 1 scrolled out of view, not under the names


@pytest.mark.parametrize("percent", [100, 200])
@pytest.mark.parametrize("start", [None, START], ids=["no-dates", "dates"])
def test_the_names_and_the_days_line_up_row_by_row(timeline_at, percent, start) -> None:
    view = timeline_at(percent, start)
    grid, scroller = view.grid, view.grid_scroller
    names = scroller.names
    g = grid.grid_geometry()
    for row in range(len(grid.drugs)):
        name_row, day_row = names.row_rect(row), g.cell_rect(0, row)
        assert names.mapToGlobal(name_row.topLeft()).y() == grid.mapToGlobal(day_row.topLeft()).y(), row
        assert name_row.height() == day_row.height() == g.row_height
    assert names.mapToGlobal(QPoint(0, 0)).y() == grid.mapToGlobal(QPoint(0, 0)).y()  # the header rows too
    assert _left_x(names) + names.width() == _left_x(scroller.viewport())  # no gap, no overlap
    assert names.width() == g.label_width
    assert names.height() == scroller.viewport().height() >= grid.height()  # no row cut off at the bottom


def test_keys_move_through_the_days_and_scroll_the_focused_one_into_view(timeline_at, qtbot) -> None:
    view = timeline_at(200)
    grid, scroller = view.grid, view.grid_scroller
    bar, x_names = scroller.horizontalScrollBar(), _left_x(scroller.names)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert bar.value() == 0 and grid.focused_day.day == 1
    for day in range(2, 29):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
        assert grid.focused_day.day == day
        assert scroller.viewport().rect().contains(_cell_in_viewport(view, day - 1)), day
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(grid, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    assert grid.hasFocus() and grid.accessibleDescription().startswith("Cycle 1, day 28,")
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)  # the next cycle: the names stay, in line
    assert grid.cycle.number == 2 and _left_x(scroller.names) == x_names
    assert scroller.names.mapToGlobal(scroller.names.row_rect(3).topLeft()).y() == \
        grid.mapToGlobal(grid.grid_geometry().cell_rect(0, 3).topLeft()).y()


def test_the_names_column_is_named_for_a_screen_reader_and_takes_no_focus(timeline_at) -> None:
    view = timeline_at(100)
    names = view.grid_scroller.names
    assert names.accessibleName() == "Isatuximab, Carfilzomib, Pomalidomide, Dexamethasone"
    assert names.focusPolicy() == Qt.FocusPolicy.NoFocus  # Tab goes to the days, which say each day aloud
