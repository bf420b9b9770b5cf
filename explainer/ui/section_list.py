"""The list of sections on the left of the main window and a record window.

Its own module, not labels.py: the first paint builds it, and labels.py imports Qt's
namespace, which PySide makes on first use (about 20 ms; tests/test_startup.py)."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget


class SectionList(QListWidget):
    """A list of sections whose names wrap (at spaces only, so never narrower than its
    longest word with its indent: '   Dexametasona' at 250% text was cut, and the list
    scrolled sideways)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)  # a name that does not fit wraps, never cut short
        self._longest: tuple[tuple[str, ...], tuple[str, int], int] | None = None  # names, font, longest word

    def edges(self) -> int:
        return 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width() + 8

    def least_width(self) -> int:
        return self._longest_word() + self.edges()

    def _longest_word(self) -> int:
        """Measured again only when the names or the font (or the screen's dots per inch)
        changed: Qt asks for the list's smallest size on every layout of the window (some
        150 times as the pages are built)."""
        names = tuple(self.item(row).text() for row in range(self.count()))
        font = (self.font().key(), self.logicalDpiX())
        if self._longest is None or self._longest[:2] != (names, font):
            metrics = self.fontMetrics()
            width = max((metrics.horizontalAdvance(word) for name in names
                         for word in re.findall(r"^\s*\S+|\S+", name)), default=0)
            self._longest = (names, font, width)
        return self._longest[2]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.least_width()), hint.height())
