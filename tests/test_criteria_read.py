"""Numbers read from criterion words: made-up phrasings, none taken from the sample records.

Each row: the words, the kind of item, and what must be read as
(question, op, value, unit, uln, has_condition); an empty list means nothing may be read.
"""

from __future__ import annotations

import pytest

from explainer.core.criteria import split_criteria
from explainer.core.criteria_read import (
    ReadRule,
    read_criteria,
    read_item,
    read_line,
    single_read,
    structured_age_rules,
    structured_sex_rule,
)

I, X = "inclusion", "exclusion"
NOT_READ: list[tuple] = []

ROWS: list[tuple[str, str, list[tuple]]] = [
    # Blood counts, every unit style.
    ("Absolute neutrophil count (ANC) ≥ 1.5 x 10^9/L", I, [("anc", ">=", 1.5, "x 10^9/L", False, False)]),
    ("ANC >= 1,000/µL", I, [("anc", ">=", 1000, "/µL", False, False)]),
    ("ANC: ≥ 1.5 × 10⁹/L", I, [("anc", ">=", 1.5, "× 10⁹/L", False, False)]),
    ("Absolute neutrophil count ≥1500 cells/mm3", I, [("anc", ">=", 1500, "cells/mm3", False, False)]),
    ("Absolute neutrophil count no less than 1500/mm^3", I, [("anc", ">=", 1500, "/mm^3", False, False)]),
    ("Platelets ≥ 75 x 10⁹/L", I, [("platelets", ">=", 75, "x 10⁹/L", False, False)]),
    ("Platelet count of at least 100 × 10^3/uL", I, [("platelets", ">=", 100, "× 10^3/uL", False, False)]),
    ("Platelets >= 100 K/uL", I, [("platelets", ">=", 100, "K/uL", False, False)]),
    ("Platelets ≥ 100,000/mm³", I, [("platelets", ">=", 100000, "/mm³", False, False)]),
    ("Platelet count greater than or equal to 100,000 per microliter", I,
     [("platelets", ">=", 100000, "per microliter", False, False)]),
    ("Platelets of 150,000 per cubic millimeter or more", I,
     [("platelets", ">=", 150000, "per cubic millimeter", False, False)]),
    ("WBC ≥ 3.0 x 10^9/L", I, [("white_cells", ">=", 3, "x 10^9/L", False, False)]),
    ("Leukocytes ≥ 3,000/mcL", I, [("white_cells", ">=", 3000, "/mcL", False, False)]),
    ("Lymphocyte count > 0.5 x 10^9/L", I, [("lymphocytes", ">", 0.5, "x 10^9/L", False, False)]),
    ("Platelets < 50,000/µL", X, [("platelets", "<", 50000, "/µL", False, False)]),
    # Hemoglobin and albumin.
    ("Hemoglobin ≥ 9.0 g/dL", I, [("hemoglobin", ">=", 9, "g/dL", False, False)]),
    ("Haemoglobin ≥ 90 g/L", I, [("hemoglobin", ">=", 90, "g/L", False, False)]),
    ("Hgb ≥ 8 g/dL", I, [("hemoglobin", ">=", 8, "g/dL", False, False)]),
    ("Hb greater than 5.6 mmol/L", I, [("hemoglobin", ">", 5.6, "mmol/L", False, False)]),
    ("Serum albumin ≥ 3.0 g/dL", I, [("albumin", ">=", 3, "g/dL", False, False)]),
    ("Albumin at least 30 g/L", I, [("albumin", ">=", 30, "g/L", False, False)]),
    # Kidney.
    ("Creatinine ≤ 1.5 × ULN", I, [("creatinine", "<=", 1.5, "xULN", True, False)]),
    ("Serum creatinine < 133 µmol/L", I, [("creatinine", "<", 133, "µmol/L", False, False)]),
    ("Creatinine clearance > 50 ml/min (Cockcroft-Gault formula)", I,
     [("creatinine_clearance", ">", 50, "ml/min", False, False)]),
    ("CrCl ≥ 40 mL/min", I, [("creatinine_clearance", ">=", 40, "mL/min", False, False)]),
    ("Estimated GFR ≥ 30 mL/min/1.73 m²", I, [("egfr", ">=", 30, "mL/min/1.73 m²", False, False)]),
    ("eGFR of 45 mL/min/1.73m2 or higher", I, [("egfr", ">=", 45, "mL/min/1.73m2", False, False)]),
    # Liver: multiples of the upper limit of normal in all their spellings.
    ("Total bilirubin ≤ 1.5 times the upper limit of normal", I, [("bilirubin", "<=", 1.5, "xULN", True, False)]),
    ("Bilirubin ≤ 25 µmol/L", I, [("bilirubin", "<=", 25, "µmol/L", False, False)]),
    ("Serum bilirubin less than 2 mg/dL", I, [("bilirubin", "<", 2, "mg/dL", False, False)]),
    ("AST/SGOT and ALT/SGPT ≤ 2.5 x institutional upper limit of normal", I,
     [("ast", "<=", 2.5, "xULN", True, False), ("alt", "<=", 2.5, "xULN", True, False)]),
    ("ALT ≤ 3 × ULN", I, [("alt", "<=", 3, "xULN", True, False)]),
    ("Aspartate aminotransferase no greater than 2.5 x ULN", I, [("ast", "<=", 2.5, "xULN", True, False)]),
    ("AST > 100 U/L", X, [("ast", ">", 100, "U/L", False, False)]),
    ("Serum bilirubin > ULN", X, [("bilirubin", ">", 1, "xULN", True, False)]),
    ("Bilirubin ≤ the upper limit of normal (ULN)", I, [("bilirubin", "<=", 1, "xULN", True, False)]),
    ("Total bilirubin ≤1.5x ULN, AST and ALT ≤2.5x ULN", I,
     [("bilirubin", "<=", 1.5, "xULN", True, False), ("ast", "<=", 2.5, "xULN", True, False),
      ("alt", "<=", 2.5, "xULN", True, False)]),
    # Performance status.
    ("ECOG performance status ≤ 2", I, [("ecog", "<=", 2, None, False, False)]),
    ("ECOG 0-2", I, [("ecog", "<=", 2, None, False, False)]),
    ("ECOG performance status 0 or 1", I, [("ecog", "<=", 1, None, False, False)]),
    ("ECOG performance status of 0, 1 or 2", I, [("ecog", "<=", 2, None, False, False)]),
    ("ECOG PS of 1 or 2", I, [("ecog", "range", (1, 2), None, False, False)]),
    ("ECOG = 0", I, [("ecog", "==", 0, None, False, False)]),
    ("Zubrod performance status of 0 to 1", I, [("ecog", "<=", 1, None, False, False)]),
    ("Karnofsky performance status ≥ 60%", I, [("karnofsky", ">=", 60, "%", False, False)]),
    ("Karnofsky Performance Status (KPS) of 70-100", I, [("karnofsky", ">=", 70, None, False, False)]),
    # Age.
    ("Age ≥ 18 years at the time of signing informed consent", I, [("age", ">=", 18, "years", False, False)]),
    ("18 years of age or older", I, [("age", ">=", 18, "years", False, False)]),
    ("Men and women aged 18 to 65 years", I, [("age", "range", (18, 65), "years", False, False)]),
    ("Aged 18 years or older", I, [("age", ">=", 18, "years", False, False)]),
    ("Participants must be at least 18 years old", I, [("age", ">=", 18, "years", False, False)]),
    ("Age 18-75 years", I, [("age", "range", (18, 75), "years", False, False)]),
    ("Age: 18 years and above", I, [("age", ">=", 18, "years", False, False)]),
    ("Patients older than 65 years", I, [("age", ">", 65, "years", False, False)]),
    ("Age > 18 and < 70 years", I, [("age", ">", 18, "years", False, False), ("age", "<", 70, "years", False, False)]),
    ("≥ 18 and ≤ 75 years of age", I, [("age", ">=", 18, "years", False, False),
                                       ("age", "<=", 75, "years", False, False)]),
    ("Patient must be > 3 months and < 22 years of age", I,
     [("age", ">", 3, "months", False, False), ("age", "<", 22, "years", False, False)]),
    ("Male or female, 18 to 75 years of age inclusive", I, [("age", "range", (18, 75), "years", False, False)]),
    ("Children aged 1 to 17 years", I, [("age", "range", (1, 17), "years", False, False)]),
    ("WHO performance status 0-1", I, [("ecog", "<=", 1, None, False, False)]),
    ("Platelets < 50,000/µL and/or ANC < 1,000/µL", X,
     [("platelets", "<", 50000, "/µL", False, False), ("anc", "<", 1000, "/µL", False, False)]),
    # Prior treatment.
    ("Received at least 2 prior lines of therapy", I, [("prior_treatment_lines", ">=", 2, None, False, False)]),
    ("No more than 3 prior lines of systemic therapy", I, [("prior_treatment_lines", "<=", 3, None, False, False)]),
    ("At least one prior regimen", I, [("prior_treatment_lines", ">=", 1, None, False, False)]),
    ("At least 100 days after autologous stem cell transplant", I,
     [("time_since_autologous_transplant", ">=", 100, "days", False, False)]),
    ("Allogeneic stem cell transplant within 6 months", X,
     [("time_since_allogeneic_transplant", "<=", 6, "months", False, False)]),
    ("Prior ASCT within 12 weeks", X, [("time_since_autologous_transplant", "<=", 12, "weeks", False, False)]),
    ("At least 4 weeks since the last dose of prior therapy", I,
     [("time_since_last_treatment", ">=", 4, "weeks", False, False)]),
    # Several tests in one line, all required.
    ("Adequate organ function: ANC ≥ 1.0 x 10^9/L, platelets ≥ 75 x 10^9/L, and hemoglobin ≥ 8 g/dL", I,
     [("anc", ">=", 1, "x 10^9/L", False, False), ("platelets", ">=", 75, "x 10^9/L", False, False),
      ("hemoglobin", ">=", 8, "g/dL", False, False)]),
    ("Platelets < 50,000/µL, or ANC < 1,000/µL", X,
     [("platelets", "<", 50000, "/µL", False, False), ("anc", "<", 1000, "/µL", False, False)]),
]

CONDITIONED: list[tuple[str, str, list[tuple]]] = [
    # A condition keeps the number and is flagged; it never changes the number.
    ("Total bilirubin ≤ 1.5 × ULN (≤ 3 × ULN for patients with Gilbert's syndrome)", I,
     [("bilirubin", "<=", 1.5, "xULN", True, True)]),
    ("Bilirubin ≤ 1.5 mg/dL unless due to Gilbert syndrome", I, [("bilirubin", "<=", 1.5, "mg/dL", False, True)]),
    ("AST and ALT ≤ 3 x ULN (≤ 5 x ULN if liver metastases are present)", I,
     [("ast", "<=", 3, "xULN", True, True), ("alt", "<=", 3, "xULN", True, True)]),
    ("Hemoglobin ≥ 10 g/dL in women and ≥ 11 g/dL in men", I, [("hemoglobin", ">=", 10, "g/dL", False, True)]),
    ("Platelets ≥ 50 x 10^9/L if bone marrow involvement, otherwise ≥ 100 x 10^9/L", I,
     [("platelets", ">=", 50, "x 10^9/L", False, True)]),
    ("Serum creatinine ≤ 1.5 mg/dL or creatinine clearance ≥ 60 mL/min", I,
     [("creatinine", "<=", 1.5, "mg/dL", False, True), ("creatinine_clearance", ">=", 60, "mL/min", False, True)]),
    ("Creatinine clearance ≥ 30 mL/min, or ≥ 50 mL/min for patients receiving cisplatin", I,
     [("creatinine_clearance", ">=", 30, "mL/min", False, True)]),
    ("ECOG ≤ 1 for Part A; ECOG ≤ 2 for Part B", I,
     [("ecog", "<=", 1, None, False, True), ("ecog", "<=", 2, None, False, True)]),
    ("ECOG 0-1 or Karnofsky ≥ 70", I, [("ecog", "<=", 1, None, False, True), ("karnofsky", ">=", 70, None, False, True)]),
    # In an exclusion, two tests joined by "and" exclude only together.
    ("ALT > 3 x ULN and total bilirubin > 2 x ULN", X,
     [("alt", ">", 3, "xULN", True, True), ("bilirubin", ">", 2, "xULN", True, True)]),
    ("Age ≥ 18 years (≥ 12 years in Japan)", I, [("age", ">=", 18, "years", False, True)]),
    ("Age ≥ 60 years, or age 18-59 years and unfit for intensive chemotherapy", I,
     [("age", ">=", 60, "years", False, True), ("age", "range", (18, 59), "years", False, True)]),
    # An exclusion that goes on with "and" / "with" excludes only together with the rest.
    ("Age > 75 years and unfit for intensive chemotherapy", X, [("age", ">", 75, "years", False, True)]),
    ("Platelets < 50,000/µL with active bleeding", X, [("platelets", "<", 50000, "/µL", False, True)]),
    ("Allogeneic stem cell transplant within 6 months and active GVHD", X,
     [("time_since_allogeneic_transplant", "<=", 6, "months", False, True)]),
    ("Patients aged 70 years or older, or aged 18–69 with comorbidities", I, [("age", ">=", 70, "years", False, True)]),
    ("Neutrophils ≥ 1.0 × 10^9/L without growth factor support within 7 days", I,
     [("anc", ">=", 1, "× 10^9/L", False, True)]),
    ("For patients with liver metastases, ALT ≤ 5 x ULN", I, [("alt", "<=", 5, "xULN", True, True)]),
    ("Women: hemoglobin ≥ 11 g/dL", I, [("hemoglobin", ">=", 11, "g/dL", False, True)]),
    ("Blood counts (5% deviation allowed): ANC ≥ 1.5 x 10^9/L, platelets ≥ 100 x 10^9/L", I,
     [("anc", ">=", 1.5, "x 10^9/L", False, True), ("platelets", ">=", 100, "x 10^9/L", False, True)]),
    ("Total bilirubin ≤ 1.5 × ULN or ≤ 3.0 × ULN for patients with Gilbert syndrome", I,
     [("bilirubin", "<=", 1.5, "xULN", True, True)]),
    ("ALT ≤ 2.5 x ULN (in case of liver metastases < 5 x ULN) total bilirubin ≤ 1.5 x ULN (patients with Gilbert's "
     "syndrome total bilirubin ≤ 2.5 x ULN)", I,
     [("alt", "<=", 2.5, "xULN", True, True), ("bilirubin", "<=", 1.5, "xULN", True, True),
      ("bilirubin", "<=", 2.5, "xULN", True, True)]),
    # A condition in a later sentence, or after the last test of a list, reaches back.
    ("Bilirubin ≤ 1.5 x ULN; for patients with Gilbert's, ≤ 3 x ULN", I, [("bilirubin", "<=", 1.5, "xULN", True, True)]),
    ("Bilirubin ≤ 1.5 x ULN. Exception: Gilbert's syndrome", I, [("bilirubin", "<=", 1.5, "xULN", True, True)]),
    ("ANC ≥ 1500/mm3 and platelets ≥ 100,000/mm3 unless due to bone marrow involvement", I,
     [("anc", ">=", 1500, "/mm3", False, True), ("platelets", ">=", 100000, "/mm3", False, True)]),
    ("Hemoglobin ≥ 9 g/dL, platelets ≥ 100,000/mm3 (≥ 50,000/mm3 with marrow involvement), ANC ≥ 1500/mm3", I,
     [("hemoglobin", ">=", 9, "g/dL", False, False), ("platelets", ">=", 100000, "/mm3", False, True),
      ("anc", ">=", 1500, "/mm3", False, False)]),
    ("Age ≥ 18 years. Weight ≥ 40 kg", I, [("age", ">=", 18, "years", False, False)]),
    ("Cohort 2: ECOG 0-2", I, [("ecog", "<=", 2, None, False, True)]),
]

NOTHING: list[tuple[str, str]] = [
    ("Bilirubin within normal limits", I),
    ("Adequate bone marrow function", I),
    ("ANC ≥ 1500", I),                              # no unit: which unit is a guess
    ("Platelets ≥ 100.000/mm3", I),                 # a European thousands mark, or a slip
    ("Platelets ≥ 100 000/mm3", I),
    ("ANC ≥ 1,5 x 10^9/L", I),                       # a decimal comma
    ("EGFR exon 19 deletion", I),                   # the gene, not the kidney test
    ("History of platelet transfusion within 7 days", X),
    ("Weight ≥ 40 kg", I),
    ("Life expectancy ≥ 12 weeks", I),
    ("Gestational age > 37 weeks", I),
    ("Creatinine above protocol specified thresholds for < 1 year of age", X),
    ("Prior treatment with ≥ 2 cycles of chemotherapy", I),
    ("Hemoglobin A1c ≤ 8%", I),
    ("HbA1c ≤ 8%", I),
    ("QTc > 470 ms", X),
    ("Kidney transplant within 6 months", X),
    ("Platelets 100,000/mm3", I),                   # no comparison
    ("ECOG performance status 0 or 2", I),          # not a range
    ("Platelet count ≥ 100 years", I),              # a unit that does not fit the test
    ("Hemoglobin ≥ 900 g/dL", I),                   # a number no report would show
    ("Received 2 prior lines of therapy", I),       # exactly 2? at least 2? left to the patient
    ("Age 18", I),
    ("Children 6 months to 5 years of age", I),     # two units in one range
    ("AST or ALT i.>2.5 x ULN in patient without liver metastases, ii.>5x ULN with liver metastases", X),
    ("Creatinine clearance ≥ 50–60 mL/min", I),     # a range after a comparison: which end?
    ("Mean QTcF value ≤ 470 msec for women and ≤ 450 msec for men", X),
    ("Total bilirubin within normal limits", I),
    ("Cohort 1: ≥ 12 years to < 18 years of age", I),  # whom a cohort is for, not a rule for everyone
    ("Creatinine clearance ≥ 30 and ≤ 60 mL/min", I),  # the first number has no unit of its own
]


def _as_tuples(rules: tuple[ReadRule, ...]) -> list[tuple]:
    return [(r.question, r.op, r.value, r.unit, r.uln, r.condition is not None) for r in rules]


@pytest.mark.parametrize(("text", "kind", "expected"), ROWS + CONDITIONED)
def test_reads(text: str, kind: str, expected: list[tuple]) -> None:
    assert _as_tuples(read_line(text, None, kind)) == expected


@pytest.mark.parametrize(("text", "kind"), NOTHING)
def test_reads_nothing_when_unsure(text: str, kind: str) -> None:
    assert read_line(text, None, kind) == ()


def test_a_rule_keeps_the_words_it_was_read_from() -> None:
    rule = read_line("Must have platelets ≥ 100 x 10^9/L within 14 days of registration")[0]
    assert rule.words == "platelets ≥ 100 x 10^9/L"
    assert rule.condition is None


def test_a_condition_keeps_its_words() -> None:
    rule = read_line("Total bilirubin ≤ 1.5 × ULN (unless Gilbert's syndrome)")[0]
    assert rule.condition == "(unless Gilbert's syndrome)"


def test_sub_items_of_one_of_the_following_are_alternatives() -> None:
    item = split_criteria("* Meets one of the following:\n  * Age 18-30 years\n  * Age ≥ 65 years").items[0]
    rules = read_item(item)
    assert _as_tuples(rules) == [("age", "range", (18, 30), "years", False, True),
                                 ("age", ">=", 65, "years", False, True)]
    assert [r.line for r in rules] == [1, 2]


def test_sub_items_of_a_list_that_must_all_hold_have_no_condition() -> None:
    item = split_criteria("* Adequate organ function:\n  * ANC ≥ 1,500/mm3\n  * Platelets ≥ 100,000/mm3").items[0]
    assert _as_tuples(read_item(item)) == [("anc", ">=", 1500, "/mm3", False, False),
                                           ("platelets", ">=", 100000, "/mm3", False, False)]


def test_single_read_only_for_an_item_with_exactly_one_rule() -> None:
    one, two = split_criteria("* ECOG 0-1\n* ANC ≥ 1,500/mm3 and platelets ≥ 100,000/mm3").items
    assert single_read(one) is not None and single_read(one).question == "ecog"
    assert single_read(two) is None


def test_the_spec_shape_of_a_read_rule() -> None:
    rule = read_line("Platelets >= 100,000/mm^3")[0]
    assert rule.as_spec() == {"question": "platelets", "op": ">=", "value": 100000, "unit": "/mm^3",
                              "uln": False, "condition": None}
    ranged = read_line("Age 18-75 years")[0]
    assert ranged.as_spec()["value"] == [18, 75]


def test_structured_ages_and_sex() -> None:
    assert _as_tuples(structured_age_rules((18, "years"), (75, "years"))) == [
        ("age", ">=", 18, "years", False, False), ("age", "<=", 75, "years", False, False)]
    assert structured_age_rules(None, None) == ()
    female = structured_sex_rule("FEMALE")
    assert female is not None and (female.question, female.op, female.value) == ("sex", "==", "female")
    assert structured_sex_rule("ALL") is None and structured_sex_rule(None) is None


def test_very_long_text_is_not_read() -> None:
    assert read_line("Platelets ≥ 100,000/mm3 " * 2000) == ()


def test_a_limit_for_some_patients_in_another_item_qualifies_the_general_one() -> None:
    criteria = split_criteria("Inclusion Criteria:\n* Bilirubin ≤ 1.5 x ULN\n* ANC ≥ 1,500/mm3\n"
                              "* Patients with Gilbert's syndrome: bilirubin ≤ 3 x ULN\n"
                              "Exclusion Criteria:\n* Bilirubin > 5 x ULN")
    read = read_criteria(criteria)
    assert _as_tuples(read["inc-1"]) == [("bilirubin", "<=", 1.5, "xULN", True, True)]
    assert "another limit" in (read["inc-1"][0].condition or "")
    assert _as_tuples(read["inc-2"]) == [("anc", ">=", 1500, "/mm3", False, False)]
    assert _as_tuples(read["inc-3"]) == [("bilirubin", "<=", 3, "xULN", True, True)]
    assert _as_tuples(read["exc-1"]) == [("bilirubin", ">", 5, "xULN", True, False)]


def test_one_of_the_following_does_not_qualify_the_parent_line() -> None:
    criteria = split_criteria("* Age < 18 years, in one of the following groups:\n  * Age ≥ 12 years\n"
                              "  * Age ≥ 2 years and weight ≥ 40 kg")
    rules = read_criteria(criteria)["inc-1"]
    assert [(r.op, r.value, r.condition is None) for r in rules] == [("<", 18, True), (">=", 12, False),
                                                                     (">=", 2, False)]


def test_sub_items_of_an_exclusion_that_need_all_of_them_are_conditions() -> None:
    joint, any_one = split_criteria("Exclusion Criteria:\n* All of the following:\n  * Age > 75 years\n"
                                    "  * ECOG ≥ 2\n* Any of the following:\n  * Platelets < 50,000/µL\n").items
    assert _as_tuples(read_item(joint)) == [("age", ">", 75, "years", False, True), ("ecog", ">=", 2, None, False, True)]
    assert _as_tuples(read_item(any_one)) == [("platelets", "<", 50000, "/µL", False, False)]
