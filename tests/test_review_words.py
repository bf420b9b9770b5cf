"""Issue 12, "Done when": a clinical research nurse's reread of every page, question and
the PDF against the registry record. Each test holds one thing that reread found and
fixed: a sentence that must be there, or one that must not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explainer.content import PAGE_NAMES, load_glossary, load_page, load_questions, load_trial
from explainer.core.answers import new_answers_file
from explainer.core.eligibility import Overall, Status, evaluate

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
TRIAL = load_trial()
QUESTIONS = load_questions()
Answers = QUESTIONS.answers_model  # answers keyed by the shared question bank's questions
RECORD = (Path(__file__).parent / "fixtures" / "registry_record_NCT04883242.txt").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _question(key: str):
    return next(q for q in QUESTIONS.questions if q.key == key)


def _criterion(criterion_id: str):
    return next(c for c in TRIAL.criteria if c.id == criterion_id)


# The record: "Active plasma cell leukemia or systemic amyloid light-chain (AL) amyloidosis".
# The plain words and the question had dropped "systemic": someone with amyloidosis in one
# place only would have answered "Yes" and read that the rule seems to apply.
def test_amyloidosis_keeps_the_record_s_word_systemic_and_says_what_it_means() -> None:
    assert "systemic amyloid light-chain (AL) amyloidosis" in RECORD
    plain = _criterion("plasma_cell_leukemia_or_amyloidosis").plain
    assert plain == ("You cannot join if you have active plasma cell leukemia, or systemic AL amyloidosis "
                     "(AL amyloidosis that affects the whole body).")
    question = _question("plasma_cell_leukemia_or_amyloidosis")
    assert "systemic AL amyloidosis" in question.text and "systemic AL amyloidosis" in question.ask_doctor
    assert load_glossary().by_id("systemic").source  # "affects the whole body" has its source


# Hepatitis B or C that is cured or kept undetectable does not keep anyone out, so
# "Any of these would keep you out of the study" was untrue, and frightening.
def test_the_health_questions_do_not_say_that_any_of_them_keeps_you_out() -> None:
    group = next(g for g in QUESTIONS.groups if g.id == "health")
    assert "Any of these would keep you out" not in group.intro
    assert group.intro.startswith("Some health problems keep people out of the study.")
    assert "Not sure" in group.intro
    for key, allowed in (("hepatitis_b", "chronic_undetectable"), ("hepatitis_c", "cured")):
        assert key in group.questions and any(c.value == allowed for c in _question(key).choices)


# Sentences that decided more than the record or an official source says.
UNSUPPORTED = [
    ("active_infection", "An infection that is getting better with treatment does not count."),
    ("prior_treatment_lines", "A new set of medicines counts as a new line."),
    ("neuropathy_grade", "from 0 (none) to 4"),  # an unsourced scale; the study needs grade 2 or lower
]


@pytest.mark.parametrize(("key", "words"), UNSUPPORTED)
def test_a_hint_says_no_more_than_the_record(key: str, words: str) -> None:
    assert words not in _question(key).hint
    assert "doctor" in _question(key).hint  # who to ask instead


# The ECOG question offers 0 to 4 (5 is death, never shown); the glossary said "0 to 5".
def test_the_ecog_words_agree_with_the_question_and_the_scale() -> None:
    question = _question("ecog")
    offered = [int(c.value) for c in question.choices if c.value.isdigit()]
    assert offered == [0, 1, 2, 3, 4] and question.maximum == 4
    term = load_glossary().by_id("ecog")
    assert "0 to 5" not in term.definition and "5" not in term.definition
    assert "0 means" in term.definition and "4 means" in term.definition
    assert question.choices[4].label.startswith("4: I can't look after myself at all.")
    assert term.source.endswith("training.seer.cancer.gov")  # the scale's official page (NCI SEER)


# healthtree.org and guide2multiplemyeloma.com are not on the writing guide's list.
def test_questions_to_ask_credits_no_source_outside_the_guide_s_list() -> None:
    shown = load_page("questions-to-ask", TRIAL)
    for site in ("healthtree", "guide2multiplemyeloma"):
        assert site not in shown
    everywhere = " ".join(load_page(name, TRIAL) for name in PAGE_NAMES)
    everywhere += (RESOURCES / "questions.json").read_text(encoding="utf-8")
    everywhere += (RESOURCES / "trials" / "NCT04883242" / "glossary.json").read_text(encoding="utf-8")
    everywhere += (RESOURCES / "pdf" / "summary.json").read_text(encoding="utf-8")
    assert "healthtree" not in everywhere and "guide2multiplemyeloma" not in everywhere


def _all_met() -> dict:
    return {"age_years": 71, "can_consent": "yes", "relapsed_or_refractory": "yes", "prior_treatment_lines": 2,
            "prior_lenalidomide": "yes", "serum_m_protein": {"value": 12, "unit": "g/L"}, "ecog": 1,
            "prior_toxicities_resolved": "yes", "neuropathy_grade": 1, "prior_asct": "no",
            "egfr": {"value": 55, "unit": "mL/min/1.73m2"}, "alt": {"value": 30, "unit": "U/L", "uln": 40},
            "ast": {"value": 30, "unit": "U/L", "uln": 40}, "bilirubin": {"value": 0.8, "unit": "mg/dL", "uln": 1.2},
            "anc": {"value": 1.8, "unit": "10^9/L"}, "platelets": {"value": 120, "unit": "10^9/L"},
            "hemoglobin": {"value": 10.5, "unit": "g/dL"}, "contraception_agreement": "yes", "heart_disease": "no",
            "uncontrolled_hypertension": "no", "plasma_cell_leukemia_or_amyloidosis": "no",
            "other_active_cancer": "no", "hepatitis_b": "never", "hepatitis_c": "never", "active_infection": "no",
            "other_cancer_treatment": "no"}


# "✓ None of your answers seems to rule you out ... not taking new people": a tick beside
# a closed study reads as "you can join". The overall line gets a neutral mark.
def test_the_overall_line_has_no_tick_when_nothing_rules_you_out(main_window, qtbot) -> None:
    answers = new_answers_file(TRIAL.nct_id, dt.date(2026, 11, 23), Answers.model_validate(_all_met()))
    assert evaluate(TRIAL, answers, QUESTIONS).overall is Overall.POSSIBLE_MATCH
    main_window.show_section("self-check")
    main_window.session.set_answers(answers)
    check = main_window.self_check
    qtbot.waitUntil(lambda: check.results.report.overall is Overall.POSSIBLE_MATCH)
    page = _flat(check.results.browser.toPlainText())
    bar = _flat(check.summary.label.text())
    for text in (page, bar):
        assert "ℹ None of your answers seems to rule you out, but on September 26, 2025 the study was not " \
               "taking new people" in text
        assert "✓ None" not in text
    assert all(c.status is Status.SATISFIED for c in check.results.report.criteria)
    assert "✓ Seems met" in page  # each rule's own tick stays

