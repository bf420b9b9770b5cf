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

    def edges(self) -> int:
        return 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width() + 8

    def least_width(self) -> int:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for row in range(self.count())
                       for word in re.findall(r"^\s*\S+|\S+", self.item(row).text())), default=0)
        return longest + self.edges()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.least_width()), hint.height())
