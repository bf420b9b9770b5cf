"""Issue 16 item 5: the general glossary of words trial records use
(resources/glossary-general.json), merged with the study's own glossary, and found in
the registry's text of every sample record."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from explainer.content import ContentError, load_general_glossary, load_glossary, load_merged_glossary
from explainer.core.glossary import Glossary, GlossaryTerm, is_abbreviation, mark_terms, mentions, merge_glossaries
from tests.readability import MAX_GRADE, MAX_MEAN_GRADE, grade, plain_words
from tests.test_content_issue12 import DOMAIN, _allowed

GENERAL = load_general_glossary()
STUDY = load_glossary()
MERGED = load_merged_glossary()
RECORDS = sorted((Path(__file__).parent / "fixtures" / "ctgov").glob("NCT*.json"))

# Words the general glossary shares with the study's glossary. Each was read side by
# side with the study's entry: the same word in the same sense (the study's is often
# written for its own myeloma study), so the study's entry is shown where both are
# loaded. A new overlap must be read the same way and added here.
SAME_WORD_AS_STUDY = {
    "alt-ast", "anc", "antibody", "bilirubin", "blood-clot", "bone-marrow", "by-mouth", "contraception", "ct-scan",
    "cycle", "ecog", "egfr", "hemoglobin", "iv", "mri", "neuropathy", "phase-2", "placebo", "platelets",
    "principal-investigator", "refractory", "relapsed", "sponsor", "stem-cell-transplant", "steroid", "uln", "x-ray",
}


def _study(record: Path) -> dict:
    data = json.loads(record.read_text(encoding="utf-8"))
    return data["studies"][0] if "studies" in data else data


def _criteria(record: Path) -> str:
    return _study(record).get("protocolSection", {}).get("eligibilityModule", {}).get("eligibilityCriteria", "")


def test_the_general_glossary_has_at_least_250_words() -> None:
    assert len(GENERAL.terms) >= 250


@pytest.mark.parametrize("term", GENERAL.terms, ids=lambda t: t.id)
def test_each_definition_is_plain_short_and_sourced(term: GlossaryTerm) -> None:
    assert grade(plain_words(term.definition)) <= MAX_GRADE, term.definition
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", term.definition)) <= 3, "1 to 3 short sentences"
    assert term.definition[-1] in ".!?"
    domains = DOMAIN.findall(term.source)
    assert domains and all(_allowed(d) for d in domains), f"{term.source} is not on the guide's allowed list"
    # Never a dose, never a word that sounds like a decision about the reader.
    assert not re.search(r"\d\s*(?:mg|mcg|µg|g|ml|mL|units?)\b", term.definition)
    assert not re.search(r"\beligib|\bmatch|\byou qualify", term.definition, re.I)


def test_the_definitions_are_grade_7_or_lower_on_average() -> None:
    grades = [grade(plain_words(t.definition)) for t in GENERAL.terms]
    assert sum(grades) / len(grades) <= MAX_MEAN_GRADE


def test_no_two_words_share_a_definition() -> None:
    definitions = [t.definition for t in GENERAL.terms]
    assert len(set(definitions)) == len(definitions)


def test_a_word_or_form_defined_twice_is_refused() -> None:
    data = json.loads((Path(__file__).parents[1] / "resources" / "glossary-general.json").read_text(encoding="utf-8"))
    data["terms"].append({"id": "wbc-again", "term": "Leukocytes", "definition": "Twice.", "source": "cancer.gov"})
    with pytest.raises(ValueError, match="defined twice"):
        Glossary.model_validate(data)


def test_a_word_the_study_also_defines_is_the_same_word_under_the_same_id() -> None:
    study_forms = {f.casefold(): t.id for t in STUDY.terms for f in t.forms()}
    overlaps = {}
    for term in GENERAL.terms:
        clashing = {study_forms[f.casefold()] for f in term.forms() if f.casefold() in study_forms}
        if clashing or term.id in {t.id for t in STUDY.terms}:
            overlaps[term.id] = clashing
    # A form the study uses for another word would be the same letters with a different meaning.
    assert all(clashing <= {term_id} for term_id, clashing in overlaps.items()), overlaps
    assert set(overlaps) == SAME_WORD_AS_STUDY


def test_the_merged_glossary_shows_the_study_s_meaning_and_keeps_every_form() -> None:
    for term in STUDY.terms:
        assert MERGED.by_id(term.id).definition == term.definition
        assert MERGED.by_id(term.id).source == term.source
    for term in GENERAL.terms:
        merged = MERGED.by_id(term.id)
        if term.id not in SAME_WORD_AS_STUDY:
            assert merged == term
        assert {f.casefold() for f in term.forms()} <= {f.casefold() for f in merged.forms()}, term.id
    assert len(MERGED.terms) == len(STUDY.terms) + len(GENERAL.terms) - len(SAME_WORD_AS_STUDY)


def _made_up(*terms: tuple[str, str, tuple[str, ...], str]) -> Glossary:
    return Glossary(format="trial-explainer-glossary", version=1, terms=tuple(
        GlossaryTerm(id=i, term=term, also=also, definition=definition) for i, term, also, definition in terms))


@pytest.mark.parametrize(("general", "study", "expected"), [
    # Nothing shared: both kept.
    ([("a", "alpha", (), "General A.")], [("b", "beta", (), "Study B.")],
     {"a": (("alpha",), "General A."), "b": (("beta",), "Study B.")}),
    # Same id: the study's meaning, with the general term's other forms added.
    ([("a", "alpha", ("alphas", "ALF"), "General A.")], [("a", "Alpha", (), "Study A.")],
     {"a": (("Alpha", "alphas", "ALF"), "Study A.")}),
    # A form the study uses for another word: the general term gives way whole.
    ([("g", "gamma", ("beta",), "General G.")], [("b", "beta", (), "Study B.")],
     {"b": (("beta",), "Study B.")}),
])
def test_merging_lets_the_study_win(general, study, expected) -> None:
    merged = merge_glossaries(_made_up(*general), _made_up(*study))
    assert {t.id: (t.forms(), t.definition) for t in merged.terms} == expected


def test_the_merged_glossary_loads_from_the_files_given(tmp_path: Path) -> None:
    general = tmp_path / "general.json"
    general.write_text(json.dumps({"format": "trial-explainer-glossary", "version": 1, "terms": [
        {"id": "cycle", "term": "cycle", "also": ["treatment cycle"], "definition": "General.", "source": "cancer.gov"},
        {"id": "arm", "term": "arm", "definition": "A group.", "source": "ClinicalTrials.gov"}]}), encoding="utf-8")
    merged = load_merged_glossary(general=general)
    assert merged.by_id("cycle").definition == STUDY.by_id("cycle").definition
    assert "treatment cycle" in merged.by_id("cycle").forms()
    assert merged.by_id("arm").definition == "A group."


@pytest.mark.parametrize(("text", "says"), [
    ("{", "not valid JSON"),
    ('{"format": "trial-explainer-glossary", "version": 1, "terms": []}', "terms"),
    ('{"format": "trial-explainer-glossary", "version": 1, "terms": [{"id": "a", "term": "x", "definition": "A.", '
     '"source": "cancer.gov", "sorce": "typo"}]}', "unknown field"),
])
def test_a_broken_general_glossary_is_one_plain_error_naming_the_file(tmp_path: Path, text: str, says: str) -> None:
    broken = tmp_path / "glossary-general.json"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=says) as caught:
        load_merged_glossary(general=broken)
    assert str(broken) in str(caught.value)


def _longest_form_at_each_place(text: str, glossary: Glossary) -> list[tuple[int, int, str]]:
    """The plain way: at each place where a word starts, every form in turn, longest
    first (abbreviations only as written: is_abbreviation, checked by its own table
    below); a find skips the text it covers."""
    forms = sorted(((f, t.id) for t in glossary.terms for f in t.forms()), key=lambda ft: -len(ft[0]))
    found = []
    position = 0
    while position < len(text):
        if position == 0 or not re.match(r"[\w-]", text[position - 1]):
            for form, term_id in forms:
                words = text[position:position + len(form)]
                same = words == form if is_abbreviation(form) else words.lower() == form.lower()
                if same and not re.match(r"[\w-]", text[position + len(form):position + len(form) + 1]):
                    found.append((position, position + len(form), term_id))
                    position += len(form) - 1
                    break
        position += 1
    return found


@pytest.mark.parametrize("record", [r for r in RECORDS if _criteria(r)], ids=lambda r: r.stem)
def test_every_sample_record_s_criteria_are_marked_with_the_merged_glossary(record: Path) -> None:
    text = _criteria(record)
    found = mentions(text, MERGED)
    assert [(m.start, m.end, m.term.id) for m in found] == _longest_form_at_each_place(text, MERGED)
    ids = {m.term.id for m in found}
    assert len(ids) >= 8, ids  # the smallest sample (a dental study) has 8 words explained
    assert {"inclusion-criteria", "exclusion-criteria"} & ids  # the registry's own headings
    marked = mark_terms(text, MERGED, lambda words, t: f"<a href='glossary:{t.id}'>{html.escape(words)}</a>",
                        escape=html.escape)
    assert marked.count("href='glossary:") == len(ids)  # the first mention of each word
    assert html.unescape(re.sub(r"<a href='glossary:[^']*'>|</a>", "", marked)) == text  # nothing else changes


def test_the_one_record_without_criteria_has_no_text_to_mark() -> None:
    (bare,) = [r for r in RECORDS if not _criteria(r)]
    section = _study(bare)["protocolSection"]
    assert set(section) == {"identificationModule"}


@pytest.mark.parametrize(("record", "words"), [
    ("NCT02576665", {"childbearing-potential", "uln", "ecog", "karnofsky", "recist", "measurable-disease",
                     "informed-consent", "hiv", "brain-metastases", "creatinine-clearance"}),
    ("NCT04267848", {"hbsag", "hepatitis-c", "live-vaccine", "neoadjuvant-therapy", "adjuvant-therapy",
                     "childbearing-potential", "anc", "alt-ast", "bilirubin"}),
    ("NCT03934567", {"stable-disease", "progression", "line-of-therapy", "cns", "autologous", "allogeneic", "gvhd"}),
    ("NCT04431453", {"cohort", "irb", "gestational-age", "dialysis", "pcr", "covid-19"}),
])
def test_the_words_a_patient_would_stop_at_are_explained(record: str, words: set[str]) -> None:
    text = _criteria(next(r for r in RECORDS if r.stem == record))
    assert words <= {m.term.id for m in mentions(text, MERGED)}


@pytest.mark.parametrize(("text", "found"), [
    # Everyday senses the registry's text also uses: not explained as the medical word.
    ("Patients will be enrolled, subject to all entry criteria.", ["enrollment", "eligibility-criteria"]),
    ("In contrast, the next phase of the plan", []),
    ("Contrast-enhanced MRI in the treatment phase", ["contrast", "mri"]),
    ("Phase II and phase 1/2 trials", ["phase-2", "phase-1-2"]),
    ("Active, not recruiting; recruiting", ["active-not-recruiting", "recruiting"]),
    ("AST/ALT =< 2.5 x ULN; ast or alt", ["alt-ast", "uln"]),  # abbreviations in capitals only
])
def test_words_are_found_in_their_registry_sense_only(text: str, found: list[str]) -> None:
    assert [m.term.id for m in mentions(text, MERGED)] == found


def test_the_egfr_gene_is_not_explained_as_the_kidney_test() -> None:
    assert [m.term.id for m in mentions("Local testing of EGFR with no EGFR exon 19 deletion", MERGED)] == [
        "exon", "deletion"]


@pytest.mark.parametrize(("text", "found"), [
    ("eGFR of 40 mL/min", ["egfr"]),  # the kidney test, as records write it
    ("EGFR", []),                     # the gene: not the kidney test
    ("egfr", []),
    ("ctDNA in blood; CTDNA", ["ctdna"]),
    ("HBsAg positive", ["hbsag"]),
])
def test_mixed_case_abbreviations_match_only_as_written(text: str, found: list[str]) -> None:
    assert [m.term.id for m in mentions(text, MERGED)] == found


@pytest.mark.parametrize(("form", "abbreviation"), [
    ("IV", True), ("ULN", True), ("eGFR", True), ("ctDNA", True), ("HBsAg", True), ("AEs", True),
    ("CT scan", False), ("HIV-infected", False), ("platelets", False), ("Hodgkin", False), ("SARS-CoV-2", False),
])
def test_which_forms_are_abbreviations(form: str, abbreviation: bool) -> None:
    assert is_abbreviation(form) is abbreviation
