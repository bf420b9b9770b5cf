"""StudySummary (any registry record) -> one accessible, self-contained HTML5 page.

The same pages as the PDF (explainer/pdf/study_story.py), with the curated page's
style sheet (explainer/webpage/style.py): real headings (h1 the summary, h2 each
page, h3 each part), lists as lists, the language set, no scripts, nothing loaded
from elsewhere. Every text goes through ``text`` (escaping.rich_text): a record's
words show as the letters they are. The record's words are set apart with a rule
at their left and follow the app's label, so a reader always knows whose words
they are.
"""

from __future__ import annotations

import re

from explainer.core.language import SOURCE_LANGUAGE, current_language
from explainer.core.study_pages import Block, Item, ItemList, Paragraph, Section, StudyPage
from explainer.core.study_summary import StudySummary
from explainer.core.escaping import rich_text
from explainer.webpage.style import CSS

STUDY_CSS = """
.registry { border-left: 3px solid #9a9a9a; padding-left: 0.6rem; }
ul.items li { margin: 0.35rem 0; }
ul.items li > p { margin: 0.1rem 0; }
ul.items li > p.registry { border-left: none; padding-left: 0; }
section.disclaimer h2 { border-bottom: none; }
"""
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_ID = re.compile(r"[^A-Za-z0-9_-]")


def text(words: str) -> str:
    """A text as HTML: escaped, control and direction characters dropped (a record may hold
    them; HTML forbids most), line breaks kept."""
    return rich_text(words).replace("\n", "<br>")


def render_study_html(summary: StudySummary) -> str:
    lang = summary.lang if _LANG.fullmatch(summary.lang) else "en"
    body = [f'<header>\n<h1>{text(summary.title)}</h1>\n<p class="subtitle">{text(summary.subtitle)}</p>\n'
            f'<p class="notice">{text(summary.notice)}</p>\n</header>', "<main>"]
    for page in summary.pages:
        body += _page(page)
    body += ["</main>", f"<footer><p>{text(summary.footer)}</p></footer>"]
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(summary.title)}</title>", '<meta name="author" content="Trial Explainer">',
        f'<meta name="description" content="{text(summary.subtitle)}">',
        f"<style>{CSS}{STUDY_CSS}</style>", "</head>", "<body>", *body, "</body>", "</html>", ""])


def _page(page: StudyPage) -> list[str]:
    anchor = "page-" + _ID.sub("-", page.id)
    css = ' class="disclaimer"' if page.id == "disclaimer" else ""
    out = [f'<section{css} aria-labelledby="{anchor}">', f'<h2 id="{anchor}">{text(page.title)}</h2>']
    for section in page.sections:
        out += _section(section)
    return out + ["</section>"]


def _section(section: Section) -> list[str]:
    out = [f'<h3 id="part-{_ID.sub("-", section.id)}">{text(section.heading)}</h3>'] if section.heading else []
    for block in section.blocks:
        out.append(_block(block))
    return out


def _block(block: Block) -> str:
    if isinstance(block, ItemList):
        return _list(block.items)
    return _paragraph(block)


def _paragraph(paragraph: Paragraph) -> str:
    css = {"registry": ' class="registry"', "source": ' class="source"'}.get(paragraph.voice, "")
    label = f"<strong>{text(paragraph.label)}</strong> " if paragraph.label else ""
    words = text(paragraph.text)
    if paragraph.voice == "registry" and current_language() != SOURCE_LANGUAGE:
        words = f'<span lang="en">{words}</span>'  # the record's words stay English: a screen reader says so
    return f"<p{css}>{label}{words}</p>"


def _list(items: tuple[Item, ...]) -> str:
    rows = []
    for item in items:
        inside = "".join(_paragraph(line) for line in item.lines)
        if item.items:
            inside += _list(item.items)
        rows.append(f"<li>{inside}</li>")
    return '<ul class="items">\n' + "\n".join(rows) + "\n</ul>"
