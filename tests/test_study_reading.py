"""The record's hard passages and hard words on any study's pages
(explainer/core/study_reading.py): which blocks are passages, which get the "Written
for doctors" label, that the record's words stay exactly as they were, and the hard
words a printed summary explains at its end.

Table-driven on made-up pages; the sample records check what real records give.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from explainer.content import load_general_glossary
from explainer.core.reading_level import Difficulty
from explainer.core.registry_record import RegistryStudy, from_registry_json
from explainer.core.study_pages import (
    Item,
    ItemList,
    Paragraph,
    Section,
    StudyPage,
    build_study_pages,
    paragraphs,
)
from explainer.core.study_reading import (
    MIN_WORDS,
    hard_level,
    hard_words,
    is_prose,
    passage_text,
    reading_label,
    with_reading_labels,
)
from explainer.core.study_summary import build_study_summary
from explainer.study_words_io import study_summary_words, study_words

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))
WORDS = study_words()
READING = WORDS.reading
SUMMARY_WORDS = study_summary_words()
GLOSSARY = load_general_glossary()
TODAY = dt.date(2026, 12, 5)

# Criteria as records write them (grade well above 12), and plain words (about grade 3).
HARD = ("Patients with histologically or cytologically confirmed metastatic adenocarcinoma "
        "of the pancreas who have received prior systemic chemotherapy are ineligible.")
HARD_2 = ("Adequate hematologic, hepatic and renal function as determined by laboratory "
          "evaluation within fourteen days prior to registration.")
HIGH_SCHOOL = ("The study team will check how well the new medicine works in people whose "
               "illness came back after their first treatment ended last year.")
PLAIN = "You can join if you are ten or older. You must be able to come to the clinic each week. We will call you."
TITLE = ("A Randomized Phase II Continuation Booster Trial After a Vaccine Combining Tyrosinase Peptides "
         "in Patients With Resected High Risk Melanoma")
OTHER_NAMES = ("Blastocarb, Carboplat, Carboplatin Hexal, Carboplatino, Carboplatinum, Carbosin, Carbotec, "
               "Ercar, Displata, Nealorin, Novoplatinum, Paraplatin, Paraplatin AQ, Paraplatine")


def sample(nct_id: str) -> RegistryStudy:
    return from_registry_json(json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8")))[0]


def registry(text: str, label: str = "") -> Paragraph:
    return Paragraph(text, "registry", label)


def one_page(*blocks: object) -> list[StudyPage]:
    return [StudyPage("p", "A page", (Section("s", "Part", tuple(blocks)),))]  # type: ignore[arg-type]


def is_label(paragraph: object) -> bool:
    return isinstance(paragraph, Paragraph) and paragraph.label == READING.label and paragraph.voice == "app"


# ---------------------------------------------------------------- what a passage is

@pytest.mark.parametrize(("block", "expected"), [
    (registry(HARD), HARD),
    (registry(HARD, "The record's short summary:"), HARD),   # a paragraph's label is above it, not in it
    (Paragraph(HARD, "app"), None),                             # the app's words are never labelled
    (Paragraph(HARD, "source"), None),
    (ItemList((Item((registry(HARD),)), Item((registry(HARD_2),)))), f"{HARD}\n{HARD_2}"),
    (ItemList((Item((registry(HARD),), (Item((registry(HARD_2),)),)),)), f"{HARD}\n{HARD_2}"),  # sub-items too
    (ItemList((Item((registry(HARD), Paragraph("Open", "app", "Status:"))),)), None),  # mixed: a place
    (ItemList((Item((registry(HARD, "Phone:"),)),)), None),    # labelled lines: contacts, numbers
    (ItemList(()), ""),
], ids=["paragraph", "labelled-paragraph", "app", "source", "list", "nested-list", "mixed-list",
        "labelled-lines", "empty-list"])
def test_passage_text(block, expected) -> None:
    assert passage_text(block) == expected


@pytest.mark.parametrize(("text", "prose"), [
    (HARD, True), (PLAIN, True), ("Ask the study team:", True), ("Is it safe?", True),
    ("Age 18 or older;", True), ("It said \u201cno.\u201d", True),
    (TITLE, False), (OTHER_NAMES, False), ("First item\nSecond item", True), ("  Ends with a stop.  \n", True),
    ("", False),
])
def test_only_sentences_are_prose_not_titles_or_names(text: str, prose: bool) -> None:
    assert is_prose(text) is prose


@pytest.mark.parametrize(("text", "difficulty"), [
    (HARD, Difficulty.FOR_SPECIALISTS),
    (f"{HARD}\n{HARD_2}", Difficulty.FOR_SPECIALISTS),
    (HIGH_SCHOOL, Difficulty.HARD),
    (PLAIN, None),                                   # grade 8 or lower: no label
    ("Metastatic adenocarcinoma, histologically confirmed.", None),  # hard, but under MIN_WORDS words
    (TITLE, None),                                   # hard, long, but a name
    (OTHER_NAMES, None),
    ("1,500/mm3 >= 100 x 10^9/L; 2.0 x ULN; 3 x ULN; 50 mL/min; 10 g/dL; 12.5 mg/dL; 1 2 3 4.", None),
])
def test_hard_level(text: str, difficulty: Difficulty | None) -> None:
    level = hard_level(text)
    assert (level.difficulty if level else None) is difficulty


def test_min_words_is_the_line_between_a_phrase_and_a_passage() -> None:
    words = "Histologically confirmed metastatic adenocarcinoma requiring immunosuppressive medication".split()
    short = " ".join((words * 3)[:MIN_WORDS - 1]) + "."
    long = " ".join((words * 3)[:MIN_WORDS]) + "."
    assert hard_level(short) is None and hard_level(long) is not None


@pytest.mark.parametrize(("text", "says"), [(HARD, READING.very_hard), (HIGH_SCHOOL, READING.hard)])
@pytest.mark.parametrize("note", ["", READING.screen, SUMMARY_WORDS.words_note])
def test_the_label_says_whose_words_how_hard_and_where_words_are_explained(text, says, note) -> None:
    label = reading_label(hard_level(text), READING, note)
    assert label == Paragraph(f"{says} {note}".strip(), "app", READING.label)
    assert "record's own words" in label.text and label.label == "Written for doctors:"


# ---------------------------------------------------------------- labels on the pages

@pytest.mark.parametrize(("blocks", "labels_before"), [
    ((registry(HARD),), [0]),
    ((Paragraph("Intro.", "app"), registry(PLAIN), registry(HARD, "Summary:")), [2]),
    ((ItemList((Item((registry(HARD),)), Item((registry(HARD_2),)))),), [0]),   # one label for the list
    ((registry(TITLE, "Full title:"), registry(OTHER_NAMES)), []),
    ((Paragraph(HARD, "app"), Paragraph(HARD, "source")), []),
    ((registry(HARD), registry(HARD_2)), [0, 1]),                                # each passage its own
], ids=["paragraph", "only-the-hard-one", "list", "names", "not-the-apps", "two"])
def test_a_label_goes_right_before_each_hard_passage(blocks, labels_before) -> None:
    labelled = with_reading_labels(one_page(*blocks), READING)[0].sections[0].blocks
    originals = [b for b in labelled if not is_label(b)]
    assert originals == list(blocks)  # nothing else changed, nothing moved
    before = [originals.index(labelled[n + 1]) for n, block in enumerate(labelled) if is_label(block)]
    assert before == labels_before


def test_in_a_mixed_list_a_long_hard_line_is_labelled_inside_its_item() -> None:
    group = Item((registry("Cohort A"), Paragraph("Other", "app", "Kind:"), registry(HARD, "What the group is:")),
                 (Item((registry(HARD_2), Paragraph("Open", "app", "Status:"))),))
    place = Item((registry("Memorial Hospital"), Paragraph("Recruiting", "app", "Status:")))
    [labelled] = with_reading_labels(one_page(ItemList((group, place))), READING)
    items = labelled.sections[0].blocks[0].items
    assert [is_label(line) for line in items[0].lines] == [False, False, True, False]
    assert [is_label(line) for line in items[0].items[0].lines] == [True, False, False]
    assert items[1] == place


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_the_records_words_are_unchanged_and_only_the_label_is_added(nct_id: str) -> None:
    pages = build_study_pages(sample(nct_id), WORDS, TODAY)
    labelled = list(paragraphs(with_reading_labels(pages, READING, READING.screen)))
    assert [p for p in labelled if not is_label(p)] == list(paragraphs(pages))
    for n, paragraph in enumerate(labelled):
        if is_label(paragraph):
            assert labelled[n + 1].voice == "registry"  # a label is always followed by the record's words


def test_real_records_get_labels_on_their_rules_and_summaries_but_not_on_names_or_places() -> None:
    pages = with_reading_labels(build_study_pages(sample("NCT04267848"), WORDS, TODAY), READING)
    labelled_sections = [s.id for p in pages for s in p.sections for b in s.blocks if is_label(b)]
    assert "about-summary" in labelled_sections and "who-inclusion" in labelled_sections
    assert "about-names" not in labelled_sections
    where = next(p for p in pages if p.id == "where")
    assert not any(is_label(p) for p in paragraphs([where]))  # 1,148 places: names, not prose


# ---------------------------------------------------------------- hard words, and the printed summary

def test_hard_words_are_the_glossarys_words_used_a_to_z_once_each() -> None:
    pages = one_page(registry("Prior chemotherapy or radiation therapy; no chemotherapy within 4 weeks."),
                     Paragraph("A placebo looks like the real medicine.", "app"),
                     Paragraph("Biopsy data from NCI.", "source"))  # a citation is not read for words
    terms = [t.id for t in hard_words(pages, GLOSSARY)]
    assert terms == sorted(terms, key=lambda i: GLOSSARY.by_id(i).term.casefold())
    assert {"chemotherapy", "placebo"} <= set(terms) and len(terms) == len(set(terms))
    assert "biopsy" not in terms


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_the_summary_ends_with_its_hard_words_and_its_labels_say_so(nct_id: str) -> None:
    study = sample(nct_id)
    summary = build_study_summary(study, WORDS, SUMMARY_WORDS, TODAY, glossary=GLOSSARY)
    words_page = summary.pages[-1]
    assert words_page.id == "words" and words_page.title == SUMMARY_WORDS.words_title
    listed = [item.lines[0].label for item in words_page.sections[0].blocks[1].items]
    shown = [t.term + ":" for t in hard_words(summary.pages[:-1], GLOSSARY)]
    assert listed == shown and listed
    labels = [p for p in paragraphs(summary.pages) if is_label(p)]
    assert all(p.text.endswith(SUMMARY_WORDS.words_note) for p in labels)


def test_without_a_glossary_the_summary_has_labels_but_promises_no_list() -> None:
    summary = build_study_summary(sample("NCT06388018"), WORDS, SUMMARY_WORDS, TODAY)
    assert summary.pages[-1].id == "disclaimer"
    labels = [p for p in paragraphs(summary.pages) if is_label(p)]
    assert labels and not any(SUMMARY_WORDS.words_note in p.text for p in labels)


def test_the_summary_labels_a_list_of_rules_once_even_with_answers_beside_them() -> None:
    from explainer.answers_io import load_answers
    from explainer.core.study_check import check_study

    study = sample("NCT06388018")
    answers = load_answers(Path(__file__).parent / "fixtures" / "full.answers.json")
    check = check_study(study, answers, SUMMARY_WORDS.check)
    summary = build_study_summary(study, WORDS, SUMMARY_WORDS, TODAY, check=check, glossary=GLOSSARY)
    who = next(p for p in summary.pages if p.id == "who_can_join")
    answered = [line for p in [who] for line in paragraphs([p]) if line.label == SUMMARY_WORDS.status_label]
    assert answered  # the app's answers joined the rules ...
    lists = [s.id for s in who.sections for n, b in enumerate(s.blocks)
             if isinstance(b, ItemList) and n and is_label(s.blocks[n - 1])]
    assert "who-inclusion" in lists  # ... and the list is still one passage with one label
    assert not any(is_label(line) for b in (b for s in who.sections for b in s.blocks if isinstance(b, ItemList))
                   for line in paragraphs([StudyPage("x", "x", (Section("x", "", (b,)),))]))


def test_hard_words_are_not_looked_for_in_names() -> None:
    names = Section("where-officials", "People", (ItemList((Item((registry("Alliance for Clinical Trials", "Works at:"),)),)),))
    prose = Section("about-summary", "Summary", (registry("A clinical trial of chemotherapy."),))
    terms = {t.id for t in hard_words([StudyPage("p", "P", (names,))], GLOSSARY)}
    assert terms == set()
    terms = {t.id for t in hard_words([StudyPage("p", "P", (names, prose))], GLOSSARY)}
    assert "chemotherapy" in terms and len(terms) == 2
