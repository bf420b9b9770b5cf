"""The self-check's pure logic: every rule at, just above and just below its limit,
in every unit the answers file accepts; unknown propagation; the overall result."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from explainer.content import load_questions
from explainer.core.answers import LabValue, new_answers_file
from explainer.core.eligibility import Overall, Status, evaluate, full_months_between
from explainer.core.model import Criterion
from explainer.core.rules import AllOf, AnyOf, Compare
from explainer.core.units import ULN, accepted_units, convert, display_unit

AS_OF = dt.date(2026, 11, 23)
QUESTIONS = load_questions()
Answers = QUESTIONS.answers_model  # answers keyed by the shared question bank's questions


def _leaves(rule):
    if isinstance(rule, (AllOf, AnyOf)):
        for child in rule.of:
            yield from _leaves(child)
    else:
        yield rule


def _compare_rules():
    from explainer.content import load_trial

    return [leaf for c in load_trial().criteria if c.rule for leaf in _leaves(c.rule) if isinstance(leaf, Compare)]


def _units_for(rule: Compare) -> list[str]:
    quantity = QUESTIONS.quantity(rule.question)
    return list(accepted_units(quantity)) if quantity else [""]


def _lab(rule: Compare, unit: str, value_in_rule_unit: float) -> object:
    if unit == "":
        return int(value_in_rule_unit)
    if rule.unit == ULN and unit != ULN:
        return LabValue(value=value_in_rule_unit * 40, unit=unit, uln=40)
    return LabValue(value=convert(value_in_rule_unit, rule.unit, unit), unit=unit)


def _step(rule: Compare, unit: str) -> float:
    return 1.0 if unit == "" else abs(rule.limit) * 0.01 or 0.01


def _expected(rule: Compare, where: str) -> Status:
    meets = {">=": {"at", "above"}, ">": {"above"}, "<=": {"at", "below"}, "<": {"below"}}[rule.op]
    if where in meets:
        return Status.SATISFIED
    # Short of a limit the trial lets patients reach (a transfusion, a growth factor): open.
    return Status.UNKNOWN if rule.may_be_raised else Status.NOT_SATISFIED


BOUNDARY_CASES = [
    pytest.param(rule, unit, where, id=f"{rule.question}-{unit or 'number'}-{where}")
    for rule in _compare_rules() for unit in _units_for(rule) for where in ("below", "at", "above")
]


def _single_rule_trial(trial, rule, kind="inclusion"):
    criterion = Criterion(id="only", kind=kind, source="s", plain="p", rule=rule)
    return trial.model_copy(update={"criteria": (criterion,)})


@pytest.mark.parametrize(("rule", "unit", "where"), BOUNDARY_CASES)
def test_every_limit_in_every_unit(trial, rule: Compare, unit: str, where: str) -> None:
    offset = {"below": -1, "at": 0, "above": 1}[where] * _step(rule, unit)
    answer = _lab(rule, unit, rule.limit + offset)
    answers = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate({rule.question: answer}))
    result = evaluate(_single_rule_trial(trial, rule), answers, QUESTIONS).criteria[0]
    assert result.status is _expected(rule, where)
    if unit not in ("", ULN):
        assert display_unit(unit) in result.reason  # the patient's own unit is quoted
    assert "The study needs" in result.reason


@pytest.mark.parametrize(("key", "answer", "criterion", "status", "words"), [
    ("platelets", {"value": 40, "unit": "10^9/L"}, "platelets", Status.UNKNOWN,
     "Your platelets: 40 ×10⁹/L = 40,000/µL. The study needs at least 50,000/µL."),
    ("platelets", {"value": 50, "unit": "10^3/uL"}, "platelets", Status.SATISFIED, "50 ×10³/µL = 50,000/µL"),
    ("platelets", {"value": 49999, "unit": "/uL"}, "platelets", Status.UNKNOWN, "49,999/µL."),
    ("anc", {"value": 1.0, "unit": "10^9/L"}, "anc", Status.SATISFIED, "1 ×10⁹/L = 1,000/µL"),
    ("hemoglobin", {"value": 80, "unit": "g/L"}, "hemoglobin", Status.SATISFIED, "80 g/L = 8 g/dL"),
    ("hemoglobin", {"value": 4.9, "unit": "mmol/L"}, "hemoglobin", Status.UNKNOWN, "4.9 mmol/L"),
    ("egfr", {"value": 20, "unit": "mL/min/1.73m2"}, "egfr", Status.SATISFIED,
     "Your eGFR: 20 mL/min/1.73 m². The study needs at least 20 mL/min."),  # never "= 20 mL/min"
    # A number that only makes sense in another unit is a slip: the rule stays open, never met.
    ("platelets", {"value": 150000, "unit": "10^9/L"}, "platelets", Status.UNKNOWN,
     "Your platelets: 150,000 ×10⁹/L would be very unusual. Please check the unit: did you mean 150,000/µL?"),
    ("hemoglobin", {"value": 80, "unit": "g/dL"}, "hemoglobin", Status.UNKNOWN, "did you mean 80 g/L?"),
    # No unit would make these plausible: still open, never met or not met.
    ("platelets", {"value": 5000000, "unit": "/uL"}, "platelets", Status.UNKNOWN,
     "would be very unusual. Please check the number and the unit on your report."),
    ("hemoglobin", {"value": 0, "unit": "g/dL"}, "hemoglobin", Status.UNKNOWN, "Please check the number"),
    ("anc", {"value": 0, "unit": "10^9/L"}, "anc", Status.UNKNOWN, "This rule stays open until it is checked."),
    ("bilirubin", {"value": 35, "unit": "umol/L", "uln": 17}, "bilirubin", Status.NOT_SATISFIED,
     "35 µmol/L, with a normal limit of 17 µmol/L on your report, which is 2.06 times the upper limit"),
    ("bilirubin", {"value": 2, "unit": "xULN"}, "bilirubin", Status.SATISFIED, "2 times the upper limit"),
    ("age_years", 17, "age_and_consent", Status.NOT_SATISFIED, "Your age: 17. The study needs at least 18."),
    ("ecog", 3, "ecog", Status.NOT_SATISFIED, "The study needs no more than 2."),
    # The number and its words (issue 12 item 17).
    ("ecog", 2, "ecog", Status.SATISFIED, 'Your daily activity level (ECOG): 2 ("I can look after myself'),
    ("flc_ratio_abnormal", "yes", "measurable_disease", Status.UNKNOWN,
     'About abnormal kappa/lambda ratio, you answered "Yes, it is abnormal".'),
    # Asked the positive way; the stored "no" still means "not uncontrolled" (item 6).
    ("uncontrolled_hypertension", "no", "uncontrolled_hypertension", Status.SATISFIED, '"Yes, it is under control'),
    ("uncontrolled_hypertension", "yes", "uncontrolled_hypertension", Status.NOT_SATISFIED,
     '"No, it is not under control"'),
    ("heart_disease", "yes", "heart_disease", Status.NOT_SATISFIED, 'you answered "Yes"'),
    ("heart_disease", "no", "heart_disease", Status.SATISFIED, 'you answered "No"'),
    ("heart_disease", "unsure", "heart_disease", Status.UNKNOWN, 'you answered "Not sure"'),
    ("hepatitis_b", "chronic_undetectable", "hepatitis_b", Status.SATISFIED, "too low to find"),
    ("hepatitis_b", "chronic_detectable", "hepatitis_b", Status.NOT_SATISFIED, "can still be found"),
    ("hepatitis_c", "treating_undetectable", "hepatitis_c", Status.SATISFIED, "being treated"),
    ("serum_m_protein", {"value": 5, "unit": "g/L"}, "measurable_disease", Status.SATISFIED, "5 g/L = 0.5 g/dL"),
])
def test_reasons_quote_value_unit_and_limit(trial, key, answer, criterion, status, words) -> None:
    answers = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate({key: answer}))
    result = next(c for c in evaluate(trial, answers, QUESTIONS).criteria if c.id == criterion)
    assert result.status is status
    assert words in result.reason


def _status(trial, criterion_id: str, as_of: dt.date = AS_OF, **answers) -> Status:
    answers_file = new_answers_file(trial.nct_id, as_of, Answers.model_validate(answers))
    return next(c.status for c in evaluate(trial, answers_file).criteria if c.id == criterion_id)


@pytest.mark.parametrize(("answers", "status"), [
    ({}, Status.UNKNOWN),
    ({"serum_m_protein": {"value": 0.4, "unit": "g/dL"}}, Status.UNKNOWN),  # others could still meet it
    ({"serum_m_protein": {"value": 0.4, "unit": "g/dL"}, "urine_m_protein": {"value": 100, "unit": "mg/24h"},
      "involved_flc": {"value": 50, "unit": "mg/L"}, "plasmacytoma_2cm": "no",
      "bone_marrow_plasma_cells": {"value": 10, "unit": "%"}}, Status.NOT_SATISFIED),
    ({"bone_marrow_plasma_cells": {"value": 30, "unit": "%"}}, Status.SATISFIED),  # one is enough
    ({"involved_flc": {"value": 100, "unit": "mg/L"}}, Status.UNKNOWN),  # ratio unanswered
    ({"involved_flc": {"value": 100, "unit": "mg/L"}, "flc_ratio_abnormal": "yes"}, Status.SATISFIED),
    ({"involved_flc": {"value": 100, "unit": "mg/L"}, "flc_ratio_abnormal": "unsure"}, Status.UNKNOWN),
    ({"plasmacytoma_2cm": "unsure"}, Status.UNKNOWN),
])
def test_measurable_disease_any_of_five(trial, answers, status) -> None:
    assert _status(trial, "measurable_disease", **answers) is status


@pytest.mark.parametrize(("answers", "status"), [
    ({"relapsed_or_refractory": "yes"}, Status.UNKNOWN),
    ({"relapsed_or_refractory": "no"}, Status.NOT_SATISFIED),  # one false is enough in "all"
    ({"relapsed_or_refractory": "unsure", "prior_treatment_lines": 0}, Status.NOT_SATISFIED),
    ({"relapsed_or_refractory": "yes", "prior_treatment_lines": 1}, Status.SATISFIED),
])
def test_all_of_propagates_unknown_honestly(trial, answers, status) -> None:
    assert _status(trial, "relapsed_or_refractory", **answers) is status


@pytest.mark.parametrize(("answers", "status"), [
    ({"prior_asct": "no"}, Status.SATISFIED),
    ({"prior_asct": "unsure"}, Status.UNKNOWN),
    ({"prior_asct": "yes"}, Status.UNKNOWN),
    ({"prior_asct": "yes", "asct_date": dt.date(2026, 5, 23)}, Status.SATISFIED),  # exactly 6 months
    ({"prior_asct": "yes", "asct_date": dt.date(2026, 5, 24)}, Status.NOT_SATISFIED),  # a day short
    ({"prior_asct": "yes", "asct_date": dt.date(2026, 5, 22)}, Status.SATISFIED),
])
def test_transplant_months_counted_against_as_of(trial, answers, status) -> None:
    assert _status(trial, "stem_cell_transplant", **answers) is status


@pytest.mark.parametrize(("earlier", "later", "months"), [
    (dt.date(2024, 1, 10), dt.date(2024, 7, 10), 6),
    (dt.date(2024, 1, 10), dt.date(2024, 7, 9), 5),
    (dt.date(2024, 8, 31), dt.date(2025, 2, 28), 5),
    (dt.date(2024, 8, 31), dt.date(2025, 3, 1), 6),
    (dt.date(2024, 1, 1), dt.date(2024, 1, 1), 0),
])
def test_full_months_between(earlier, later, months) -> None:
    assert full_months_between(earlier, later) == months


def _all_met() -> dict:
    return {"age_years": 64, "can_consent": "yes", "relapsed_or_refractory": "yes", "prior_treatment_lines": 2,
            "prior_lenalidomide": "yes", "serum_m_protein": {"value": 1.2, "unit": "g/dL"}, "ecog": 1,
            "prior_toxicities_resolved": "yes", "neuropathy_grade": 1, "prior_asct": "no",
            "egfr": {"value": 60, "unit": "mL/min/1.73m2"}, "alt": {"value": 30, "unit": "U/L", "uln": 40},
            "ast": {"value": 1, "unit": "xULN"}, "bilirubin": {"value": 0.8, "unit": "mg/dL", "uln": 1.2},
            "anc": {"value": 2.1, "unit": "10^9/L"}, "platelets": {"value": 150, "unit": "10^9/L"},
            "hemoglobin": {"value": 11, "unit": "g/dL"}, "contraception_agreement": "yes", "heart_disease": "no",
            "uncontrolled_hypertension": "no", "plasma_cell_leukemia_or_amyloidosis": "no",
            "other_active_cancer": "no", "hepatitis_b": "never", "hepatitis_c": "never", "active_infection": "no",
            "other_cancer_treatment": "no"}


@pytest.mark.parametrize(("change", "overall"), [
    ({}, Overall.POSSIBLE_MATCH),
    ({"heart_disease": "unsure"}, Overall.INCOMPLETE),
    ({"heart_disease": "yes"}, Overall.LIKELY_NOT_ELIGIBLE),
    ({"heart_disease": "yes", "ecog": None}, Overall.LIKELY_NOT_ELIGIBLE),
    ({"ecog": None}, Overall.INCOMPLETE),
])
def test_overall_follows_the_spec(trial, change, overall) -> None:
    answers = {key: value for key, value in {**_all_met(), **change}.items() if value is not None}
    answers_file = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate(answers))
    report = evaluate(trial, answers_file, QUESTIONS)
    assert report.overall is overall
    assert report.recruiting is False
    assert "only the study team decides" in report.disclaimer
    spec = report.to_spec_dict()
    assert set(spec) == {"trial", "recruiting", "overall", "criteria"}
    assert {c["id"] for c in spec["criteria"]} == {c.id for c in trial.criteria if not c.note_only}
    assert all(set(c) == {"id", "kind", "status", "plain", "source", "reason"} for c in spec["criteria"])


def test_note_only_criteria_are_shown_never_counted(trial) -> None:
    answers_file = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate(_all_met()))
    report = evaluate(trial, answers_file, QUESTIONS)
    assert [n.id for n in report.notes] == ["growth_factor_note"]
    assert "growth_factor_note" not in {c.id for c in report.criteria}
    assert report.overall is Overall.POSSIBLE_MATCH


def test_open_criteria_say_what_to_ask_the_doctor(trial) -> None:
    answers_file = new_answers_file(trial.nct_id, AS_OF)
    report = evaluate(trial, answers_file, QUESTIONS)
    assert all(c.status is Status.UNKNOWN and c.ask_doctor.startswith("Ask") for c in report.criteria)
    assert report.overall is Overall.INCOMPLETE


# Every blood count the record lets a transfusion or growth factor raise, in every unit
# the answers file accepts: (key, unit, value below, at, above the limit).
BLOOD_COUNTS = [
    ("anc", "/uL", 999, 1000, 1001), ("anc", "10^3/uL", 0.99, 1.0, 1.01), ("anc", "10^9/L", 0.99, 1.0, 1.01),
    ("platelets", "/uL", 49_999, 50_000, 50_001), ("platelets", "10^3/uL", 45, 50, 51),
    ("platelets", "10^9/L", 45, 50, 51),
    ("hemoglobin", "g/dL", 7.9, 8.0, 8.1), ("hemoglobin", "g/L", 79, 80, 81),
    ("hemoglobin", "mmol/L", 4.9, 4.9648, 5.0),
]


@pytest.mark.parametrize(("key", "unit", "below", "at", "above"), BLOOD_COUNTS)
def test_a_low_blood_count_is_open_with_the_way_up_on_its_row(trial, key, unit, below, at, above) -> None:
    """Issue 12 item 1: "Growth factor use or transfusions may be used to meet the eligibility
    requirement for ANC, platelets, and hemoglobin": short of the limit is open, never unmet."""
    def result(value):
        answers = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate({key: {"value": value, "unit": unit}}))
        return next(c for c in evaluate(trial, answers, QUESTIONS).criteria if c.id == key)

    assert result(at).status is Status.SATISFIED
    assert result(above).status is Status.SATISFIED
    low = result(below)
    assert low.status is Status.UNKNOWN
    assert display_unit(unit) in low.reason and "The study needs at least" in low.reason  # value and limit
    assert "growth factor" in low.reason and "blood transfusion" in low.reason  # the way up, same row
    # ... and first on it: the allowance opens the row, before the low number that alarms.
    assert low.reason.startswith("This rule stays open: the study lets a growth factor")
    assert low.reason.index("blood transfusion") < low.reason.index("Your ")  # then "Your platelets: ..."
    assert low.ask_doctor.startswith("Ask your doctor whether a growth factor")  # what to ask, same row


def test_a_low_count_alone_leaves_the_overall_incomplete_not_ruled_out(trial) -> None:
    """The 71-year-old with platelets of 45 x10^9/L: open, not "Probably not a match"."""
    answers = {**_all_met(), "platelets": {"value": 45, "unit": "10^9/L"}}
    report = evaluate(trial, new_answers_file(trial.nct_id, AS_OF, Answers.model_validate(answers)), QUESTIONS)
    assert report.overall is Overall.INCOMPLETE
    assert report.to_spec_dict()["overall"] == "incomplete"


def test_the_allowance_is_data_attached_to_the_counts_it_covers(trial) -> None:
    """Nothing about one study in code: the trial file says which limits may be reached."""
    raised = {rule.question for rule in _compare_rules() if rule.may_be_raised}
    assert raised == {"anc", "platelets", "hemoglobin"}
    without = trial.model_copy(update={"criteria": tuple(
        c.model_copy(update={"rule": Compare(kind="compare", question="platelets", op=">=", limit=50000, unit="/uL")})
        if c.id == "platelets" else c for c in trial.criteria)})
    answers = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate({"platelets": {"value": 45, "unit": "10^9/L"}}))
    assert next(c for c in evaluate(without, answers).criteria if c.id == "platelets").status is Status.NOT_SATISFIED


def test_an_allowance_must_name_a_note_of_the_record(trial) -> None:
    from pydantic import ValidationError

    from explainer.content import builtin_trial_path

    data = json.loads(builtin_trial_path().read_text(encoding="utf-8"))  # the file, as authors write it
    for criterion in data["criteria"]:
        if criterion["id"] == "platelets":
            criterion["rule"]["may_be_raised"]["note"] = "no_such_note"
    with pytest.raises(ValidationError, match="not a note-only criterion"):
        type(trial).model_validate_json(json.dumps(data))  # strict: as the loader reads it


@pytest.mark.parametrize(("kind", "status", "words"), [
    ("exclusion", Status.SATISFIED, "Does not seem to apply to you"),
    ("exclusion", Status.NOT_SATISFIED, "Seems to apply to you"),
    ("exclusion", Status.UNKNOWN, "Still open"),
    ("inclusion", Status.SATISFIED, "Seems met"),
    ("inclusion", Status.NOT_SATISFIED, "Seems not met"),
])
def test_exclusions_say_whether_they_apply(trial, kind, status, words) -> None:
    """Issue 12 item 5: "✓ Seems met: You cannot join if you have heart disease" read as "you have it"."""
    key, answer = {("exclusion", Status.SATISFIED): ("heart_disease", "no"),
                   ("exclusion", Status.NOT_SATISFIED): ("heart_disease", "yes"),
                   ("exclusion", Status.UNKNOWN): ("heart_disease", "unsure"),
                   ("inclusion", Status.SATISFIED): ("prior_lenalidomide", "yes"),
                   ("inclusion", Status.NOT_SATISFIED): ("prior_lenalidomide", "no")}[(kind, status)]
    answers = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate({key: answer}))
    result = next(c for c in evaluate(trial, answers, QUESTIONS).criteria if c.id == key)
    assert (result.kind, result.status, result.status_words) == (kind, status, words)
    assert result.model_dump()["status"] == status  # the JSON code is unchanged


@pytest.mark.parametrize(("change", "starts"), [
    ({}, "None of your answers seems to rule you out, but on September 26, 2025 the study was not taking new people"),
    ({"heart_disease": "unsure"}, "Some rules are still open, and none of your answers seems to rule you out so far, "
                                  "but on September 26, 2025 the study was not taking new people"),
    ({"heart_disease": "yes"}, "At least 1 of your answers seems not to fit a rule, but on September 26, 2025"),
])
def test_overall_words_are_neutral_with_the_status_in_the_same_sentence(trial, change, starts) -> None:
    """Issue 12 item 7: never "match" or "eligible"; the status and its date in the one sentence."""
    answers = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate({**_all_met(), **change}))
    words = evaluate(trial, answers, QUESTIONS).overall_words
    assert words.startswith(starts)
    assert words.endswith("only the study team decides.") and words.count(".") == 1
    assert "match" not in words.lower() and "eligible" not in words.lower()


def test_a_recruiting_study_says_so_in_the_overall_sentence(trial) -> None:
    from explainer.core.model import RecruitmentStatus

    open_trial = trial.model_copy(update={"status": RecruitmentStatus.RECRUITING})
    answers = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate(_all_met()))
    assert ", and on September 26, 2025 the study was taking new people;" in evaluate(open_trial, answers).overall_words


def test_a_rule_that_seems_not_met_still_has_a_next_step(trial) -> None:
    """Found in the patient review: 'No' to 'Can you understand the study and decide
    yourself?' gave 'Seems not met' with no next step, which reads as 'you cannot join'."""
    from explainer.core.eligibility import NOT_MET_NEXT_STEP

    answers = new_answers_file(trial.nct_id, AS_OF, Answers.model_validate({"can_consent": "no"}))
    report = evaluate(trial, answers, QUESTIONS)
    unmet = [c for c in report.criteria if c.status is Status.NOT_SATISFIED]
    assert unmet and all(c.ask_doctor == NOT_MET_NEXT_STEP for c in unmet)
    assert all(not c.ask_doctor for c in report.criteria if c.status is Status.SATISFIED)
