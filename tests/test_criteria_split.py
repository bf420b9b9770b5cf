"""Eligibility text -> inclusion and exclusion items: the layouts records use."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from explainer.core.criteria import Criteria, split_criteria, undo_escapes
from explainer.core.registry_record import from_registry_json

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))
HEADING = re.compile(r"^\s*(?:key\s+)?(?:inclusion|exclusion)\s+criteria:?\s*$", re.IGNORECASE)
MARKER = re.compile(r"^\s*(?:[*\-]|\d{1,2}\.|[a-z]\))\s+")


def criteria_text(nct_id: str) -> str:
    study = from_registry_json(json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8")))[0]
    return study.criteria or ""


def all_lines(criteria: Criteria) -> list[str]:
    return [line for item in criteria.items for line in item.lines] + list(criteria.notes)


def expected_lines(text: str) -> list[str]:
    """An independent reading of the text: every non-blank, non-heading line, markers off."""
    out = []
    for raw in text.splitlines():
        if not raw.strip() or HEADING.match(raw):
            continue
        line = raw
        while MARKER.match(line):
            line = MARKER.sub("", line, count=1)
        out.append(undo_escapes(line))
    return out


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_every_line_of_every_sample_is_kept_exactly_once(nct_id: str) -> None:
    text = criteria_text(nct_id)
    criteria = split_criteria(text)
    assert Counter(all_lines(criteria)) == Counter(expected_lines(text))


@pytest.mark.parametrize(("nct_id", "inclusion", "exclusion", "notes"), [
    ("NCT00184067", 7, 7, 0),
    ("NCT00973089", 5, 3, 0),
    ("NCT02576665", 13, 12, 0),
    ("NCT03453554", 0, 0, 0),
    ("NCT03475563", 5, 7, 0),
    ("NCT03934567", 7, 13, 0),
    ("NCT04267848", 25, 0, 0),   # only "Inclusion Criteria:" (its exclusions are "No ..." items)
    ("NCT04431453", 3, 6, 1),    # "Key" criteria and a closing note
    ("NCT05147467", 7, 7, 2),    # an introduction before each list
    ("NCT06388018", 14, 9, 0),
])
def test_sample_item_counts(nct_id: str, inclusion: int, exclusion: int, notes: int) -> None:
    criteria = split_criteria(criteria_text(nct_id))
    assert (len(criteria.inclusion), len(criteria.exclusion), len(criteria.notes)) == (inclusion, exclusion, notes)
    ids = [item.id for item in criteria.items]
    assert ids == [f"inc-{n}" for n in range(1, inclusion + 1)] + [f"exc-{n}" for n in range(1, exclusion + 1)]


def test_nested_items_stay_with_their_parent_at_every_depth() -> None:
    criteria = split_criteria(criteria_text("NCT06388018"))
    sub_study = criteria.items[9]
    assert sub_study.text.startswith("SUB-STUDY A: Patients with endometrial carcinoma")
    assert [s.text for s in sub_study.sub_items] == ["Cohort A1:", "Cohort A2:"]
    assert [len(s.sub_items) for s in sub_study.sub_items] == [4, 9]


def test_lettered_sub_items_lose_their_letters_but_keep_their_words() -> None:
    first = split_criteria(criteria_text("NCT04431453")).items[0]
    assert first.text.startswith("Aged < 18 years of age who meet one of the following weight criteria")
    assert first.sub_items[0].text == "Cohort 1: ≥ 12 years to < 18 years of age and weight at screening ≥ 40 kg"
    assert len(first.sub_items) == 6


def test_escapes_are_undone_and_other_characters_kept() -> None:
    items = split_criteria(criteria_text("NCT04267848")).items
    texts = [item.text for item in items]
    assert "Age >= 18 years" in texts
    assert "Absolute neutrophil count (ANC) >= 1,500/mm^3" in texts
    assert "Total bilirubin =< 1.5 x upper limit of normal (ULN)" in texts
    assert not any("\\" in line for item in items for line in item.lines)


def _shape(criteria: Criteria) -> list[tuple[str, str, list[str]]]:
    return [(item.id, item.text, [s.text for s in item.sub_items]) for item in criteria.items]


@pytest.mark.parametrize(("text", "shape", "notes", "headings"), [
    # No headings, bullets: every item counts as inclusion, and the result says there were no headings.
    ("* Age 18 or older\n* Able to swallow pills", [("inc-1", "Age 18 or older", []),
                                                     ("inc-2", "Able to swallow pills", [])], [], False),
    # No headings, no markers: each line is an item.
    ("Age 18 or older\nAble to swallow pills\n", [("inc-1", "Age 18 or older", []),
                                                  ("inc-2", "Able to swallow pills", [])], [], False),
    # Upper-case headings without colons, dash bullets, Windows line ends.
    ("INCLUSION CRITERIA\r\n- Adults\r\nEXCLUSION CRITERIA\r\n- Pregnancy\r\n",
     [("inc-1", "Adults", []), ("exc-1", "Pregnancy", [])], [], True),
    # Bold headings and numbers with parentheses, nested letters in brackets.
    ("**Inclusion Criteria:**\n\n1) Adequate blood counts:\n   (a) Platelets \\>= 100,000/mm3\n   (b) ANC \\>= 1500/mm3\n"
     "2) Signed consent\n\n**Exclusion Criteria:**\n\n1) Active infection",
     [("inc-1", "Adequate blood counts:", ["Platelets >= 100,000/mm3", "ANC >= 1500/mm3"]),
      ("inc-2", "Signed consent", []), ("exc-1", "Active infection", [])], [], True),
    # A wrapped line continues its item; an indented paragraph after a blank line too.
    ("Inclusion Criteria:\n\n* Measurable disease by RECIST\nversion 1.1\n* Adults\n\n  who can consent",
     [("inc-1", "Measurable disease by RECIST version 1.1", []), ("inc-2", "Adults who can consent", [])], [], True),
    # An introduction, a closing note and a page footer are notes, not rules.
    ("Inclusion Criteria:\n\nPatients must meet all of the following:\n\n* Adults\n\nNote: other criteria may apply\n"
     "Page 2 of 3\n\nExclusion Criteria:\n\n* Pregnancy\n\nProtocol version 3.0, dated 2020-01-01",
     [("inc-1", "Adults", []), ("exc-1", "Pregnancy", [])],
     ["Patients must meet all of the following:", "Note: other criteria may apply", "Page 2 of 3",
      "Protocol version 3.0, dated 2020-01-01"], True),
    # A line that starts with "Inclusion of" is a rule, not a heading.
    ("Inclusion Criteria:\n* Inclusion of patients over 18 only after consent\n",
     [("inc-1", "Inclusion of patients over 18 only after consent", [])], [], True),
    # Only exclusion criteria.
    ("Exclusion Criteria:\n\n* Pregnancy\n* Prior chemotherapy", [("exc-1", "Pregnancy", []),
                                                                  ("exc-2", "Prior chemotherapy", [])], [], True),
    # Markdown escapes of every kind, and a star inside the words.
    ("* Hemoglobin \\> 9 \\[g/dL\\] \\*see note\\* \\< 2 \\_x\\_", [("inc-1", "Hemoglobin > 9 [g/dL] *see note* < 2 _x_",
                                                                    [])], [], False),
    # Tabs, runs of spaces and non-breaking spaces become one space.
    ("*\tAge  \u00a0>= 18", [("inc-1", "Age >= 18", [])], [], False),
    # A rule on the heading's own line.
    ("Inclusion criteria: Adults with asthma\nExclusion criteria: Smokers\n",
     [("inc-1", "Adults with asthma", []), ("exc-1", "Smokers", [])], [], True),
    ("Exclusion Criteria: any of the following:\n* A\n* B", [("exc-1", "A", []), ("exc-2", "B", [])],
     ["any of the following:"], True),
    # The older NCI layout: sub-headings in capitals, no inclusion or exclusion heading.
    ("DISEASE CHARACTERISTICS:\n\n  * Confirmed adenocarcinoma\n\nPATIENT CHARACTERISTICS:\n\n  * ECOG 0-1\n",
     [("inc-1", "Confirmed adenocarcinoma", []), ("inc-2", "ECOG 0-1", [])],
     ["DISEASE CHARACTERISTICS:", "PATIENT CHARACTERISTICS:"], False),
    # "o" and arrow bullets under a dash.
    ("Inclusion Criteria:\n- Adequate organ function\n  o Platelets >= 100,000/mm3\n  ► ANC >= 1500/mm3\n- Adults",
     [("inc-1", "Adequate organ function", ["Platelets >= 100,000/mm3", "ANC >= 1500/mm3"]),
      ("inc-2", "Adults", [])], [], True),
    ("", [], [], False),
    ("   \n\n  ", [], [], False),
])
def test_layouts(text: str, shape: list, notes: list[str], headings: bool) -> None:
    criteria = split_criteria(text)
    assert _shape(criteria) == shape
    assert list(criteria.notes) == notes
    assert criteria.headings is headings


def test_sections_may_repeat_and_numbering_continues_per_kind() -> None:
    text = ("Inclusion Criteria:\n* A\nExclusion Criteria:\n* B\nInclusion Criteria (Part 2):\n* C\n"
            "Exclusion Criteria (Part 2):\n* D")
    assert [(i.id, i.text) for i in split_criteria(text).items] == [
        ("inc-1", "A"), ("exc-1", "B"), ("inc-2", "C"), ("exc-2", "D")]


def test_the_source_shows_sub_items_indented_under_the_parent() -> None:
    item = split_criteria("* Parent:\n  * Child\n    * Grandchild").items[0]
    assert item.source == "Parent:\n  - Child\n    - Grandchild"
    assert item.lines == ("Parent:", "Child", "Grandchild")


def test_very_deep_nesting_is_kept_without_limit_errors() -> None:
    text = "\n".join("  " * depth + "* level " + str(depth) for depth in range(30))
    criteria = split_criteria(text)
    assert len(criteria.items) == 1
    assert len(criteria.items[0].lines) == 30


# ---------------------------------------------------------------- items that explain a word

# (case, eligibility text, the ids of the items that only explain a word). Conservative:
# an item is taken for a definition only when it is worded as one, says nothing a rule
# says, is not about the person taking part, and another item uses the word it defines.
USES_WOCBP = "* Not pregnant\n  * For women of childbearing potential only, a negative pregnancy test"
DEFINITIONS = [
    ("a kind of person, then what makes one (NCT04267848)",
     "Inclusion Criteria:\n* A female of childbearing potential is a sexually mature female who:\n"
     "  * Has not undergone a hysterectomy; or\n  * Has had menses in the preceding 12 months\n" + USES_WOCBP,
     ["inc-1"]),
    ("is defined as", "* Measurable disease is defined as at least one lesion of 10 mm or more\n"
     "* Patients must have measurable disease", ["inc-1"]),
    ("means", "* Postmenopausal means no menses for 12 months in a row\n"
     "* Women who are not postmenopausal must use birth control", ["inc-1"]),
    ("refers to, the word spelled another way", "* Child-bearing potential refers to any woman who is not past "
     "menopause\n" + USES_WOCBP, ["inc-1"]),
    ("the word used by its short name", "* Women of childbearing potential (WOCBP) are any women who:\n"
     "  * have not had a hysterectomy\n* WOCBP must use two forms of birth control", ["inc-1"]),
    ("definition of", "* Definition of adequate birth control:\n  * two methods at once\n"
     "* Patients must use adequate birth control", ["inc-1"]),
    ("in the exclusions", "Inclusion Criteria:\n* Age >= 18 years\nExclusion Criteria:\n"
     "* Significant heart disease is defined as:\n  * heart attack in the last 6 months\n"
     "* Significant heart disease", ["exc-1"]),
    # Rules, though some are worded like definitions.
    ("a rule about that person", "* Women of childbearing potential must agree to use birth control\n" + USES_WOCBP,
     []),
    ("a definition inside a rule", "* Women of childbearing potential (defined as not postmenopausal) must have "
     "a negative pregnancy test\n" + USES_WOCBP, []),
    ("about the person taking part", "* Patient is a woman who:\n  * is past menopause\n"
     "* Patient is a woman of childbearing potential", []),
    ("a rule with a list", "* Patient has severe pulmonary, cardiac, or other systemic disease, specifically:\n"
     "  * heart failure\n* Patient has had systemic disease treated", []),
    ("eligible provided that", "* Patients who have completed protocol 10M-01-1 are eligible for this study "
     "provided that:\n  * ECOG 0 or 1\n* Patients who have completed protocol 10M-01-1 give consent", []),
    ("the word no other item uses", "* A female of childbearing potential is a sexually mature female who:\n"
     "  * Has not undergone a hysterectomy\n* Age >= 18 years", []),
    ("a group of rules headed by a word", "* Adequate organ function is defined as:\n  * Platelets >= 100,000/mm^3\n"
     "* Age >= 18 years", []),
    ("defined, and required", "* Measurable disease is defined as one lesion and is required\n"
     "* Patients with measurable disease", []),
    ("is, with no definition", "* Expected survival is at least 12 weeks\n* Expected survival per the doctor", []),
    ("as defined per protocol", "* Have cardiac impairment as defined per protocol\n* No cardiac impairment", []),
    ("a bare word and a colon", "* Childbearing potential:\n  * not postmenopausal\n" + USES_WOCBP, []),
    ("more definitions than a record has", "\n".join(f"* Word{n} means thing {n}" for n in range(11))
     + "\n* " + " ".join(f"Word{n}" for n in range(11)), []),
]


@pytest.mark.parametrize(("text", "explains"), [case[1:] for case in DEFINITIONS], ids=[c[0] for c in DEFINITIONS])
def test_an_item_that_only_explains_a_word_is_marked_and_keeps_its_place(text: str, explains: list[str]) -> None:
    plain = split_criteria(text)
    assert [item.id for item in plain.items if item.explains] == explains
    marked_off = split_criteria(text.replace(" is ", " IS_NOT ").replace(" are ", " ARE_NOT ")
                                .replace(" means ", " MEANS_NOT ").replace(" refers ", " REFERS_NOT ")
                                .replace("Definition of", "Definition_not of"))
    assert [item.id for item in plain.items] == [item.id for item in marked_off.items]  # no item renumbered


SAMPLE_DEFINITIONS = {"NCT04267848": ["inc-1"]}  # the only one in the ten samples, read by a person


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_the_sample_records_items_that_explain_a_word(nct_id: str) -> None:
    criteria = split_criteria(criteria_text(nct_id))
    assert [item.id for item in criteria.items if item.explains] == SAMPLE_DEFINITIONS.get(nct_id, [])


@pytest.mark.parametrize(("item_id", "number"), [
    ("inc-1", 1), ("inc-21", 21), ("exc-3", 3), ("neuropathy", None), ("inc-", None), ("xinc-2", None), ("inc-2a", None),
])
def test_an_item_s_number_is_its_place_among_its_kind(item_id, number) -> None:
    """The compare table names an item as the check page does ("Needed, 21 of 25" is inc-21)."""
    from explainer.core.criteria import item_number

    assert item_number(item_id) == number
