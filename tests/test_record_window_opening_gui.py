"""How a record window opens (issue 16, "Speed and scale"; benchmarks/record_window_bench.py
has the figures): each page is drawn once, not again each time it moves into the
window; the "Check the entry rules" page is built just after the first paint, in its
place, with the answers kept for the study, or at once when something asks for it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from explainer.app import build_frame
from explainer.core.answers import CriterionAnswer, new_answers_file, to_json_text
from explainer.core.study_check import study_rules, words_fingerprint
from explainer.files import private_folder, write_atomically
from explainer.records_io import read_studies
from explainer.ui.record_check import draft_path
from explainer.ui.record_window import RecordBrowser
from tests.conftest import FIXTURES
from tests.windows import shown_window

CTGOV = FIXTURES / "ctgov"
MANY = "NCT04267848"   # 1,148 places: the page a second drawing costs most


def test_each_page_is_drawn_once_while_the_window_opens(qtbot, monkeypatch) -> None:
    frame = shown_window(qtbot, build_frame)
    drawn: list[str] = []
    original = RecordBrowser.drawing   # every drawing of a page, at once or in steps, begins here
    monkeypatch.setattr(RecordBrowser, "drawing",
                        lambda self, text: (drawn.append(self.accessibleName()), original(self, text))[1])
    shown = frame.study_records.open_path(CTGOV / f"{MANY}.json")
    qtbot.waitUntil(lambda: shown.check_page_built, timeout=10000)
    assert len(drawn) == len(shown.browsers) == len(set(drawn))
    assert "1,148" in shown.browsers["where"].toPlainText()


def test_the_check_page_is_built_after_the_first_paint_with_the_kept_answers(qtbot) -> None:
    frame = shown_window(qtbot, build_frame)
    item = study_rules(read_studies(CTGOV / f"{MANY}.json")[0])[0][1]  # inc-1 only explains a word: not asked
    answers = new_answers_file(MANY, dt.date(2026, 12, 1),
                               criteria={item.id: CriterionAnswer(answer="yes", words=words_fingerprint(item))})
    private_folder(draft_path(MANY).parent)
    write_atomically(draft_path(MANY), to_json_text(answers))
    shown = frame.study_records.open_path(CTGOV / f"{MANY}.json")
    assert not shown.check_page_built   # the status page is painted first
    qtbot.waitUntil(lambda: shown.check_page_built, timeout=10000)   # then the page, unasked
    page = shown.check_page
    last = shown.navigator.count() - 1
    assert shown.stack.count() == shown.navigator.count() and shown.stack.indexOf(page) == last
    assert page.rows[item.id].choice.chosen() == "yes"
    assert shown.stack.currentIndex() == 0   # the window still shows its first page


def test_a_window_closed_at_once_builds_its_check_page_only_when_asked(qtbot) -> None:
    frame = shown_window(qtbot, build_frame)
    shown = frame.study_records.open_path(CTGOV / "NCT00973089.json")
    shown.close()
    for _ in range(20):
        QApplication.processEvents()
    assert not shown.check_page_built
    assert len(shown.check_page.rows) == 8 and shown.check_page_built   # the PDF export asks for it


def test_choosing_the_check_page_before_it_is_built_shows_it(qtbot) -> None:
    frame = shown_window(qtbot, build_frame)
    shown = frame.study_records.open_path(CTGOV / f"{MANY}.json")
    shown.navigator.setFocus()
    qtbot.keyClick(shown.navigator, Qt.Key.Key_End)
    assert shown.check_page_built
    assert shown.stack.currentWidget() is shown.check_page


# ---------------------------------------------------------------- issue 18: no long turn while it opens

def _where_page(study, place=None):
    from explainer.core.study_pages import build_study_pages
    from explainer.study_words_io import study_words

    return next(page for page in build_study_pages(study, study_words(), dt.date(2026, 12, 5), place)
                if page.id == "where")


def test_a_long_list_drawn_in_steps_is_the_page_drawn_at_once(qtbot) -> None:
    from explainer.core.study_pages import Place, filter_sites
    from explainer.study_words_io import study_words
    from explainer.ui.record_window import LIST_STEP, page_text, record_glossary

    study = read_studies(CTGOV / f"{MANY}.json")[0]
    for place in (Place(), Place("United States"), Place("United States", "Ohio")):
        places = len(filter_sites(study.sites, place))
        text = page_text(_where_page(study, place), study_words(), record_glossary())
        at_once, in_steps = RecordBrowser("at once", record_glossary()), RecordBrowser("in steps", record_glossary())
        qtbot.addWidget(at_once)
        qtbot.addWidget(in_steps)
        at_once.show_html(text.html())
        steps = sum(1 for _ in in_steps.drawing(text))
        assert len(text.items) == (places if places > LIST_STEP else 0)
        assert steps >= (places - 1) // LIST_STEP   # drawn in steps: each a turn of its own
        assert in_steps.toHtml() == at_once.toHtml()   # every item, its inner list of contacts, spacing, links
    assert places < LIST_STEP   # the last one, drawn at once


def test_only_the_first_page_is_built_before_the_window_shows(qtbot) -> None:
    frame = shown_window(qtbot, build_frame)
    shown = frame.study_records.open_path(CTGOV / f"{MANY}.json")
    ids = [page.id for page in shown.pages]
    assert [page_id for page_id in ids if shown.page_built(page_id)] == ["status"]
    assert "where" in shown.browsers and "nowhere" not in shown.browsers and len(shown.browsers) == len(ids)
    assert shown.browsers.get("nowhere") is None and not shown.page_built("where")   # asking builds nothing
    assert shown.definitions["details"] is not None and shown.page_built("details")   # reading builds it
    qtbot.waitUntil(lambda: shown.all_pages_built, timeout=10000)   # then all of them, unasked
    assert all(shown.page_built(page_id) for page_id in ids) and shown.check_page_built
    assert shown.stack.currentIndex() == 0 and shown.navigator.currentRow() == 0


def test_a_page_chosen_before_its_turn_is_built_at_once(qtbot) -> None:
    frame = shown_window(qtbot, build_frame)
    shown = frame.study_records.open_path(CTGOV / f"{MANY}.json")
    shown.navigator.setFocus()
    qtbot.keyClick(shown.navigator, Qt.Key.Key_Down)
    assert shown.page_built("about")
    holder = shown.stack.currentWidget()
    assert holder.findChild(RecordBrowser) is shown.browsers["about"] and shown.browsers["about"].toPlainText()


def test_the_places_chosen_while_they_are_drawn_are_shown_whole(qtbot) -> None:
    frame = shown_window(qtbot, build_frame)
    shown = frame.study_records.open_path(CTGOV / f"{MANY}.json")
    where = [page.id for page in shown.pages].index("where")
    title = shown.pages[where].title
    begun = lambda: any(b.accessibleName() == title for b in shown.findChildren(RecordBrowser))  # noqa: E731
    qtbot.waitUntil(begun, timeout=10000)
    assert not shown.page_built("where")   # its list is being drawn, a step a turn
    item = shown.navigator.item(where)
    qtbot.mouseClick(shown.navigator.viewport(), Qt.MouseButton.LeftButton,
                     pos=shown.navigator.visualItemRect(item).center())
    assert shown.navigator.currentRow() == where and shown.page_built("where")
    browser = shown.browsers["where"]
    whole = RecordBrowser("whole", browser.glossary)
    qtbot.addWidget(whole)
    whole.show_html(browser._text.html())
    assert browser.toHtml() == whole.toHtml() and "1,148" in browser.toPlainText()
    qtbot.waitUntil(lambda: shown.all_pages_built, timeout=10000)
    assert browser.toHtml() == whole.toHtml()   # not drawn on after it was finished


def test_the_check_page_built_in_steps_is_the_page_built_at_once(qtbot) -> None:
    from explainer.ui.record_check import RecordCheckPage

    study = read_studies(CTGOV / f"{MANY}.json")[0]
    at_once = RecordCheckPage(study, dt.date(2026, 12, 5))
    in_steps = RecordCheckPage(study, dt.date(2026, 12, 5), in_steps=True)
    qtbot.addWidget(at_once)
    qtbot.addWidget(in_steps)
    counts = []
    while not in_steps.build_step():
        counts.append(len(in_steps.rows))
    assert len(counts) >= len(at_once.rows) // RecordCheckPage.ROWS_A_TURN and counts == sorted(counts)
    assert list(in_steps.rows) == list(at_once.rows)
    assert in_steps.summary.text() == at_once.summary.text()
    assert [row.result.text() for row in in_steps.rows.values()] == [row.result.text() for row in at_once.rows.values()]


def test_a_long_list_of_places_made_a_part_a_turn_is_the_text_made_at_once(qtbot) -> None:
    from explainer.core.study_pages import Place
    from explainer.ui.record_window import PLACES_A_TURN, page_text, record_glossary

    frame = shown_window(qtbot, build_frame)
    shown = frame.study_records.open_path(CTGOV / f"{MANY}.json")
    for place in (Place(), Place("United States"), Place("United States", "Ohio")):
        shown.place = place
        parts = sum(1 for _ in shown.where_text_steps())
        made = shown._texts.pop("where")
        assert made[0] == place
        assert made[1] == page_text(_where_page(shown.study, place), shown.words, record_glossary())
        assert parts == max(0, -(-(len(made[1].items) - 101) // PLACES_A_TURN))   # one turn per part
    assert parts == 0 and not made[1].items   # Ohio's few places: one page, drawn at once


def test_the_places_drawn_again_come_in_steps_and_end_as_the_page_drawn_at_once(qtbot) -> None:
    """Another place chosen, or another theme's link colours: the long list is drawn again a
    step a turn (not 1,148 places in one turn), ending as the same page drawn at once; asking
    for the page (window.browsers) draws the rest at once; a new theme keeps the page scrolled."""
    frame = shown_window(qtbot, build_frame)
    shown = frame.study_records.open_path(CTGOV / f"{MANY}.json")
    qtbot.waitUntil(lambda: shown.all_pages_built, timeout=10000)
    shown.show_page("where")
    browser = shown.browsers["where"]
    places = shown.place_filter

    def drawn_at_once() -> RecordBrowser:
        whole = RecordBrowser("whole", browser.glossary)
        qtbot.addWidget(whole)
        whole.setPalette(browser.palette())
        whole.show_html(browser._text.html())
        return whole

    qtbot.keyClick(places.country, Qt.Key.Key_End)   # United States: 1,147 places
    whole = drawn_at_once()
    assert browser.being_drawn   # its first places now, the others in the turns after
    qtbot.waitUntil(lambda: not browser.being_drawn, timeout=10000)
    assert browser.toHtml() == whole.toHtml()
    assert "the ones in United States" in browser.toPlainText()
    qtbot.keyClick(places.country, Qt.Key.Key_Home)   # any country again: asked for, drawn whole at once
    assert shown.browsers["where"].toHtml() == drawn_at_once().toHtml()

    browser.verticalScrollBar().setValue(browser.verticalScrollBar().maximum() // 2)
    scrolled = browser.verticalScrollBar().value()
    assert scrolled > 0
    frame.high_contrast_action.trigger()   # the theme: its link colours are part of a page drawn
    try:
        whole = drawn_at_once()
        assert browser.being_drawn   # into a document of its own, shown once whole
        qtbot.waitUntil(lambda: not browser.being_drawn, timeout=10000)
        assert browser.toHtml() == whole.toHtml()
        assert browser.verticalScrollBar().value() == scrolled
    finally:
        frame.high_contrast_action.trigger()
