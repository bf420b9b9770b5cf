"""Text from a data file, made safe for the places that read markup.

A trial file or a registry record is written by people outside this project: its
title, sites and names may hold ``<img src=...>``, Markdown images or links. Each
such value reaches rich text (Qt's HTML, Markdown pages, the PDF's Paragraph
markup) only through one of these functions, so it shows as the letters it is
and never loads, links or formats anything. (tests/test_untrusted_text.py feeds
markup through every field that is shown.)
"""

from __future__ import annotations

import html
import re

# Characters that draw nothing but can hide or reorder text: C0/C1 controls and
# the bidirectional overrides and isolates.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def rich_text(value: str) -> str:
    """``value`` as text inside Qt rich text or reportlab Paragraph markup:
    ``<``, ``&`` and both quotes become entities (safe in an attribute too)."""
    return html.escape(_INVISIBLE.sub("", value), quote=True)


def markdown_text(value: str) -> str:
    """``value`` as literal text on one line of a Markdown page.

    Line breaks and runs of spaces become one space (a value cannot start a new
    block), and every ASCII punctuation mark gets a backslash, which CommonMark
    defines as "this character itself": no HTML, image, link, autolink, emphasis
    or list can start inside it."""
    one_line = " ".join(_INVISIBLE.sub("", value).split())
    return _ASCII_PUNCTUATION.sub(r"\\\1", one_line)


def terminal_text(value: str) -> str:
    """``value`` on one line of a terminal: no control characters (so no escape
    sequences from a record reach the screen), runs of spaces and line breaks made one."""
    return " ".join(_INVISIBLE.sub("", value).split())


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~{}])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([-+=>])", re.MULTILINE)
_MARKDOWN_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)   # "1." is escaped as "1\." (CommonMark)
_LINE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


def markdown_lines(text: str, *, line_start: bool = True) -> str:
    """Plain text that Markdown shows as it is, keeping its lines (and no control
    characters): a study's pages as text (study_text). ``markdown_text`` is for one line.
    ``line_start=False``: the text follows a label, so its first line cannot start a list."""
    text = _LINE_CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    first, newline, rest = text.partition("\n")
    if line_start:
        first = _markdown_line_starts(first)
    return first + newline + _markdown_line_starts(rest)


def _markdown_line_starts(text: str) -> str:
    text = _MARKDOWN_NUMBERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _MARKDOWN_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
