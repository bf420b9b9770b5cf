"""One treatment cycle as a picture: a column per day by the medicines, painted.

Every size comes from the font's metrics, so Ctrl+ text zoom enlarges the grid.
Each route has its own shape (see shapes.py), so colour is never the only
signal. The grid takes keyboard focus; the arrow keys, Home and End move a focus
cell, and the widget's accessible description always reads the focused day aloud
in words. This widget paints the days only: the medicine names (and the words
Day, Date, Clinic) are painted beside it by grid_names.MedicineNames, which
stays in place while the days scroll sideways.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from explainer.core.schedule import Cycle, TreatmentDay
from explainer.ui.i18n import tr
from explainer.ui.shapes import (
    CLINIC_COLOUR,
    COLUMN_TINT,
    FOCUS_COLOUR,
    INK,
    PAPER,
    REST_FILL,
    ROW_LINE,
    SHAPE_PAINTERS,
    drug_colour,
    paint_clinic_mark,
    shape_box,
)

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_abbreviations() -> tuple[str, ...]:
    """The short month names painted over the dates, in the app's language: one text to
    translate (a lone "May" would share its translation with the full month's)."""
    names = tuple(tr("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec").split())
    return names if len(names) == 12 else MONTH_ABBR
# Day and date numbers are drawn at this share of the text size (see _number_font).
NUMBER_SCALE = 0.85


@dataclass(frozen=True)
class GridGeometry:
    """Where everything goes, in pixels, from one font's metrics.

    The day columns start at x = 0 of the grid; the medicine names are a column of
    their own, ``label_width`` wide, that stays at the left while the days scroll
    (grid_names.py). Both parts place their rows with ``row_top``, so they line up."""

    label_width: int
    cell: int
    row_height: int
    header_rows: int
    line: int

    @property
    def header_height(self) -> int:
        return self.header_rows * self.line + self.line * 3 // 2  # the day rows, then the clinic sign

    @property
    def clinic_top(self) -> int:
        """Where the clinic-sign row starts, under the day (and month and date) rows."""
        return self.header_rows * self.line

    def row_top(self, row: int) -> int:
        return self.header_height + row * self.row_height

    def height(self, rows: int) -> int:
        return self.row_top(rows)

    def column_rect(self, column: int, rows: int) -> QRect:
        return QRect(column * self.cell, 0, self.cell, self.height(rows))

    def cell_rect(self, column: int, row: int) -> QRect:
        return QRect(column * self.cell, self.row_top(row), self.cell, self.row_height)


class CycleGrid(QWidget):
    """Rows are the medicines, columns the days of one cycle."""

    focus_moved = Signal(object)  # the focused TreatmentDay
    cycle_step = Signal(int)  # Page Up (-1) / Page Down (+1)
    geometry_changed = Signal()  # a new cycle or font: the names beside the days must follow

    def __init__(self, drugs: tuple[str, ...], drug_names: dict[str, str], cycle: Cycle,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drugs = drugs
        self.drug_names = drug_names
        self._cycle = cycle
        self._column = 0
        self._row = 0
        # Words the view replaces with those of resources/timeline.json; row_words
        # are painted by the names column beside the grid (grid_names.py).
        self.rest_words = (tr("Rest week: no medicine"), tr("Rest"))
        self.row_words = (tr("Day"), tr("Date"), tr("Clinic"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Treatment days, one column for each day of the cycle"))
        self._announce()

    # --- what is shown -------------------------------------------------------
    @property
    def cycle(self) -> Cycle:
        return self._cycle

    def set_cycle(self, cycle: Cycle) -> None:
        self._cycle = cycle
        self._column = min(self._column, len(cycle.days) - 1)
        self._resize_to_fit()
        self.update()
        self._announce()

    @property
    def focused_column(self) -> int:
        return self._column

    @property
    def focused_day(self) -> TreatmentDay:
        return self._cycle.days[self._column]

    @property
    def focused_drug(self) -> str:
        return self.drugs[self._row]

    def set_focus_cell(self, column: int, row: int | None = None) -> None:
        self._column = max(0, min(column, len(self._cycle.days) - 1))
        if row is not None:
            self._row = max(0, min(row, len(self.drugs) - 1))
        self.update()
        self._announce()

    def step_cycle(self, step: int) -> None:
        """Page Up / Page Down: ask the view for the previous or next cycle."""
        self.cycle_step.emit(step)

    def tooltip_for(self, column: int) -> str:
        return self._cycle.days[column].describe()

    def _announce(self) -> None:
        text = self.focused_day.describe()
        self.setAccessibleDescription(text)
        if QAccessible.isActive():  # a screen reader is listening: say the new day aloud
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))
            if self.hasFocus():
                QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))
        self.focus_moved.emit(self.focused_day)

    # --- geometry ------------------------------------------------------------
    def geometry_for(self, metrics: QFontMetrics) -> GridGeometry:
        line = metrics.height()
        # As narrow as the widest day number (bold, on a clinic day) allows, so all
        # a four-week cycle fits beside the navigator in the default window at the normal text
        # size; the digits' own side bearings keep neighbouring numbers apart.
        bold = QFont(self.font())
        bold.setBold(True)
        widest = QFontMetrics(bold).horizontalAdvance("28")
        cell = max(widest + max(1, line // 16), round(line * 1.1))
        label = max(metrics.horizontalAdvance(self.drug_names.get(d, d)) for d in self.drugs) + line * 2 // 3
        label = max(label, metrics.horizontalAdvance(f"{month_abbreviations()[8]} 2027") + line * 2 // 3)
        rows = 3 if self._cycle.start is not None else 1  # day; then month and date when known
        return GridGeometry(label, cell, round(line * 2.1), rows, line)

    def grid_geometry(self) -> GridGeometry:
        """The geometry both the days and the names beside them are painted with."""
        return self.geometry_for(self.fontMetrics())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        g = self.grid_geometry()
        # A little room past the last day and row, so their outlines are not cut.
        return QSize(g.cell * len(self._cycle.days) + 4, g.height(len(self.drugs)) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def cell_at(self, x: float, y: float) -> tuple[int, int | None] | None:
        """(column, row) under a point; row is None over the header."""
        g = self.grid_geometry()
        column = int(x // g.cell)
        if x < 0 or not 0 <= column < len(self._cycle.days):
            return None
        row = int((y - g.header_height) // g.row_height) if y >= g.header_height else None
        return column, row if row is None or row < len(self.drugs) else None

    # --- events --------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._resize_to_fit()
        super().changeEvent(event)

    def _resize_to_fit(self) -> None:
        """Take the size the cycle and font need (the scroll area does not resize it)."""
        self.updateGeometry()
        self.adjustSize()
        self.geometry_changed.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.cell_at(event.pos().x(), event.pos().y())
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(hit[0]), self)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        moves = {Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Down: (0, 1), Qt.Key.Key_Up: (0, -1)}
        key = Qt.Key(event.key())
        if key in moves:
            dx, dy = moves[key]
            self.set_focus_cell(self._column + dx, self._row + dy)
        elif key == Qt.Key.Key_Home:
            self.set_focus_cell(0)
        elif key == Qt.Key.Key_End:
            self.set_focus_cell(len(self._cycle.days) - 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.step_cycle(-1 if key == Qt.Key.Key_PageUp else 1)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.cell_at(event.position().x(), event.position().y())
        if hit is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.set_focus_cell(hit[0], hit[1])
        super().mousePressEvent(event)

    # --- painting ------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        g = self.grid_geometry()
        painter.fillRect(self.rect(), PAPER)
        self._paint_rest_bands(painter, g)
        painter.fillRect(g.column_rect(self._column, len(self.drugs)), COLUMN_TINT)
        self._paint_row_lines(painter, g)
        self._paint_header(painter, g)
        self._paint_doses(painter, g)
        self._paint_clinic_outlines(painter, g)
        if self._cycle.start is not None:
            self._paint_dates(painter, g)  # after the outlines: a month name sits on top of them
        if self.hasFocus():
            self._paint_focus(painter, g)
        painter.end()

    def _paint_row_lines(self, painter: QPainter, g: GridGeometry) -> None:
        width = g.cell * len(self._cycle.days)
        painter.setPen(QPen(ROW_LINE, 1))
        for row in range(len(self.drugs)):
            painter.drawLine(0, g.row_top(row), width, g.row_top(row))
        painter.setPen(QPen(ROW_LINE, 1, Qt.PenStyle.DotLine))
        for week in range(7, len(self._cycle.days), 7):  # a faint line between weeks helps counting
            x = week * g.cell
            painter.drawLine(x, g.header_height, x, g.height(len(self.drugs)))

    def _number_font(self, bold: bool = False) -> QFont:
        """Day and date numbers a little smaller than the text: the columns are as
        narrow as a bold "28" (so four weeks of days fit), and full-size numbers ran together."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * NUMBER_SCALE)
        font.setBold(bold)
        return font

    def _paint_header(self, painter: QPainter, g: GridGeometry) -> None:
        text = INK
        painter.setPen(text)
        for column, day in enumerate(self._cycle.days):
            x = column * g.cell
            painter.setFont(self._number_font(bold=day.is_clinic_day))
            painter.drawText(QRect(x, 0, g.cell, g.line), Qt.AlignmentFlag.AlignCenter, str(day.day))
            sign = QRectF(x + g.cell * 0.1, g.clinic_top + g.line * 0.1, g.cell * 0.8, g.line * 1.25)
            if day.is_clinic_day or day.may_be_clinic_day:
                paint_clinic_mark(painter, sign, certain=day.is_clinic_day)
                painter.setPen(text)
        painter.setFont(self.font())

    def _paint_dates(self, painter: QPainter, g: GridGeometry) -> None:
        """The month above the dates (where a month begins, and at the left of the days
        in view), then each day's date."""
        painter.setFont(self.font())
        painter.setPen(INK)
        for x, label, room in self.month_labels(g):
            words = next((w for w in label if self.fontMetrics().horizontalAdvance(w) <= room), "")
            if words:  # straight on the paper: the focused day's tint runs on under it
                painter.drawText(QRect(x + 3, g.line, room, g.line), Qt.AlignmentFlag.AlignLeft, words)
        painter.setFont(self._number_font())
        for column, day in enumerate(self._cycle.days):
            if day.date is not None:
                x = column * g.cell
                painter.drawText(QRect(x, 2 * g.line, g.cell, g.line), Qt.AlignmentFlag.AlignCenter, str(day.date.day))
        painter.setFont(self.font())

    def visible_left(self) -> int:
        """The x of the first pixel in view: the days scroll sideways in a GridScroller,
        which moves this widget left (x < 0)."""
        return max(0, -self.x())

    def month_labels(self, g: GridGeometry) -> list[tuple[int, tuple[str, ...], int]]:
        """(x, words from longest to shortest, pixels of room) for each month shown.

        A month's label sticks to the left edge of the days in view, so a reader
        scrolled to day 22 still sees which month it is; the next month's label
        pushes it away (its room ends where the next month starts)."""
        starts = [c for c, d in enumerate(self._cycle.days) if d.date is not None and (c == 0 or d.date.day == 1)]
        left = self.visible_left()
        out = []
        months = month_abbreviations()
        for index, column in enumerate(starts):
            date = self._cycle.days[column].date
            assert date is not None
            end = (starts[index + 1] if index + 1 < len(starts) else len(self._cycle.days)) * g.cell
            x = max(column * g.cell, min(left, end))
            month = months[date.month - 1]
            out.append((x, (f"{month} {date.year}", month), end - x - 4))
        return out

    def _paint_doses(self, painter: QPainter, g: GridGeometry) -> None:
        for column, day in enumerate(self._cycle.days):
            for row, drug in enumerate(self.drugs):
                dose = day.dose_of(drug)
                if dose is None:
                    continue
                SHAPE_PAINTERS[dose.route](painter, shape_box(QRectF(g.cell_rect(column, row))), drug_colour(row))

    def _paint_rest_bands(self, painter: QPainter, g: GridGeometry) -> None:
        """Runs of days with no medicine: one shaded band, labelled in words."""
        runs: list[tuple[int, int]] = []
        for column, day in enumerate(self._cycle.days):
            if day.has_treatment:
                continue
            if runs and runs[-1][1] == column - 1:
                runs[-1] = (runs[-1][0], column)
            else:
                runs.append((column, column))
        painter.setPen(INK)
        for first, last in runs:
            band = QRect(first * g.cell + 2, g.header_height + 2,
                         (last - first + 1) * g.cell - 4, g.row_height * len(self.drugs) - 4)
            painter.fillRect(band, REST_FILL)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            inside = band.adjusted(2, 2, -2, -2)
            words = next((w for w in self.rest_words if inside.contains(
                self.fontMetrics().boundingRect(inside, flags, w))), "")
            painter.drawText(inside, flags, words)

    def _paint_clinic_outlines(self, painter: QPainter, g: GridGeometry) -> None:
        for column, day in enumerate(self._cycle.days):
            if not (day.is_clinic_day or day.may_be_clinic_day):
                continue
            pen = QPen(CLINIC_COLOUR, max(2.0, g.line / 8))
            if not day.is_clinic_day:
                pen.setStyle(Qt.PenStyle.DashLine)
                pen.setWidthF(max(1.0, g.line / 14))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            # From the clinic sign down: the day and date numbers above stay clear of the line.
            rect = QRectF(g.column_rect(column, len(self.drugs))).adjusted(2, g.clinic_top, -2, -2)
            painter.drawRoundedRect(rect, g.line / 4, g.line / 4)

    def _paint_focus(self, painter: QPainter, g: GridGeometry) -> None:
        pen = QPen(FOCUS_COLOUR, max(3.0, g.line / 6))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(g.cell_rect(self._column, self._row)).adjusted(2, 2, -2, -2))
