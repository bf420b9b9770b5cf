"""The question bank shared by all studies (issue 15 item 2): quantities defined once in
core/units.py, answers keyed by the bank's questions, one judgement of an unusual value."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from explainer.answers_io import parse_answers
from explainer.content import builtin_trial_path, load_questions
from explainer.core.model import Trial
from explainer.core.questions import Questionnaire
from explainer.core.units import QUANTITIES, Unusual, accepted_units, unusual

BANK = load_questions()
RAW = json.loads(json.dumps(BANK.model_dump(mode="json", exclude_none=True)))


@pytest.mark.parametrize(("quantity", "value", "unit", "rule_unit", "expected"), [
    ("platelet count", 0, "/uL", "/uL", Unusual(None)),  # issue 15: no count, no unit that helps
    ("platelet count", 150_000, "10^9/L", "/uL", Unusual("/uL")),  # a unit mix-up
    ("platelet count", 150, "10^9/L", "/uL", None),
    ("platelet count", 1_000, "/uL", "/uL", None),  # the edge of the plausible range is plausible
    ("platelet count", 999, "/uL", "/uL", Unusual("10^3/uL")),  # 999,000/µL is a real count
    ("hemoglobin", 80, "g/L", "g/dL", None),
    ("hemoglobin", 80, "g/dL", "g/dL", Unusual("g/L")),
    ("neutrophil count", 1.2, "10^9/L", "/uL", None),
    ("ALT", 5_000, "xULN", "xULN", None),  # no plausible range for a multiple of the normal limit
    ("creatinine clearance", 0, "mL/min", "mL/min", None),
    ("platelet count", 150, "10^9/L", "", None),  # a question no rule compares: nothing to judge in
])
def test_one_judgement_of_an_unusual_value(quantity, value, unit, rule_unit, expected) -> None:
    assert unusual(quantity, value, unit, rule_unit) == expected


def test_every_lab_question_names_a_quantity_defined_once() -> None:
    labs = [q for q in BANK.questions if q.kind == "lab"]
    assert labs and all(q.quantity in QUANTITIES and set(q.units) <= set(accepted_units(q.quantity)) for q in labs)
    assert {q.quantity for q in labs} == set(QUANTITIES)  # no quantity left without a question
    assert accepted_units("creatinine clearance") == ("mL/min",) and accepted_units("ALT")[0] == "xULN"


def _bank_with(change) -> dict:
    data = json.loads(json.dumps(RAW))
    change(data)
    return data


@pytest.mark.parametrize(("change", "words"), [
    (lambda d: d["questions"][-2].pop("quantity"), "creatinine_clearance: a lab question names a quantity"),
    (lambda d: d["questions"][-2].update(quantity="furlongs"), "a lab question names a quantity"),
    (lambda d: d["questions"][-2].update(units=["mL/min/1.73m2"]), "creatinine_clearance: units must be some of"),
    (lambda d: d["questions"][-1].update(units=["%"]), "karnofsky: only lab questions take a quantity and units"),
    (lambda d: d["questions"][-1].pop("maximum"), "karnofsky: a whole number needs a minimum and a maximum"),
    (lambda d: d["groups"][0]["questions"].append("walking_distance"),
     "groups name questions the bank does not have: ['walking_distance']"),
    (lambda d: d["groups"][0]["questions"].pop(), "every question is shown in exactly one group"),
    (lambda d: d["questions"].append(d["questions"][0]), "questions in the bank twice: ['age_years']"),
])
def test_a_broken_bank_is_named(change, words) -> None:
    with pytest.raises(ValidationError) as caught:
        Questionnaire.model_validate(_bank_with(change))
    assert words in str(caught.value)


def test_answers_from_a_file_and_from_the_window_are_of_one_model() -> None:
    text = json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242",
                       "as_of": "2026-11-23", "answers": {"karnofsky": 70}})
    loaded = parse_answers(text)
    assert type(loaded.answers) is load_questions().answers_model is BANK.answers_model
    assert loaded.answers == BANK.answers_model(karnofsky=70) and loaded.answers.get("karnofsky") == 70
    assert loaded.answers.get("walking_distance") is None and loaded.answers.platelets is None


def test_a_trial_file_is_checked_against_the_bank_it_is_given() -> None:
    data = json.loads(builtin_trial_path().read_text(encoding="utf-8"))
    assert Trial.model_validate_json(json.dumps(data), context={"questions": BANK}).nct_id == "NCT04883242"
    # The bank decides: a bank without Karnofsky refuses a rule on it; the shared bank takes it.
    data["criteria"][0]["rule"] = {"kind": "compare", "question": "karnofsky", "op": ">=", "limit": 70, "unit": ""}
    assert Trial.model_validate_json(json.dumps(data), context={"questions": BANK})
    smaller = _bank_with(lambda d: (d["questions"].pop(), d["groups"][3]["questions"].remove("karnofsky")))
    with pytest.raises(ValidationError, match="'karnofsky' is not a question of the answers file"):
        Trial.model_validate_json(json.dumps(data), context={"questions": Questionnaire.model_validate(smaller)})


# A study's limit is its own (its trial file's rule, shown on the results page); the bank is
# shared, so its words never state one. The bank once said "The study needs 0, 1 or 2" under
# ECOG, which the made-up study (ECOG 0-1) showed too.
LIMIT_PHRASES = ["the study needs", "this study needs", "the study asks for", "study allows"]


@pytest.mark.parametrize("question", BANK.questions, ids=lambda question: question.key)
def test_the_shared_bank_states_no_study_limit(question) -> None:
    words = " ".join((question.text, question.hint, question.ask_doctor,
                      *(choice.label for choice in question.choices or ()))).lower()
    assert not [phrase for phrase in LIMIT_PHRASES if phrase in words]


# eGFR and creatinine clearance are different numbers (writing guide 4.8): wherever the app
# asks for one, its hint says the other is not the same, so neither is typed for the other.
# (where, the question, the other number's name in its hint)
def _check_hint(key: str) -> str:
    from explainer.study_words_io import study_summary_words

    return study_summary_words().check.inputs[key].hint


KIDNEY_HINTS = [
    ("bank", "egfr", "creatinine clearance"),
    ("bank", "creatinine_clearance", "egfr"),
    ("record check", "egfr", "creatinine clearance"),
    ("record check", "creatinine_clearance", "egfr"),
]


@pytest.mark.parametrize(("where", "key", "other"), KIDNEY_HINTS)
def test_each_kidney_number_says_the_other_is_different(where, key, other) -> None:
    hint = (BANK.question(key).hint if where == "bank" else _check_hint(key)).lower()
    assert other in hint and ("not the same" in hint or "different" in hint)
