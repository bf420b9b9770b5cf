"""The main window through its real widgets (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser, QWidget

from explainer.content import load_sections
from explainer.ui.zoom import restyled_kinds
from tests.windows import shown_window

SECTIONS = load_sections()  # the built-in study's pages, in the order of the list on the left


def _finished_order() -> list[str]:
    """The list of a finished window: the study's pages, the self-check and its results
    after who can join, the timeline after what happens."""
    order: list[str] = []
    for page_id, _label in SECTIONS:
        order.append(page_id)
        order.extend({"what-happens": ["timeline"], "who-can-join": ["self-check", "self-check-results"]}
                     .get(page_id, []))
    return order


FINISHED_ORDER = _finished_order()

EXPECTED_WORDS = {
    "welcome": "Only the study team decides",
    "study": "multiple myeloma",
    "medicines": "Pomalidomide",
    "medicine-isatuximab": "3 hours and 20 minutes",
    "medicine-carfilzomib": "over 30 minutes",
    "medicine-pomalidomide": "pregnancy safety program",
    "medicine-dexamethasone": "Do not stop or change it on your own",
    "what-happens": "maintenance",
    "who-can-join": "Only the study team can decide",
    "status": "September 26, 2025",
    "questions-to-ask": "Will you test for MRD?",
    "help": "1-800-4-CANCER",
    "glossary": "eGFR",
    "about": "goes online only if you ask it",
}


def _page_text(window) -> str:
    page = window.stack.currentWidget()
    browser = page if isinstance(page, QTextBrowser) else page.findChild(QTextBrowser)
    return browser.toPlainText()


@pytest.fixture
def lazy_window(qtbot):
    """As run() starts it: only the welcome page built; the tools added among the placeholders."""
    from explainer.app import build_main_window

    return shown_window(qtbot, lambda: build_main_window(lazy_pages=True))


def _built(window) -> list[str]:
    return [page_id for page_id, _label in SECTIONS if page_id not in window._waiting]


def test_a_lazy_start_builds_only_the_welcome_page_then_the_rest(lazy_window) -> None:
    assert _built(lazy_window) == ["welcome"]
    assert EXPECTED_WORDS["welcome"] in _page_text(lazy_window)
    lazy_window.build_waiting_pages()
    assert _built(lazy_window) == [s[0] for s in SECTIONS]
    lazy_window.build_waiting_pages()  # nothing left: nothing changes
    assert lazy_window.stack.count() == lazy_window.navigator.count()


def test_what_is_not_shown_is_built_one_part_per_turn_of_the_event_loop(frame, qtbot, monkeypatch) -> None:
    """As run() opens the study: the self-check, the pages and the timeline come in idle
    time, so a click made meanwhile is handled between two parts, not after all of them."""
    from PySide6.QtCore import QTimer

    from explainer.app import build_in_idle_time
    from explainer.content import load_trial

    frame.open_trial(load_trial(), lazy_pages=True)
    log: list[str] = []
    build_page = type(frame).build_next_waiting_page
    monkeypatch.setattr(type(frame), "build_next_waiting_page", lambda self: log.append("page") or build_page(self))
    build_in_idle_time(frame, lambda: log.append("done"))
    assert _built(frame) == ["welcome"] and not hasattr(frame, "self_check")  # nothing yet: the loop runs first
    QTimer.singleShot(0, lambda: log.append("click"))  # as if the patient clicked just now
    qtbot.waitUntil(lambda: "done" in log, timeout=20_000)
    assert log.index("click") < log.index("page")  # answered before the first page was built
    assert log.count("done") == 1
    assert _built(frame) == [s[0] for s in SECTIONS]
    assert {"self-check", "self-check-results", "timeline"} <= set(frame.section_ids())
    assert frame.stack.count() == frame.navigator.count()


def test_a_timer_due_while_a_part_is_built_runs_before_the_next_part(frame, qtbot, monkeypatch) -> None:
    """A repaint or any timer waits for one part at most, not two: Qt runs a posted call
    again before the timers due meanwhile, so the parts are started by a timer."""
    from PySide6.QtCore import QTimer

    from explainer.app import build_in_idle_time
    from explainer.content import load_trial

    frame.open_trial(load_trial(), lazy_pages=True)
    log: list[str] = []
    build_page = type(frame).build_next_waiting_page
    monkeypatch.setattr(type(frame), "build_next_waiting_page", lambda self: log.append("page") or build_page(self))
    ticker = QTimer(frame)
    ticker.setInterval(1)  # due again by the time any page is built
    ticker.timeout.connect(lambda: log.append("tick"))
    ticker.start()
    build_in_idle_time(frame, lambda: log.append("done"))
    qtbot.waitUntil(lambda: "done" in log, timeout=20_000)
    ticker.stop()
    pages = [i for i, entry in enumerate(log) if entry == "page"]
    assert len(pages) > 5
    assert all("tick" in log[a:b] for a, b in zip(pages, pages[1:]))


def test_the_study_itself_opens_in_idle_time_after_the_first_paint(frame, qtbot) -> None:
    from explainer.app import build_in_idle_time

    log: list[str] = []
    build_in_idle_time(frame, lambda: log.append("done"), opened=lambda: log.append(frame.windowTitle()))
    assert frame.trial is None  # the welcome page stays responsive while the trial file is read
    qtbot.waitUntil(lambda: "done" in log, timeout=20_000)
    assert log == ["Trial Explainer: study NCT04883242", "done"]
    assert _built(frame) == [s[0] for s in SECTIONS]


def _input_rules_on() -> bool:
    """Whether the input rules see events right now: a spin box polished now gets their
    focus rule at once (explainer.ui.input_rules)."""
    from PySide6.QtWidgets import QSpinBox

    probe = QSpinBox()
    probe.ensurePolished()
    on = probe.focusPolicy() == Qt.FocusPolicy.StrongFocus
    probe.deleteLater()
    return on


def test_parts_are_built_with_the_input_rules_resting_but_the_draft_offer_has_them(frame, qtbot,
                                                                                    monkeypatch) -> None:
    """No input arrives while a part is built (the loop does not turn), so the filters
    rest (thousands of events fewer); the draft offer may show a dialog, which turns a
    loop of its own: there the rules hold."""
    from explainer.app import build_in_idle_time
    from explainer.ui.self_check import SelfCheck

    seen: dict[str, list[bool]] = {"page": [], "draft": []}
    build_page = type(frame).build_next_waiting_page

    def page(self) -> bool:
        seen["page"].append(_input_rules_on())
        return build_page(self)

    monkeypatch.setattr(type(frame), "build_next_waiting_page", page)
    monkeypatch.setattr(SelfCheck, "offer_draft", lambda self: seen["draft"].append(_input_rules_on()))
    log: list[str] = []
    build_in_idle_time(frame, lambda: log.append("done"))
    qtbot.waitUntil(lambda: "done" in log, timeout=20_000)
    assert seen["draft"] == [True]
    assert len(seen["page"]) > 5 and not any(seen["page"])
    assert _input_rules_on()  # and back once everything is built


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen: bring_to_front raises the window
def test_answers_handed_over_before_the_self_check_is_built_are_opened_once_it_is(frame, qtbot) -> None:
    """A second start hands its answers file to the first window (explainer.single_window),
    possibly while that window is still building its study: the answers are not dropped."""
    from pathlib import Path

    from explainer.app import bring_to_front, build_in_idle_time

    answers = Path(__file__).parent / "fixtures" / "full.answers.json"
    log: list[str] = []
    build_in_idle_time(frame, lambda: log.append("done"))
    bring_to_front(frame, answers)  # before the study, before the self-check
    qtbot.waitUntil(lambda: "done" in log, timeout=20_000)
    assert frame.session.answers is not None and frame.session.answers.answers.answered()
    assert frame.section_ids()[frame.stack.currentIndex()] == "self-check-results"


def test_a_lazy_page_is_built_when_first_shown(lazy_window) -> None:
    lazy_window.show_section("status")
    assert _built(lazy_window) == ["welcome", "status"]
    assert "not taking new people" in _page_text(lazy_window)
    assert lazy_window.stack.currentIndex() == lazy_window.section_ids().index("status")


@pytest.mark.parametrize("window_fixture", ["main_window", "lazy_window"])
def test_every_page_is_reachable_by_keyboard(window_fixture, request, qtbot) -> None:
    main_window = request.getfixturevalue(window_fixture)
    main_window.navigator.setFocus()
    seen = []
    for index, page_id in enumerate(main_window.section_ids()):  # feature sections sit among the pages
        if index:
            qtbot.keyClick(main_window.navigator, Qt.Key.Key_Down)
        assert main_window.stack.currentIndex() == index
        if page_id not in EXPECTED_WORDS:
            continue
        text = _page_text(main_window)
        assert EXPECTED_WORDS[page_id] in text, page_id
        assert "{{" not in text
        seen.append(page_id)
    assert seen == [s[0] for s in SECTIONS]


def test_status_page_is_honest_about_recruitment(main_window) -> None:
    main_window.show_section("status")
    text = _page_text(main_window)
    assert "not taking new people" in text
    assert "NCT05911321" in text
    assert "Fred Hutch/University of Washington Cancer Consortium" in text


def test_registry_wording_is_one_click_away(main_window, qtbot) -> None:
    main_window.show_section("who-can-join")
    view = main_window.stack.currentWidget()
    assert "Platelets >= 50,000/uL" not in view.browser.toPlainText()
    view.toggle_source("platelets")
    assert "Platelets >= 50,000/uL" in view.browser.toPlainText()
    view.toggle_source("platelets")
    assert "Platelets >= 50,000/uL" not in view.browser.toPlainText()
    view.show_all.click()
    assert "Concurrent use of other anticancer agents" in view.browser.toPlainText()


def test_text_zoom_changes_font_and_is_remembered(main_window, qtbot) -> None:
    before = QApplication.font().pointSizeF()
    with qtbot.waitSignal(main_window.zoom.zoom_changed) as blocker:
        qtbot.keyClick(main_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [110]
    assert QApplication.font().pointSizeF() > before
    # Widgets already on screen follow too (the theme's style sheet must not pin them),
    # as the event loop delivers the change.
    qtbot.waitUntil(lambda: main_window.navigator.font().pointSizeF() > before)

    from explainer.app import build_main_window

    again = build_main_window()
    qtbot.addWidget(again)
    assert again.zoom.percent == 110
    again.zoom.reset()


class _StyleChanges(QObject):
    """The widgets Qt styles again (a style sheet applied again reaches every one)."""

    def __init__(self) -> None:
        super().__init__()
        self.restyled: list[QObject] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.StyleChange:
            self.restyled.append(watched)
        return False


@pytest.mark.parametrize("keys", [Qt.Key.Key_Plus, Qt.Key.Key_Minus])
def test_a_text_size_step_reaches_every_widget_without_restyling_them(main_window, qtbot, keys) -> None:
    # A step re-applied the theme's style sheet to reach widgets already styled: it
    # re-styled all of them, 0.57 s of CPU in a fully opened window (issue 18).
    assert len(main_window.findChildren(QWidget)) > 300  # the self-check's questions too

    def not_following(size: float) -> list[QWidget]:
        return [w for w in main_window.findChildren(QWidget) if w.font().pointSizeF() != size]

    counter = _StyleChanges()
    QApplication.instance().installEventFilter(counter)
    try:
        with qtbot.waitSignal(main_window.zoom.zoom_changed):
            qtbot.keyClick(main_window, keys, Qt.KeyboardModifier.ControlModifier)
        size = QApplication.font().pointSizeF()
        assert size != 11.0
        qtbot.waitUntil(lambda: not_following(size) == [])
    finally:
        QApplication.instance().removeEventFilter(counter)
    # Only what keeps a size of the old text until styled again (zoom.restyled_kinds: check
    # boxes, radio dots, drop-down lists), a fifth of the widgets here.
    assert counter.restyled and all(isinstance(w, restyled_kinds()) for w in counter.restyled)
    assert len(counter.restyled) < len(main_window.findChildren(QWidget)) / 5
    main_window.zoom.reset()
    qtbot.waitUntil(lambda: not_following(11.0) == [])


def test_larger_text_keeps_the_words_being_read_at_the_top(main_window, qtbot) -> None:
    # A reading page kept its scroll bar's pixels, so larger text showed words from above.
    main_window.show_section("who-can-join")
    browser = main_window.stack.currentWidget().browser
    bar = browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)  # the person scrolled halfway down
    block = browser.cursorForPosition(QPoint(0, 0)).block()
    for _ in range(3):
        with qtbot.waitSignal(main_window.zoom.zoom_changed):
            qtbot.keyClick(main_window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(800)  # the new layout, and the window's fit to it, are done
    assert browser.cursorForPosition(QPoint(0, 0)).block().blockNumber() == block.blockNumber()
    main_window.zoom.reset()


def test_a_kept_place_whose_widget_goes_keeps_the_page_where_it_is(qtbot) -> None:
    from shiboken6 import delete

    from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout

    from explainer.ui.zoom import place_at_top

    area = QScrollArea()
    qtbot.addWidget(area)
    page = QWidget()
    column = QVBoxLayout(page)
    for n in range(60):
        column.addWidget(QLabel(f"line {n}"))
    area.setWidget(page)
    area.resize(300, 200)
    area.show()
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    line = page.findChildren(QLabel)[30]
    bar.setValue(line.y())  # that line at the top
    place = place_at_top(area)
    assert place() == line.y()  # found where it is
    delete(line)
    assert place() == bar.value()  # its widget gone: the page stays, and nothing fails


def test_bundled_font_is_used(main_window) -> None:
    assert QApplication.font().family() == "DejaVu Sans"


def test_broken_trial_file_shows_a_dialog_not_a_crash(tmp_path, monkeypatch, qapp) -> None:
    from explainer import app

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args))
    bad = tmp_path / "trial.json"
    bad.write_text("{}", encoding="utf-8")
    assert app.run(trial_path=bad) == 2
    assert len(shown) == 1
    assert "trial.json" in shown[0][2] and "format" in shown[0][2]


def test_at_200_percent_no_page_forces_the_window_wider_than_its_default(main_window, qtbot) -> None:
    """A page whose row cannot wrap (buttons side by side, a long check box) once made
    the window 1,367 pixels wide at 200%: wider than many screens, so its right edge
    was cut off."""
    try:
        main_window.zoom.set_percent(200)
        widths = {page_id: _content_min_width(main_window.stack.widget(i))
                  for i, page_id in enumerate(main_window.section_ids())}
        # 600: a scrolling page now counts its own scroll bar and frame (32 px) in
        # what it needs, and the section list gives way at large text (issue 13).
        assert {page_id: w for page_id, w in widths.items() if w > 600} == {}
        assert main_window.minimumSizeHint().width() <= 1100
    finally:
        main_window.zoom.reset()


def _content_min_width(page) -> int:
    """A scrolling page scrolls only up and down: what it holds must fit its width too."""
    from PySide6.QtWidgets import QScrollArea

    inner = page.widget() if isinstance(page, QScrollArea) and page.widget() is not None else page
    return max(page.minimumSizeHint().width(), inner.minimumSizeHint().width())


@pytest.fixture
def frame(qtbot):
    """As run() first paints it: the welcome page, before the study is open."""
    from explainer.app import build_frame

    return shown_window(qtbot, build_frame)


def test_the_first_screen_needs_no_study_data(frame) -> None:
    assert frame.trial is None and frame.session is None
    assert frame.windowTitle() == "Trial Explainer"
    assert frame.section_ids() == FINISHED_ORDER  # the whole list shows at once, the late parts too
    assert [frame.section_label(p) for p in ("self-check", "self-check-results", "timeline")] == \
        ["Check the entry rules yourself", "Your self-check results", "When you get each medicine"]
    assert "goes online only if you ask it" in _page_text(frame)
    assert frame.record_label.text() == "Private: your answers stay on this computer."


def test_a_section_chosen_before_the_study_opens_is_filled_in_when_it_opens(frame) -> None:
    from explainer.content import load_trial

    frame.show_section("status")
    assert _built(frame) == ["welcome"]  # a blank placeholder for a moment, no error
    frame.open_trial(load_trial(), lazy_pages=True)
    assert _built(frame) == ["welcome", "status"]
    assert "not taking new people" in _page_text(frame)
    assert frame.windowTitle() == "Trial Explainer: study NCT04883242"
    assert frame.record_label.text() == "Registry record of September 26, 2025. Private: your answers stay on this computer."


def test_the_welcome_links_open_their_sections(frame, qtbot) -> None:
    from explainer.app import add_tools
    from explainer.content import load_trial

    welcome = frame.stack.currentWidget()
    welcome.browser.page_requested.emit("self-check")  # before the self-check exists: kept, it opens once built
    assert frame.section_ids()[frame.navigator.currentRow()] == "self-check"
    assert "still opening" in frame.stack.currentWidget().text()
    frame.open_trial(load_trial(), lazy_pages=True)
    add_tools(frame)
    assert frame.stack.currentWidget() is frame.self_check.page
    frame.show_section("welcome")
    welcome.browser.page_requested.emit("no-such-page")  # a page this study lacks: a word, not an error
    assert "still opening" in frame.statusBar().currentMessage()
    assert frame.stack.currentIndex() == 0
    for page_id in ("study", "self-check", "timeline", "status"):
        welcome.browser.page_requested.emit(page_id)
        assert frame.section_ids()[frame.stack.currentIndex()] == page_id
        frame.show_section("welcome")
    links = {welcome.browser.document().toHtml().count(f'href="page:{p}"') for p in ("study", "self-check", "timeline", "status")}
    assert links == {1}  # each section the page names is a real link on the page


def _built_in_idle_time(window, qtbot) -> None:
    """Everything the first screen does not show, built as run() builds it."""
    from explainer.app import build_in_idle_time

    done: list[bool] = []
    build_in_idle_time(window, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)


def _row_point(window, page_id: str):
    nav = window.navigator
    return nav.visualItemRect(nav.item(window.section_ids().index(page_id))).center()


def _click_row(window, qtbot, page_id: str) -> None:
    qtbot.mouseClick(window.navigator.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, page_id))


def test_no_row_moves_as_the_late_parts_are_built(frame, qtbot) -> None:
    nav = frame.navigator
    at_first = [(_row_point(frame, p), nav.item(row).text()) for row, p in enumerate(frame.section_ids())]
    _click_row(frame, qtbot, "self-check")  # aimed at the self-check before it is built
    opening = frame.stack.currentWidget()
    assert opening.text() == "This part is still opening. It will show here in a moment."
    assert opening.accessibleName() == "Check the entry rules yourself"
    _built_in_idle_time(frame, qtbot)
    assert frame.section_ids() == FINISHED_ORDER
    for point, text in at_first:  # the row under each point is the same row once all is built
        assert nav.itemAt(point).text() == text
    assert frame.stack.currentWidget() is frame.self_check.page  # the placeholder gave its place
    _click_row(frame, qtbot, "timeline")
    assert frame.stack.currentWidget() is frame.timeline


def test_an_early_welcome_link_opens_its_page_once_built(frame, qtbot) -> None:
    from tests.windows import tab_to_link

    browser = frame.stack.currentWidget().browser
    assert tab_to_link(qtbot, browser, "page:self-check", 40)
    qtbot.keyClick(browser, Qt.Key.Key_Return)  # before the study is even open
    assert frame.section_ids()[frame.navigator.currentRow()] == "self-check"
    assert "still opening" in frame.stack.currentWidget().text()
    _built_in_idle_time(frame, qtbot)
    assert frame.section_ids()[frame.navigator.currentRow()] == "self-check"
    assert frame.stack.currentWidget() is frame.self_check.page


def test_a_person_who_moved_on_is_not_pulled_back(frame, qtbot) -> None:
    _click_row(frame, qtbot, "timeline")
    qtbot.keyClick(frame.navigator, Qt.Key.Key_Down)  # on to the next row with the keys
    moved_to = frame.section_ids()[frame.navigator.currentRow()]
    assert moved_to != "timeline"
    _built_in_idle_time(frame, qtbot)
    assert frame.section_ids()[frame.navigator.currentRow()] == moved_to
    assert frame.stack.currentIndex() == frame.navigator.currentRow()
    assert frame.stack.currentWidget() is not frame.timeline


@pytest.mark.parametrize("page_id", ["who-can-join", "glossary"])
def test_a_reading_page_chosen_before_the_study_opens_says_it_is_opening(frame, qtbot, page_id) -> None:
    """Found by a patient tester: a reading page clicked in the first moments showed an
    empty page until the study was open."""
    from explainer.ui.main_window import OpeningPage, still_opening

    assert frame.trial is None
    _click_row(frame, qtbot, page_id)
    shown = frame.stack.currentWidget()
    assert isinstance(shown, OpeningPage) and shown.text() == still_opening()
    assert shown.accessibleName() == frame.navigator.currentItem().data(Qt.ItemDataRole.AccessibleTextRole)
    _built_in_idle_time(frame, qtbot)
    assert frame.section_ids()[frame.navigator.currentRow()] == page_id
    assert frame.stack.currentIndex() == frame.navigator.currentRow()
    assert not isinstance(frame.stack.currentWidget(), OpeningPage), "the real page took its place"
    assert not frame.findChildren(OpeningPage), "no sentence is left behind"


def test_screen_readers_hear_section_names_without_their_indent(main_window) -> None:
    from explainer.ui.main_window import ACCESSIBLE_TEXT_ROLE

    assert ACCESSIBLE_TEXT_ROLE == Qt.ItemDataRole.AccessibleTextRole.value
    names = [main_window.navigator.item(r).data(Qt.ItemDataRole.AccessibleTextRole)
             for r in range(main_window.navigator.count())]
    shown = [main_window.navigator.item(r).text() for r in range(main_window.navigator.count())]
    assert "   Isatuximab" in shown and "Isatuximab" in names
    assert all(name == name.strip() and name for name in names)


def test_the_record_and_privacy_line_is_one_line_at_normal_text(frame) -> None:
    """A word-wrapped label on its own is made narrow: it wrapped onto 3 lines at start."""
    from explainer.content import load_trial

    label = frame.record_label
    for _ in range(2):  # before and after the study opens
        assert label.height() < 2 * label.fontMetrics().lineSpacing()
        assert label.wordWrap()  # with large text it may still wrap
        frame.open_trial(load_trial(), lazy_pages=True)
        QApplication.processEvents()
