"""The renderer: fonts, styles, page template, header and footer, content -> bytes.

One step each, in the manner of pretix's invoice renderer. The document is built
in reportlab's invariant mode with the printing date as its creation date, so the
same summary always gives the same bytes. Every font is the embedded DejaVu Sans:
``initialFontName`` keeps reportlab from slipping in a non-embedded Helvetica.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from explainer.collector import while_paused
from explainer.core.language import say
from explainer.core.paper import Paper
from explainer.core.summary import Summary
from explainer.pdf.fonts import REGULAR, register_fonts
from explainer.pdf.story import StoryBuilder
from explainer.pdf.styles import MUTED, RULE, Styles, make_styles

PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN = 14 * mm
FOOTER_ROOM = 10 * mm


def numbered_canvas(footer: str, header: str, creation: str, scale: float) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say 'Page X of Y'."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # Invariant mode would date the file 2000-01-01; the printing date is the honest one.
            self._doc.setDateFormatter(lambda *_parts: creation)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                self._draw_frame_text(number, total)
                super().showPage()
            super().save()

        def _draw_frame_text(self, number: int, total: int) -> None:
            width, height = self._pagesize
            size = 7.5 * scale
            self.saveState()
            self.setFont(REGULAR, size)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            self.line(MARGIN, FOOTER_ROOM + size * 1.2, width - MARGIN, FOOTER_ROOM + size * 1.2)
            words = say("{footer} · Page {number} of {total}").format(footer=footer, number=number, total=total)
            # A footer wider than the text (a longer language, large print) wraps onto a
            # second line below, never past the page's edges; one that fits is drawn as ever.
            room = width - 2 * MARGIN
            lines = [words] if stringWidth(words, REGULAR, size) <= room else simpleSplit(words, REGULAR, size, room)
            for line, text in enumerate(lines):
                self.drawCentredString(width / 2, FOOTER_ROOM - line * size * 1.2, text)
            if number > 1:
                self.drawString(MARGIN, height - MARGIN / 2 - size, header)
            self.restoreState()

    return NumberedCanvas


class SummaryRenderer:
    def __init__(self, summary: Summary, page_size: Paper | tuple[float, float] = "a4",
                 large_print: bool = False) -> None:
        register_fonts()
        self.summary = summary
        self.page_size = PAGE_SIZES[page_size] if isinstance(page_size, str) else page_size
        self.styles = make_styles(large_print)

    def document(self, buffer: io.BytesIO) -> BaseDocTemplate:
        meta = self.summary.metadata
        return one_column_document(buffer, self.page_size, self.styles, title=meta.get("title", ""),
                                   author=meta.get("author", ""), subject=meta.get("subject", ""),
                                   lang=meta.get("lang"))

    @while_paused  # some 100,000 short-lived objects: explainer.collector
    def render(self) -> bytes:
        buffer = io.BytesIO()
        doc = self.document(buffer)
        story = StoryBuilder(self.summary, self.styles, doc.width).build()
        build_numbered(doc, story, self.summary.footer, self.summary.title, self.summary.printed_on, self.styles)
        return buffer.getvalue()


def one_column_document(buffer: io.BytesIO, page_size: Paper | tuple[float, float], styles: Styles, *,
                        title: str, subject: str, lang: str | None, author: str = "Trial Explainer"
                        ) -> BaseDocTemplate:
    """The page every PDF of the app uses (the curated study's, any record's, the
    comparison): margins, room for the numbered footer, one body frame."""
    size = PAGE_SIZES[page_size] if isinstance(page_size, str) else page_size
    doc = BaseDocTemplate(
        buffer, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=FOOTER_ROOM + 8 * mm * styles.scale, title=title, author=author, subject=subject,
        creator="Trial Explainer", lang=lang, invariant=1, initialFontName=REGULAR, initialFontSize=9.5)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def build_numbered(doc: BaseDocTemplate, story: list, footer: str, header: str, printed_on: dt.date,
                   styles: Styles) -> None:
    """Lay ``story`` out with the numbered footer; the print date is the file's creation
    date, so the same inputs give the same bytes."""
    creation = f"D:{printed_on.year:04d}{printed_on.month:02d}{printed_on.day:02d}000000+00'00'"
    doc.build(story, canvasmaker=numbered_canvas(footer, header, creation, styles.scale))
