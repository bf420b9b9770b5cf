"""A study's pages as plain text with Markdown escaped: for tests and the command line.

Every text, the app's and the record's, is escaped so that a record cannot add
headings, links, emphasis or HTML: ``*`` stays a star, ``<b>`` stays letters.
The record's words are set off as quotes (``> ``) under the app's label, so a
reader always sees whose words they are. No Qt, no files, no clock here.
"""

from __future__ import annotations

from collections.abc import Iterable

from explainer.core.escaping import markdown_lines as escape
from explainer.core.study_pages import Item, ItemList, Paragraph, StudyPage


def render_text(pages: Iterable[StudyPage]) -> str:
    out: list[str] = []
    for page in pages:
        out.append(f"# {escape(page.title)}")
        for section in page.sections:
            if section.heading:
                out.append(f"## {escape(section.heading)}")
            for block in section.blocks:
                out.append(_list(block.items, 0) if isinstance(block, ItemList) else _paragraph(block))
    return "\n\n".join(out) + "\n"


def _paragraph(paragraph: Paragraph) -> str:
    text = escape(paragraph.text)
    if paragraph.voice == "registry":
        quoted = "\n".join("> " + line if line.strip() else ">" for line in text.split("\n"))
        return f"{escape(paragraph.label)}\n{quoted}" if paragraph.label else quoted
    if paragraph.voice == "source":
        return f"({text})"
    return f"{escape(paragraph.label)} {escape(paragraph.text, line_start=False)}" if paragraph.label else text


def _inline(paragraph: Paragraph) -> str:
    if paragraph.label:
        return f"{escape(paragraph.label)} {escape(paragraph.text, line_start=False)}"
    return escape(paragraph.text)


def _list(items: tuple[Item, ...], depth: int) -> str:
    lines: list[str] = []
    pad = "  " * depth
    for item in items:
        for number, paragraph in enumerate(item.lines):
            text = _inline(paragraph).replace("\n", "\n" + pad + "  ")
            lines.append(f"{pad}{'- ' if number == 0 else '  '}{text}")
        if item.items:
            lines.append(_list(item.items, depth + 1))
    return "\n".join(lines)
