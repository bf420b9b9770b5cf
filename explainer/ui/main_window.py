"""The main window: a section navigator on the left, the chosen page on the right.

It opens in two steps, so a patient sees a window at once: the frame and the
welcome page need no study data; ``open_trial`` then fills in the study's pages
(run() calls it right after the first paint, once the trial file is validated).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSize, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from explainer.content import APP_PAGES, load_page_without_facts, load_sections, timeline_title
from explainer.ui.i18n import tr
from explainer.ui.section_list import SectionList
from explainer.ui.pages import CriteriaView, MarkdownPageView
from explainer.ui.theme import Theme
from explainer.ui.zoom import STEPS, TextZoom

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QAction

    from explainer.core.bundle import StudyBundle
    from explainer.core.model import Trial
    from explainer.ui.session import Session  # made by open_trial (with datetime: not before the first paint)

# Nothing before the first paint touches PySide's ``Qt`` namespace: making its
# hundreds of enums costs about 20 ms, an eighth of the app's start-up (a test in
# tests/test_startup.py checks it). So page ids live in a Python list, and this one
# role is named here; a test checks it against Qt.ItemDataRole.AccessibleTextRole.
ACCESSIBLE_TEXT_ROLE = 11

WELCOME = APP_PAGES[0]  # the first page: drawn from its file alone, before the study opens
NAV_MIN_CAP = 300  # px: the section list may always be this wide (about its width at normal text)
WINDOW_EDGES = 40  # px: the splitter's handle, the window's frame and the pages' margins


def privacy_line() -> str:
    return tr("Private: your answers stay on this computer.")


def page_not_for_this_study() -> str:
    """A built-in page that names a fact this study does not have (another study's parts):
    never a page with holes in it."""
    return tr("This page was written for another study, so it is not shown for this one. "
              "The timeline and the self-check use this study's own record.")


def still_opening() -> str:
    return tr("This part is still opening. It will show here in a moment.")


def late_sections(page_ids: list[str]) -> list[tuple[str, str, str]]:
    """The parts the app builds after the first paint (explainer.app._parts_to_build), as
    (page, label, the row it follows), in the order they join: their rows stand in the list
    from the first paint, so no row moves under the pointer as they come (a click aimed
    at one row opened another)."""
    return [("self-check", tr("Check the entry rules yourself"), "who-can-join"),
            ("self-check-results", tr("Your self-check results"), "self-check"),
            ("timeline", timeline_title(), timeline_follows(page_ids))]


def timeline_follows(page_ids: list[str]) -> str:
    """The row the timeline's row follows: the study's "what happens" page; in a study
    without one (the app's own pages alone), the self-check's results, not the list's end."""
    return "what-happens" if "what-happens" in page_ids else "self-check-results"


class OpeningPage(QLabel):
    """Where a part not built yet will stand: a kind word, not an empty page; it gives
    its place to the real page (MainWindow.add_section)."""

    def __init__(self, label: str) -> None:
        super().__init__(still_opening())
        self.setWordWrap(True)
        self.setMargin(24)
        self.setAccessibleName(label.strip())
        self.setAccessibleDescription(still_opening())


def __getattr__(name: str) -> str:
    """PRIVACY_LINE and PAGE_NOT_FOR_THIS_STUDY, in the language of the moment they are
    read (a constant made at import time would miss a translator installed later)."""
    words = {"PRIVACY_LINE": privacy_line, "PAGE_NOT_FOR_THIS_STUDY": page_not_for_this_study}
    if name in words:
        return words[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, zoom: TextZoom, study_folder: Path | None = None, *,
                 menu_actions: bool = True) -> None:
        """The frame, the menus and the welcome page; the study's pages wait for
        ``open_trial``. The list of pages is the study folder's (the built-in study's
        by default): its sections.json, read without pydantic, before the first paint.
        ``menu_actions=False``: the menus' items wait for ``add_menu_actions`` (the first
        paint draws only the menus' names; run() adds the items just after it)."""
        super().__init__()
        self._study_folder = study_folder
        self.trial: Trial | None = None
        self.study: StudyBundle | None = None
        self.session: Session | None = None
        self.settings = settings
        self.zoom = zoom
        self.theme = Theme(settings, self)
        self.theme.apply()
        self.setWindowTitle(tr("Trial Explainer"))
        self.navigator = SectionList()
        self.navigator.setAccessibleName(tr("Sections"))
        self.navigator.setAccessibleDescription(tr("Choose a section to read. Use the arrow keys."))
        self.stack = QStackedWidget()
        # In the splitter before they are filled: a widget that joins a parent is styled
        # again (the app's style sheet) with every widget inside it.
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self._waiting: dict[str, tuple[QWidget, str]] = {}  # page id -> (placeholder in the stack, label)
        self._section_ids: list[str] = []  # the navigator's rows, in order
        for page_id, label in load_sections(study_folder):
            if page_id == WELCOME:
                self._insert_section(page_id, label, self._welcome_page(label))
            else:
                self._waiting[page_id] = (QWidget(), label)
                self._insert_section(page_id, label, self._waiting[page_id][0])
        self._opening: dict[str, OpeningPage] = {}  # page id -> where a late part will stand
        for page_id, label, after in late_sections(self._section_ids):
            self._opening[page_id] = OpeningPage(label)
            self._insert_section(page_id, label, self._opening[page_id], after)
        self.fit_navigator()  # once, for all of them
        self.navigator.currentRowChanged.connect(self._show_row)
        self.navigator.setCurrentRow(0)
        self.splitter.setSizes([260, 760])
        self.setCentralWidget(self.splitter)
        self._build_menus()
        if menu_actions:
            self.add_menu_actions()
        self._build_status_bar()
        self._zooming = False
        self._fitted_once = False
        self._chosen_size = QSize(1100, 760)
        # No bigger than the screen from the start (as _fit_window makes it once shown): the
        # welcome page's text is then laid out once before the first paint, not twice.
        screen = self.screen()
        self.resize(self._chosen_size.boundedTo(screen.availableGeometry().size()) if screen is not None
                    else self._chosen_size)
        self._fit_record_label()

    def open_trial(self, study: StudyBundle | Trial, lazy_pages: bool = False) -> None:
        """Fill in the study: title, record date and its pages (with ``lazy_pages``,
        each is built when first shown or by ``build_waiting_pages()``). A trial alone
        gets what a lone trial file gets (explainer.content.study_of_trial)."""
        from explainer.core.facts import long_date
        from explainer.core.model import Trial
        from explainer.ui.input_rules import install_input_rules
        from explainer.ui.session import Session

        if isinstance(study, Trial):
            from explainer.content import study_of_trial

            study = study_of_trial(study)
        install_input_rules()  # the wheel and Enter, for every control from here on
        self.study = study
        self.glossary = study.glossary
        self.registry_sentences = study.sentences
        trial = self.trial = study.trial
        self.session = Session(trial, self, glossary=study.glossary)
        self.setWindowTitle(tr("Trial Explainer: study {number}").format(number=trial.nct_id))
        self.record_label.setText(tr("Registry record of {date}.").format(date=long_date(trial.last_updated))
                                  + " " + privacy_line())
        self._fit_record_label()
        self._add_status_to_welcome(trial)
        current = self._section_ids[self.navigator.currentRow()]
        if lazy_pages:
            self._build_waiting(current)  # a page chosen before the study was open
        else:
            self.build_waiting_pages()

    def add_section(self, page_id: str, label: str, view: QWidget, after: str | None = None) -> None:
        """Add a page to the navigator (at the end, or right after the section ``after``);
        later features (questionnaire, timeline) use this. A part whose row stands from
        the first paint (late_sections) takes its place there instead: shown at once if
        the person is on that row, else left for when they choose it."""
        opening = self._opening.pop(page_id, None)
        if opening is None:
            self._insert_section(page_id, label, view, after)
        else:
            self._fill_row(self._section_ids.index(page_id), label, view, opening)
        self.fit_navigator()

    def section_label(self, page_id: str) -> str:
        """The name of a row in the list (a late part's own, given before it is built)."""
        return self.navigator.item(self._section_ids.index(page_id)).text()

    def _fill_row(self, row: int, label: str, view: QWidget, opening: QWidget) -> None:
        was_current = self.stack.currentWidget() is opening
        item = self.navigator.item(row)
        if item.text() != label:  # a study's own name for the part (its words.timeline)
            item.setText(label)
            item.setData(ACCESSIBLE_TEXT_ROLE, label.strip())
        self.stack.insertWidget(row, view)
        self.stack.removeWidget(opening)
        opening.deleteLater()
        if was_current:
            self.stack.setCurrentIndex(row)

    def _insert_section(self, page_id: str, label: str, view: QWidget, after: str | None = None) -> None:
        item = QListWidgetItem(label)
        item.setData(ACCESSIBLE_TEXT_ROLE, label.strip())  # indents are for the eye only
        row = self._section_ids.index(after) + 1 if after in self._section_ids else len(self._section_ids)
        self._section_ids.insert(row, page_id)
        self.navigator.insertItem(row, item)
        self.stack.insertWidget(row, view)

    def fit_navigator(self) -> None:
        """The navigator is as wide as its longest label, unless the pages need that room
        on this screen (large text): then its labels wrap, and no page is cut off."""
        nav = self.navigator
        width = nav.sizeHintForColumn(0) + nav.edges()
        room = self._screen_width() - self.stack.minimumSizeHint().width() - WINDOW_EDGES
        nav.setMinimumWidth(min(width, max(NAV_MIN_CAP, room, nav.least_width())))

    def _screen_width(self) -> int:
        screen = self.screen()
        return screen.availableGeometry().width() if screen is not None else 1280

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            # Once every widget has its new font (they get it after this event).
            self._zooming = True  # a size the larger text forces is not the size the person chose
            QTimer.singleShot(0, self, self._fit_to_text_size)
        super().changeEvent(event)

    def _fit_to_text_size(self) -> None:
        self.fit_navigator()
        # Back to just wide enough: after larger text and back, the list would
        # otherwise keep the width the larger text needed.
        total = sum(self.splitter.sizes())
        needed = self.navigator.minimumWidth()
        self.splitter.setSizes([needed, max(total - needed, 0)])
        self._fit_record_label()
        self._fit_window()
        self._zooming = False

    def _fit_window(self) -> None:
        """The size the person chose, grown only as far as the text needs and the screen
        allows: zooming back out gives that size back."""
        self._settle_layout()
        need = self.minimumSizeHint().expandedTo(self._chosen_size)
        screen = self.screen().availableGeometry().size() if self.screen() is not None else need
        self.resize(need.boundedTo(screen))
        self._keep_on_screen()

    def _settle_layout(self) -> None:
        """The window's layout done now, so its least size is the new text's. A shown
        window's layout does it on its own LayoutRequest (a layout that has nothing to do
        has none waiting): asking for ``self.layout()`` makes PySide build the Python class
        of each kind of layout it might be, QFormLayout's and QStackedLayout's with their
        enums (0.8 ms of CPU before the first paint, where this runs once)."""
        if self.isVisible():
            QApplication.sendPostedEvents(self, QEvent.Type.LayoutRequest)
            return
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def _keep_on_screen(self) -> None:
        """Grown by larger text, the window moves back from the screen's right and lower
        edges as far as it needs: its right side (the scroll bar) was past the edge of a
        1,280-pixel screen at 250%."""
        if self.screen() is None or self.isMaximized() or self.isFullScreen():
            return
        area = self.screen().availableGeometry()
        frame = self.frameGeometry()
        edges = frame.size() - self.geometry().size()  # the window manager's frame
        width, height = self.width() + edges.width(), self.height() + edges.height()
        x = max(area.left(), min(frame.x(), area.left() + area.width() - width))
        y = max(area.top(), min(frame.y(), area.top() + area.height() - height))
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._fitted_once:  # the pages' sizes are right once styled: fit the list to them
            self._fitted_once = True
            QTimer.singleShot(0, self, self._fit_to_text_size)

    def _forced_by_text(self, event: QResizeEvent) -> bool:
        """Grown to no more than the least the content needs: the layout's doing, not the person's."""
        least = self.minimumSizeHint()
        new, old = event.size(), event.oldSize()
        return (new.width() > old.width() and new.width() <= least.width()) or \
            (new.height() > old.height() and new.height() <= least.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._fit_record_label()
        if not self._zooming and self.isVisible() and not self._forced_by_text(event):
            self._chosen_size = event.size()
        super().resizeEvent(event)

    def _fit_record_label(self) -> None:
        """One line when it fits in two thirds of the window; it wraps only when it
        must (a wrapping label on its own is made narrow, so it wrapped at any size)."""
        label = self.record_label
        one_line = label.fontMetrics().horizontalAdvance(label.text()) + 2 * label.margin() + 4
        # The text size message shows whole beside it (in Spanish it is longer than a third).
        message = label.fontMetrics().horizontalAdvance(self._text_size_words(max(STEPS))) + 40
        widest = min(self.width() * 2 // 3, self.width() - message)
        label.setMinimumWidth(min(one_line, widest))
        label.setMaximumWidth(max(widest, 1))

    def show_section(self, page_id: str) -> None:
        if page_id not in self._section_ids:
            raise KeyError(page_id)
        self.navigator.setCurrentRow(self._section_ids.index(page_id))

    def section_ids(self) -> list[str]:
        return list(self._section_ids)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._section_ids):
            self._build_waiting(self._section_ids[row])
            self._say_still_opening(self._section_ids[row])
        self.stack.setCurrentIndex(row)

    def _say_still_opening(self, page_id: str) -> None:
        """A reading page chosen before the study is open shows the kind sentence the late
        parts show, not an empty page, until it is built. Made only when chosen: a label
        for each of the 14 pages would add to the first paint."""
        blank, label = self._waiting.get(page_id, (None, ""))
        if blank is None or isinstance(blank, OpeningPage):
            return
        opening = OpeningPage(label)
        self.stack.insertWidget(self.stack.indexOf(blank), opening)
        self.stack.removeWidget(blank)
        blank.deleteLater()
        self._waiting[page_id] = (opening, label)

    def build_waiting_pages(self) -> None:
        """Build every reading page a lazy start left for later."""
        for page_id in list(self._waiting):
            self._build_waiting(page_id)

    def build_next_waiting_page(self) -> bool:
        """Build one page a lazy start left for later (run() calls it once per idle
        moment, so a click never waits for all of them); False when none is left."""
        if not self._waiting or self.trial is None:
            return False
        self._build_waiting(next(iter(self._waiting)))
        return True

    def _build_waiting(self, page_id: str) -> None:
        """Put the real page where its placeholder stands (a no-op once built, or
        while the study is not open yet)."""
        if page_id not in self._waiting or self.trial is None:
            return
        placeholder, label = self._waiting.pop(page_id)
        index = self.stack.indexOf(placeholder)
        was_current = self.stack.currentWidget() is placeholder
        self.stack.insertWidget(index, self._build_page(page_id, label))
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if was_current:
            self.stack.setCurrentIndex(index)

    def _welcome_page(self, label: str) -> QWidget:
        """Drawn from its file alone: it states no study facts, so it needs no study data."""
        view = MarkdownPageView(label, load_page_without_facts(WELCOME, study=self._study_folder))
        view.page_requested.connect(self._follow_welcome_link)
        return view

    def _add_status_to_welcome(self, trial: Trial) -> None:
        """Once the study is open, its status (from the record) heads the welcome page:
        a patient learns first that the study was not taking new people."""
        from explainer.ui.pages import with_notice

        view = self.stack.widget(self._section_ids.index(WELCOME))
        assert isinstance(view, MarkdownPageView)
        view.markdown = with_notice(load_page_without_facts(WELCOME, study=self._study_folder), trial)
        view.rerender()

    def _follow_welcome_link(self, page_id: str) -> None:
        # The self-check and the timeline stand in the list from the first paint (their
        # page says they are opening until built); a page this study lacks gets a word.
        if page_id in self.section_ids():
            self.show_section(page_id)
        else:
            self.statusBar().showMessage(tr("That part is still opening. Please try again in a moment."), 5000)

    def _build_page(self, page_id: str, label: str) -> QWidget:
        from explainer.content import UnknownFact, study_page
        from explainer.core.glossary import glossary_markdown

        assert self.study is not None and self.trial is not None  # pages wait for the study (_build_waiting)
        try:
            markdown = study_page(self.study, page_id, registry_links=True)
        except UnknownFact:  # a page written for the built-in study names a part this one lacks
            return MarkdownPageView(label.strip(), page_not_for_this_study())
        if page_id == "who-can-join":
            from explainer.ui.pages import with_notice

            return CriteriaView(self.trial, with_notice(markdown, self.trial), glossary=self.glossary)
        if page_id == "glossary":
            return MarkdownPageView(label.strip(), f"{markdown}\n\n{glossary_markdown(self.glossary)}")
        view = MarkdownPageView(label.strip(), markdown, glossary=self.glossary, sentences=self.registry_sentences)
        view.page_requested.connect(self.show_section)
        return view

    def _build_menus(self) -> None:
        """The menus' names, all the first paint draws of them."""
        self.file_menu = self.menuBar().addMenu(tr("&File"))
        self.view_menu = self.menuBar().addMenu(tr("&View"))
        self.help_menu = self.menuBar().addMenu(tr("&Help"))
        self.high_contrast_action: QAction | None = None  # until add_menu_actions

    def add_menu_actions(self) -> None:
        """The menus' items (once). Not before the first paint when run() starts the app:
        QAction and QKeySequence are Qt classes PySide makes with their enums (about 2 ms
        with the items), and a closed menu shows none of them."""
        if self.high_contrast_action is not None:
            return
        from PySide6.QtGui import QAction, QKeySequence

        quit_action = QAction(tr("&Quit"), self)
        # Ctrl+Q where the system names no Quit key (Windows, and Qt's offscreen platform).
        quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)

        for text, keys, slot in (
            (tr("Larger text"), [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")], self.zoom.zoom_in),
            (tr("Smaller text"), [QKeySequence.StandardKey.ZoomOut], self.zoom.zoom_out),
            (tr("Normal text size"), [QKeySequence("Ctrl+0")], self.zoom.reset),
        ):
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.triggered.connect(slot)
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        contrast = QAction(tr("&High-contrast colours"), self)
        contrast.setCheckable(True)
        contrast.setChecked(self.theme.high_contrast)
        contrast.setShortcuts([QKeySequence("Ctrl+Shift+H")])
        contrast.toggled.connect(self.theme.set_high_contrast)
        self.view_menu.addAction(contrast)
        self.high_contrast_action = contrast

        about = QAction(tr("About this app"), self)
        about.triggered.connect(lambda: self.show_section("about"))
        self.help_menu.addAction(about)
        for page_id, text in (("glossary", tr("Words and what they mean")), ("help", tr("Where to get help"))):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, p=page_id: self.show_section(p))
            self.help_menu.addAction(action)

    def _build_status_bar(self) -> None:
        record = QLabel(privacy_line())
        self.record_label = record
        record.setAccessibleName(tr("Record date and privacy"))
        record.setWordWrap(True)  # at large text sizes it wraps instead of being cut off
        self.statusBar().addPermanentWidget(record)
        self.zoom.zoom_changed.connect(lambda pct: self.statusBar().showMessage(self._text_size_words(pct), 3000))

    @staticmethod
    def _text_size_words(percent: int) -> str:
        return tr("Text size {percent}%").format(percent=percent)
