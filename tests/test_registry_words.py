"""Exact wording beside plain wording: every plain statement about the trial can
reveal the registry sentence it explains, copied word for word from the record."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from explainer.content import PAGE_NAMES, load_page, load_registry_sentences, load_trial
from explainer.core.registry_words import MARKER, REGISTRY_LABEL, expand_markers, marker_ids
from tests.markdown_blocks import blocks, cited_by_next
from tests.windows import tab_to_link

TRIAL = load_trial()
SENTENCES = load_registry_sentences()
# Pages that state facts about this trial (what it is, how the medicines are given,
# what happens, its status, its site). Questions, help lines and the glossary do not.
TRIAL_PAGES = ("study", "medicines", "medicine-isatuximab", "medicine-carfilzomib", "medicine-pomalidomide",
               "medicine-dexamethasone", "what-happens", "status", "help")
# A block states a trial fact when it gives a number (days, cycles, dates, people,
# study numbers) or says how a medicine is given.
TRIAL_FACT = re.compile(r"\d|\bIV\b|by mouth|by drip|\bdrips?\b")


def _uncited_trial_facts(markdown: str) -> list[str]:
    found = blocks(markdown)
    missing = []
    for index, (section, block) in enumerate(found):
        if section == "In short" or "(Source:" in block or cited_by_next(found, index):
            continue  # summaries repeat linked statements; cited blocks are general medical facts
        if TRIAL_FACT.search(MARKER.sub("", block).replace(TRIAL.nct_id, "")) and not MARKER.search(block):
            missing.append(block)
    return missing


@pytest.mark.parametrize("name", TRIAL_PAGES)
def test_every_trial_statement_links_to_the_registry(name: str) -> None:
    raw = load_page(name, TRIAL, registry_links=True)
    assert marker_ids(raw), f"{name} has no registry links"
    assert _uncited_trial_facts(raw) == []


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_marker_names_a_known_sentence_and_ends_its_block(name: str) -> None:
    raw = load_page(name, TRIAL, registry_links=True)
    for ids in marker_ids(raw):
        assert set(ids) <= set(SENTENCES.sentences), ids
    for match in MARKER.finditer(raw):
        after = raw[match.end():]
        assert after == "" or after.startswith(("\n\n", "\n- ", "\n")) and not after[1:2].isalnum(), \
            f"{name}: a registry link must end its paragraph or list item"


def test_every_sentence_is_the_registry_s_own_words(registry_text: str) -> None:
    assert SENTENCES.record == TRIAL.nct_id
    not_verbatim = [key for key, sentence in SENTENCES.sentences.items() if sentence not in registry_text]
    assert not_verbatim == []


def test_every_sentence_is_used_by_a_page() -> None:
    used = {i for name in PAGE_NAMES for ids in marker_ids(load_page(name, TRIAL, registry_links=True)) for i in ids}
    assert set(SENTENCES.sentences) - used == set()


def test_the_detector_finds_an_unlinked_fact() -> None:
    assert _uncited_trial_facts("## When\n\n- Days 1 and 15.\n- Days 1 to 21. [registry: tests]") == ["- Days 1 and 15."]


@pytest.mark.parametrize(("shown", "expected"), [
    (set(), "Days 1 and 15. [Show the registry's words](registry:0)\n- Next"),
    ({0}, "Days 1 and 15. [Hide the registry's words](registry:0)\n\n  > *Registry wording, word for word:*"
          "\n\n  > carfilzomib IV over 30 minutes on days 1 and 15\n\n- Next"),
])
def test_markers_become_links_and_quotes(shown: set[int], expected: str) -> None:
    markdown = "- Days 1 and 15. [registry: maintenance-carfilzomib]\n- Next"
    assert expand_markers(markdown, SENTENCES, shown) == f"- {expected}"


def test_a_statement_reveals_and_hides_its_registry_sentence(main_window, qtbot) -> None:
    main_window.show_section("medicine-carfilzomib")
    page = main_window.stack.currentWidget()
    sentence = SENTENCES.sentences["maintenance-carfilzomib"]
    assert sentence not in page.browser.toPlainText()
    number = next(i for i, ids in enumerate(marker_ids(page.markdown)) if "maintenance-carfilzomib" in ids)
    page.toggle_registry(number)
    text = page.browser.toPlainText()
    assert sentence in text and REGISTRY_LABEL in text
    assert text.count("Hide the registry's words") == 1
    page.toggle_registry(number)
    assert sentence not in page.browser.toPlainText()


def test_the_link_works_from_the_keyboard(main_window, qtbot) -> None:
    main_window.show_section("status")
    page = main_window.stack.currentWidget()
    assert tab_to_link(qtbot, page.browser, "registry:", 60), "Tab never reached a registry link"
    qtbot.keyClick(page.browser, Qt.Key.Key_Return)
    assert REGISTRY_LABEL in page.browser.toPlainText()


def test_pages_for_print_come_without_markers() -> None:
    assert "[registry:" not in load_page("study", TRIAL)
    assert "[registry:" in load_page("study", TRIAL, registry_links=True)


# Details no source in the writing guide gives and the registry does not say:
# (page, words that must not appear).
UNSOURCED_DETAILS = [("what-happens", "hip"), ("what-happens", "needle")]


@pytest.mark.parametrize(("name", "words"), UNSOURCED_DETAILS)
def test_registry_marked_statements_say_only_what_the_record_says(name: str, words: str) -> None:
    for _section, block in blocks(load_page(name, TRIAL, registry_links=True)):
        if MARKER.search(block):
            assert words not in MARKER.sub("", block).lower(), block


def test_the_glossary_does_not_add_the_unsourced_place_either() -> None:
    from explainer.content import load_glossary

    definitions = " ".join(term.definition for term in load_glossary().terms).lower()
    assert "hip" not in re.findall(r"\b\w+\b", definitions)
