"""Plain-language pages: Markdown from resources/, and the 'Who can join' list.

Hard words carry a dotted underline: pointing at one shows its meaning, and clicking
it (or Tab to it, then Enter) shows the meaning in a panel under the page that a
screen reader can read. Plain statements about the trial end in a "Show the
registry's words" link that opens the registry's sentence in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QHelpEvent, QPalette, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from explainer.ui.i18n import tr

# The welcome page is drawn before pydantic and the models load (explainer.app), so
# the glossary and registry helpers are imported where a page with them is drawn.
if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from explainer.core.glossary import Glossary, GlossaryTerm
    from explainer.core.model import Criterion, Trial
    from explainer.core.registry_words import RegistrySentences

GLOSSARY_SCHEME = "glossary"


def rich_text(value: str) -> str:
    """explainer.core.escaping.rich_text, loaded with the first text that needs it: the
    welcome page needs none, and escaping loads the html module (2 ms before the first paint)."""
    from explainer.core.escaping import rich_text as escaped

    return escaped(value)


def registry_label() -> str:
    """The heading over the registry's own words, which stay as written (English): in
    Spanish it says so, "(texto del registro, en inglés)"."""
    return tr("Registry wording, word for word:")


def glossary_help() -> str:
    return tr("Words with a dotted underline have a meaning you can show: move to one with Tab and press Enter.")


class GlossaryBrowser(QTextBrowser):
    """A text browser whose glossary links show their meaning on hover and on click.

    Links never open a browser: the app stays offline. Tab moves between links."""

    term_chosen = Signal(object)  # GlossaryTerm
    page_requested = Signal(str)  # page id, from a page:ID link
    other_link = Signal(object)  # a QUrl: PySide makes that class (and its enums) only once a link is followed

    def __init__(self, glossary: Glossary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glossary = glossary
        self.refused_resources: list[str] = []  # what a page asked to load (tests look)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # A QTextBrowser's own text interaction already lets Tab and Enter reach links.
        self.anchorClicked.connect(self._follow)

    def term_for(self, href: str) -> GlossaryTerm | None:
        if self.glossary is None:
            return None
        from explainer.core.glossary import term_for_href

        return term_for_href(self.glossary, href)

    def _follow(self, url: QUrl) -> None:
        term = self.term_for(url.toString())
        if term is not None:
            self.term_chosen.emit(term)
        elif url.scheme() == "page":
            self.page_requested.emit(url.path())
        else:
            self.other_link.emit(url)

    def loadResource(self, kind: int, url: QUrl) -> None:  # noqa: N802 (Qt's name)
        """Nothing is loaded: the pages have no pictures, and an image or style sheet
        named in a data file (``file:///etc/passwd``, ``http://...``) must never be read."""
        self.refused_resources.append(url.toString())
        return None

    TOOL_TIP = QEvent.Type.ToolTip  # looked up once: every event of the page's viewport comes here

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == self.TOOL_TIP and isinstance(event, QHelpEvent):
            from PySide6.QtWidgets import QToolTip  # a class PySide makes on first use: not for the first paint

            term = self.term_for(self.anchorAt(event.pos()))
            if term is None:
                QToolTip.hideText()
                return True
            QToolTip.showText(event.globalPos(), f"<b>{rich_text(term.term)}</b>: "
                              f"{rich_text(term.definition)}", self.viewport())
            return True
        return super().viewportEvent(event)

    def underline_links(self, block: QTextBlock | None = None) -> None:
        """Every link is underlined (colour is never the only signal); glossary words
        get a dotted line, so they differ from other links by shape. From ``block`` on,
        if given (the blocks a page drawn in steps has just had added), in its document."""
        doc = self.document() if block is None else block.document()
        dotted, solid = QTextCharFormat(), QTextCharFormat()
        dotted.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        solid.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        block = doc.begin() if block is None else block
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                href = fragment.charFormat().anchorHref()
                if href:
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(dotted if href.startswith(f"{GLOSSARY_SCHEME}:") else solid)
                fragments += 1
            block = block.next()


class DefinitionPanel(QLabel):
    """Where a chosen word's meaning appears, under the page, for eyes and screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)  # its text starts with <b>, so Qt shows it as rich text
        self.setAccessibleName(tr("Meaning of the chosen word"))
        self.setMargin(6)  # its frame is its holder's (DefinitionPlace)
        self.term: GlossaryTerm | None = None
        self.hide()

    def show_term(self, term: GlossaryTerm) -> None:
        self.term = term
        self.setText(f"<b>{rich_text(term.term)}</b>: {rich_text(term.definition_with_source())}")
        self.setAccessibleName(tr("Meaning of {word}").format(word=term.term))
        self.setAccessibleDescription(term.definition)
        self.show()


class DefinitionPlace:
    """Where a page's definition panel goes: the end of ``layout``. The panel is made when
    a word is first chosen (or the panel is asked for): most pages never show one, and
    each hidden panel cost some 13 KB of memory under the app's style sheet (issue 18).
    Made last, its holder is the page's last child and the layout's last item: a screen
    reader reads it after the page. The holder (explainer.ui.capped) takes at most
    1/``share`` of the page's height; a longer meaning scrolls inside it, and only then
    does Tab stop there (at 250% text a meaning took all but 90 pixels of the questions'
    view, and its last line was cut off)."""

    def __init__(self, layout: QVBoxLayout, share: int = 3) -> None:
        self._layout, self._share = layout, share
        self._panel: DefinitionPanel | None = None

    @property
    def panel(self) -> DefinitionPanel:
        if self._panel is None:
            from explainer.ui.capped import CappedScrollArea  # not before the first paint: Qt's namespace

            page = self._layout.parentWidget()
            holder = CappedScrollArea(page, share=self._share, parent=page)  # never a window of its own
            self._panel = DefinitionPanel()
            holder.setWidget(self._panel)
            self._panel.hide()  # and its holder with it, until a word is chosen
            self._layout.addWidget(holder)
        return self._panel

    def show_term(self, term: GlossaryTerm) -> None:
        self.panel.show_term(term)


class GlossaryPage(QWidget):
    """A browser with the definition panel under it (made when first needed)."""

    page_requested = Signal(str)

    def __init__(self, title: str, glossary: Glossary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = GlossaryBrowser(glossary)
        self.browser.setAccessibleName(title)
        self.browser.setAccessibleDescription(glossary_help())
        self._drawn_with = ""
        self.browser.page_requested.connect(self.page_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        self._definition = DefinitionPlace(layout)
        self.browser.term_chosen.connect(self._definition.show_term)

    @property
    def definition(self) -> DefinitionPanel:
        return self._definition.panel

    def _render(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # Link colours are fixed when a page is drawn: redraw when the theme changes them.
        if event.type() == QEvent.Type.PaletteChange and self._drawn_with != self._link_colour():
            self._render()
        super().changeEvent(event)

    def _link_colour(self) -> str:
        return self.palette().color(QPalette.ColorRole.Link).name()

    def show_document(self, render: Callable[[], None]) -> None:
        """Re-render in place (scroll kept), then underline the links."""
        scroll = self.browser.verticalScrollBar().value()
        self._drawn_with = self._link_colour()
        render()
        self.browser.underline_links()
        self.browser.verticalScrollBar().setValue(scroll)


class MarkdownPageView(GlossaryPage):
    """One page of Markdown, with its hard words marked and the registry's words on request."""

    def __init__(self, title: str, markdown: str, parent: QWidget | None = None, *,
                 glossary: Glossary | None = None, sentences: RegistrySentences | None = None) -> None:
        super().__init__(title, glossary, parent)
        self.setObjectName(f"page-{title}")
        self.markdown = markdown if sentences is not None or "[registry:" not in markdown else _strip_markers(markdown)
        self.sentences = sentences
        self.shown: set[int] = set()
        self.browser.other_link.connect(self._toggle)
        self._render()

    def rerender(self) -> None:
        """Draw ``markdown`` again, after it was changed."""
        self._render()

    def toggle_registry(self, number: int) -> None:
        self.shown ^= {number}
        self._render()

    def _toggle(self, url: QUrl) -> None:
        if url.scheme() == "registry":
            self.toggle_registry(int(url.path()))

    def _render(self) -> None:
        text = self.markdown
        if self.browser.glossary is not None:
            from explainer.core.glossary import mark_markdown

            text = mark_markdown(text, self.browser.glossary)
        if self.sentences is not None:
            from explainer.core.registry_words import expand_markers

            text = expand_markers(text, self.sentences, self.shown)
        self.show_document(lambda: self.browser.setMarkdown(text))


def notice_html(trial: Trial) -> str:
    """The study's status as the first lines of a page where people decide (empty
    while it takes new people)."""
    from explainer.core.facts import closed_notice

    headline, details = closed_notice(trial)
    return f"<p><b>{rich_text(headline)}</b> {rich_text(details)}</p>" if headline else ""


def with_notice(markdown: str, trial: Trial) -> str:
    """The page's Markdown with the status notice right under its first heading."""
    from explainer.core.facts import closed_notice

    headline, details = closed_notice(trial)
    if not headline:
        return markdown
    title, _, rest = markdown.partition("\n")
    return f"{title}\n\n**{headline}** {details}\n{rest}" if title.startswith("# ") else \
        f"**{headline}** {details}\n\n{markdown}"


def _strip_markers(markdown: str) -> str:
    from explainer.core.registry_words import strip_markers

    return strip_markers(markdown)


def _source_html(criterion: Criterion) -> str:
    lines = rich_text(criterion.source).split("\n")
    return "<br>".join(lines)


class CriteriaView(GlossaryPage):
    """Every entry rule in plain words, with the registry's wording one click away."""

    def __init__(self, trial: Trial, intro_markdown: str, parent: QWidget | None = None, *,
                 glossary: Glossary | None = None) -> None:
        super().__init__(tr("Who can join"), glossary, parent)
        from PySide6.QtWidgets import QCheckBox  # this page is built after the first paint, which needs none

        self._trial = trial
        self._intro = intro_markdown
        self._shown: set[str] = set()
        self.show_all = QCheckBox(tr("Show all the registry's words"))  # short: a check box does not wrap at 200%
        self.show_all.setAccessibleName(tr("Show the registry's exact words for every rule"))
        self.show_all.setAccessibleDescription(tr("Shows the study record's own wording under each rule."))
        self.browser.other_link.connect(self._toggle)
        self.show_all.toggled.connect(self._render)
        self.layout().insertWidget(0, self.show_all)
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
        self.show_document(lambda: self.browser.setHtml(self._html()))

    def _html(self) -> str:
        from PySide6.QtGui import QTextDocument

        from explainer.core.glossary import mark_markdown

        marked: set[str] = set()
        intro = self._intro
        if self.browser.glossary is not None:
            intro = mark_markdown(intro, self.browser.glossary, marked)
        doc = QTextDocument()
        doc.setMarkdown(intro)
        # Only what is inside <body>: its style fixes the font size of that moment, and
        # the intro stayed small when the text was made larger.
        body = re.search(r"<body[^>]*>(.*)</body>", doc.toHtml(), re.DOTALL)
        parts = [body.group(1) if body else rich_text(self._intro)]
        for kind, heading in (("inclusion", tr("What the study needs:")),
                              ("exclusion", tr("Things that would keep you out of the study:"))):
            parts.append(f"<h2>{heading}</h2><ul>")
            parts.extend(self._item(c, marked) for c in self._trial.criteria if c.kind == kind)
            parts.append("</ul>")
        return "".join(parts)

    def _plain_html(self, text: str, marked: set[str]) -> str:
        if self.browser.glossary is None:
            return rich_text(text)
        from explainer.core.glossary import mark_terms

        return mark_terms(text, self.browser.glossary, escape=rich_text, already=marked,
                          link=lambda words, t: f"<a href='{GLOSSARY_SCHEME}:{t.id}'>{rich_text(words)}</a>")

    def _item(self, criterion: Criterion, marked: set[str]) -> str:
        shown = self.is_source_shown(criterion.id)
        link_text = tr("Hide the registry's words") if shown else tr("Show the registry's words")
        item = (f"<li><p>{self._plain_html(criterion.plain, marked)}<br>"
                f"<a href='criterion:{rich_text(criterion.id)}'>{link_text}</a></p>")
        if shown:
            item += (f"<blockquote><i>{rich_text(registry_label())}</i><br>"
                     f"{_source_html(criterion)}</blockquote>")
        return item + "</li>"
