"""The bundled DejaVu Sans, registered once with reportlab and embedded in every PDF.

DejaVu has the ✓ ✗ ☐ µ ⁹ × glyphs the summary prints; reportlab's built-in
Helvetica has none of them and is never embedded, so no text is ever set in it.
"""

from __future__ import annotations

import itertools
from importlib.resources import as_file

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from explainer.content import resources_root

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


class MeasuredTTFont(TTFont):
    """A TrueType font that keeps the widths it has measured.

    Breaking a paragraph into lines measures every word, and the same words come back
    in every paragraph and every summary (a tenth of a PDF's time went to measuring).
    A width depends only on the text and the size, so it is kept per (text, size);
    the cache is cleared when it grows past WIDTHS_KEPT, so it cannot grow without end."""

    WIDTHS_KEPT = 50_000

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._widths: dict[tuple[str, float, str], float] = {}

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:  # noqa: N802 (reportlab's name)
        key = (text, size, encoding)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= self.WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width

    def splitString(self, text: str | bytes, doc: object, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # noqa: N802
        """The text as (subset, codes): reportlab's answer, sooner for the usual text.

        reportlab looks at one character at a time in Python (a tenth of drawing a
        paragraph). Once every character of a text has its code in this document and
        all sit in the first subset, as for nearly every line after the first page, the
        answer is those codes in one piece, found by str.translate in the document's
        codes (kept beside reportlab's, brought up to date as it adds to them); anything
        else (a new character, a second subset) is left to reportlab, which gives out
        the codes."""
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is not None:
            codes = state.__dict__.get("_codes")
            if codes is None or codes.size != len(state.assignments) or codes.source is not state.assignments:
                codes = state._codes = _codes_of(state.assignments, codes)
            try:  # reportlab sets a no-break space as a space
                found = text.replace("\xa0", " ").translate(codes).encode("latin-1")
            except (_NotYetCoded, UnicodeEncodeError):  # not yet given a code; a code past the first subset
                pass
            else:
                return [(0, found)] if found else []
        return super().splitString(text, doc, encoding)


# Line breaking asks reportlab's pdfmetrics for a width or a font's ascent and descent
# thousands of times a PDF, each a chain of lookups (the font by name, then its metrics):
# about 2 ms a summary, of which a direct look-up of the answer saves most. Each answer is
# kept with the font it was measured in, and used only while that font is still the one
# registered under its name (a font registered again is measured again).
METRICS_KEPT = 50_000
_registered = pdfmetrics._fonts  # reportlab's fonts by name (pinned reportlab: tests/test_pdf_kept_work.py)
_widths: dict[tuple[object, ...], tuple[object, float]] = {}
_heights: dict[tuple[str, object], tuple[object, tuple[float, float]]] = {}


def string_width(text: str, fontName: str, fontSize: float, encoding: str = "utf8") -> float:  # noqa: N803
    """pdfmetrics.stringWidth, its answer kept per (text, font, size, encoding)."""
    key = (text, fontName, fontSize, encoding)
    kept = _widths.get(key)
    if kept is not None and kept[0] is _registered.get(fontName):
        return kept[1]
    width = pdfmetrics.stringWidth(text, fontName, fontSize, encoding)
    if len(_widths) >= METRICS_KEPT:
        _widths.clear()
    _widths[key] = (_registered.get(fontName), width)
    return width


def ascent_descent(fontName: str, fontSize: float | None = None) -> tuple[float, float]:  # noqa: N803
    """pdfmetrics.getAscentDescent, its answer kept per (font, size)."""
    key = (fontName, fontSize)
    kept = _heights.get(key)
    if kept is not None and kept[0] is _registered.get(fontName):
        return kept[1]
    heights = pdfmetrics.getAscentDescent(fontName, fontSize)
    if len(_heights) >= METRICS_KEPT:
        _heights.clear()
    _heights[key] = (_registered.get(fontName), heights)
    return heights


class _NotYetCoded(Exception):
    """A character this document has not given a code yet (str.translate passes it on)."""


class _Codes(dict[int, int]):
    """A document's codes per character, as str.translate reads them: a character with
    no code stops the translation (a LookupError would leave the character as it is)."""

    size = 0  # how many of reportlab's assignments it holds
    source: dict[int, int] | None = None  # which: reportlab's dict of them

    def __missing__(self, character: int) -> int:
        raise _NotYetCoded


def _codes_of(assignments: dict[int, int], codes: _Codes | None) -> _Codes:
    """``codes`` with the assignments reportlab made since (it only ever adds them, in order)."""
    if codes is None or codes.source is not assignments:
        codes = _Codes()
        codes.source = assignments
    codes.update(itertools.islice(assignments.items(), codes.size, None))
    codes.size = len(assignments)
    return codes


def register_fonts() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    fonts = resources_root() / "fonts"
    for name, filename in _FILES.items():
        with as_file(fonts / filename) as path:
            pdfmetrics.registerFont(MeasuredTTFont(name, str(path)))
    # No italic face is bundled: <i> falls back to the regular face rather than Helvetica.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
