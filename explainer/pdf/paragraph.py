"""reportlab's Paragraph, with its line breaking done once per width.

A table works out its row heights again each time it is split across a page and
each time it is drawn, and a KeepTogether measures its content before placing it:
the same paragraph is broken into lines at the same width two or three times (644
times for 243 paragraphs in the full summary; a third of the render time). Breaking
depends only on the text, the style and the width, so the lines are kept per width.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph as _Paragraph

TOO_NARROW = (0, 0x7FFFFFFF)  # what reportlab's wrap answers when no line fits the width


class Paragraph(_Paragraph):
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
