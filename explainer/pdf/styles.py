"""Paragraph styles, defined once. Large print scales every size by one factor, so
the two versions cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from explainer.pdf.fonts import BOLD, REGULAR

INK = colors.HexColor("#1a1a1a")
HEADING = colors.HexColor("#14365d")  # dark enough to print as near-black
MUTED = colors.HexColor("#4a4a4a")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef1f5")
UNMET = colors.HexColor("#f6e7e4")  # prints as a light grey: a rule that seems not met
LARGE_PRINT_SCALE = 1.4
# Large print scales every size, and then lifts the small ones (table cells, notes,
# the registry's words) to at least these: 1.4 times a small size was still small.
LARGE_PRINT_FLOOR = 12.0
LARGE_PRINT_SOURCE_FLOOR = 11.0  # the registry's word-for-word text, set apart as a quote
BODY_MIN = 10.5  # body text at normal size (issue 12): table cells and lists too, not only paragraphs


@dataclass(frozen=True)
class Styles:
    scale: float
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    source: ParagraphStyle
    bullet: ParagraphStyle
    boxed: ParagraphStyle

    def size(self, points: float) -> float:
        return points * self.scale

    def text_size(self, points: float) -> float:
        """A font size for words in a drawing: scaled, and in large print at least
        LARGE_PRINT_FLOOR, like the paragraph styles."""
        return max(points * self.scale, LARGE_PRINT_FLOOR) if self.scale > 1 else points


@cache  # once per process: the parsed paragraphs are kept per style (explainer/pdf/paragraph.py)
def make_styles(large_print: bool = False) -> Styles:
    scale = LARGE_PRINT_SCALE if large_print else 1.0

    def style(name: str, size: float, font: str = REGULAR, colour: colors.Color = INK,
              before: float = 0, after: float = 3, floor: float = LARGE_PRINT_FLOOR,
              **extra: object) -> ParagraphStyle:
        points = max(size * scale, floor) if large_print else size
        return ParagraphStyle(name, fontName=font, fontSize=points, leading=points * 1.28,
                              textColor=colour, spaceBefore=before * scale, spaceAfter=after * scale,
                              bulletFontName=REGULAR, **extra)

    return Styles(
        scale=scale,
        title=style("title", 16, BOLD, HEADING, after=2),
        subtitle=style("subtitle", 9, colour=MUTED, after=6),
        h1=style("h1", 13, BOLD, HEADING, before=7, after=3, keepWithNext=1),
        h2=style("h2", 11.5, BOLD, HEADING, before=5, after=2, keepWithNext=1),
        body=style("body", BODY_MIN),
        small=style("small", 9.5, colour=MUTED),
        cell=style("cell", BODY_MIN, after=0),
        cell_bold=style("cell_bold", BODY_MIN, BOLD, after=0),
        source=style("source", 8.5, colour=MUTED, after=0, floor=LARGE_PRINT_SOURCE_FLOOR),
        bullet=style("bullet", BODY_MIN, leftIndent=14, bulletIndent=2, after=2),
        boxed=style("boxed", BODY_MIN, BOLD, after=0),
    )
