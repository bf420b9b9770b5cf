"""Summary -> one HTML5 page: the sections in the order the user chose, then the
note that this is not medical advice, as the PDF has them (explainer/pdf/story.py).

Every string that comes from the summary goes through ``text()`` (html.escape);
markup is only ever written here, around escaped text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from explainer.core.eligibility import Status
from explainer.core.facts import long_date, short_date
from explainer.core.language import current_language, say
from explainer.core.model import Route
from explainer.core.summary import CheckRow, SelfCheck, Summary, TimelinePart
from explainer.core.summary_grids import CycleGrid, JourneyBox
from explainer.core.summary_labels import (CHECKBOX, ROUTE_KINDS, also_answered, check_columns, clinic_words,
                                           dates_columns, dates_heading, journey_starts, kind_headings, legend_for,
                                           legend_words, note, registry_wording, row_words)
from explainer.webpage.style import CSS

# The marks, drawn as the PDF draws them (explainer/pdf/drawings.py), once, then used by
# reference: a drop for a drip, a capsule for by mouth, a half-filled circle for either,
# a diamond for a shot under the skin.
MARKS = """<svg class="marks" width="0" height="0" aria-hidden="true" focusable="false" \
style="position:absolute">
<symbol id="mark-iv" viewBox="-10 -10 20 20"><circle cx="0" cy="2.8" r="6.2" fill="currentColor"/>\
<polygon points="-5.6,0.5 5.6,0.5 0,-10" fill="currentColor"/></symbol>
<symbol id="mark-po" viewBox="-10 -10 20 20"><rect x="-9.5" y="-5" width="19" height="10" rx="5" ry="5" \
fill="#ffffff" stroke="currentColor" stroke-width="1.5"/><line x1="0" y1="-5" x2="0" y2="5" \
stroke="currentColor" stroke-width="1.5"/></symbol>
<symbol id="mark-either" viewBox="-10 -10 20 20"><circle cx="0" cy="0" r="6.2" fill="#ffffff" \
stroke="currentColor" stroke-width="1.5"/><path d="M0,-6.2 A6.2,6.2 0 0,0 0,6.2 Z" fill="currentColor"/></symbol>
</svg>"""
# Only in a page whose grids have a shot under the skin: other pages stay as they were.
MARK_SC = ('<symbol id="mark-sc" viewBox="-10 -10 20 20"><polygon points="0,-8 7,0 0,8 -7,0" '
           'fill="currentColor"/></symbol>\n')


def marks(part: TimelinePart | None) -> str:
    """The marks' symbols, once, for the timeline's grids to use."""
    if part is None:
        return ""
    if any(row.route is Route.SC for grid in part.grids for row in grid.rows):
        return MARKS.replace("</svg>", f"{MARK_SC}</svg>")
    return MARKS
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def text(words: str) -> str:
    """Plain text as HTML: <, >, & and quotes escaped; line breaks kept."""
    return html.escape(words, quote=True).replace("\n", "<br>")


def render_summary_html(summary: Summary) -> str:
    return PageBuilder(summary).build()


class PageBuilder:
    def __init__(self, summary: Summary) -> None:
        self.summary = summary

    def build(self) -> str:
        s = self.summary
        lang = s.metadata.get("lang", "en")
        lang = lang if _LANG.fullmatch(lang) else "en"
        sections: dict[str, Callable[[], list[str]]] = {
            "study": self.study, "timeline": self.timeline, "self_check": self.self_check,
            "team_questions": self.team_questions, "help": self.help, "words": self.words}
        body = [f'<header>\n<h1>{text(s.title)}</h1>\n<p class="subtitle">{text(s.subtitle)}</p>\n'
                f'<p class="notice">{text(s.short_disclaimer)}</p>\n</header>', "<main>"]
        for section in s.sections:
            body += [f'<section aria-labelledby="{section}">', *sections[section](), "</section>"]
        body += [*self.disclaimer(), "</main>", f"<footer><p>{text(s.footer)}</p></footer>"]
        head = [f"<title>{text(s.metadata.get('title', s.title))}</title>",
                f'<meta name="author" content="{text(s.metadata.get("author", ""))}">',
                f'<meta name="description" content="{text(s.metadata.get("subject", ""))}">']
        return "\n".join([
            "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">', *head,
            f"<style>{CSS}</style>", "</head>", "<body>", marks(s.timeline) if "timeline" in s.sections else "",
            *body, "</body>", "</html>", ""])

    def heading(self, section: str) -> str:
        return f'<h2 id="{section}">{text(self.summary.headings[section])}</h2>'

    @staticmethod
    def paragraphs(items: Iterable[str], kind: str = "") -> list[str]:
        css = f' class="{kind}"' if kind else ""
        return [f"<p{css}>{text(p)}</p>" for p in items if p]

    @staticmethod
    def facts_table(rows: Iterable[tuple[str, str]]) -> str:
        """Two columns: the name of each row is its header cell."""
        cells = "\n".join(f'<tr><th scope="row">{text(k)}</th><td>{text(v)}</td></tr>' for k, v in rows)
        return f'<table class="facts">\n<tbody>\n{cells}\n</tbody>\n</table>'

    @staticmethod
    def checklist(items: Iterable[str]) -> str:
        """Questions with a box to tick on paper; the box is decoration to a screen reader."""
        rows = "\n".join(f'<li><span class="box" aria-hidden="true">{CHECKBOX}</span>{text(q)}</li>'
                         for q in items)
        return f'<ul class="checklist">\n{rows}\n</ul>'

    def study(self) -> list[str]:
        s = self.summary
        return [self.heading("study"), *self.paragraphs(s.study), *self.paragraphs([s.status]),
                self.facts_table(s.facts)]

    # --- the timeline ---------------------------------------------------------------------
    def timeline(self) -> list[str]:
        part = self.summary.timeline
        assert part is not None
        if not part.grids:  # the record gives no schedule: say so, and whom to ask
            return [self.heading("timeline"), *self.paragraphs([part.intro])]
        out = [self.heading("timeline"), *self.paragraphs([part.intro, part.how_given]),
               *self.paragraphs([part.how_to_read], "small"), legend(part.grids)]
        for index, grid in enumerate(part.grids, start=1):
            out += [f'<h3 id="grid-{index}">{text(grid.title)}</h3>', grid_table(grid, f"grid-{index}")]
        out += [f'<h3 id="journey">{text(part.journey_intro)}</h3>', journey_list(part.journey)]
        return out + self.dates(part)

    def dates(self, part: TimelinePart) -> list[str]:
        if not part.dates:
            return []
        head = "".join(f'<th scope="col">{text(h)}</th>' for h in dates_columns())
        rows = "\n".join(
            f'<tr><th scope="row">{text(c.label)}</th><td>{text(short_date(c.start, with_year=True))}</td>'
            f"<td>{text(clinic_words(c))}</td></tr>" for c in part.dates)
        table = (f'<table aria-labelledby="your-dates">\n<thead><tr>{head}</tr></thead>\n'
                 f"<tbody>\n{rows}\n</tbody>\n</table>")
        return [f'<h3 id="your-dates">{text(dates_heading())}</h3>', *self.paragraphs([part.dates_intro], "small"),
                table, *self.paragraphs([part.dates_more], "small")]

    # --- the self-check ------------------------------------------------------------------
    def self_check(self) -> list[str]:
        check = self.summary.self_check
        assert check is not None
        out = [self.heading("self_check"), *self.paragraphs([check.intro])]
        if not check.filled:
            return out
        out.append(f"<p><strong>{text(check.overall)}</strong> ({text(check.counts)})</p>")
        for kind, heading in kind_headings().items():
            rows = [r for r in check.rows if r.kind == kind]
            if rows:
                out += [f'<h3 id="rules-{kind}">{text(heading)}</h3>', check_table(rows, f"rules-{kind}")]
        out += [f'<p class="small">{text(note())} {text(n)}</p>' for n in check.notes]
        return out + self.doctor_questions(check)

    def doctor_questions(self, check: SelfCheck) -> list[str]:
        out: list[str] = []
        if check.doctor_questions:
            out += [f'<h3 id="ask-doctor">{text(check.doctor_heading)}</h3>', *self.paragraphs([check.doctor_intro]),
                    self.checklist(check.doctor_questions)]
        return out + self.paragraphs([check.not_met_note])

    # --- the rest -----------------------------------------------------------------------
    def team_questions(self) -> list[str]:
        return [self.heading("team_questions"), self.checklist(self.summary.team_questions)]

    def help(self) -> list[str]:
        return [self.heading("help"), *self.paragraphs([self.summary.help_intro]),
                self.facts_table(self.summary.contacts)]

    def words(self) -> list[str]:
        items = "\n".join(f"<dt>{text(word)}</dt><dd>{text(meaning)}</dd>" for word, meaning in self.summary.words)
        return [self.heading("words"), f'<dl class="words">\n{items}\n</dl>']

    def disclaimer(self) -> list[str]:
        return ['<section class="disclaimer" aria-labelledby="disclaimer">',
                f'<h2 id="disclaimer">{text(self.summary.headings["disclaimer"])}</h2>',
                *self.paragraphs(self.summary.disclaimer), "</section>"]


def mark(kind: str) -> str:
    return (f'<svg class="mark" aria-hidden="true" focusable="false"><use href="#mark-{kind}"></use></svg>')


def legend(grids: Iterable[CycleGrid]) -> str:
    """The key to the grid's marks, each mark beside its words."""
    items = []
    for kind, words in legend_for(grids):
        if kind in ("ring", "dashed"):
            picture = f'<span class="day {"clinic" if kind == "ring" else "maybe"}" aria-hidden="true">8</span>'
        else:
            picture = mark(kind)
        items.append(f"<li>{picture}<span>{text(words)}</span></li>")
    return '<ul class="legend">\n' + "\n".join(items) + "\n</ul>"


def grid_table(grid: CycleGrid, heading_id: str) -> str:
    """A column per day, a row per medicine. A screen reader hears each cell's day, its
    medicine and how it is given; the eye sees the PDF's marks and rings."""
    clinic, maybe = set(grid.clinic_days), set(grid.maybe_clinic_days)
    days = range(1, grid.length_days + 1)

    def week(day: int) -> str:
        return ' class="week"' if day > 1 and (day - 1) % 7 == 0 else ""

    def day_head(day: int) -> str:
        if day in clinic:
            number, note = f'<span class="day clinic">{day}</span>', legend_words()["ring"]
        elif day in maybe:
            number, note = f'<span class="day maybe">{day}</span>', legend_words()["dashed"]
        else:
            number, note = f'<span class="day">{day}</span>', ""
        said = f'<span class="sr-only"> ({text(note.lower())})</span>' if note else ""
        return f'<th scope="col"{week(day)}>{number}{said}</th>'

    head = f'<th scope="col">{text(say("Day"))}</th>' + "".join(day_head(d) for d in days)
    rows = []
    for row in grid.rows:
        kind = ROUTE_KINDS[row.route]
        cell = f'{mark(kind)}<span class="sr-only">{text(row_words(row))}</span>'
        cells = "".join(f"<td{week(d)}>{cell if d in row.days else ''}</td>" for d in days)
        rows.append(f'<tr><th scope="row">{text(row.name)}</th>{cells}</tr>')
    body = "\n".join(rows)
    # A region that scrolls sideways when the text is large: keyboard users reach it with Tab.
    return (f'<div class="wide" role="region" aria-labelledby="{heading_id}" tabindex="0">\n'
            f'<table class="grid" aria-labelledby="{heading_id}">\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody>\n</table>\n</div>")


def journey_list(boxes: Iterable[JourneyBox]) -> str:
    """Tests, each part of treatment, follow-up: an ordered list, as the strip is in order."""
    items = []
    for box in boxes:
        lines = [line for line in box.lines if line]
        if box.starts:
            lines.append(f"{journey_starts()} {long_date(box.starts)}")
        items.append(f"<li><strong>{text(box.name)}</strong>{'<br>'.join(text(line) for line in lines)}</li>")
    return '<ol class="journey">\n' + "\n".join(items) + "\n</ol>"


def in_english(words: str, marked: bool) -> str:
    """The registry's words, marked as English on a page in another language."""
    return f'<span lang="en">{text(words)}</span>' if marked else text(words)


def check_table(rows: Iterable[CheckRow], heading_id: str) -> str:
    """One rule a row; the rule is the row's header cell. A rule that seems not met is
    shaded and outlined, and its status says so in words."""
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in check_columns())
    # The registry's words stay English: a screen reader reading a Spanish page says them in English.
    english = current_language() != "en"
    out = []
    for row in rows:
        css = ' class="unmet"' if row.status is Status.NOT_SATISFIED else ""
        rule = f'{text(row.plain)}<p class="source"><strong>{text(registry_wording())}</strong> {in_english(row.source, english)}</p>'
        why = text(row.reason)
        if row.your_answer:
            why += (f'<p class="source"><strong>{text(also_answered())}</strong> '
                    f"{text('; '.join(row.your_answer))}.</p>")
        out.append(f'<tr{css}><td class="status">{text(row.status_text)}</td>'
                   f'<th scope="row">{rule}</th><td>{why}</td></tr>')
    body = "\n".join(out)
    return (f'<table class="rules" aria-labelledby="{heading_id}">\n<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{body}\n</tbody>\n</table>")
