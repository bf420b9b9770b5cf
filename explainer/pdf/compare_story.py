"""Comparison (explainer.core.compare) -> the PDF page "Studies I looked at".

The same fonts, styles, page template and numbered footer as the study summaries.
The studies stand side by side, a column each, at most three to a table (two in
large print) so each column stays wide enough to read; the aspects are the first
column of every table. Every text goes through ``story.text``: a record's title or
a place's name is shown as the letters it is, never as markup.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, Table

from explainer.core.compare import Comparison
from explainer.core.paper import Paper
from explainer.pdf.document import FOOTER_ROOM, MARGIN, PAGE_SIZES, numbered_canvas
from explainer.pdf.fonts import REGULAR, register_fonts
from explainer.pdf.paragraph import Paragraph
from explainer.pdf.story import _grid_style, notice_box, text
from explainer.pdf.styles import SHADE, Styles, make_styles

ASPECT_SHARE = 0.22   # of the page width: the column that names each row


def render_compare_pdf(table: Comparison, subtitle: str, footer: str, printed_on: dt.date,
                       page_size: Paper | tuple[float, float] = "a4", large_print: bool = False) -> bytes:
    """The page as PDF bytes: the same inputs always give the same bytes."""
    register_fonts()
    styles = make_styles(large_print)
    buffer = io.BytesIO()
    size = PAGE_SIZES[page_size] if isinstance(page_size, str) else page_size
    doc = BaseDocTemplate(
        buffer, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=FOOTER_ROOM + 8 * mm * styles.scale, title=table.title, author="Trial Explainer",
        subject=subtitle, creator="Trial Explainer", lang="en", invariant=1,
        initialFontName=REGULAR, initialFontSize=9.5)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    story = compare_story(table, subtitle, styles, doc.width)
    creation = f"D:{printed_on.year:04d}{printed_on.month:02d}{printed_on.day:02d}000000+00'00'"
    doc.build(story, canvasmaker=numbered_canvas(footer, table.title, creation, styles.scale))
    return buffer.getvalue()


def compare_story(table: Comparison, subtitle: str, styles: Styles, width: float) -> list[Flowable]:
    s = styles
    story: list[Flowable] = [Paragraph(text(table.title), s.title), Paragraph(text(subtitle), s.subtitle),
                             notice_box(table.intro, s, width), Spacer(1, 4 * s.scale)]
    most = 2 if s.scale > 1 else 3
    tables = -(-len(table.headings) // most)  # as few tables as fit, then the studies shared out evenly
    per_table = -(-len(table.headings) // tables) if tables else most
    for start in range(0, len(table.headings), per_table):
        story += [side_by_side(table, range(start, min(start + per_table, len(table.headings))), s, width),
                  Spacer(1, 6 * s.scale)]
    if table.headings:
        story.append(Paragraph(text(table.place_note), s.small))
    return story


def side_by_side(table: Comparison, columns: range, s: Styles, width: float) -> Table:
    """One table: the aspects down the left, the chosen studies across."""
    study_width = width * (1 - ASPECT_SHARE) / len(columns)
    header = [Paragraph("", s.cell_bold), *(Paragraph(text(table.headings[c]), s.cell_bold) for c in columns)]
    rows: list[list[object]] = [header]
    for row in table.rows:
        rows.append([Paragraph(text(row.label), s.cell_bold),
                     *(Paragraph(text(row.cells[c]).replace("\n", "<br/>"), s.cell) for c in columns)])
    out = Table(rows, colWidths=[width * ASPECT_SHARE, *([study_width] * len(columns))], repeatRows=1,
                splitInRow=1)
    style = _grid_style()
    style.add("BACKGROUND", (0, 1), (0, -1), SHADE)
    out.setStyle(style)
    return out
