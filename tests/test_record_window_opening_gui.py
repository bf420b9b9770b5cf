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
    original = RecordBrowser.show_html
    monkeypatch.setattr(RecordBrowser, "show_html",
                        lambda self, html: (drawn.append(self.accessibleName()), original(self, html))[1])
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
