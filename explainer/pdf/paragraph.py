"""reportlab's Paragraph, with its line breaking done once per width.

A table works out its row heights again each time it is split across a page and
each time it is drawn, and a KeepTogether measures its content before placing it:
the same paragraph is broken into lines at the same width two or three times (644
times for 243 paragraphs in the full summary; a third of the render time). Breaking
depends only on the text, the style and the width, so the lines are kept per width.

Parsing the markup into fragments depends only on the text, the style and the
bullet, and the same texts come back in each summary (a tenth of the render time,
and a summary is made again for each preview, paper size and save): the parsed
fragments are kept per (text, style, bullet) for the process, the styles being made
once (explainer/pdf/styles.py). Nothing in reportlab changes a parsed fragment once
made (line breaking and splitting work on clones; breaking marks a fragment's kind, the
same mark each time), so paragraphs share them. Text with no markup at all (no < and no
&: two paragraphs in three) parses to one fragment, the style's own with the text in it:
that fragment is made once per style and copied with each such text, without reportlab's
HTML parser. Text with the app's own markup (bold labels, line breaks, escaped
characters) is parsed once per shape: "<b>Registry wording:</b> words &amp; words"
has the shape "<b>x</b>x&amp;x", reportlab's parse of the shape gives the fragments, and
each placeholder's fragment is copied with its run of words (a twentieth of a first PDF's
time went to parsing). The lines
of a paragraph are kept the same way per (text, style, bullet, widths): in one style
(reportlab's kind 0) a list of words per line, which drawing and splitting only read;
in mixed styles (kind 1) each paragraph gets its own copy of the lines' pieces, which
drawing right to left and splitting may change. A paragraph with a word reportlab
split or hyphenated (splitting may change such a word in place) is broken afresh.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import paragraph as _reportlab_paragraph
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import _HSFrag, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from explainer.pdf.fonts import ascent_descent, string_width

TOO_NARROW = (0, 0x7FFFFFFF)  # what reportlab's wrap answers when no line fits the width
# What is kept is dropped when it reaches either bound, so it cannot grow without end: a
# kept paragraph with its lines takes about 80 bytes a character (about 12 MB at most).
PARSED_KEPT = 5_000  # paragraphs (and lines, one per paragraph and width)
CHARACTERS_KEPT = 150_000  # their texts' length (the NCT04883242 summary has about 23,000)
_kept_characters = 0
_parsed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
_broken: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # lines per (parsed key, widths)
_PLAIN_WORDS = (list, _HSFrag)  # a word's pieces, and the same followed by a space
_style_frags: dict[tuple[Any, ...], Any] = {}  # per (style, case sensitivity): the fragment of a plain text
# The app's markup (explainer/pdf/story.py text() and its bold labels): what splits a text
# into runs of words. Any other tag or entity goes to reportlab's parser.
_MARKUP = re.compile(r"(<b>|</b>|<br/>|&amp;|&lt;|&gt;|&quot;|&#x27;)")
PLACEHOLDER = "x"  # a run of words in a text's shape; no entity stands for it
SHAPE_LONGEST = 1_000  # characters: a longer shape (many escaped characters) is not shared, so not kept
_shapes: dict[tuple[Any, ...], Any] = {}  # per (shape, style, case sensitivity): reportlab's parse, or None
_SAME_WHEN_EQUAL = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
_ABSENT = object()
_accelerated_same_frag = _reportlab_paragraph.sameFrag


def same_frag(f: Any, g: Any) -> bool:
    """reportlab's sameFrag (can two words of a line share one piece of text?), the
    same answers without its cost: the C version looks up ten attributes on both
    fragments with getattr, and most are absent, so each call raised and dropped about
    eight AttributeErrors (8 microseconds, a thousand calls a summary, a tenth of line
    breaking). A fragment keeps its attributes in its __dict__; any other kind of
    object goes to reportlab's own."""
    if type(f) is not ParaFrag or type(g) is not ParaFrag:
        return _accelerated_same_frag(f, g)
    mine, theirs = f.__dict__, g.__dict__
    if "cbDefn" in mine or "cbDefn" in theirs or "lineBreak" in mine or "lineBreak" in theirs:
        return False
    for name in _SAME_WHEN_EQUAL:
        a, b = mine.get(name, _ABSENT), theirs.get(name, _ABSENT)
        if a is not b and (a is _ABSENT or b is _ABSENT or a != b):
            return False
    return True


_reportlab_paragraph.sameFrag = same_frag  # the name reportlab's line breaking looks up
# The same answers as pdfmetrics', looked up in one step (explainer/pdf/fonts.py).
_reportlab_paragraph.stringWidth = string_width
_reportlab_paragraph.getAscentDescent = ascent_descent


class Paragraph(_Paragraph):
    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803
        if frags is not None or not isinstance(text, str) or not isinstance(bulletText, str | None):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        # The style by identity: the app's styles are made once per process and never changed.
        key = (text, style, bulletText, self.caseSensitive, cleaner)
        parsed = _parsed.get(key)
        if parsed is None:
            if "<" in text or "&" in text:
                if not self._setup_markup(text, style, bulletText, cleaner):
                    super()._setup(text, style, bulletText, frags, cleaner)
            elif not self._setup_plain(text, style, bulletText, cleaner):
                super()._setup(text, style, bulletText, frags, cleaner)
            _make_room(len(_parsed), len(text))
            _parsed[key] = (self.text, self.style, self.frags, self.bulletText)
        else:
            self.text, self.style, frags, self.bulletText = parsed
            self.frags = list(frags)  # the list is the paragraph's own; the fragments are shared
            self.debug = 0
        self._parsed_key = key

    def _setup_plain(self, text: str, style: Any, bulletText: str | None, cleaner: Any) -> bool:  # noqa: N803
        """What reportlab's _setup does with text that has no markup, without its parser:
        False when this text or style is not such a case (reportlab's parser then decides)."""
        text = cleaner(text)
        key = (style, self.caseSensitive)
        if key not in _style_frags:
            parser = ParaParser()
            parser.caseSensitive = self.caseSensitive
            parsed_style, frags, bullet_frags = parser.parse("x", style)
            plain = parsed_style is style and frags is not None and len(frags) == 1 and not bullet_frags
            _style_frags[key] = frags[0] if plain and frags[0].__dict__.get("text") == "x" else None
        frag = _style_frags[key]
        if not text or frag is None:
            return False
        frags = [frag.clone(text=text)]
        textTransformFrags(frags, style)
        self.text, self.frags, self.style, self.bulletText, self.debug = text, frags, style, bulletText, 0
        return True

    def _setup_markup(self, text: str, style: Any, bulletText: str | None, cleaner: Any) -> bool:  # noqa: N803
        """What reportlab's _setup does with the app's own markup (bold, line breaks, escaped
        characters; explainer/pdf/story.py text()), its parser run once per shape of the text:
        each run of words between the tags and entities is parsed as one placeholder letter,
        then given its words. False for any other markup or style (reportlab's parser decides)."""
        if style.textTransform:  # it changes the words in place: not on shared fragments
            return False
        text = cleaner(text)
        pieces = _MARKUP.split(text)  # words, markup, words, ..., words
        runs = pieces[::2]
        if any("<" in run or "&" in run for run in runs):
            return False
        shape = "".join(piece if index % 2 else PLACEHOLDER if piece else "" for index, piece in enumerate(pieces))
        if len(shape) > SHAPE_LONGEST:
            return False
        key = (shape, style, self.caseSensitive)
        parsed = _shapes.get(key, _ABSENT)
        if parsed is _ABSENT:
            parsed = _parse_shape(shape, style, self.caseSensitive, sum(1 for run in runs if run))
            if len(_shapes) >= PARSED_KEPT:
                _shapes.clear()
            _shapes[key] = parsed
        if parsed is None:
            return False
        parsed_style, shape_frags = parsed
        words = iter(run for run in runs if run)
        frags = [frag.clone(text=next(words)) if placeholder else frag for frag, placeholder in shape_frags]
        self.text, self.frags, self.style, self.bulletText, self.debug = text, frags, parsed_style, bulletText, 0
        return True

    def breakLines(self, width: Any) -> Any:  # noqa: N802 (reportlab's name)
        key = self.__dict__.get("_parsed_key")
        if key is None or not isinstance(width, list):  # a split part, or a width reportlab did not make
            return super().breakLines(width)
        lines_key = (key, tuple(width), self.__dict__.get("autoLeading"))
        kept = _broken.get(lines_key)
        if kept is None:
            lines = super().breakLines(width)
            words = self.frags if lines.kind == 1 else None  # kind 1 replaces the frags with its words
            if (all(type(w) is str for _, line in lines.lines for w in line) if words is None
                    else all(type(w) in _PLAIN_WORDS for w in words)):
                _make_room(len(_broken), 0)
                _broken[lines_key] = (_own(lines), words, list(width), self._width_max,
                                      self._splitLongWordCount, self._hyphenations)
            return lines
        # What reportlab's breakLines leaves behind: a bullet narrows the first width in place.
        lines, words, width[:], self._width_max, self._splitLongWordCount, self._hyphenations = kept
        if words is not None:
            self.frags = list(words)
        self.height = 0
        return _own(lines)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        kept = self.__dict__.setdefault("_lines_by_width", {})
        if availWidth not in kept:
            size = super().wrap(availWidth, availHeight)
            if size == TOO_NARROW:  # reportlab broke no lines: nothing to keep
                return size
            kept[availWidth] = (self.blPara, self._wrapWidths, self.height)
        # What reportlab's wrap leaves on the paragraph, for split() and draw().
        self.width = availWidth
        self.blPara, self._wrapWidths, self.height = kept[availWidth]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        self.__dict__.pop("_lines_by_width", None)  # splitting may change the frags the lines point at
        return super().split(availWidth, availHeight)


def _parse_shape(shape: str, style: Any, case_sensitive: int, runs: int) -> tuple[Any, list[tuple[Any, bool]]] | None:
    """reportlab's parse of a text's shape: its fragments, each marked True where it holds
    a placeholder for a run of words; None unless each run gave one such fragment."""
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    parsed_style, frags, bullet_frags = parser.parse(shape, style)
    if frags is None or bullet_frags:
        return None
    marked = [(frag, frag.__dict__.get("text") == PLACEHOLDER) for frag in frags]
    if sum(placeholder for _, placeholder in marked) != runs:
        return None
    return parsed_style, marked


def forget_kept() -> None:
    """Drop every kept paragraph and its lines: to measure a PDF whose texts are all new."""
    global _kept_characters
    _parsed.clear()
    _shapes.clear()
    _broken.clear()
    _kept_characters = 0


def _make_room(entries: int, characters: int) -> None:
    """Drop everything kept when one more entry of ``characters`` would pass a bound."""
    global _kept_characters
    if entries >= PARSED_KEPT or _kept_characters + characters > CHARACTERS_KEPT:
        forget_kept()
    _kept_characters += characters


def _own(lines: Any) -> Any:
    """Lines for one paragraph: kind 0 as they are (only read); kind 1 with copies of
    each line and its pieces, whose text splitting may change."""
    if lines.kind == 0:
        return lines
    copied = _copy(lines)
    copied.lines = []
    for line in lines.lines:
        own = _copy(line)
        own.words = [_copy(w) for w in line.words]
        copied.lines.append(own)
    return copied


def _copy(bag: Any) -> Any:
    """reportlab's ABag.clone() without its keyword arguments: the same class, a copy of
    the attributes (half the cost; a paragraph's lines hold a few dozen of them)."""
    copied = object.__new__(type(bag))
    copied.__dict__.update(bag.__dict__)
    return copied
