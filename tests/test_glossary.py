"""The glossary: each hard word defined once, used somewhere, marked where it appears,
with its meaning on hover, on click and from the keyboard; and an A to Z page."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QToolTip

from explainer.content import PAGE_NAMES, load_glossary, load_page, load_questions, load_trial
from explainer.core.glossary import (MARKDOWN_PROTECTED, Glossary, GlossaryTerm, mark_markdown, mark_terms, mentions,
                                     terms_not_in, words_used)
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


def _form_pattern(form: str) -> re.Pattern[str]:
    """One form on its own: whole words; abbreviations only in capitals."""
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", 0 if form.isupper() else re.IGNORECASE)


def _mentions_trying_every_form(text: str, glossary: Glossary = GLOSSARY,
                                protected: re.Pattern[str] | None = None) -> list[tuple[int, int, str]]:
    """The plain way (the app's own before issue 18): every form's pattern over the
    whole text, longest form first, each match checked against every earlier one."""
    taken = [m.span() for m in protected.finditer(text)] if protected else []
    found: list[tuple[int, int, str]] = []
    forms = sorted(((f, t) for t in glossary.terms for f in t.forms()), key=lambda ft: -len(ft[0]))
    for form, term in forms:
        for match in _form_pattern(form).finditer(text):
            if not any(a < match.end() and match.start() < b for a, b in taken):
                found.append((match.start(), match.end(), term.id))
                taken.append(match.span())
    return sorted(found)


def _found(text: str, glossary: Glossary = GLOSSARY, protected: re.Pattern[str] | None = None) -> list:
    return [(m.start, m.end, m.term.id) for m in mentions(text, glossary, protected)]


@pytest.mark.parametrize("text", [*_all_texts(), "Café, MRD, bone marrow test and M-protein: myélome?"])
def test_the_one_pass_search_finds_what_trying_every_form_finds(text: str) -> None:
    # mentions() makes one pass with all forms at once; on the app's own texts it must
    # find exactly what trying each form in turn finds, with and without Markdown.
    assert _found(text) == _mentions_trying_every_form(text)
    assert _found(text, protected=MARKDOWN_PROTECTED) == _mentions_trying_every_form(text, protected=MARKDOWN_PROTECTED)


def _made_up_glossary(forms: list[list[str]]) -> Glossary:
    return Glossary(format="trial-explainer-glossary", version=1, terms=tuple(
        GlossaryTerm(id=f"t{n}", term=first, also=tuple(rest), definition="A word.")
        for n, (first, *rest) in enumerate(forms)))


@pytest.mark.parametrize(("forms", "text", "found"), [
    ([["bone"], ["bone marrow"], ["bone marrow test"]], "A bone marrow test, bone marrow, bone.",
     [(2, 18, "t2"), (20, 31, "t1"), (33, 37, "t0")]),  # the longest form that fits, then the rest
    ([["bone"], ["bone marrow test"]], "bone marrow tests", [(0, 4, "t0")]),  # backs off to a whole word
    ([["ULN"], ["uln value"]], "ULN, uln, Uln value, ULN value", [(0, 3, "t0"), (10, 19, "t1"), (21, 30, "t1")]),
    ([["IV"], ["ivy"]], "IV ivy iv IVY", [(0, 2, "t0"), (3, 6, "t1"), (10, 13, "t1")]),
    ([["re-treatment"], ["treatment"]], "re-treatment, treatment-free, treatment", [(0, 12, "t0"), (30, 39, "t1")]),
    ([["x"]], "x [x](page:x) <b>x</b> x", [(0, 1, "t0"), (17, 18, "t0"), (23, 24, "t0")]),
    ([["sun"]], "\u017fun SUN", [(0, 3, "t0"), (4, 7, "t0")]),  # the long s matches s: the slow way
])
def test_mentions_take_the_longest_whole_word_at_each_place(forms, text, found) -> None:
    glossary = _made_up_glossary(forms)
    assert _found(text, glossary, MARKDOWN_PROTECTED) == found


def test_a_copy_with_other_terms_searches_for_its_own_terms() -> None:
    assert _found("each cycle") == [(5, 10, "cycle")]  # the search pattern is built and kept
    fewer = GLOSSARY.model_copy(update={"terms": tuple(t for t in GLOSSARY.terms if t.id != "cycle")})
    assert _found("each cycle", fewer) == []
    assert _found("each cycle") == [(5, 10, "cycle")]


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
    assert "The first part of treatment" in page.definition.text()
    assert "(Source: NCI Dictionary of Cancer Terms, cancer.gov)" in page.definition.text()  # issue 12
    assert page.definition.accessibleName() == "Meaning of induction"


def _panels_of(widget) -> list:
    from explainer.ui.pages import DefinitionPanel

    return widget.findChildren(DefinitionPanel)


def test_the_meaning_panel_is_made_when_a_word_is_first_chosen_and_comes_last(main_window, qtbot) -> None:
    """No page makes its hidden panel ahead (issue 18: memory); the first word chosen
    makes it, under the page: the layout's last item and the page's last child, so a
    screen reader reads it after the page; it is named for the word."""
    main_window.show_section("what-happens")
    page = main_window.stack.currentWidget()
    pages = [main_window.stack.widget(i) for i in range(main_window.stack.count())]
    assert [p for p in pages if _panels_of(p)] == []
    assert _panels_of(main_window.self_check.page) == [] and _panels_of(main_window.self_check.results) == []
    browser = page.browser
    cursor = browser.textCursor()
    cursor.setPosition(_glossary_anchor_positions(browser)["glossary:induction"] + 1)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect(cursor).center())
    [panel] = _panels_of(page)
    assert panel.isVisible() and panel.accessibleName() == "Meaning of induction"
    holder = page.layout().itemAt(page.layout().count() - 1).widget()  # the panel, in a holder that scrolls
    assert holder.widget() is panel and holder.isVisible()
    assert [c for c in page.children() if c.isWidgetType()][-1] is holder
    assert holder.y() > browser.geometry().bottom()  # under the page's words
    assert not panel.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not holder.focusPolicy() & Qt.FocusPolicy.TabFocus  # all of it shows: Tab does not stop
    assert page.definition is panel  # made once


@pytest.mark.parametrize("percent", [100, 250])
def test_a_meaning_takes_at_most_a_third_of_the_page_and_scrolls_past_that(main_window, qtbot, percent) -> None:
    """Found by a tester: at 250% text a word's meaning took all but 90 pixels of the
    self-check's questions and its last line was cut off; now it takes at most a quarter
    of that page (its summary bar up to a third) and scrolls inside it, where keys can
    reach it; at 100% it shows whole, with no scroll bar."""
    main_window.resize(1244, 760)
    main_window.zoom.set_percent(percent)
    try:
        main_window.show_section("self-check")
        check = main_window.self_check
        qtbot.waitUntil(check.page.isVisible)
        term = main_window.glossary.by_id("myeloma")
        check.questionnaire.term_chosen.emit(term)
        panel = check.definition
        holder = panel.parentWidget().parentWidget()
        qtbot.waitUntil(holder.isVisible)
        QApplication.processEvents()
        assert term.definition in panel.text()
        assert holder.height() <= check.page.height() // 4 + 2  # the summary above takes up to a third
        assert check.questionnaire.height() >= check.page.height() // 3
        cut = panel.height() > holder.viewport().height()
        assert cut == (percent == 250)  # at 100% it shows whole, at 250% it scrolls
        assert bool(holder.focusPolicy() & Qt.FocusPolicy.TabFocus) == cut  # then Tab and the arrows reach it
        assert holder.verticalScrollBar().maximum() > 0 if cut else holder.verticalScrollBar().maximum() == 0
        panel.hide()
        assert holder.isHidden()  # shown and hidden with the panel
    finally:
        main_window.zoom.reset()


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


def _case_blind(text: str, glossary: Glossary, protected: re.Pattern[str] | None = None) -> list:
    """The search as it was before it lower-cased texts: the case-blind pattern over each
    piece between protected spans."""
    pieces, position = [], 0
    for span in (protected.finditer(text) if protected else ()):
        pieces.append((position, span.start()))
        position = max(position, span.end())
    pieces.append((position, len(text)))
    matcher = glossary.matcher
    return [(m.start(), m.end(), matcher.term_of(m.group()).id)
            for start, end in pieces if start < end for m in matcher.pattern.finditer(text, start, end)]


TRAPS = [[["ALT"], ["alt and ast"], ["al"]], [["IV"], ["iv bag"], ["ivy"]], [["AEs"], ["aes test"]],
         [["sun"], ["ULN"]], [["bone"], ["bone marrow test"], ["M-protein"]], [["AB C"], ["ab"]], [["AB C"], ["AB"]]]
CASE_TEXTS = ["alt and ast, alt, ALT, Alt, al, alt-al, ALT and AST", "iv bag, IV bag, iv, IV, Iv ivy IVY",
              "AEs aes aEs AES aes test", "\u017fun SUN \u212aULN uln ULN", "\u0130V iv \u0131vy ivy",
              "µmol/L × 10⁹ bone ΣBONE bone-marrow test bone marrow test", "# alt heading\n[ALT](x) alt <b>ALT</b> ALT",
              "Café: M-PROTEIN, m-protein, bone marrow tests", "ab c, AB C, Ab c ab-c ab_c AB", ""]


@pytest.mark.parametrize("forms", TRAPS)
@pytest.mark.parametrize("text", CASE_TEXTS)
def test_the_lower_cased_search_finds_what_the_case_blind_search_finds(forms, text) -> None:
    # ASCII forms in a text without case traps are searched lower-cased, abbreviations
    # checked after; the case-blind search decides where an abbreviation's capitals differ.
    glossary = _made_up_glossary(forms)
    traps = any(char in text for char in "\u0130\u212a\u0131\u017f")
    assert (glossary.matcher.lowered(text) is None) == traps
    for protected in (None, MARKDOWN_PROTECTED):
        assert _found(text, glossary, protected) == _case_blind(text, glossary, protected)


@pytest.mark.parametrize("text", [*_all_texts(), *CASE_TEXTS])
def test_the_lower_cased_search_finds_what_the_case_blind_search_finds_in_the_app_s_texts(text) -> None:
    from explainer.content import load_general_glossary

    for glossary in (GLOSSARY, load_general_glossary()):
        assert _found(text, glossary, MARKDOWN_PROTECTED) == _case_blind(text, glossary, MARKDOWN_PROTECTED)


def test_only_four_characters_beyond_ascii_are_case_traps() -> None:
    """What lets the search lower-case a text (explainer/core/glossary.py _CASE_TRAPS):
    beyond ASCII, only these four are an ASCII letter to the case-blind search, and
    every other character lower-cases to one character beyond ASCII, a letter or digit
    exactly when it was one."""
    beyond = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code < 0xE000)
    letters = re.compile("|".join("abcdefghijklmnopqrstuvwxyz"), re.IGNORECASE)
    assert sorted(set(letters.findall(beyond))) == sorted("\u0130\u212a\u0131\u017f")
    odd = [char for char in beyond if char not in "\u0130\u212a\u0131\u017f" and not (
        len(char.lower()) == 1 and not char.lower().isascii() and char.lower().isalnum() == char.isalnum())]
    assert odd == []


@pytest.mark.parametrize("text", ["# Heading [x](y)\nText #3 [registry:a] <b>x</b>\n  # not a heading\n#",
                                  "#", "a#b\n#c", "\n#\n#x", "[a](b", "[registry:a] [b](c)#d\n#e", "x\r\n# y"])
def test_headings_links_and_markers_are_protected_as_they_were(text) -> None:
    before = re.compile(r"^#.*$|\[[^\]]*\]\([^)]*\)|\[registry:[^\]]*\]|<[^>]*>", re.MULTILINE)
    assert [m.span() for m in MARKDOWN_PROTECTED.finditer(text)] == [m.span() for m in before.finditer(text)]


def test_the_question_whose_word_was_chosen_stays_in_view_as_its_meaning_opens(main_window, qtbot) -> None:
    """Found by a tester: a word chosen in a question near the bottom of the view slid out
    of sight, as the meaning's panel took room under the questions. By keyboard, as a
    person reaches a word: Tab onto it, Enter."""
    from explainer.ui.labels import LinkLabel

    main_window.resize(1244, 760)
    main_window.zoom.reset()
    try:
        main_window.show_section("self-check")
        check = main_window.self_check
        questionnaire = check.questionnaire
        qtbot.waitUntil(questionnaire.isVisible)
        row, label = next((row, label) for row in questionnaire.rows.values() for label in row.findChildren(LinkLabel)
                          if "glossary:" in label.text() and row.height() < questionnaire.viewport().height() // 3)
        bar = questionnaire.verticalScrollBar()
        for _ in range(3):  # the row ends at the view's bottom edge (once the layout has settled)
            QApplication.processEvents()
            bar.setValue(row.mapTo(questionnaire.widget(), row.rect().bottomLeft()).y()
                         - questionnaire.viewport().height() + 2)
        QApplication.processEvents()

        def shown() -> bool:
            top = row.mapTo(questionnaire.viewport(), row.rect().topLeft()).y()
            return top >= 0 and top + row.height() <= questionnaire.viewport().height()

        assert shown()
        label.setFocus(Qt.FocusReason.TabFocusReason)  # Tab lands on its first link
        qtbot.keyClick(label, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: check.definition.isVisible())
        qtbot.waitUntil(shown)  # not out of sight under the meaning
        assert check.definition.term is not None
    finally:
        main_window.zoom.reset()
