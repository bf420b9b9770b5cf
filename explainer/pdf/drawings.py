"""The timeline as vector drawings: the cycle grid, its legend and the journey strip.

Drawn from the core's ``CycleGrid`` and ``JourneyBox`` (the same ``Timeline`` the
screen uses). Shapes, not colour, tell the routes apart, so a black-and-white
printout reads the same: a drop for a drip, a capsule for by mouth, a half-filled
circle for "by mouth or by drip", a diamond for a shot under the skin, a ring around
a clinic day's number. Marks go by route, never by medicine.
"""

from __future__ import annotations

from reportlab import rl_config

# Checking every shape attribute as it is set is reportlab's development aid ("it
# slows down shapes"); our shapes are fixed and tested. Off before shapes loads.
rl_config.shapeChecking = 0

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String, Wedge  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402

from explainer.core.facts import long_date
from explainer.core.model import Route
from explainer.core.summary_grids import CycleGrid, JourneyBox
from explainer.core.summary_labels import ROUTE_KINDS, journey_starts
from explainer.pdf.fonts import BOLD, REGULAR
from explainer.pdf.styles import HEADING, INK, RULE, SHADE, Styles

WHITE = colors.white
STAGE_FILLS = (colors.HexColor("#f2f2f2"), colors.HexColor("#d9e2ec"), colors.HexColor("#e8edf2"),
               colors.HexColor("#f7f7f7"))


def new_drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The renderer starts each drawing in its default font (Helvetica, never embedded)
    # unless the drawing names another; every string here is DejaVu anyway.
    drawing.initialFontName = REGULAR
    return drawing


def route_mark(route: Route, x: float, y: float, size: float) -> Group:
    """The mark for one dose, centred on (x, y), ``size`` high."""
    r = size / 2
    if route is Route.IV:  # a drop: a round bottom under a point
        return Group(Circle(x, y - r * 0.28, r * 0.62, fillColor=INK, strokeColor=None),
                     Polygon([x - r * 0.56, y - r * 0.05, x + r * 0.56, y - r * 0.05, x, y + r],
                             fillColor=INK, strokeColor=None))
    if route is Route.PO:  # a capsule: an outlined bar with a line across its middle
        width, height = size * 0.95, size * 0.5
        return Group(Rect(x - width / 2, y - height / 2, width, height, rx=height / 2, ry=height / 2,
                          fillColor=WHITE, strokeColor=INK, strokeWidth=0.7),
                     Line(x, y - height / 2, x, y + height / 2, strokeColor=INK, strokeWidth=0.7))
    if route is Route.SC:  # a shot under the skin: a filled diamond
        return Group(Polygon([x, y + r * 0.8, x + r * 0.7, y, x, y - r * 0.8, x - r * 0.7, y],
                             fillColor=INK, strokeColor=None))
    # By mouth or by drip: a circle, left half filled.
    return Group(Circle(x, y, r * 0.62, fillColor=WHITE, strokeColor=INK, strokeWidth=0.7),
                 Wedge(x, y, r * 0.62, 90, 270, fillColor=INK, strokeColor=None))


def day_ring(x: float, y: float, radius: float, dashed: bool) -> Circle:
    ring = Circle(x, y, radius, fillColor=None, strokeColor=INK, strokeWidth=0.8)
    if dashed:
        ring.strokeDashArray = [1.4, 1.2]
    return ring


def grid_drawing(grid: CycleGrid, width: float, styles: Styles) -> Drawing:
    """The cycle's days across, one row per medicine. In large print the days come in
    two rows of weeks (days 1-14, then 15-28), so the numbers and marks can grow too."""
    s = styles.scale
    parts = 2 if s > 1 else 1
    span = -(-grid.length_days // parts)  # days per part, rounded up
    day_ranges = [range(1 + i * span, min(grid.length_days, (i + 1) * span) + 1) for i in range(parts)]
    part_height = _header_height(styles) + _row_height(styles) * len(grid.rows) + 1
    gap = 8 * s
    drawing = new_drawing(width, parts * part_height + (parts - 1) * gap)
    for index, days in enumerate(day_ranges):
        bottom = (parts - 1 - index) * (part_height + gap)
        _draw_days(drawing, grid, days, bottom, width, styles)
    return drawing


def _header_height(styles: Styles) -> float:
    return max(12 * styles.scale, styles.text_size(6.4) * 1.7)  # room for a ringed number


def _row_height(styles: Styles) -> float:
    return max(11.5 * styles.scale, styles.text_size(8) * 1.35)


def _draw_days(drawing: Drawing, grid: CycleGrid, days: range, bottom: float, width: float,
               styles: Styles) -> None:
    s = styles.scale
    name_size = styles.text_size(8)
    label_w = max(stringWidth(r.name, REGULAR, name_size) for r in grid.rows) + 8 * s
    cell_w = (width - label_w) / len(days)
    number_size = min(styles.text_size(6.4), cell_w * 0.5)  # two digits and a ring must fit a column
    row_h, head_h = _row_height(styles), _header_height(styles)
    top = bottom + row_h * len(grid.rows)

    def centre(day: int) -> float:
        return label_w + cell_w * (day - days.start + 0.5)

    for index, row in enumerate(grid.rows):
        y = top - row_h * (index + 1)
        if index % 2 == 0:
            drawing.add(Rect(0, y, width, row_h, fillColor=SHADE, strokeColor=None))
        drawing.add(String(2 * s, y + row_h / 2 - name_size * 0.35, row.name, fontName=REGULAR,
                           fontSize=name_size, fillColor=INK))
        for day in (d for d in row.days if d in days):
            drawing.add(route_mark(row.route, centre(day), y + row_h / 2, min(cell_w, row_h) * 0.78))
    clinic, maybe = set(grid.clinic_days), set(grid.maybe_clinic_days)
    for day in days:
        font = BOLD if day in clinic else REGULAR
        drawing.add(String(centre(day), top + head_h / 2 - number_size * 0.35, str(day), fontName=font,
                           fontSize=number_size, fillColor=INK, textAnchor="middle"))
        if day in clinic or day in maybe:
            drawing.add(day_ring(centre(day), top + head_h / 2, min(cell_w, head_h) * 0.48, dashed=day in maybe))
    for day in (d for d in (*days, days.stop) if (d - 1) % 7 == 0):  # week lines help count days
        x = label_w + cell_w * (day - days.start)
        drawing.add(Line(x, bottom, x, top, strokeColor=RULE, strokeWidth=0.5))
    drawing.add(Line(0, top, width, top, strokeColor=RULE, strokeWidth=0.5))
    drawing.add(Line(0, bottom, width, bottom, strokeColor=RULE, strokeWidth=0.5))


def legend_drawing(legend: tuple[tuple[str, str], ...], width: float, styles: Styles) -> Drawing:
    """The key to the grid's marks (core.summary_labels.legend_for), flowing onto a
    second line when space runs out."""
    s = styles.scale
    font = styles.text_size(7.6)
    size, gap, line_h = 10 * s, 12 * s, max(14 * s, font * 1.4)
    items = [(kind, text, size + 4 * s + stringWidth(text, REGULAR, font)) for kind, text in legend]
    rows: list[list[tuple[str, str, float]]] = [[]]
    used = 0.0
    for item in items:
        if rows[-1] and used + item[2] > width:
            rows.append([])
            used = 0.0
        rows[-1].append(item)
        used += item[2] + gap
    drawing = new_drawing(width, line_h * len(rows))
    for number, row in enumerate(rows):
        y = drawing.height - line_h * (number + 0.5)
        x = 0.0
        for kind, text, item_w in row:
            drawing.add(_legend_mark(kind, x + size / 2, y, size, max(font * 0.9, styles.text_size(6.4))))
            drawing.add(String(x + size + 4 * s, y - font * 0.35, text, fontName=REGULAR, fontSize=font,
                               fillColor=INK))
            x += item_w + gap
    return drawing


def _legend_mark(kind: str, x: float, y: float, size: float, number_size: float) -> Group:
    routes = {kind: route for route, kind in ROUTE_KINDS.items()}
    if kind in routes:
        return route_mark(routes[kind], x, y, size)
    return Group(String(x, y - number_size * 0.37, "8", fontName=BOLD, fontSize=number_size, fillColor=INK,
                        textAnchor="middle"), day_ring(x, y, size * 0.48, dashed=kind == "dashed"))


def journey_drawing(boxes: tuple[JourneyBox, ...], width: float, styles: Styles) -> Drawing:
    """Screening -> each part of treatment -> follow-up, as arrow-shaped boxes."""
    s = styles.scale
    name_size, line_size, pad, notch = styles.text_size(8.4), styles.text_size(7.4), 4 * s, 7 * s
    box_w = width / len(boxes)
    texts = [_box_lines(box, box_w - 2 * pad - notch, name_size, line_size) for box in boxes]
    names = [_name_lines(box.name, box_w - 2 * pad - notch, name_size) for box in boxes]
    box_h = max((len(name) - 1) * name_size * 1.25 + len(lines) * line_size * 1.25
                for name, lines in zip(names, texts, strict=True)) + name_size * 1.3 + 2 * pad
    drawing = new_drawing(width, box_h + 1)
    for index, (box, name, lines) in enumerate(zip(boxes, names, texts, strict=True)):
        left = index * box_w
        right = left + box_w - (0 if index == len(boxes) - 1 else 1.5 * s)
        tip = right + (0 if index == len(boxes) - 1 else notch)
        inner = notch if index else 0
        points = [left, 0, right, 0, tip, box_h / 2, right, box_h, left, box_h, left + inner, box_h / 2]
        drawing.add(Polygon(points, fillColor=STAGE_FILLS[index % len(STAGE_FILLS)], strokeColor=INK,
                            strokeWidth=0.6))
        x, y = left + inner + pad, box_h - pad - name_size
        for number, part in enumerate(name):
            y -= name_size * 1.25 if number else 0
            drawing.add(String(x, y, part, fontName=BOLD, fontSize=name_size, fillColor=HEADING))
        for line in lines:
            y -= line_size * 1.25
            drawing.add(String(x, y, line, fontName=REGULAR, fontSize=line_size, fillColor=INK))
    return drawing


def _name_lines(name: str, width: float, size: float) -> list[str]:
    """A stage's name on one line, or wrapped where it is wider than its box (the Spanish
    "Pruebas de selección" in large print ran past its box's edge)."""
    return [name] if stringWidth(name, BOLD, size) <= width else simpleSplit(name, BOLD, size, width)


def _box_lines(box: JourneyBox, width: float, name_size: float, line_size: float) -> list[str]:
    lines: list[str] = []
    for text in (*box.lines, f"{journey_starts()} {long_date(box.starts)}" if box.starts else ""):
        if text:
            lines.extend(simpleSplit(text, REGULAR, line_size, width))
    return lines
