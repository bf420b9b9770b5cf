"""A scroll area that holds a widget at its full height, up to a share of a page's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class CappedScrollArea(QScrollArea):
    """Holds a widget at its full height, but never more than 1/``share`` of ``page``'s
    height: past that its contents scroll inside it (found in the patient review: at
    250% text on a 1280 x 800 screen the self-check's summary bar took 490 of the page's
    658 pixels, leaving the questions' view 152; a word's meaning did the same). It only
    takes Tab's focus when it scrolls, so Tab order is unchanged when everything shows;
    when it scrolls, keys can scroll it too. It shows and hides with what it holds."""

    def __init__(self, page: QWidget, share: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page, self._share = page, share
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page.installEventFilter(self)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt's name)
        super().setWidget(widget)
        widget.installEventFilter(self)  # its words or its font changed: its height may too
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._fit()
        elif watched is self.widget() and event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.setVisible(event.type() == QEvent.Type.ShowToParent)  # shown and hidden with what it holds
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        inner = self.widget()
        if inner is None:
            return
        width = self.width() - 2 * self.frameWidth()
        full = inner.heightForWidth(width) if inner.hasHeightForWidth() else inner.sizeHint().height()
        cap = max(self._page.height() // self._share - 2 * self.frameWidth(), 1)
        if full > cap:  # it scrolls: the words are narrower by the scroll bar, so taller
            bar = self.verticalScrollBar().sizeHint().width()
            full = inner.heightForWidth(width - bar) if inner.hasHeightForWidth() else full
        height = min(full, cap) + 2 * self.frameWidth()
        scrolls = full > cap
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if scrolls else Qt.FocusPolicy.NoFocus)
        # No scroll bar when all of it shows: Qt's own test, made before this height is
        # set, put one beside words that fit, and they wrapped onto a line cut off below.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if scrolls
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)
