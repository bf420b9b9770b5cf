"""The cycle grid's medicine names, kept in place while the days scroll sideways.

At a large text size a four-week cycle is wider than the page and scroll; a patient
looking at day 22 must still see which row is which medicine. So the names (and
the words Day, Date, Clinic) are a widget of their own, in the scroll area's left
margin, where QTableView keeps its row header: the days scroll, the names stay.

Both parts are painted from the grid's one GridGeometry (``row_top``), and the
names follow the days' own vertical offset, so their rows line up by construction.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen, QWheelEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

from explainer.core.schedule import TreatmentDay
from explainer.ui.cycle_grid import CycleGrid, GridGeometry
from explainer.ui.shapes import INK, NAMES_EDGE, PAPER, ROW_LINE

LEFT = Qt.AlignmentFlag.AlignLeft
MIDDLE_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft


class MedicineNames(QWidget):
    """The left column of a CycleGrid: the header words, then one medicine name a row.

    It has no state of its own: every size and word comes from the grid, so it
    cannot drift out of line with the days."""

    def __init__(self, grid: CycleGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the days take the focus; these are their labels
        self.setAccessibleName(", ".join(grid.drug_names.get(d, d) for d in grid.drugs))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self.grid.grid_geometry().label_width, self.grid.sizeHint().height())

    def row_rect(self, row: int) -> QRect:
        """Where a medicine's row is, in this widget (the same y as the grid's cells on screen)."""
        g = self.grid.grid_geometry()
        return QRect(0, self.grid.y() + g.row_top(row), g.label_width, g.row_height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), PAPER)
        painter.translate(0, self.grid.y())  # the days' offset in the scroll area: 0 unless scrolled up
        g = self.grid.grid_geometry()
        painter.setFont(self.grid.font())  # the font the geometry was measured with
        self._paint_header_words(painter, g)
        self._paint_names(painter, g)
        painter.setPen(QPen(NAMES_EDGE, 1))  # an edge: the days visibly slide under the names
        painter.drawLine(self.width() - 1, 0, self.width() - 1, g.height(len(self.grid.drugs)))
        painter.end()

    def _text_rect(self, g: GridGeometry, top: int, height: int) -> QRect:
        return QRect(g.line // 3, top, g.label_width - g.line // 3, height)

    def _paint_header_words(self, painter: QPainter, g: GridGeometry) -> None:
        day, date, clinic = self.grid.row_words
        bold = QFont(self.grid.font())
        bold.setBold(True)  # bold like the clinic days' numbers beside them
        painter.setPen(INK)
        painter.setFont(bold)
        painter.drawText(self._text_rect(g, 0, g.line), LEFT, day)
        painter.drawText(self._text_rect(g, g.clinic_top, g.line * 3 // 2), MIDDLE_LEFT, clinic)
        painter.setFont(self.grid.font())
        if self.grid.cycle.start is not None:  # the date row is there only with a first day
            painter.drawText(self._text_rect(g, 2 * g.line, g.line), LEFT, date)

    def _paint_names(self, painter: QPainter, g: GridGeometry) -> None:
        for row, drug in enumerate(self.grid.drugs):
            painter.setPen(QPen(ROW_LINE, 1))  # the grid's row line, carried on under the name
            painter.drawLine(0, g.row_top(row), g.label_width, g.row_top(row))
            painter.setPen(INK)
            painter.drawText(self._text_rect(g, g.row_top(row), g.row_height), MIDDLE_LEFT,
                             self.grid.drug_names.get(drug, drug))


def plain_viewport() -> QWidget:
    """A scroll area's viewport as QScrollArea makes its own, but made here. Qt's own is
    of a class PySide does not know: the first time Python gets it (this module asks for
    it), PySide builds every widget class it might be, with their enums (36 classes,
    about 6 ms CPU as the timeline was built)."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.NoRole)
    viewport.setAutoFillBackground(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    return viewport


class GridScroller(QScrollArea):
    """Scrolls the days sideways when the window (or a large text size) is too narrow,
    so the words around them still wrap to the window's width; the medicine names
    sit in the left viewport margin and do not scroll."""

    def __init__(self, grid: CycleGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.setViewport(plain_viewport())  # before setWidget: the old viewport goes, with its children
        self.setWidget(grid)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The theme pads every scroll area; the grid is a picture on its own paper and
        # needs only the thin border, so a four-week cycle fits in the default window.
        self.setStyleSheet("GridScroller { padding: 0px; }")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the grid inside takes focus, not its frame
        self.names = MedicineNames(grid, self)
        grid.installEventFilter(self)
        self.viewport().installEventFilter(self)
        grid.geometry_changed.connect(self._fit_names)
        grid.focus_moved.connect(self._keep_focused_day_in_view)
        self.verticalScrollBar().rangeChanged.connect(self._never_scroll_down)
        # Scrolling moves the painted pixels; the sticky month label must be painted anew.
        self.horizontalScrollBar().valueChanged.connect(self.grid.update)
        self._fit_names()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.grid and event.type() == QEvent.Type.Resize:
            self.updateGeometry()  # the page gives the grid's new height room
        elif watched is self.viewport() and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place_names()
        return super().eventFilter(watched, event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        """Up and down scroll the page, never the rows under the header; sideways
        (a tilt, a touchpad, or Shift with the wheel) scrolls the days."""
        sideways = event.angleDelta().x() or (
            event.angleDelta().y() if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0)
        bar = self.horizontalScrollBar()
        if not sideways or bar.maximum() == 0:
            event.ignore()  # the page's scroll area, the parent, takes it
            return
        bar.setValue(bar.value() - sideways * bar.singleStep() // 40)  # 120 a notch: 3 steps
        event.accept()

    def _never_scroll_down(self, _low: int, _high: int) -> None:
        """The area is as high as the whole grid; should a layout ever squeeze it for a
        moment, the header rows still stay at the top."""
        self.verticalScrollBar().setRange(0, 0)

    def _fit_names(self) -> None:
        """A new font or cycle: make the margin as wide as the names, and repaint them."""
        width = self.grid.grid_geometry().label_width
        if self.viewportMargins().left() != width:
            self.setViewportMargins(width, 0, 0, 0)  # lays the viewport out again at once
        self._place_names()
        self.names.update()
        self.updateGeometry()

    def _place_names(self) -> None:
        """Right beside the viewport, exactly as high: the margin's whole area."""
        view = self.viewport().geometry()
        width = self.viewportMargins().left()
        self.names.setGeometry(view.x() - width, view.y(), width, view.height())

    def _keep_focused_day_in_view(self, _day: TreatmentDay) -> None:
        if not self.grid.isVisible():  # not laid out yet: nothing to scroll
            return
        g = self.grid.grid_geometry()
        centre = self.grid.focused_column * g.cell + g.cell // 2
        # Two days either side show too; y 0 keeps the day numbers at the top in view.
        self.ensureVisible(centre, 0, g.cell * 2, 0)

    def sizeHint(self) -> QSize:  # noqa: N802
        grid = self.grid.sizeHint()
        frame = 2 * self.frameWidth()  # the theme's border and padding
        return QSize(frame + self.viewportMargins().left() + grid.width(),
                     frame + grid.height() + self.horizontalScrollBar().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        g = self.grid.grid_geometry()
        # The names and at least three days beside them.
        return QSize(2 * self.frameWidth() + g.label_width + 3 * g.cell, self.sizeHint().height())
