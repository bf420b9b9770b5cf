"""Hard words and "written for doctors" labels on any record's pages (issue 16, item 5):
in the window (real Tab, Enter, mouse clicks and tooltip events on a sample record),
and in the PDF (read back with pdftotext) and the web page of the same record.

A hostile record (markup, an ampersand and a javascript: link in its summary and
criteria) shows its words as the letters they are: the only links on a page are
the app's glossary links, and nothing is loaded."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from explainer.cli import main
from explainer.core.registry_record import from_registry_json
from explainer.study_words_io import study_summary_words, study_words
from explainer.ui.record_window import RecordWindow, record_glossary
from tests.conftest import FIXTURES
from tests.windows import shown_window, tab_to_link

CTGOV = FIXTURES / "ctgov"
SAMPLE = CTGOV / "NCT06388018.json"   # criteria and a summary written for doctors
WORDS = study_words()
SUMMARY_WORDS = study_summary_words()
LABEL = WORDS.reading.label
HOSTILE = ('<b>bold</b> & <a href="javascript:alert(1)">click here</a> <img src="file:///etc/passwd"> '
           "Patients with histologically confirmed metastatic adenocarcinoma who received prior systemic "
           "chemotherapy are ineligible.")


def _bare(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["studies"][0] if "studies" in data else data


def _hostile_record(tmp_path: Path) -> Path:
    data = copy.deepcopy(_bare(SAMPLE))
    protocol = data["protocolSection"]
    protocol["descriptionModule"]["briefSummary"] = HOSTILE
    protocol["eligibilityModule"]["eligibilityCriteria"] = (
        f"Inclusion Criteria:\n\n* {HOSTILE}\n* Adequate hematologic, hepatic & renal function as determined "
        "by laboratory evaluation within fourteen days prior to registration.\n\n"
        f"Exclusion Criteria:\n\n* {HOSTILE}")
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _window(qtbot, path: Path = SAMPLE) -> RecordWindow:
    study = from_registry_json(_bare(path))[0]
    return shown_window(qtbot, lambda: RecordWindow(study, WORDS))


def _links(browser) -> list[tuple[str, int, int]]:
    """Every link in a page: (href, start, end) in the document."""
    found = []
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            href = fragment.charFormat().anchorHref()
            if href:
                found.append((href, fragment.position(), fragment.position() + fragment.length()))
            fragments += 1
        block = block.next()
    return found


def _point_of(browser, position: int) -> QPoint:
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position + 1)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    return browser.cursorRect(cursor).center()


# ---------------------------------------------------------------- the window

@pytest.mark.qt_log_ignore("does not support raise")  # offscreen: activating the window raises it
def test_tab_then_enter_on_a_hard_word_shows_its_meaning_in_the_panel(qtbot) -> None:
    window = _window(qtbot)
    window.show_page("who_can_join")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    browser, panel = window.browsers["who_can_join"], window.definitions["who_can_join"]
    assert not panel.isVisible()
    assert tab_to_link(qtbot, browser, "glossary:", tries=5)
    cursor = browser.textCursor()
    assert cursor.hasSelection()  # the focused word is highlighted: focus is visible
    href = cursor.charFormat().anchorHref()
    term = record_glossary().by_id(href.removeprefix("glossary:"))
    assert cursor.selectedText().casefold() in {f.casefold() for f in term.forms()}
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert panel.isVisible() and panel.term == term
    assert panel.accessibleName() == f"Meaning of {term.term}" and term.definition in panel.text()
    assert QApplication.focusWidget() is browser  # the reader stays where they were


def test_tab_moves_from_one_hard_word_to_the_next(qtbot) -> None:
    window = _window(qtbot)
    window.show_page("who_can_join")
    browser = window.browsers["who_can_join"]
    assert tab_to_link(qtbot, browser, "glossary:", tries=5)
    first = browser.textCursor().selectionStart()
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert browser.textCursor().charFormat().anchorHref().startswith("glossary:")
    assert browser.textCursor().selectionStart() > first


def test_a_click_on_a_hard_word_shows_its_meaning(qtbot) -> None:
    window = _window(qtbot)
    window.show_page("about")
    browser, panel = window.browsers["about"], window.definitions["about"]
    href, start, _end = _links(browser)[0]
    point = _point_of(browser, start)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert panel.isVisible() and f"glossary:{panel.term.id}" == href


@pytest.mark.qt_log_ignore("does not support raise")  # offscreen: the tooltip is raised
def test_pointing_at_a_hard_word_shows_its_meaning_as_a_tooltip(qtbot) -> None:
    window = _window(qtbot)
    window.show_page("about")
    browser = window.browsers["about"]
    href, start, _end = _links(browser)[0]
    point = _point_of(browser, start)
    assert browser.anchorAt(point) == href
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    term = record_glossary().by_id(href.removeprefix("glossary:"))
    qtbot.waitUntil(QToolTip.isVisible)
    assert term.definition in QToolTip.text()
    QToolTip.hideText()


def test_hard_passages_are_labelled_and_each_page_ends_with_its_hard_words(qtbot) -> None:
    window = _window(qtbot)
    text = window.browsers["who_can_join"].toPlainText()
    assert text.count(LABEL) >= 2  # the rules that must be true, and those that keep people out
    assert WORDS.reading.screen in text
    tail = text.split(WORDS.reading.words_heading)[1]
    linked = [href.removeprefix("glossary:") for href, _, _ in _links(window.browsers["who_can_join"])]
    assert linked and len(linked) == len(set(linked))  # each word linked once, at its first mention
    for term_id in linked:
        assert record_glossary().by_id(term_id).definition in tail
    assert LABEL not in window.browsers["where"].toPlainText()  # places are names, not passages


def test_a_hostile_record_shows_its_words_literally_with_only_glossary_links(qtbot, tmp_path) -> None:
    window = _window(qtbot, _hostile_record(tmp_path))
    for page_id in ("about", "who_can_join"):
        browser = window.browsers[page_id]
        text = browser.toPlainText()
        assert '<b>bold</b> & <a href="javascript:alert(1)">click here</a>' in text
        assert LABEL in text
        hrefs = [href for href, _, _ in _links(browser)]
        assert hrefs and all(href.startswith("glossary:") for href in hrefs)
        assert browser.refused_resources == []  # an escaped <img> asks for nothing
    window.show_page("about")
    browser = window.browsers["about"]
    assert tab_to_link(qtbot, browser, "glossary:", tries=20)
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert window.definitions["about"].isVisible()


# ---------------------------------------------------------------- the PDF and the web page

def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def test_the_records_pdf_labels_hard_passages_and_explains_hard_words(tmp_path) -> None:
    out = tmp_path / "summary.pdf"
    assert main(["pdf", "-o", str(out), "--trial", str(SAMPLE), "--paper", "a4"]) == 0
    text = _pdf_text(out)
    assert f"{LABEL} {WORDS.reading.very_hard} {SUMMARY_WORDS.words_note}" in text
    words = text.split(SUMMARY_WORDS.words_intro)[1]  # the list at the end
    assert text.rindex(SUMMARY_WORDS.words_title) < text.index(SUMMARY_WORDS.words_intro)
    glossary = record_glossary()
    cohort = glossary.by_id("cohort")  # the record's rules speak of cohorts
    assert f"{cohort.term}: {cohort.definition} {SUMMARY_WORDS.words_source_label} {cohort.source}" in words


def test_a_hostile_records_pdf_and_web_page_show_its_words_literally(tmp_path) -> None:
    record = _hostile_record(tmp_path)
    pdf, page = tmp_path / "s.pdf", tmp_path / "s.html"
    assert main(["pdf", "-o", str(pdf), "--trial", str(record)]) == 0
    assert main(["html", "-o", str(page), "--trial", str(record)]) == 0
    text = _pdf_text(pdf)
    assert '<b>bold</b> & <a href="javascript:alert(1)">click here</a>' in text and LABEL in text
    web = page.read_text(encoding="utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href=&quot;javascript:alert(1)&quot;&gt;" in web
    assert "javascript:alert(1)\"" not in web and "<img" not in web
    assert f"<strong>{LABEL}</strong>" in web and SUMMARY_WORDS.words_title in web


@pytest.mark.parametrize("kind", ["pdf", "html"])
def test_every_sample_export_has_the_words_list_last(kind: str, tmp_path) -> None:
    for path in sorted(CTGOV.glob("NCT*.json"))[:3]:
        out = tmp_path / f"{path.stem}.{kind}"
        assert main([kind, "-o", str(out), "--trial", str(path)]) == 0
        text = _pdf_text(out) if kind == "pdf" else out.read_text(encoding="utf-8")
        assert text.rindex(SUMMARY_WORDS.words_title) > text.rindex(SUMMARY_WORDS.disclaimer_title)


def test_hard_word_links_take_the_new_colours_when_the_theme_changes(qtbot) -> None:
    from PySide6.QtGui import QPalette

    from explainer.app import build_frame
    from explainer.ui.theme import HIGH_CONTRAST, NORMAL

    frame = shown_window(qtbot, build_frame)
    window = frame.study_records.open_path(SAMPLE)
    link = QPalette.ColorRole.Link
    assert NORMAL.get(link) in window.browsers["about"].toHtml()
    frame.high_contrast_action.trigger()
    redrawn = 0
    for browser in window.browsers.values():  # every page, shown or not, redrawn in the new colours
        page = browser.toHtml()
        assert NORMAL.get(link) not in page
        redrawn += HIGH_CONTRAST.get(link) in page
    assert redrawn >= 4  # the pages with hard words


def test_names_of_places_and_people_are_not_searched_for_hard_words(qtbot) -> None:
    window = _window(qtbot, CTGOV / "NCT04267848.json")  # its official works at "Alliance for Clinical Trials in Oncology"
    browser = window.browsers["where"]
    assert "Clinical Trials in Oncology" in browser.toPlainText()
    linked = {browser.toPlainText()[start:end] for _href, start, end in _links(browser)}
    assert not any("Clinical Trials" in words for words in linked)
    assert _links(window.browsers["about"])  # the titles and summary are still explained
