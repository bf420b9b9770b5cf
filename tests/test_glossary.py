"""The glossary: each hard word defined once, used somewhere, marked where it appears,
with its meaning on hover, on click and from the keyboard; and an A to Z page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QToolTip

from explainer.content import PAGE_NAMES, load_glossary, load_page, load_questions, load_trial
from explainer.core.glossary import Glossary, mark_markdown, mark_terms, mentions, terms_not_in, words_used
from tests.windows import tab_to_link

GLOSSARY = load_glossary()
TRIAL = load_trial()
QUESTIONS = load_questions()

REQUIRED = ("relapsed", "refractory", "iv", "by-mouth", "m-protein", "free-light-chains", "plasmacytoma", "ecog",
            "egfr", "uln", "neuropathy", "stem-cell-transplant", "cycle", "induction", "maintenance", "mrd")


def _all_texts() -> list[str]:
    texts = [load_page(name, TRIAL) for name in PAGE_NAMES if name != "glossary"]
    texts += [c.plain for c in TRIAL.criteria]
    texts += [f"{q.text} {q.hint} {q.ask_doctor}" for q in QUESTIONS.questions]
    return texts


def test_the_issue_s_words_are_all_defined() -> None:
    assert set(REQUIRED) <= {t.id for t in GLOSSARY.terms}


def test_every_term_is_used_somewhere() -> None:
    assert terms_not_in(_all_texts(), GLOSSARY) == []


def test_a_word_defined_twice_is_refused() -> None:
    data = GLOSSARY.model_dump()
    data["terms"] = [*data["terms"], {"id": "cycle-again", "term": "Cycles", "definition": "Twice."}]
    with pytest.raises(ValueError, match="defined twice"):
        Glossary.model_validate(data)


@pytest.mark.parametrize(("text", "found"), [
    ("Your myeloma has relapsed.", ["myeloma", "relapsed"]),
    ("By mouth, once a day.", ["by-mouth"]),
    ("Given by IV over 30 minutes.", ["iv"]),
    ("Give blood via an iv line.", []),  # abbreviations match in capitals only
    ("Neutrophils and platelets.", ["anc", "platelets"]),
    ("A bone marrow test.", ["bone-marrow-test"]),  # the longest form wins
    ("Your eGFR and your ULN.", ["egfr", "uln"]),
    ("Pre-cycle checks.", []),  # whole words only
    ("YOUR MYELOMA HAS RELAPSED.", ["myeloma", "relapsed"]),  # words (not abbreviations) in any case
    ("Café: your myeloma has relapsed — by IV.", ["myeloma", "relapsed", "iv"]),  # text beyond ASCII
])
def test_mentions_find_whole_words(text: str, found: list[str]) -> None:
    assert [m.term.id for m in mentions(text, GLOSSARY)] == found


def _mentions_trying_every_form(text: str) -> list[tuple[int, int, str]]:
    """The plain way: every form's pattern over the whole text, longest form first."""
    from explainer.core.glossary import _pattern

    found: list[tuple[int, int, str]] = []
    forms = sorted(((f, t) for t in GLOSSARY.terms for f in t.forms()), key=lambda ft: -len(ft[0]))
    for form, term in forms:
        for match in _pattern(form).finditer(text):
            if not any(a < match.end() and match.start() < b for a, b, _ in found):
                found.append((match.start(), match.end(), term.id))
    return sorted(found)


@pytest.mark.parametrize("text", [*_all_texts(), "Café, MRD, bone marrow test and M-protein: myélome?"])
def test_the_quick_search_finds_what_trying_every_form_finds(text: str) -> None:
    # mentions() skips forms a substring test rules out; it must never lose one.
    assert [(m.start, m.end, m.term.id) for m in mentions(text, GLOSSARY)] == _mentions_trying_every_form(text)


def test_only_first_mention_is_marked_and_headings_stay_plain() -> None:
    markdown = "# Your cycle\n\nEach cycle lasts 28 days. The next cycle starts after.\n\n[cycle](page:x)"
    marked = mark_markdown(markdown, GLOSSARY)
    assert marked.count("(glossary:cycle)") == 1
    assert marked.startswith("# Your cycle\n\nEach [cycle](glossary:cycle) lasts")


def test_mark_terms_escapes_between_links() -> None:
    out = mark_terms("a < b: relapsed", GLOSSARY, link=lambda w, t: f"<a>{w}</a>", escape=lambda s: s.replace("<", "&lt;"))
    assert out == "a &lt; b: <a>relapsed</a>"


def test_words_used_gives_term_and_definition_in_order() -> None:
    used = words_used("You take pomalidomide by mouth in each cycle. Each cycle lasts 28 days.", GLOSSARY)
    assert used == [("by mouth", GLOSSARY.by_id("by-mouth").definition), ("cycle", GLOSSARY.by_id("cycle").definition)]


def _glossary_anchor_positions(browser) -> dict[str, int]:
    doc = browser.document()
    found: dict[str, int] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href.startswith("glossary:"):
                found.setdefault(href, fragment.position())
                assert fragment.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
            it += 1
        block = block.next()
    return found


def test_pages_mark_terms_with_a_dotted_underline(main_window) -> None:
    main_window.show_section("medicine-pomalidomide")
    page = main_window.stack.currentWidget()
    anchors = _glossary_anchor_positions(page.browser)
    assert {"glossary:rems", "glossary:by-mouth", "glossary:blood-clot"} <= set(anchors)


def test_hover_shows_the_meaning(main_window, qtbot, monkeypatch) -> None:
    main_window.show_section("study")
    browser = main_window.stack.currentWidget().browser
    position = _glossary_anchor_positions(browser)["glossary:relapsed"]
    cursor = browser.textCursor()
    cursor.setPosition(position + 1)
    point = browser.cursorRect(cursor).center()
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda *args: shown.append(args[1]))
    event = QHelpEvent(QEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    browser.viewportEvent(event)
    assert shown and "come back after it got better" in shown[0]
    shown.clear()
    browser.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), QPoint(2, 2)))
    assert shown == []


def test_click_shows_the_meaning_in_a_panel(main_window, qtbot) -> None:
    main_window.show_section("what-happens")
    page = main_window.stack.currentWidget()
    assert page.definition.isHidden()
    browser = page.browser
    position = _glossary_anchor_positions(browser)["glossary:induction"]
    cursor = browser.textCursor()
    cursor.setPosition(position + 1)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect(cursor).center())
    assert page.definition.isVisible()
    assert "first, stronger part of treatment" in page.definition.text()
    assert page.definition.accessibleName() == "Meaning of induction"


def test_keyboard_reaches_a_word_and_enter_shows_its_meaning(main_window, qtbot) -> None:
    main_window.show_section("study")
    page = main_window.stack.currentWidget()
    assert tab_to_link(qtbot, page.browser, "glossary:", 40), "Tab never reached a glossary word"
    qtbot.keyClick(page.browser, Qt.Key.Key_Return)
    assert page.definition.isVisible()
    assert page.definition.term is not None
    assert page.definition.term.definition in page.definition.text()


def test_glossary_page_lists_every_term_a_to_z(main_window) -> None:
    main_window.show_section("glossary")
    text = main_window.stack.currentWidget().browser.toPlainText()
    positions = [text.index(f"{t.term}: {t.definition}") for t in GLOSSARY.a_to_z()]
    assert positions == sorted(positions)
    assert len(positions) == len(GLOSSARY.terms) >= 40


def test_results_mark_their_hard_words(main_window) -> None:
    browser = main_window.self_check.results.browser
    assert {"glossary:egfr", "glossary:platelets", "glossary:stem-cell-transplant"} <= set(
        _glossary_anchor_positions(browser))


def test_questions_mark_their_hard_words_and_enter_shows_the_meaning(main_window, qtbot) -> None:
    main_window.show_section("self-check")
    row = main_window.self_check.questionnaire.row("egfr")
    assert "href='glossary:egfr'" in row.text.text()
    assert row.text.focusPolicy() & Qt.FocusPolicy.TabFocus
    panel = main_window.self_check.definition
    assert panel.isHidden()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    row.text.setFocus(Qt.FocusReason.TabFocusReason)  # Tab lands on the word itself (issue 13: no bare label stop)
    assert row.text.hasFocus() and row.text.selectedText() == "eGFR"
    qtbot.keyClick(row.text, Qt.Key.Key_Return)
    assert panel.isVisible() and panel.term.id == "egfr"
