"""The timeline's shapes and colours, shared by the cycle grid and its legend.

Each route has its own SHAPE, so colour is never the only signal: a drop for a
drip, a capsule for by mouth, both for "by mouth or by drip", a diamond for a shot
under the skin; a clinic sign for clinic days (hollow and dashed when it is a clinic
day only if a dose is a drip). Colours go by a medicine's place in the regimen.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from explainer.core.model import Route
from explainer.ui.theme import MEDICINE_KEYS, PICTURE

# One colour per place in the regimen's order (explainer.ui.theme.PICTURE, contrast-
# checked there); the shape, not the colour, carries the route.
MEDICINE_COLOURS = tuple(QColor(PICTURE[key]) for key in MEDICINE_KEYS)
FALLBACK_COLOUR = QColor(PICTURE["fallback"])
# The grid is a picture on its own white paper, whatever the desktop theme, so the
# colours above keep their contrast in a dark theme too.
PAPER = QColor(PICTURE["paper"])
INK = QColor(PICTURE["ink"])
FOCUS_COLOUR = QColor(PICTURE["focus"])  # the keyboard focus ring: 6.6:1 on white
CLINIC_COLOUR = QColor(PICTURE["clinic"])
REST_FILL = QColor(PICTURE["rest_fill"])
COLUMN_TINT = QColor(255, 214, 102, 90)  # the focused day's column, behind the shapes
ROW_LINE = QColor(INK.red(), INK.green(), INK.blue(), 40)  # faint lines between rows and weeks
NAMES_EDGE = QColor(PICTURE["grid_line"])  # where the fixed medicine names meet the scrolling days


def drug_colour(position: int) -> QColor:
    """The colour of the medicine at ``position`` (0 first) in the regimen's order."""
    return MEDICINE_COLOURS[position % len(MEDICINE_COLOURS)] if position >= 0 else FALLBACK_COLOUR


def shape_box(cell: QRectF) -> QRectF:
    """The part of a cell a shape may fill: most of its width, centred."""
    width = cell.width() * 0.84
    height = min(cell.height() * 0.7, width * 1.1)
    return QRectF(cell.center().x() - width / 2, cell.center().y() - height / 2, width, height)


def _square(box: QRectF, scale: float = 1.0) -> QRectF:
    side = min(box.width(), box.height()) * scale
    return QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)


def _drop_path(box: QRectF) -> QPainterPath:
    """A drip drop: a round bottom that narrows to a point at the top."""
    radius = min(box.width(), box.height()) * 0.36
    centre = QPointF(box.center().x(), box.bottom() - radius)
    tip = QPointF(box.center().x(), box.top())
    path = QPainterPath(tip)
    path.cubicTo(QPointF(centre.x() + radius * 0.2, tip.y() + radius * 0.6),
                 QPointF(centre.x() + radius, centre.y() - radius * 0.5), QPointF(centre.x() + radius, centre.y()))
    path.arcTo(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), 0, -180)
    path.cubicTo(QPointF(centre.x() - radius, centre.y() - radius * 0.5),
                 QPointF(centre.x() - radius * 0.2, tip.y() + radius * 0.6), tip)
    return path


def paint_drop(painter: QPainter, box: QRectF, colour: QColor) -> None:
    box = _square(box)
    painter.setPen(QPen(colour.darker(130), max(1.0, box.width() / 18)))
    painter.setBrush(colour)
    painter.drawPath(_drop_path(box))


def paint_capsule(painter: QPainter, box: QRectF, colour: QColor) -> None:
    """A capsule lying down: one half filled, one half light, like a real capsule."""
    height = min(box.height(), box.width() * 0.5)
    pill = QRectF(box.left(), box.center().y() - height / 2, box.width(), height)
    radius = height / 2
    outline = QPainterPath()
    outline.addRoundedRect(pill, radius, radius)
    left = QPainterPath()
    left.addRect(QRectF(pill.left(), pill.top(), pill.width() / 2, pill.height()))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PAPER)
    painter.drawPath(outline)
    painter.setBrush(colour)
    painter.drawPath(outline.intersected(left))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, max(1.2, box.width() / 14)))
    painter.drawPath(outline)


def paint_either(painter: QPainter, box: QRectF, colour: QColor) -> None:
    """'By mouth or by drip': a small drop above a small capsule, both shapes at once."""
    half = box.height() / 2
    paint_drop(painter, QRectF(box.left(), box.top(), box.width(), half * 1.05), colour)
    paint_capsule(painter, QRectF(box.left(), box.top() + half * 1.1, box.width(), half * 0.9), colour)


def paint_diamond(painter: QPainter, box: QRectF, colour: QColor) -> None:
    """A shot under the skin: a filled diamond, unlike any other mark."""
    box = _square(box, 0.9)
    centre = box.center()
    path = QPainterPath(QPointF(centre.x(), box.top()))
    for point in (QPointF(box.right() - box.width() * 0.1, centre.y()), QPointF(centre.x(), box.bottom()),
                  QPointF(box.left() + box.width() * 0.1, centre.y())):
        path.lineTo(point)
    path.closeSubpath()
    painter.setPen(QPen(colour.darker(130), max(1.0, box.width() / 18)))
    painter.setBrush(colour)
    painter.drawPath(path)


SHAPE_PAINTERS = {Route.IV: paint_drop, Route.PO: paint_capsule, Route.PO_OR_IV: paint_either, Route.SC: paint_diamond}


def paint_clinic_mark(painter: QPainter, box: QRectF, certain: bool) -> None:
    """A clinic (hospital) sign: a square with a cross; hollow and dashed if only maybe."""
    side = min(box.width(), box.height())
    square = QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
    pen = QPen(CLINIC_COLOUR, max(1.2, side / 12))
    if not certain:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(CLINIC_COLOUR if certain else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(square, side / 6, side / 6)
    arm, thick = side * 0.34, side * 0.22
    cross = QPainterPath()
    cross.setFillRule(Qt.FillRule.WindingFill)  # the two bars overlap: fill the middle too
    cross.addRect(QRectF(square.center().x() - thick / 2, square.center().y() - arm, thick, 2 * arm))
    cross.addRect(QRectF(square.center().x() - arm, square.center().y() - thick / 2, 2 * arm, thick))
    painter.fillPath(cross.simplified(), PAPER if certain else CLINIC_COLOUR)
