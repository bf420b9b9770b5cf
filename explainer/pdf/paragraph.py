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
made (line breaking and splitting work on clones), so paragraphs share them.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as _Paragraph

TOO_NARROW = (0, 0x7FFFFFFF)  # what reportlab's wrap answers when no line fits the width
PARSED_KEPT = 5_000  # parsed paragraphs kept; cleared when full, so it cannot grow without end
_parsed: dict[tuple[Any, ...], tuple[Any, ...]] = {}


class Paragraph(_Paragraph):
    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803
        if frags is not None or not isinstance(text, str) or not isinstance(bulletText, str | None):
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        # The style by identity: the app's styles are made once per process and never changed.
        key = (text, style, bulletText, self.caseSensitive, cleaner)
        parsed = _parsed.get(key)
        if parsed is None:
            super()._setup(text, style, bulletText, frags, cleaner)
            if len(_parsed) >= PARSED_KEPT:
                _parsed.clear()
            _parsed[key] = (self.text, self.style, self.frags, self.bulletText)
            return
        self.text, self.style, frags, self.bulletText = parsed
        self.frags = list(frags)  # the list is the paragraph's own; the fragments are shared
        self.debug = 0

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
