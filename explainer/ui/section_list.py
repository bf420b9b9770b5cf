"""The list of sections on the left of the main window and a record window.

Its own module, not labels.py: the first paint builds it, and labels.py imports Qt's
namespace, which PySide makes on first use (about 20 ms; tests/test_startup.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QListWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex


class SectionList(QListWidget):
    """A list of sections whose names wrap (at spaces only, so never narrower than its
    longest word with its indent: '   Dexametasona' at 250% text was cut, and the list
    scrolled sideways)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)  # a name that does not fit wraps, never cut short
        self._measured: tuple[object, int] = ((), 0)  # (the screen and rows it was measured for, its longest word)

    # Names added, removed or changed: measured again when next asked. The view's own
    # slots for its model's signals say so; connecting to the model's signals instead made
    # PySide build QAbstractItemModel's class and enums for self.model() (0.6 ms of CPU
    # before the first paint). The number of rows is part of what a measure is kept for,
    # as the view hears of a removal just before it happens.
    def rowsInserted(self, parent: QModelIndex, start: int, end: int) -> None:  # noqa: N802 (Qt's name)
        self._forget()
        super().rowsInserted(parent, start, end)

    def rowsAboutToBeRemoved(self, parent: QModelIndex, start: int, end: int) -> None:  # noqa: N802 (Qt's name)
        self._forget()
        super().rowsAboutToBeRemoved(parent, start, end)

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex,  # noqa: N802 (Qt's name)
                    roles: Sequence[int] = ()) -> None:
        self._forget()
        super().dataChanged(top_left, bottom_right, list(roles))

    def reset(self) -> None:
        self._forget()
        super().reset()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Another font (the text size's, or the window's): measured again. Qt says so each
        time; asking self.font().key() at each of the 43 measures before the first paint
        instead cost 0.5 ms of CPU."""
        if event.type() == QEvent.Type.FontChange:
            self._forget()
        super().changeEvent(event)

    def _forget(self) -> None:
        self._measured = ((), 0)

    def edges(self) -> int:
        return 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width() + 8

    def least_width(self) -> int:
        return self._longest_word() + self.edges()

    def _longest_word(self) -> int:
        """Measured again only when the names or their font change: the layouts ask for
        the list's least size again and again (43 times before the main window's first
        paint; reading every name each time was 1.4-2.8 ms of it)."""
        key = (self.logicalDpiX(), self.count())
        if key != self._measured[0]:
            texts = [self.item(row).text() for row in range(self.count())]
            metrics = self.fontMetrics()
            longest = max((metrics.horizontalAdvance(word) for text in texts for word in words(text)), default=0)
            self._measured = (key, longest)
        return self._measured[1]

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.least_width()), hint.height())


def words(text: str) -> list[str]:
    """The words a name wraps between, the first with the name's indent: what
    ``re.findall(r"^\\s*\\S+|\\S+", text)`` finds (whose pattern was 0.13 ms to compile
    before the first paint)."""
    found = text.split()
    if found:
        found[0] = text[:len(text) - len(text.lstrip())] + found[0]
    return found
