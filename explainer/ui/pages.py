"""Plain-language pages: Markdown from resources/, and the 'Who can join' list."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QCheckBox, QTextBrowser, QVBoxLayout, QWidget

from explainer.core.model import Criterion, Trial


class MarkdownPageView(QTextBrowser):
    """One page of Markdown. Links never open a browser: the app stays offline."""

    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page-{title}")
        self.setAccessibleName(title)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setMarkdown(markdown)


def _source_html(criterion: Criterion) -> str:
    lines = html.escape(criterion.source).split("\n")
    return "<br>".join(lines)


class CriteriaView(QWidget):
    """Every entry rule in plain words, with the registry's wording one click away."""

    def __init__(self, trial: Trial, intro_markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trial = trial
        self._intro = intro_markdown
        self._shown: set[str] = set()
        self.show_all = QCheckBox("Show the registry's exact words for every rule")
        self.show_all.setAccessibleName("Show the registry's exact words for every rule")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Who can join")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._toggle)
        self.show_all.toggled.connect(self._render)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.show_all)
        layout.addWidget(self.browser)
        self._render()

    def is_source_shown(self, criterion_id: str) -> bool:
        return self.show_all.isChecked() or criterion_id in self._shown

    def toggle_source(self, criterion_id: str) -> None:
        self._shown ^= {criterion_id}
        self._render()

    def _toggle(self, url: QUrl) -> None:
        if url.scheme() == "criterion":
            self.toggle_source(url.path())

    def _render(self) -> None:
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self._html())
        self.browser.verticalScrollBar().setValue(scroll)

    def _html(self) -> str:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setMarkdown(self._intro)
        parts = [doc.toHtml()]
        for kind, heading in (("inclusion", "What the study needs:"),
                              ("exclusion", "Things that would keep you out of the study:")):
            parts.append(f"<h2>{heading}</h2><ul>")
            parts.extend(self._item(c) for c in self._trial.criteria if c.kind == kind)
            parts.append("</ul>")
        return "".join(parts)

    def _item(self, criterion: Criterion) -> str:
        shown = self.is_source_shown(criterion.id)
        link_text = "Hide the registry's words" if shown else "Show the registry's words"
        item = (f"<li><p>{html.escape(criterion.plain)}<br>"
                f"<a href='criterion:{criterion.id}'>{link_text}</a></p>")
        if shown:
            item += (f"<blockquote><i>Registry wording, word for word:</i><br>"
                     f"{_source_html(criterion)}</blockquote>")
        return item + "</li>"
