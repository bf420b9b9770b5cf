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

from reportlab.platypus import Flowable, Spacer, Table

from explainer.collector import while_paused
from explainer.core.compare import Comparison
from explainer.core.language import current_language
from explainer.core.paper import Paper
from explainer.pdf.document import build_numbered, one_column_document
from explainer.pdf.fonts import register_fonts
from explainer.pdf.paragraph import Paragraph
from explainer.pdf.story import GRID_PADDING, MOST_FIRST, _grid_style, notice_box, text, widest_word
from explainer.pdf.styles import SHADE, Styles, make_styles

ASPECT_SHARE = 0.22   # of the page width: the column that names each row (wider only for a longer word)


@while_paused
def render_compare_pdf(table: Comparison, subtitle: str, footer: str, printed_on: dt.date,
                       page_size: Paper | tuple[float, float] = "a4", large_print: bool = False) -> bytes:
    """The page as PDF bytes: the same inputs always give the same bytes."""
    register_fonts()
    styles = make_styles(large_print)
    buffer = io.BytesIO()
    doc = one_column_document(buffer, page_size, styles, title=table.title, subject=subtitle, lang=current_language())
    build_numbered(doc, compare_story(table, subtitle, styles, doc.width), footer, table.title, printed_on, styles)
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
    aspect_width, study_width = width * ASPECT_SHARE, width * (1 - ASPECT_SHARE) / len(columns)
    needed = min(widest_word([row.label for row in table.rows], s.cell_bold) + 2 * GRID_PADDING, width * MOST_FIRST)
    if needed > aspect_width:
        aspect_width, study_width = needed, (width - needed) / len(columns)
    header = [Paragraph("", s.cell_bold), *(Paragraph(text(table.headings[c]), s.cell_bold) for c in columns)]
    rows: list[list[object]] = [header]
    for row in table.rows:
        rows.append([Paragraph(text(row.label), s.cell_bold),
                     *(Paragraph(text(row.cells[c]).replace("\n", "<br/>"), s.cell) for c in columns)])
    out = Table(rows, colWidths=[aspect_width, *([study_width] * len(columns))], repeatRows=1,
                splitInRow=1)
    style = _grid_style()
    style.add("BACKGROUND", (0, 1), (0, -1), SHADE)
    out.setStyle(style)
    return out

