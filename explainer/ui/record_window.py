"""A window for any study's registry record: the pages of build_study_pages, read like
the main window's pages (a list of sections on the left, the chosen page on the right).

Every word of the record is text no one here wrote: it reaches Qt's rich text only
through ``rich_text`` and the browsers load nothing (no pictures, no style sheets).
The record's own words are shown as quotes under the app's label that says so; a
long, hard passage of them has a "written for doctors" label before it
(explainer.core.study_reading). Hard words of the general glossary are links with a
dotted line, as on the curated study's pages: hover for the meaning, or Tab to one
and press Enter to show it in the panel under the page; each page ends with them.
The list of places can be narrowed by country, state and city.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette, QTextBlock, QTextCursor, QTextDocument, QTextList
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from explainer.core.escaping import rich_text
from explainer.core.glossary import Glossary, GlossaryTerm, mark_terms
from explainer.core.language import per_language
from explainer.core.study_pages import (
    Block,
    Item,
    ItemList,
    Paragraph,
    PAGE_IDS,
    Place,
    StudyPage,
    build_study_page,
    cities,
    countries,
    filter_sites,
    page_title,
    site_items,
    states,
)
from explainer.core.study_reading import NAME_SECTIONS, with_reading_labels
from explainer.ui.i18n import tr
from explainer.ui.section_list import SectionList
from explainer.ui.pages import GLOSSARY_SCHEME, DefinitionPanel, DefinitionPlace, GlossaryBrowser
from explainer.ui.place_memory import choose, remember_place, remembered_place

if TYPE_CHECKING:
    from explainer.core.registry_record import RegistryStudy
    from explainer.core.study_words import StudyWords
    from explainer.ui.record_check import CheckPageSlot, RecordCheckPage
    from explainer.ui.zoom import TextZoom

ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole (see main_window)
ANY = ""                   # the combo boxes' "any" choice carries no place name
USER_ROLE = 256            # Qt.ItemDataRole.UserRole: where QComboBox.addItem puts its data


def hard_words_help() -> str:
    return tr("Words with a dotted underline have a meaning you can show: move to one with Tab and press Enter.")


@per_language
def record_glossary() -> Glossary:
    """The general glossary of the words trial records use, loaded once for every record
    window, in the current language (each language its own)."""
    from explainer.content import load_general_glossary

    return load_general_glossary()


class RecordBrowser(GlossaryBrowser):
    """A page of the record: links are not followed and nothing is ever loaded
    (GlossaryBrowser refuses every resource). A glossary word's link shows its meaning
    on hover, and on click or Tab then Enter (``term_chosen``)."""

    def __init__(self, name: str, glossary: Glossary | None = None, parent: QWidget | None = None) -> None:
        super().__init__(glossary, parent)
        self.setAccessibleName(name)
        if glossary is not None:
            self.setAccessibleDescription(hard_words_help())
        self._text: PageText | None = None   # the page last drawn
        self._drawn_in: tuple[int, int] | None = None   # the link colours the page was drawn in
        self._drawings = 0   # pages begun: a drawing stops once another has begun
        self._redrawing: Iterator[None] | None = None   # a page drawn again, a step a turn (redraw)
        self._scroll: int | None = None   # where the page drawn again was scrolled to
        self._step_due = False   # the next step of a redraw asked for

    def show_html(self, html: str) -> None:
        """Draw ``html``, then give glossary words their dotted line (links their solid one)."""
        for _step in self.drawing(PageText(html)):
            pass

    def redraw(self, text: PageText, keep_scroll: bool = False) -> None:
        """Draw the page again (another place chosen, another theme's link colours): its first
        part now, the rest of its long list a step a turn of the event loop (``drawing``: the
        1,148 places at once took one turn of about 55 ms); ``finish_drawing`` draws what is
        left at once. With ``keep_scroll`` the page stays scrolled where it was (the same page in
        new colours); else it shows from the top, as a page newly drawn does."""
        self._scroll = self.verticalScrollBar().value() if keep_scroll else None
        if self.isVisible() and len(text.items) > LIST_STEP:
            # Drawn into a document of its own, put on screen once whole: a page on screen lays
            # out its whole list again after each step (a step of 100 places: 20-50 ms).
            self._redrawing = self._drawing_aside(text)
        else:
            self._redrawing = self.drawing(text)
        self._redraw_step()

    def _drawing_aside(self, text: PageText) -> Iterator[None]:
        mine = self._drawings + 1
        shown = self.document()
        aside = QTextDocument(self)   # the browser's child: it answers the document's resources (none)
        aside.setDefaultFont(shown.defaultFont())
        aside.setDefaultStyleSheet(shown.defaultStyleSheet())
        aside.setDocumentMargin(shown.documentMargin())
        aside.setDefaultTextOption(shown.defaultTextOption())
        aside.setIndentWidth(shown.indentWidth())
        aside.setUndoRedoEnabled(False)
        for _step in self.drawing(text, aside):
            yield
        if self._drawings == mine:   # not drawn again meanwhile
            self.setDocument(aside)   # the document before, the browser's child, is deleted

    @property
    def being_drawn(self) -> bool:
        """Being drawn again, a step a turn (``redraw``)."""
        return self._redrawing is not None

    def finish_drawing(self) -> None:
        """The page drawn whole now, if it is being drawn again (``redraw``)."""
        while self._redrawing is not None:
            self._redraw_step()

    def _redraw_step(self) -> None:
        steps = self._redrawing
        going = steps is not None and next(steps, "done") is None
        if self._scroll is not None:
            self.verticalScrollBar().setValue(self._scroll)
        if not going:
            self._redrawing = self._scroll = None
        elif not self._step_due:
            # A timer, as the window's pages at their opening (PageBuilder): its own timers and
            # input get their turn between two steps.
            self._step_due = True
            QTimer.singleShot(1, self, self._step_later)

    def _step_later(self) -> None:
        self._step_due = False
        if self._redrawing is not None:
            self._redraw_step()

    def drawing(self, text: PageText, into: QTextDocument | None = None) -> Iterator[None]:
        """Draw the page in steps: a long list (1,148 places) some items a step, the
        document the same as drawn at once. Qt reads one list's items in a time that grows
        with their square (the 4,592 places of a 1.5 MB record: 400 ms at once), and adding
        an item to a list costs as much as the list is long: a longer list, fewer a step.
        ``into``: a document not on screen yet (``redraw``), else the browser's own."""
        self._drawings += 1
        mine = self._drawings
        self._text = text
        self._drawn_in = self._link_colours()
        if into is None:
            self.setHtml(text.first(LIST_STEP))
            self.underline_links()
        else:
            into.setHtml(text.first(LIST_STEP))
            self.underline_links(into.begin())
        items = text.items
        the_list = _long_list(into or self.document(), text) if len(items) > LIST_STEP else None
        if the_list is None and len(items) > LIST_STEP:   # not found as expected: all at once
            self.show_html(text.html())
            return
        done = LIST_STEP
        while the_list is not None and done < len(items):
            yield
            if self._drawings != mine:   # drawn again since (setHtml): this list is gone
                return
            step = max(LIST_STEP // 10, min(LIST_STEP, LIST_STEP * 1000 // the_list.count()))
            self.underline_links(_add_items(the_list, items[done:done + step]))
            done += step

    def _link_colours(self) -> tuple[int, int]:
        palette = self.palette()
        return palette.color(QPalette.ColorRole.Link).rgba(), palette.color(QPalette.ColorRole.LinkVisited).rgba()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # Link colours are fixed when a page is drawn: draw it again in a new theme's colours.
        # Only then: each page is told of a palette change whenever it is put into the window
        # (about 20 of them for the 1,148-site record, each drawing the page again: 240 ms).
        if (event.type() == QEvent.Type.PaletteChange and self._text is not None
                and self._link_colours() != self._drawn_in):
            self.redraw(self._text, keep_scroll=True)
        super().changeEvent(event)


# ---------------------------------------------------------------- pages as rich text

class _Marker:
    """Escapes a page's texts and links the first mention of each glossary word on the
    page (mark_terms); remembers the words it linked, for the list at the page's end."""

    def __init__(self, glossary: Glossary | None) -> None:
        self.glossary = glossary
        self.marked: set[str] = set()
        self.found: list[GlossaryTerm] = []

    def __call__(self, value: str) -> str:
        if self.glossary is None:
            return _text(value)
        return mark_terms(value, self.glossary, self._link, escape=_text, already=self.marked)

    def _link(self, words: str, term: GlossaryTerm) -> str:
        self.found.append(term)
        return f'<a href="{GLOSSARY_SCHEME}:{term.id}">{_text(words)}</a>'  # ids are [a-z0-9-]+


LIST_STEP = 100   # a list longer than this (a page's places) is drawn this many items a step
PLACES_A_TURN = 400   # a long list of places is made this many a turn of the event loop


@dataclass(frozen=True)
class PageText:
    """A page's rich text, its long list's items apart (``items``: each ``<li>``; ``head``
    ends where the list's ``<ul>`` goes, ``tail`` begins after its ``</ul>``), so the list
    can be drawn in steps; with no long list, ``head`` is the whole page."""

    head: str
    items: tuple[str, ...] = ()
    tail: str = ""

    def html(self) -> str:
        return self.first(len(self.items))

    def first(self, count: int) -> str:
        """The page with only the list's first ``count`` items."""
        return f"{self.head}<ul>{''.join(self.items[:count])}</ul>{self.tail}" if self.items else self.head


def _long_list(doc: QTextDocument, text: PageText) -> QTextList | None:
    """The long list, as the document drawn with ``text.first(LIST_STEP)`` holds it: the
    list of the first block after the head's blocks (checked by its number of items)."""
    head = QTextDocument()
    head.setHtml(text.head)
    found = doc.findBlockByNumber(head.blockCount()).textList()
    return found if found is not None and found.count() == min(LIST_STEP, len(text.items)) else None


def _add_items(the_list: QTextList, items: tuple[str, ...]) -> QTextBlock:
    """The items at the list's end, as if read with it: their blocks made part of it (read
    alone they make a list of their own), the first one too (it starts in the block made
    after the last item's last line, which may be in that item's own inner list), and the
    last item's space below as every item's (Qt gives it the list's). Returns the first
    block added."""
    doc = the_list.document()
    edit = QTextCursor(doc)
    # One change of the document, not one per block: a page on screen lays out again after
    # each change (a step of 100 places on the visible page took 1-4 s, not 10 ms).
    edit.beginEditBlock()
    try:
        return _add_to_list(the_list, items)
    finally:
        edit.endEditBlock()


def _add_to_list(the_list: QTextList, items: tuple[str, ...]) -> QTextBlock:
    last = the_list.item(the_list.count() - 1)
    middle = the_list.item(0).blockFormat().bottomMargin()
    end = last
    while _inside(end.next(), the_list):
        end = end.next()
    spaced = last.blockFormat()
    spaced.setBottomMargin(middle)
    QTextCursor(last).setBlockFormat(spaced)
    doc = the_list.document()
    before = doc.blockCount()
    cursor = QTextCursor(end)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertBlock()
    cursor.insertHtml(f"<ul>{''.join(items)}</ul>")
    first = block = end.next()
    indent = the_list.format().indent()
    for n in range(doc.blockCount() - before):
        found = block.textList()
        if found is not the_list and (n == 0 or (found is not None and found.format().indent() == indent)):
            the_list.add(block)
        block = block.next()
    return first


def _inside(block: QTextBlock, the_list: QTextList) -> bool:
    """``block`` is a line of an inner list of the list's last item."""
    found = block.textList() if block.isValid() else None
    return found is not None and found is not the_list and found.format().indent() > the_list.format().indent()


def page_html(page: StudyPage, words: StudyWords, glossary: Glossary | None = None) -> str:
    """One page as Qt rich text; every string escaped, the record's words quoted, a
    "written for doctors" label before each hard passage of them. With a glossary, the
    first mention of each hard word is a link, and the page ends with those words."""
    return page_text(page, words, glossary).html()


def page_text(page: StudyPage, words: StudyWords, glossary: Glossary | None = None) -> PageText:
    """``page_html``, its first list longer than LIST_STEP items apart (PageText)."""
    mark = _Marker(glossary)
    page = with_reading_labels([page], words.reading, words.reading.screen if glossary is not None else "")[0]
    plain = _Marker(None)
    out = [f"<h1>{rich_text(page.title)}</h1>"]
    long_at, items = -1, ()
    for section in page.sections:
        if section.heading:
            out.append(f"<h2>{rich_text(section.heading)}</h2>")
        marks = plain if section.id in NAME_SECTIONS else mark
        for block in section.blocks:
            if long_at < 0 and isinstance(block, ItemList) and len(block.items) > LIST_STEP:
                long_at, items = len(out), tuple(_item_html(item, words, marks) for item in block.items)
                out.append("")
            else:
                out.append(_block_html(block, words, marks))
    if mark.found:
        out.append(f"<h2>{rich_text(words.reading.words_heading)}</h2><ul>")
        out.extend(f"<li><b>{rich_text(t.term)}</b>: {rich_text(t.definition_with_source())}</li>" for t in mark.found)
        out.append("</ul>")
    if long_at < 0:
        return PageText("\n".join(out))
    return PageText("".join(f"{part}\n" for part in out[:long_at]), items,
                    "".join(f"\n{part}" for part in out[long_at + 1:]))


def _block_html(block: Block, words: StudyWords, mark: _Marker) -> str:
    if isinstance(block, Paragraph):
        return _paragraph_html(block, words, mark)
    return _list_html(block, words, mark)


def _list_html(block: ItemList, words: StudyWords, mark: _Marker) -> str:
    return "<ul>" + "".join(_item_html(item, words, mark) for item in block.items) + "</ul>"


def _item_html(item: Item, words: StudyWords, mark: _Marker) -> str:
    lines = "<br>".join(_line_html(line, mark) for line in item.lines)
    inner = _list_html(ItemList(item.items), words, mark) if item.items else ""
    return f'<li style="margin-bottom: 6px">{lines}{inner}</li>'  # items apart: each is its own rule


def _text(value: str) -> str:
    return rich_text(value).replace("\n", "<br>")


def _quoted(value: str, mark: _Marker) -> str:
    return f"\u201c{mark(value)}\u201d"


def _line_html(paragraph: Paragraph, mark: _Marker) -> str:
    """A line in a list (sites, contacts, criteria): short, so the quote stays inline."""
    label = f"{rich_text(paragraph.label)} " if paragraph.label else ""
    if paragraph.voice == "registry":
        return f"{label}{_quoted(paragraph.text, mark)}"
    return f"{label}{mark(paragraph.text)}"


def _paragraph_html(paragraph: Paragraph, words: StudyWords, mark: _Marker) -> str:
    if paragraph.voice == "source":
        return f"<p><i>{_text(paragraph.text)}</i></p>"  # full size: small print is hard to read
    if paragraph.voice == "app":
        label = f"<b>{rich_text(paragraph.label)}</b> " if paragraph.label else ""
        return f"<p>{label}{mark(paragraph.text)}</p>"
    # The record's words: the app's label, then who wrote them (unless the label
    # already says so: "Why the study stopped, in the record's own words:"), then the quote.
    label = f"<b>{rich_text(paragraph.label)}</b> " if paragraph.label else ""
    whose = "" if _says_whose(paragraph.label, words) else f"<i>{rich_text(words.registry_label)}</i>"
    return (f"<p>{label}{whose}</p>"
            f"<blockquote>{_quoted(paragraph.text, mark)}</blockquote>")


def _says_whose(label: str, words: StudyWords) -> bool:
    """The label already says whose words follow: "..., in the record's own words:", or a
    label holding the registry label's own words (Spanish: "... (texto del registro, en inglés):",
    which the PDF and the web page, showing no registry label, need in the label itself)."""
    return "own words" in label or words.registry_label.rstrip(":").casefold() in label.casefold()


# ---------------------------------------------------------------- the window

class PlaceFilter(QWidget):
    """Country, state and city boxes; each narrows the next one's choices."""

    def __init__(self, study: RegistryStudy, changed: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.study = study
        self._changed = changed
        self.quiet = False   # while set, a choice refills the boxes below it but shows nothing yet
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.country = self._box(tr("Country"), tr("Show only the places in one country."))
        self.state = self._box(tr("State or region"), tr("Show only the places in one state or region."))
        self.city = self._box(tr("City"), tr("Show only the places in one city."))
        for box, text in ((self.country, tr("&Country:")), (self.state, tr("&State or region:")),
                          (self.city, tr("C&ity:"))):
            label = QLabel(text)
            label.setBuddy(box)
            layout.addRow(label, box)
        self._fill(self.country, tr("Any country"), countries(study.sites))
        self._refill_below_country()
        self.country.currentIndexChanged.connect(self._country_chosen)
        self.state.currentIndexChanged.connect(self._state_chosen)
        self.city.currentIndexChanged.connect(lambda _i: self._emit())

    def _box(self, name: str, description: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setAccessibleDescription(description)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(12)  # long names do not push the window past the screen
        return box

    @staticmethod
    def _fill(box: QComboBox, any_text: str, names: tuple[str, ...]) -> None:
        box.blockSignals(True)
        box.clear()
        # One call for all the names, their data set through the model: PySide6 6.12 on
        # Python 3.11 drops a reference to None on each call of a method that returns
        # nothing (addItem), and the 695 cities of a large record, refilled at each
        # choice, brought None's count to zero (the interpreter aborted).
        box.addItems([any_text, *names])
        model = box.model()
        for row, name in enumerate((ANY, *names)):
            model.setData(model.index(row, 0), name, USER_ROLE)
        box.setEnabled(bool(names))
        box.blockSignals(False)

    def place(self) -> Place:
        return Place(self.country.currentData() or None, self.state.currentData() or None,
                     self.city.currentData() or None)

    def _refill_below_country(self) -> None:
        country = self.country.currentData() or None
        self._fill(self.state, tr("Any state or region"), states(self.study.sites, country))
        self._fill(self.city, tr("Any city"), cities(self.study.sites, country))

    def _country_chosen(self, _index: int) -> None:
        self._refill_below_country()
        self._emit()

    def _state_chosen(self, _index: int) -> None:
        place = self.place()
        self._fill(self.city, tr("Any city"), cities(self.study.sites, place.country, place.state))
        self._emit()

    def _emit(self) -> None:
        if not self.quiet:
            self._changed(self.place())  # type: ignore[operator]


def show_app_page(app_window: QMainWindow, page_id: str) -> None:
    """The main window, in front, on its page ``page_id`` (if its study has opened: at the
    very start it has only its first page, and then it only comes to the front)."""
    if page_id in app_window.section_ids():  # type: ignore[attr-defined]
        app_window.show_section(page_id)  # type: ignore[attr-defined]
    if app_window.isMinimized():
        app_window.showNormal()
    app_window.raise_()
    app_window.activateWindow()


class RecordWindow(QMainWindow):
    """One study's pages, status first; ``as_of`` is today (the pages say when the
    status was checked long ago).

    Only the first page is built before the window shows; the others are built after its
    first paint, one a turn of the event loop (``PageBuilder``), so the window answers
    clicks and keys while a long record opens; a page asked for sooner (chosen in the
    list, read through ``browsers`` or ``definitions``) is built at once."""

    def __init__(self, study: RegistryStudy, words: StudyWords, zoom: TextZoom | None = None,
                 as_of: dt.date | None = None, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.study = study
        self.words = words
        self.as_of = as_of or dt.date.today()
        self.place = Place()   # the places chosen on the "where" page; the PDF lists those
        self.settings: QSettings | None = None  # given below, once the remembered place is shown
        self.pages = StudyPages(study, words, self.as_of)   # each built when first read
        self.setWindowTitle(tr("Study {number}: {title}").format(number=study.nct_id,
                                                                 title=study.title or study.nct_id)[:120])
        self.setAccessibleName(tr("Study {number}").format(number=study.nct_id))
        self.navigator = SectionList()
        self.navigator.setAccessibleName(tr("Sections of this study"))
        self.navigator.setAccessibleDescription(tr("Choose a section to read. Use the arrow keys."))
        self.stack = QStackedWidget()
        self._holders: dict[str, QVBoxLayout] = {}   # each page's place in the stack, filled when built
        self._parts: dict[str, tuple[RecordBrowser, DefinitionPanel]] = {}   # each page begun
        self._drawing: dict[str, Iterator[None]] = {}   # the pages begun and not yet drawn whole
        self._texts: dict[str, tuple[Place, PageText]] = {}  # a page's text made a turn before it is drawn
        self.browsers: Mapping[str, RecordBrowser] = OnDemand(self, 0)       # each page's text
        self.definitions: Mapping[str, DefinitionPanel] = OnDemand(self, 1)  # each page's meaning panel
        self.place_filter: PlaceFilter | None = None
        # The window's frame first, then the pages built into it: a page put into a frame
        # later is told of each new parent's font, style and palette, and lays out again.
        splitter = QSplitter()
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 760])
        self.setCentralWidget(splitter)
        for page_id in PAGE_IDS:
            title = page_title(words, page_id)
            item = QListWidgetItem(title)
            item.setData(ACCESSIBLE_TEXT_ROLE, title)
            self.navigator.addItem(item)
            self._add_holder(page_id)
        self.build_page(PAGE_IDS[0])
        from explainer.ui.record_check import add_check_page  # the self-check: its own module, last

        self.check_slot: CheckPageSlot = add_check_page(self)
        self.navigator.currentRowChanged.connect(self._choose_row)
        self.navigator.setCurrentRow(0)
        if self.place_filter is not None:
            place = choose(self.place_filter, remembered_place(settings))
            if not place.is_any:
                self.show_place(place)  # once, not once per box set
        self.settings = settings
        self._build_menus(zoom)
        self.statusBar().showMessage(tr("Private: this study is read from this computer."))
        self.resize(1100, 760)
        self.builder = PageBuilder(self)

    def _add_holder(self, page_id: str) -> None:
        """The page's place in the stack; the 'where' page has the place filter above its
        text from the start (the remembered place is chosen in it before the page is built)."""
        holder = QWidget()
        self.stack.addWidget(holder)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        if page_id == "where" and len(self.study.sites) >= 2:
            self.place_filter = PlaceFilter(self.study, self.show_place)
            layout.addWidget(self.place_filter)
        self._holders[page_id] = layout

    def build_page(self, page_id: str) -> tuple[RecordBrowser, DefinitionPanel]:
        """The page's text and the panel where a chosen word's meaning shows, built now if
        they are not yet (a page begun in steps is finished)."""
        while not self.build_step(page_id):
            pass
        self._parts[page_id][0].finish_drawing()   # a page being drawn again (another place, theme)
        return self._parts[page_id]

    def build_step(self, page_id: str) -> bool:
        """A turn's part of the page (all of it, but for a long list: ``RecordBrowser.drawing``);
        True once it is whole. Built inside the window: a page with 1,148 places lays out
        again whenever it moves into a new parent."""
        drawing = self._drawing.get(page_id)
        if drawing is None:
            if page_id in self._parts:
                return True
            layout = self._holders[page_id]   # a KeyError for a page this study does not have
            browser = RecordBrowser(page_title(self.words, page_id), record_glossary())
            layout.addWidget(browser, 1)
            definition = DefinitionPlace(layout).panel
            browser.term_chosen.connect(definition.show_term)
            self._parts[page_id] = (browser, definition)
            drawing = self._drawing[page_id] = browser.drawing(self._text_of(page_id))
        if next(drawing, "done") is None:
            return False
        del self._drawing[page_id]
        return True

    def _text_of(self, page_id: str) -> PageText:
        """The page as rich text (the 'where' page for the place chosen), made now or kept
        from the turn before (``PageBuilder``)."""
        kept = self._texts.pop(page_id, None)
        if kept is not None and kept[0] == self.place:
            return kept[1]
        page = self.pages.page(page_id) if page_id != "where" or self.place.is_any else \
            build_study_page(self.study, self.words, "where", self.as_of, self.place)
        return page_text(page, self.words, record_glossary())

    def where_text_steps(self) -> Iterator[None]:
        """A long 'where' page's text made a part a turn, kept for the turn that draws it:
        the page with its first places, then PLACES_A_TURN places a turn (a 1.5 MB record's
        4,592 places: 70 ms for their items, 70 ms for their text, at once)."""
        place, study, words = self.place, self.study, self.words
        first = page_text(build_study_page(study, words, "where", self.as_of, place, listed=LIST_STEP + 1),
                          words, record_glossary())
        items, plain = list(first.items), _Marker(None)
        count = len(filter_sites(study.sites, place)) if items else 0   # no long list: the page is whole
        for start in range(len(items), count, PLACES_A_TURN):
            yield
            items.extend(_item_html(item, words, plain)   # places are names: never marked (NAME_SECTIONS)
                         for item in site_items(study, words, place, start, start + PLACES_A_TURN))
        self._texts["where"] = (place, PageText(first.head, tuple(items), first.tail) if items else first)

    def page_built(self, page_id: str) -> bool:
        return page_id in self._parts and page_id not in self._drawing

    @property
    def all_pages_built(self) -> bool:
        return all(self.page_built(page_id) for page_id in PAGE_IDS) and self.check_page_built

    @property
    def check_page(self) -> RecordCheckPage:
        """The "Check the entry rules" page, built now if it is not yet (record_check.CheckPageSlot)."""
        return self.check_slot.page()

    @property
    def check_page_built(self) -> bool:
        return self.check_slot.built

    def _choose_row(self, row: int) -> None:
        if row == self.check_slot.row:
            self.check_slot.page()
        elif 0 <= row < len(PAGE_IDS):
            self.build_page(PAGE_IDS[row])   # a page chosen before its turn: built at once
        self.stack.setCurrentIndex(row)

    def show_place(self, place: Place) -> None:
        """The 'where' page again, its list narrowed to ``place`` (counts cover every site);
        the choice is remembered for the next study and goes into the PDF."""
        self.place = place
        remember_place(self.settings, place)
        if "where" in self._parts:   # else it is built for this place when its turn comes
            self._parts["where"][0].redraw(self._text_of("where"))   # a drawing begun before stops

    def show_page(self, page_id: str) -> None:
        self.navigator.setCurrentRow(PAGE_IDS.index(page_id))

    def current_browser(self) -> RecordBrowser:
        return self.browsers[PAGE_IDS[self.navigator.currentRow()]]

    def add_help_menu(self, app_window: QMainWindow) -> None:
        """Help, as the main window has it: the app's own pages (about, hard words, help
        lines) open in the main window, brought to the front; a record has no copy of them."""
        help_menu = self.menuBar().addMenu(tr("&Help"))
        help_menu.setAccessibleName(tr("Help"))
        for page_id, text in (("about", tr("About this app")), ("glossary", tr("Words and what they mean")),
                              ("help", tr("Where to get help"))):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, p=page_id: show_app_page(app_window, p))
            help_menu.addAction(action)
        self.help_menu = help_menu

    def _build_menus(self, zoom: TextZoom | None) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(tr("&File"))
        close = QAction(tr("&Close this study"), self)
        close.setShortcuts(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        file_menu.addAction(close)
        from explainer.ui.record_export import RecordExport  # loads no PDF code until used

        self.export = RecordExport(self)
        if zoom is None:
            return
        view_menu = self.menuBar().addMenu(tr("&View"))
        for text, keys, slot in (
            (tr("Larger text"), [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")], zoom.zoom_in),
            (tr("Smaller text"), [QKeySequence.StandardKey.ZoomOut], zoom.zoom_out),
            (tr("Normal text size"), [QKeySequence("Ctrl+0")], zoom.reset),
        ):
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.triggered.connect(slot)
            view_menu.addAction(action)


class OnDemand(Mapping):
    """``browsers`` and ``definitions``: every page's part by page id, the page built when
    its part is first asked for (``RecordWindow.build_page``)."""

    def __init__(self, window: RecordWindow, part: int) -> None:
        self._window = window
        self._part = part

    def __getitem__(self, page_id: str) -> QWidget:
        return self._window.build_page(page_id)[self._part]

    def __contains__(self, page_id: object) -> bool:   # asking does not build the page
        return page_id in PAGE_IDS

    def __iter__(self) -> Iterator[str]:
        return iter(PAGE_IDS)

    def __len__(self) -> int:
        return len(PAGE_IDS)


class PageBuilder(QObject):
    """After the window's first paint, its other pages, one a turn of the event loop (a
    long page's text in a turn, its drawing in the next), then the check page; nothing
    more once the window is closed. A page built sooner on demand is skipped."""

    LONG = 200   # places: a 'where' page this long has its text made in turns of its own

    def __init__(self, window: RecordWindow) -> None:
        super().__init__(window)
        self.window = window
        self._steps = self._all_steps()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:   # the window is on screen: the other pages come next
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._next)
        return False

    def _all_steps(self) -> Iterator[None]:
        window = self.window
        for page_id in PAGE_IDS:
            if window.page_built(page_id):
                continue
            if page_id == "where" and len(window.study.sites) >= self.LONG:
                for _step in window.where_text_steps():   # its text a part a turn, then drawn in steps
                    yield
                    if window.page_built(page_id):   # chosen meanwhile: built at once
                        break
                yield
            while not window.build_step(page_id):
                yield
            yield
        while not window.check_slot.build_step():
            yield

    def _next(self) -> None:
        if not self.window.isVisible():   # a window closed at once builds nothing more
            return
        if next(self._steps, "done") is None:
            # A timer, not a queued call (0 ms): the window's own timers and input get their
            # turn between two steps (queued calls ran two steps back to back).
            QTimer.singleShot(1, self, self._next)


class StudyPages(Sequence):
    """``RecordWindow.pages``: the study's pages in reading order (PAGE_IDS), each built
    when it is first read (the 'where' page of a record with 4,592 places: 80 ms)."""

    def __init__(self, study: RegistryStudy, words: StudyWords, as_of: dt.date) -> None:
        self._args = (study, words)
        self._as_of = as_of
        self._built: dict[str, StudyPage] = {}

    def page(self, page_id: str) -> StudyPage:
        if page_id not in self._built:
            self._built[page_id] = build_study_page(*self._args, page_id, self._as_of)
        return self._built[page_id]

    def __getitem__(self, index):  # noqa: ANN001, ANN204 (Sequence's: an index or a slice)
        if isinstance(index, slice):
            return [self.page(page_id) for page_id in PAGE_IDS[index]]
        return self.page(PAGE_IDS[index])

    def __len__(self) -> int:
        return len(PAGE_IDS)
