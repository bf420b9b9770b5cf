"""The summary as data (pure core): sections, words, the patient's own values, grids, dates."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from explainer.answers_io import load_answers, parse_answers
from explainer.content import load_questions, load_summary_text
from explainer.core.eligibility import Status, evaluate
from explainer.core.model import RecruitmentStatus, Route
from explainer.core.paper import paper_for_environment, paper_for_territory, territory_from_locale
from explainer.core.schedule import build_timeline
from explainer.core.summary import SECTIONS, SummaryOptions, answer_words, build_summary, fill
from explainer.core.facts import short_date
from tests.conftest import FIXTURES

PRINTED = dt.date(2026, 11, 24)
START = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def questions():
    return load_questions()


@pytest.fixture(scope="module")
def text():
    return load_summary_text()


@pytest.fixture(scope="module")
def answers():
    return load_answers(FIXTURES / "full.answers.json")


def summary_of(trial, answers, questions, text, start=START, sections=frozenset(SECTIONS), glossary=None):
    report = evaluate(trial, answers, questions) if answers else None
    return build_summary(trial, report, build_timeline(trial, start), PRINTED,
                         SummaryOptions(sections, glossary), text, answers, questions)


def test_every_placeholder_in_the_texts_is_a_known_fact(trial, text) -> None:
    summary = summary_of(trial, None, None, text)
    assert "{{" not in summary.all_text()
    assert "NCT05911321" in summary.status and "September 26, 2025" in summary.status
    assert "not taking new people" in summary.status


def test_unknown_placeholder_names_itself() -> None:
    with pytest.raises(KeyError, match="nope"):
        fill("{{ nope }}", {"nct_id": "NCT1"})


@pytest.mark.parametrize(("chosen", "expected"), [
    (SECTIONS, ("study", "timeline", "self_check", "team_questions", "help")),
    (("study",), ("study",)),
    (("help", "study"), ("study", "help")),  # print order is fixed, whatever order they were ticked in
    ((), ()),
])
def test_sections_follow_the_choice_in_print_order(trial, answers, questions, text, chosen, expected) -> None:
    summary = summary_of(trial, answers, questions, text, sections=frozenset(chosen))
    assert summary.sections == expected
    assert summary.disclaimer, "the disclaimer is always printed"
    assert (summary.timeline is not None) == ("timeline" in expected)
    assert (summary.self_check is not None) == ("self_check" in expected)


def test_glossary_hook_adds_the_words_section_only_when_it_finds_terms(trial, answers, questions, text) -> None:
    seen = []

    def glossary(words: str):
        seen.append(words)
        return [("Refractory", "Myeloma that stopped responding to treatment.")] if "refractory" in words else []

    summary = summary_of(trial, answers, questions, text, glossary=glossary)
    assert summary.sections[-1] == "words" and summary.words[0][0] == "Refractory"
    assert "isatuximab" in seen[0]
    empty = summary_of(trial, answers, questions, text, glossary=lambda _words: [])
    assert "words" not in empty.sections


@pytest.mark.parametrize(("criterion", "status", "quoted"), [
    ("platelets", Status.UNKNOWN, "30 ×10⁹/L"),  # open: a transfusion or growth factor may raise it
    ("neuropathy", Status.NOT_SATISFIED, "3"),
    ("liver_enzymes", Status.SATISFIED, "50 U/L"),
    ("hemoglobin", Status.SATISFIED, "10.5 g/dL"),
    ("stem_cell_transplant", Status.SATISFIED, "January 10, 2024"),
    ("heart_disease", Status.UNKNOWN, "Not sure"),
])
def test_rows_quote_the_patient_s_own_value(trial, answers, questions, text, criterion, status, quoted) -> None:
    summary = summary_of(trial, answers, questions, text)
    assert summary.self_check is not None
    source = next(c.source for c in trial.criteria if c.id == criterion)
    row = next(r for r in summary.self_check.rows if r.source == source)
    assert row.status is status
    assert quoted in row.reason + " ".join(row.your_answer)


def test_other_answers_the_reason_leaves_out_are_still_shown(trial, answers, questions, text) -> None:
    summary = summary_of(trial, answers, questions, text)
    measurable = next(r for r in summary.self_check.rows if r.source.startswith("Must have measurable disease"))
    assert "12 g/L" in measurable.reason
    assert "M protein in the urine: 150 mg per 24 hours" in measurable.your_answer
    assert not any("12 g/L" in a for a in measurable.your_answer), "a value is quoted once"


def test_a_value_given_as_times_uln_is_quoted_once(trial, questions, text) -> None:
    """The reason already says '2.1 times the upper limit of normal': no second 'Also answered'."""
    liver = parse_answers(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242",
                                      "as_of": "2026-11-23", "answers": {
                                          "alt": {"value": 50, "unit": "U/L", "uln": 40},
                                          "ast": {"value": 2.1, "unit": "xULN"}}}))
    rows = summary_of(trial, liver, questions, text).self_check.rows
    row = next(r for r in rows if r.source.startswith("Alanine aminotransferase"))
    assert "2.1 times the upper limit of normal" in row.reason
    assert row.your_answer == ()


@pytest.mark.parametrize(("kind", "status", "shown"), [
    ("inclusion", Status.SATISFIED, "✓ Seems met"), ("inclusion", Status.NOT_SATISFIED, "✗ Seems not met"),
    ("inclusion", Status.UNKNOWN, "? Still open"),
    # An exclusion says whether it applies (issue 12 item 5).
    ("exclusion", Status.SATISFIED, "✓ Does not seem to apply to you"), ("exclusion", Status.UNKNOWN, "? Still open"),
])
def test_status_is_an_icon_and_a_word(trial, answers, questions, text, kind, status, shown) -> None:
    rows = summary_of(trial, answers, questions, text).self_check.rows
    assert any(r.status_text == shown for r in rows if r.status is status and r.kind == kind)
    assert not any("Seems met" in r.status_text for r in rows if r.kind == "exclusion")


def test_open_rules_become_questions_for_the_doctor(trial, answers, questions, text) -> None:
    check = summary_of(trial, answers, questions, text).self_check
    heart = questions.question("heart_disease").ask_doctor
    assert heart in check.doctor_questions
    assert check.not_met_note, "a rule seems not met, so the doctor is asked to check"
    assert "eligible" not in " ".join(check.doctor_questions).lower()


def test_open_questions_are_split_one_per_item(trial, questions, text) -> None:
    few = parse_answers(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242",
                                    "as_of": "2026-11-23", "answers": {"age_years": 70}}))
    check = summary_of(trial, few, questions, text).self_check
    assert all(q.count("Ask your doctor") <= 1 for q in check.doctor_questions)
    assert len(check.doctor_questions) == len(set(check.doctor_questions)) > 10


def test_without_answers_the_self_check_says_it_was_not_filled_in(trial, text) -> None:
    check = summary_of(trial, None, None, text).self_check
    assert not check.filled and "not filled in" in check.intro and check.rows == ()


def test_grids_follow_the_timeline(trial, answers, questions, text) -> None:
    grids = summary_of(trial, answers, questions, text).timeline.grids
    assert [g.title for g in grids] == ["Induction cycle 1", "Induction cycles 2 to 6",
                                        "Maintenance: every cycle, for up to 24 months"]
    assert [g.clinic_days for g in grids] == [(1, 8, 15, 22), (1, 8, 15), (1, 15)]
    assert [g.maybe_clinic_days for g in grids] == [(), (22,), (8, 22)]
    routes = {r.name: r.route for r in grids[0].rows}
    assert routes == {"Isatuximab": Route.IV, "Carfilzomib": Route.IV, "Pomalidomide": Route.PO,
                      "Dexamethasone": Route.PO_OR_IV}


def test_the_paper_says_how_each_medicine_is_given(trial, text) -> None:
    """The grids show days; the words give each route, and carfilzomib's 30-minute drip (the record's)."""
    how = summary_of(trial, None, None, text).timeline.how_given
    assert how == ("How each medicine is given: isatuximab by drip at the clinic; carfilzomib by drip over 30 minutes "
                   "at the clinic; pomalidomide capsule by mouth at home; dexamethasone by mouth or by drip (ask your "
                   "study team which). The grids below show on which days. They do not show doses.")


def test_journey_boxes_use_the_words_file_and_the_record_s_numbers(trial, text) -> None:
    boxes = {b.id: b for b in summary_of(trial, None, None, text).timeline.journey}
    assert boxes["induction"].lines == ("6 cycles of 28 days", "168 days in all (24 weeks)")
    assert boxes["maintenance"].lines == ("Cycles of 28 days for up to 24 months: about 26 cycles",)
    # The record says "followed up", nothing about a check-up or keeping in touch (issue 12).
    assert boxes["follow_up"].lines == ("The study team follows up 30 days after treatment ends, then for up to "
                                        "5 years.",)
    # A stage the words file does not name (another trial's part) still gets plain lines from the numbers.
    fewer = text.model_copy(update={"journey": {k: v for k, v in text.journey.items() if k != "induction"}})
    induction = next(b for b in summary_of(trial, None, None, fewer).timeline.journey if b.id == "induction")
    assert induction.lines == ("6 cycles of 28 days", "168 days in all (24 weeks)")


def test_personal_dates_only_with_a_start_date(trial, answers, questions, text) -> None:
    dated = summary_of(trial, answers, questions, text).timeline
    assert dated.dates[0].start == START and dated.dates[1].start == START + dt.timedelta(days=28)
    assert [short_date(d) for d in dated.dates[0].clinic_dates] == ["Tue Dec 1", "Tue Dec 8", "Tue Dec 15",
                                                                    "Tue Dec 22"]
    assert dated.journey[1].starts == START
    undated = summary_of(trial, answers, questions, text, start=None).timeline
    assert undated.dates == () and undated.dates_intro == "" and undated.journey[1].starts is None


@pytest.mark.parametrize(("delays", "said"), [
    ({}, None),
    ({3: 7}, "(induction cycle 3: 7 days)"),
    ({3: 1, 7: 14}, "(induction cycle 3: 1 day; maintenance cycle 1: 14 days)"),  # as the table names them
    ({99: 5}, None),  # no such cycle: nothing moved, nothing to say
])
def test_the_dates_say_which_late_starts_they_include(trial, text, delays, said) -> None:
    """A doctor reading the dates must see why cycle 3 starts a week after cycle 2 ends."""
    timeline = build_timeline(trial, START, delays)
    part = build_summary(trial, None, timeline, PRINTED, SummaryOptions(), text).timeline
    if said is None:
        assert "started late" not in part.dates_intro
    else:
        assert f"some cycles started late {said}. These dates include that." in part.dates_intro
    if 3 in delays:
        assert part.dates[2].start == START + dt.timedelta(days=56 + delays[3])


def test_the_study_facts_name_people_and_roles_as_the_record_does(trial, text) -> None:
    """'Lead doctor' alone could be read as the patient's own doctor: the record's role is named too."""
    facts = dict(summary_of(trial, None, None, text).facts)
    assert facts["Lead doctor"] == "Rahul Banerjee, MD, the study's principal investigator"
    assert facts["Lead sponsor"] == "University of Washington, working with Genzyme, a Sanofi Company"


def test_footer_and_metadata(trial, text) -> None:
    summary = summary_of(trial, None, None, text)
    assert summary.footer == "Registry record of September 26, 2025 · Printed on November 24, 2026"
    assert summary.metadata["title"] == "Trial Explainer summary: study NCT04883242"
    assert summary.metadata["author"] == "Trial Explainer"


def test_the_summary_never_shows_doses_or_says_eligible(trial, answers, questions, text) -> None:
    words = summary_of(trial, answers, questions, text).all_text()
    assert not re.search(r"\b\d+(\.\d+)?\s?(mg/kg|mg/m²|mg/m2)\b", words)
    assert not re.search(r"\byou are eligible\b|\byou qualify\b", words, re.I)
    assert "Only the study team decides who can join" in words


@pytest.mark.parametrize(("question_key", "value", "words"), [
    ("platelets", {"value": 150000, "unit": "/uL"}, "150,000/µL"),
    ("ast", {"value": 50, "unit": "U/L", "uln": 40}, "50 U/L (normal limit 40 U/L)"),
    ("ast", {"value": 2.1, "unit": "xULN"}, "2.1 times the upper limit of normal"),
    ("heart_disease", "unsure", "Not sure"),
    ("asct_date", "2024-01-10", "January 10, 2024"),
    ("ecog", 1, '1 ("I can\'t do heavy work or hard exercise, but I can walk and do light housework or office work.")'),
    ("flc_ratio_abnormal", "yes", "Yes, it is abnormal"),  # never a bare "Yes" (issue 12 item 17)
])
def test_answer_words_keep_the_patient_s_units(questions, question_key, value, words) -> None:
    answers = parse_answers(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242",
                                        "as_of": "2026-11-23", "answers": {question_key: value}}))
    assert answer_words(questions.question(question_key), answers.answers.get(question_key)) == words


@pytest.mark.parametrize(("territory", "paper"), [
    ("US", "letter"), ("CA", "letter"), ("MX", "letter"), ("PH", "letter"), ("us", "letter"),
    ("GB", "a4"), ("DE", "a4"), ("FR", "a4"), ("AU", "a4"), (None, "a4"), ("", "a4"),
])
def test_paper_by_territory(territory, paper) -> None:
    assert paper_for_territory(territory) == paper


@pytest.mark.parametrize(("locale_name", "territory"), [
    ("en_US.UTF-8", "US"), ("fr_CA", "CA"), ("de_DE.UTF-8@euro", "DE"), ("C", None), ("C.UTF-8", None),
    ("POSIX", None), ("", None), ("en", None),
])
def test_territory_from_locale(locale_name, territory) -> None:
    assert territory_from_locale(locale_name) == territory


@pytest.mark.parametrize(("environ", "paper"), [
    ({"LANG": "en_US.UTF-8"}, "letter"),
    ({"LANG": "en_GB.UTF-8"}, "a4"),
    ({"LANG": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
    ({"LC_ALL": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "a4"),  # LC_ALL overrides every other
    ({}, "a4"),
    ({"LANG": "C.UTF-8"}, "a4"),
])
def test_paper_from_the_environment(environ, paper) -> None:
    assert paper_for_environment(environ) == paper


@pytest.mark.parametrize(("neuropathy", "platelets", "heart", "overall"), [
    (3, 150, "no", "At least 1 of your answers seems not to fit a rule, but on September 26, 2025 the study was "
                   "not taking new people; only the study team decides."),
    (1, 30, "no", "Some rules are still open, and none of your answers seems to rule you out so far, but on "
                  "September 26, 2025 the study was not taking new people; only the study team decides."),
    (1, 150, "unsure", "Some rules are still open, and none of your answers seems to rule you out so far, but on "
                       "September 26, 2025 the study was not taking new people; only the study team decides."),
    (1, 150, "no", "None of your answers seems to rule you out, but on September 26, 2025 the study was not "
                   "taking new people; only the study team decides."),
])
def test_overall_words_never_say_eligible(trial, questions, text, neuropathy, platelets, heart, overall) -> None:
    data = json.loads((FIXTURES / "full.answers.json").read_text(encoding="utf-8"))
    data["answers"].update(platelets={"value": platelets, "unit": "10^9/L"}, heart_disease=heart,
                           flc_ratio_abnormal="yes", neuropathy_grade=neuropathy)
    check = summary_of(trial, parse_answers(json.dumps(data)), questions, text).self_check
    assert check.overall == overall
    assert "match" not in check.overall.lower() and "eligible" not in check.overall.lower()


def test_the_self_check_section_starts_with_the_study_s_status(trial, answers, questions, text) -> None:
    """Issue 12 item 15: the PDF's self-check says first that the study was not taking people."""
    for report_answers in (answers, None):
        check = summary_of(trial, report_answers, questions, text).self_check
        headline, details = check.notice
        assert headline == "On September 26, 2025, this study was not taking new people."
        assert "Ask your doctor or the study team if this has changed" in details
        assert "other studies" in details and "NCT05911321" in details
        assert 'The help lines in the part "Contacts and where to get help" below' in details
    without_help = summary_of(trial, answers, questions, text, sections=frozenset({"self_check"})).self_check
    assert 'on the page "Where to get help" in the Trial Explainer app' in without_help.notice[1]
    recruiting = trial.model_copy(update={"status": RecruitmentStatus.RECRUITING})
    assert summary_of(recruiting, answers, questions, text).self_check.notice == ("", "")


@pytest.mark.parametrize(("status", "answer"), [("ACTIVE_NOT_RECRUITING", "No."), ("RECRUITING", "Yes.")])
def test_the_status_answer_follows_the_record(trial, text, status, answer) -> None:
    changed = trial.model_copy(update={"status": RecruitmentStatus(status)})
    summary = summary_of(changed, None, None, text)
    assert f"Is the study taking new people? {answer}" in summary.status


# (answers given, sections, the subtitle, the disclaimer's first paragraph ends with)
MADE_FROM = [
    (True, frozenset(SECTIONS), "Made with the Trial Explainer app from the study's public record and your own answers.",
     "made it from the study's public record and your own answers. The record is on ClinicalTrials.gov."),
    (False, frozenset(SECTIONS), "Made with the Trial Explainer app from the study's public record.",
     "made it from the study's public record. The record is on ClinicalTrials.gov."),
    (True, frozenset({"study", "timeline"}), "Made with the Trial Explainer app from the study's public record.",
     "made it from the study's public record. The record is on ClinicalTrials.gov."),
]


@pytest.mark.parametrize(("with_answers", "sections", "subtitle", "disclaimer_end"), MADE_FROM)
def test_your_own_answers_only_when_the_pdf_has_them(trial, answers, questions, text, with_answers, sections,
                                                     subtitle, disclaimer_end) -> None:
    summary = summary_of(trial, answers if with_answers else None, questions, text, sections=sections)
    assert summary.subtitle == subtitle
    assert summary.disclaimer[0].endswith(disclaimer_end)
