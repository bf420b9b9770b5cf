"""StudySummary (any registry record) -> reportlab story -> PDF bytes.

The same fonts, styles, page template and numbered footer as the curated study's
summary (fonts.py, styles.py, document.py); only the content differs: the pages of
explainer.core.study_summary, drawn generically. Every text goes through
``story.text`` (explainer.core.escaping.rich_text): a record's words are shown as
the letters they are, never as Paragraph markup. The app's own labels are bold;
the record's words follow them in the same size, so criteria stay readable.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from explainer.collector import while_paused
from explainer.core.paper import Paper
from explainer.core.study_pages import Block, Item, ItemList, StudyPage
from explainer.core.study_pages import Paragraph as PageParagraph
from explainer.core.study_summary import StudySummary
from explainer.pdf.document import build_numbered, one_column_document
from explainer.pdf.fonts import register_fonts
from explainer.pdf.paragraph import Paragraph
from explainer.pdf.story import notice_box, text
from explainer.pdf.styles import Styles, make_styles

INDENT = 14     # points per list level
MAX_DEPTH = 6   # deeper lists are drawn at this depth (a hostile record may nest 8 levels)
# The list levels' styles, made once per set of styles (once per process, as the styles
# are): a paragraph's parsed text and lines are kept per style (explainer/pdf/paragraph.py).
_LEVELS: dict[Styles, dict[int, tuple[ParagraphStyle, ParagraphStyle]]] = {}


@while_paused
def render_study_pdf(summary: StudySummary, page_size: Paper | tuple[float, float] = "a4",
                     large_print: bool = False) -> bytes:
    """The summary as PDF bytes: the same inputs always give the same bytes."""
    register_fonts()
    styles = make_styles(large_print)
    buffer = io.BytesIO()
    doc = one_column_document(buffer, page_size, styles, title=summary.title, subject=summary.subtitle,
                              lang=summary.lang)
    story = StudyStoryBuilder(summary, styles, doc.width).build()
    build_numbered(doc, story, summary.footer, summary.title, summary.printed_on, styles)
    return buffer.getvalue()


class StudyStoryBuilder:
    def __init__(self, summary: StudySummary, styles: Styles, width: float) -> None:
        self.summary = summary
        self.styles = styles
        self.width = width
        self._levels = _LEVELS.setdefault(styles, {})

    def build(self) -> list[Flowable]:
        story = self.opening()
        for page in self.summary.pages:
            story += self.page(page)
        return story

    def opening(self) -> list[Flowable]:
        s = self.styles
        return [Paragraph(text(self.summary.title), s.title), Paragraph(text(self.summary.subtitle), s.subtitle),
                notice_box(self.summary.notice, s, self.width), Spacer(1, 4 * s.scale)]

    def page(self, page: StudyPage) -> list[Flowable]:
        out: list[Flowable] = [Paragraph(text(page.title), self.styles.h1)]
        for section in page.sections:
            if section.heading:
                out.append(Paragraph(text(section.heading), self.styles.h2))
            for block in section.blocks:
                out += self.block(block)
        return out

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, ItemList):
            return self.items(block.items, 0)
        return [Paragraph(self.markup(block), self.styles.small if block.voice == "source" else self.styles.body)]

    @staticmethod
    def markup(paragraph: PageParagraph) -> str:
        """The app's label in bold, then the text; both escaped."""
        label = f"<b>{text(paragraph.label)}</b> " if paragraph.label else ""
        return label + text(paragraph.text)

    def items(self, items: tuple[Item, ...], depth: int) -> list[Flowable]:
        first, more = self.level(min(depth, MAX_DEPTH))
        out: list[Flowable] = []
        for item in items:
            for number, line in enumerate(item.lines):
                if number == 0:
                    out.append(Paragraph(self.markup(line), first, bulletText="•"))
                else:
                    out.append(Paragraph(self.markup(line), more))
            if item.items:
                out += self.items(item.items, depth + 1)
        return out

    def level(self, depth: int) -> tuple[ParagraphStyle, ParagraphStyle]:
        """The bullet style at a depth, and the style of an item's further lines (no bullet)."""
        if depth not in self._levels:
            base = self.styles.bullet
            indent = base.leftIndent + INDENT * depth * self.styles.scale
            first = ParagraphStyle(f"bullet-{depth}", parent=base, leftIndent=indent,
                                   bulletIndent=base.bulletIndent + INDENT * depth * self.styles.scale)
            more = ParagraphStyle(f"more-{depth}", parent=base, leftIndent=indent, spaceBefore=0)
            self._levels[depth] = (first, more)
        return self._levels[depth]
