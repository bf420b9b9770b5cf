"""The bundled DejaVu Sans, registered once with reportlab and embedded in every PDF.

DejaVu has the ✓ ✗ ☐ µ ⁹ × glyphs the summary prints; reportlab's built-in
Helvetica has none of them and is never embedded, so no text is ever set in it.
"""

from __future__ import annotations

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
        answer is those codes in one piece; anything else (a new character, a second
        subset) is left to reportlab, which gives out the codes."""
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is not None:
            codes = state.assignments
            try:  # reportlab sets a no-break space as a space
                found = bytes([codes[c] for c in map(ord, text.replace("\xa0", " "))])
            except (KeyError, ValueError):  # not yet given a code; a code past the first subset
                pass
            else:
                return [(0, found)] if found else []
        return super().splitString(text, doc, encoding)


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
