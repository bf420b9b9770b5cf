"""Summary -> story: the flowables of each section, in the order the user chose."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from explainer.core.eligibility import Status
from explainer.core.escaping import rich_text
from explainer.core.facts import short_date
from explainer.core.summary import CheckRow, SelfCheck, Summary, TimelinePart
from explainer.core.summary_labels import (CHECKBOX, also_answered, check_columns, clinic_words, dates_columns,
                                           dates_heading, kind_headings, legend_for, note, registry_wording)
from explainer.pdf.drawings import grid_drawing, journey_drawing, legend_drawing
from explainer.pdf.fonts import REGULAR
from explainer.pdf.paragraph import Paragraph
from explainer.pdf.styles import HEADING, INK, RULE, SHADE, UNMET, Styles


def text(words: str) -> str:
    """Plain text as Paragraph markup: & and < stay themselves; line breaks stay."""
    return rich_text(words).replace("\n", "<br/>")


class StoryBuilder:
    def __init__(self, summary: Summary, styles: Styles, width: float) -> None:
        self.summary = summary
        self.styles = styles
        self.width = width

    def build(self) -> list[Flowable]:
        story = self.opening()
        sections: dict[str, Callable[[], list[Flowable]]] = {
            "study": self.study, "timeline": self.timeline, "self_check": self.self_check,
            "team_questions": self.team_questions, "help": self.help, "words": self.words}
        for section in self.summary.sections:
            story += sections[section]()
        return story + self.disclaimer()

    def heading(self, section: str) -> Paragraph:
        return Paragraph(text(self.summary.headings[section]), self.styles.h1)

    def paragraphs(self, items: Iterable[str]) -> list[Flowable]:
        return [Paragraph(text(p), self.styles.body) for p in items]

    def opening(self) -> list[Flowable]:
        s = self.styles
        return [Paragraph(text(self.summary.title), s.title), Paragraph(text(self.summary.subtitle), s.subtitle),
                notice_box(self.summary.short_disclaimer, s, self.width), *self.key_points()]

    def key_points(self) -> list[Flowable]:
        """Page 1: the status, what to ask, the main side effects and when to call, in a box."""
        points = self.summary.key_points
        if points is None:
            return []
        s = self.styles
        inside: list[Flowable] = [Paragraph(text(points.heading), s.h2), Paragraph(text(points.status), s.body),
                                  Paragraph(f"<b>{text(points.ask_heading)}</b>", s.body),
                                  *self.checklist(points.ask),
                                  Paragraph(f"<b>{text(points.side_effects_heading)}</b>", s.body),
                                  *(Paragraph(text(e), s.bullet, bulletText="•") for e in points.side_effects),
                                  Paragraph(f"<b>{text(points.call_heading)}:</b> {text(points.call)}", s.body),
                                  Paragraph(text(points.sources), s.small)]
        box = Table([[inside]], colWidths=[self.width])
        box.setStyle(table_style([("BOX", (0, 0), (-1, -1), 1.2, HEADING), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
        return [Spacer(1, 6 * s.scale), box]

    def study(self) -> list[Flowable]:
        status = Paragraph(text(self.summary.status), self.styles.body)
        facts = self.two_columns(self.summary.facts, 0.2)
        return [self.heading("study"), *self.paragraphs(self.summary.study), status, Spacer(1, 2), facts]

    def two_columns(self, rows: Iterable[tuple[str, str]], first: float) -> Table:
        s = self.styles
        rows = list(rows)
        widths = [self.width * first, self.width * (1 - first)]
        needed = min(widest_word([k for k, _ in rows], s.cell_bold) + 2 * DEFAULT_PADDING, self.width * MOST_FIRST)
        if needed > widths[0]:
            widths = [needed, self.width - needed]
        table = Table([[Paragraph(text(k), s.cell_bold), Paragraph(text(v), s.cell)] for k, v in rows],
                      colWidths=widths)
        table.setStyle(table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        return table

    def timeline(self) -> list[Flowable]:
        part = self.summary.timeline
        assert part is not None
        s = self.styles
        if not part.grids:  # the record gives no schedule: say so, and whom to ask
            return [self.heading("timeline"), Paragraph(text(part.intro), s.body)]
        key = KeepTogether([Paragraph(text(part.how_to_read), s.small),
                            legend_drawing(legend_for(part.grids), self.width, s)])
        story: list[Flowable] = [self.heading("timeline"), Paragraph(text(part.intro), s.body),
                                 Paragraph(text(part.how_given), s.body), key]
        for grid in part.grids:
            story.append(KeepTogether([Paragraph(text(grid.title), s.h2), grid_drawing(grid, self.width, s)]))
        story.append(KeepTogether([Paragraph(text(part.journey_intro), s.h2),
                                   journey_drawing(part.journey, self.width, s)]))
        return story + self.clinic_days(part) + self.dates(part)

    def clinic_days(self, part: TimelinePart) -> list[Flowable]:
        """What each kind of clinic day asks, and how many there are (issue 12, item 18)."""
        guide = part.clinic_guide
        if guide is None:
            return []
        s = self.styles
        story: list[Flowable] = [Paragraph(text(guide.heading), s.h2), Paragraph(text(guide.intro), s.body)]
        for kind in guide.kinds:
            story.append(KeepTogether([Paragraph(f"<b>{text(kind.title)}</b>", s.body),
                                       *(Paragraph(text(line), s.bullet, bulletText="•") for line in kind.when)]))
        for heading, lines in ((guide.steps_heading, guide.steps), (guide.counts_heading, guide.counts)):
            bullets = [Paragraph(text(line), s.bullet, bulletText="•") for line in lines]
            # A heading never ends a page alone: it goes with its first line (the longer
            # Spanish pushed "Qué suele pasar esos días" to the foot of a page).
            story += [KeepTogether([Paragraph(f"<b>{text(heading)}</b>", s.body), *bullets[:1]]), *bullets[1:]]
        return story + [Paragraph(text(guide.usually), s.body), Paragraph(text(guide.sources), s.small)]

    def dates(self, part: TimelinePart) -> list[Flowable]:
        if not part.dates:
            return []
        s = self.styles
        rows = [[Paragraph(text(b), s.cell_bold) for b in dates_columns()]]
        rows += [[Paragraph(text(c.label), s.cell), Paragraph(text(short_date(c.start, with_year=True)), s.cell),
                  Paragraph(text(clinic_words(c)), s.cell)] for c in part.dates]
        widths = [self.width * f for f in (0.2, 0.2, 0.6)]
        needed = min(widest_word([c.label for c in part.dates], s.cell) + 2 * GRID_PADDING, self.width * MOST_FIRST)
        if needed > widths[0]:  # "Mantenimiento" in large print: the dates' column gives the room
            widths = [needed, widths[1], self.width - needed - widths[1]]
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(_grid_style())
        more = [Paragraph(text(part.dates_more), s.small)] if part.dates_more else []
        return [Paragraph(text(dates_heading()), s.h2), Paragraph(text(part.dates_intro), s.small), table, *more]

    def self_check(self) -> list[Flowable]:
        check = self.summary.self_check
        assert check is not None
        s = self.styles
        story: list[Flowable] = [self.heading("self_check")]
        headline, details = check.notice
        if headline:  # the study's status first: a reader decides here
            story.append(Paragraph(f"<b>{text(headline)}</b> {text(details)}", s.body))
        story.append(Paragraph(text(check.intro), s.body))
        if not check.filled:
            return story
        story += [Paragraph(f"<b>{text(check.overall)}</b> ({text(check.counts)})", s.body),
                  self.check_table(check)]
        story += [Paragraph(f"{text(note())} {text(n)}", s.small) for n in check.notes]
        return story + self.doctor_questions(check)

    def check_table(self, check: SelfCheck) -> Table:
        s = self.styles
        rows: list[list[object]] = [[Paragraph(text(h), s.cell_bold) for h in check_columns()]]
        spans, unmet = [], []
        for kind, heading in kind_headings().items():
            spans.append(len(rows))
            rows.append([Paragraph(text(heading), s.cell_bold), "", ""])
            for row in (r for r in check.rows if r.kind == kind):
                if row.status is Status.NOT_SATISFIED:
                    unmet.append(len(rows))
                rows.append(self.check_row(row))
        table = Table(rows, colWidths=self.check_columns(), repeatRows=1, splitInRow=1)
        style = _grid_style()
        for row in spans:
            style.add("SPAN", (0, row), (-1, row))
            style.add("BACKGROUND", (0, row), (-1, row), SHADE)
        for row in unmet:  # easy to find on the page; the ✗ and the words already say it
            style.add("BACKGROUND", (0, row), (-1, row), UNMET)
            style.add("BOX", (0, row), (-1, row), 1.2, INK)
        table.setStyle(style)
        return table

    def check_columns(self) -> list[float]:
        """Status, rule, answer. The status fits '✓ Does not' and 'seem to apply' on a line
        each (an exclusion's words) at 10.5 pt; large print widens it."""
        status = 0.15 if self.styles.scale == 1 else 0.2
        return [self.width * f for f in (status, 0.52 - (status - 0.11) / 2, 0.37 - (status - 0.11) / 2)]

    def check_row(self, row: CheckRow) -> list[object]:
        s = self.styles
        rule = [Paragraph(text(row.plain), s.cell),
                Paragraph(f"<b>{text(registry_wording())}</b> {text(row.source)}", s.source)]
        why = [Paragraph(text(row.reason), s.cell)]
        if row.your_answer:
            why.append(Paragraph(f"<b>{text(also_answered())}</b> {text('; '.join(row.your_answer))}.", s.source))
        return [Paragraph(f"<b>{text(row.status_text)}</b>", s.cell), rule, why]

    def doctor_questions(self, check: SelfCheck) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = []
        if check.doctor_questions:
            story += [Paragraph(text(check.doctor_heading), s.h2), Paragraph(text(check.doctor_intro), s.body),
                      *self.checklist(check.doctor_questions)]
        if check.not_met_note:
            story.append(Paragraph(text(check.not_met_note), s.body))
        return story

    def team_questions(self) -> list[Flowable]:
        return [self.heading("team_questions"), *self.checklist(self.summary.team_questions)]

    def checklist(self, items: Iterable[str]) -> list[Flowable]:
        return [Paragraph(text(q), self.styles.bullet, bulletText=CHECKBOX) for q in items]

    def help(self) -> list[Flowable]:
        return [KeepTogether([self.heading("help"), Paragraph(text(self.summary.help_intro), self.styles.body),
                              self.two_columns(self.summary.contacts, 0.3)])]

    def words(self) -> list[Flowable]:
        return [self.heading("words"), self.two_columns(self.summary.words, 0.25)]

    def disclaimer(self) -> list[Flowable]:
        s = self.styles
        title = Paragraph(text(self.summary.headings["disclaimer"]), s.h2)
        box = Table([[[title, *(Paragraph(text(p), s.body) for p in self.summary.disclaimer)]]],
                    colWidths=[self.width])
        box.setStyle(table_style([("BOX", (0, 0), (-1, -1), 1.2, HEADING), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
        return [Spacer(1, 8 * s.scale), box]


def notice_box(words: str, styles: Styles, width: float) -> Table:
    """The shaded, framed notice under a summary's title (both kinds of study)."""
    box = Table([[Paragraph(text(words), styles.boxed)]], colWidths=[width])
    box.setStyle(table_style([("BOX", (0, 0), (-1, -1), 1.2, HEADING), ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                              ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box


def table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose plain-text cells use DejaVu too (reportlab's default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


DEFAULT_PADDING = 6  # points left and right of a cell's text: reportlab's own
GRID_PADDING = 3     # _grid_style's
MOST_FIRST = 0.4     # of the width: a column naming rows grows for a long word up to this, no more


def widest_word(texts: Iterable[str], style: ParagraphStyle) -> float:
    """The widest single word of ``texts`` in ``style``: a column that names rows is never
    narrower, so no word is cut in two (longer Spanish words, large print)."""
    return max((stringWidth(word, style.fontName, style.fontSize) for t in texts for word in t.split()),
               default=0.0)


def _grid_style() -> TableStyle:
    return table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                       ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 3)])

