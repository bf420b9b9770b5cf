"""The self-check of any registry record (explainer.core.study_check), table-driven.

Each case is one criterion line as a record writes it, the patient's answers and the
status the row must have. Wrong is worse than open: a condition, words the app did
not read, a unit it cannot convert or an unanswered question leave the row unknown.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from explainer.content import load_questions
from explainer.core.answers import AnswersFile
from explainer.core.eligibility import Overall, Status
from explainer.core.registry_record import from_registry_json
from explainer.core.study_check import answer_unit, check_study, ignored_answers
from explainer.study_words_io import study_summary_words

WORDS = study_summary_words().check
BANK = load_questions()  # as the window and `check --trial RECORD` pass it


def record(inclusion: list[str], exclusion: list[str] = (), status: str = "RECRUITING") -> Any:
    text = "Inclusion Criteria:\n\n" + "\n".join(f"* {line}" for line in inclusion)
    if exclusion:
        text += "\n\nExclusion Criteria:\n\n" + "\n".join(f"* {line}" for line in exclusion)
    data = {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "briefTitle": "A test study"},
        "statusModule": {"overallStatus": status},
        "eligibilityModule": {"eligibilityCriteria": text}}}
    return from_registry_json(data)[0]


def answers(**given: Any) -> AnswersFile:
    return load_questions().answers_file_model.model_validate_json(json.dumps({
        "format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242", "as_of": "2026-11-23",
        "answers": given}))


PLATELETS = "Platelet count >= 100,000/mm^3"
CASES = [
    # (id, kind, line, answers, status)
    ("platelets met", "inclusion", PLATELETS, {"platelets": {"value": 150, "unit": "10^9/L"}}, Status.SATISFIED),
    ("platelets not met", "inclusion", PLATELETS, {"platelets": {"value": 80, "unit": "10^9/L"}},
     Status.NOT_SATISFIED),
    ("platelets per microlitre", "inclusion", PLATELETS, {"platelets": {"value": 100000, "unit": "/uL"}},
     Status.SATISFIED),
    ("platelets unanswered", "inclusion", PLATELETS, {"age_years": 60}, Status.UNKNOWN),
    ("hemoglobin g/L against g/dL", "inclusion", "Hemoglobin >= 9 g/dL", {"hemoglobin": {"value": 85, "unit": "g/L"}},
     Status.NOT_SATISFIED),
    ("bilirubin raw value with its ULN", "inclusion", "Total bilirubin <= 1.5 x upper limit of normal (ULN)",
     {"bilirubin": {"value": 2.0, "unit": "mg/dL", "uln": 1.2}}, Status.NOT_SATISFIED),
    ("bilirubin in xULN", "inclusion", "Total bilirubin <= 1.5 x upper limit of normal (ULN)",
     {"bilirubin": {"value": 1.0, "unit": "xULN"}}, Status.SATISFIED),
    ("a condition leaves it open", "inclusion", "Total bilirubin <= 1.5 x ULN unless Gilbert's syndrome",
     {"bilirubin": {"value": 3.0, "unit": "xULN"}}, Status.UNKNOWN),
    ("other words leave it open", "inclusion", "Calculated (Calc.) creatinine clearance >= 45 mL/min",
     {}, Status.UNKNOWN),
    ("age met", "inclusion", "Age >= 18 years", {"age_years": 64}, Status.SATISFIED),
    ("age not met", "inclusion", "Age >= 18 years", {"age_years": 17}, Status.NOT_SATISFIED),
    ("ECOG range", "inclusion", "Eastern Cooperative Oncology Group (ECOG) performance status (PS): 0-1",
     {"ecog": 2}, Status.NOT_SATISFIED),
    ("an exclusion that holds", "exclusion", "Alanine aminotransferase (ALT) > 5 x upper limit of normal (ULN)",
     {"alt": {"value": 6, "unit": "xULN"}}, Status.NOT_SATISFIED),
    ("an exclusion that does not hold", "exclusion",
     "Alanine aminotransferase (ALT) > 5 x upper limit of normal (ULN)",
     {"alt": {"value": 50, "unit": "U/L", "uln": 40}}, Status.SATISFIED),
    ("either test of an exclusion", "exclusion",
     "Alanine aminotransferase (ALT) or aspartate aminotransferase (AST) > 5 X upper limit of normal (ULN)",
     {"alt": {"value": 1, "unit": "xULN"}, "ast": {"value": 6, "unit": "xULN"}}, Status.NOT_SATISFIED),
    ("one of two tests unanswered", "inclusion",
     "Aspartate aminotransferase (AST) / alanine aminotransferase (ALT) =< 2.5 x upper limit of normal (ULN)",
     {"ast": {"value": 1, "unit": "xULN"}}, Status.UNKNOWN),
    ("eGFR given per 1.73 m2, limit in mL/min", "inclusion", "eGFR >= 50 mL/min",
     {"egfr": {"value": 40, "unit": "mL/min/1.73m2"}}, Status.NOT_SATISFIED),
    ("a test with no question yet", "inclusion", "Serum albumin >= 3 g/dL", {}, Status.UNKNOWN),
    ("an unread item", "inclusion", "No active infection", {"age_years": 64}, Status.UNKNOWN),
]


@pytest.mark.parametrize(("kind", "line", "given", "expected"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_each_row_is_evaluated_only_when_every_part_is_known(kind: str, line: str, given: dict[str, Any],
                                                             expected: Status) -> None:
    study = record([line]) if kind == "inclusion" else record(["Age >= 18 years"], [line])
    row = next(row for row in check_study(study, answers(**given), WORDS).rows if row.kind == kind)
    assert row.status is expected, row.reason
    assert row.source == line


def test_unread_items_ask_and_never_guess() -> None:
    study = record(["Able to swallow tablets"], ["Pregnant or nursing"])
    rows = check_study(study, answers(age_years=64), WORDS).rows
    assert [(row.id, row.plain, row.read) for row in rows] == [
        ("inc-1", WORDS.unread, None), ("exc-1", WORDS.unread_exclusion, None)]
    assert all(row.status is Status.UNKNOWN for row in rows)


def test_a_compared_row_gives_the_patients_value_and_the_limit() -> None:
    row = check_study(record([PLATELETS]), answers(platelets={"value": 80, "unit": "10^9/L"}), WORDS).rows[0]
    assert "80 ×10⁹/L" in row.reason and "at least 100,000 /µL" in row.reason  # the field's unit, not "mm^3"
    assert row.to_spec_dict()["read"] == {"question": "platelets", "op": ">=", "value": 100000, "unit": "/mm^3",
                                          "uln": False, "condition": None}


@pytest.mark.parametrize(("given", "overall"), [
    ({"age_years": 64, "platelets": {"value": 150, "unit": "10^9/L"}}, Overall.POSSIBLE_MATCH),
    ({"age_years": 64}, Overall.INCOMPLETE),
    ({"age_years": 64, "platelets": {"value": 50, "unit": "10^9/L"}}, Overall.LIKELY_NOT_ELIGIBLE),
])
def test_overall_follows_the_spec(given: dict[str, Any], overall: Overall) -> None:
    assert check_study(record(["Age >= 18 years", PLATELETS]), answers(**given), WORDS).overall is overall


@pytest.mark.parametrize(("status", "recruiting"), [("RECRUITING", True), ("ACTIVE_NOT_RECRUITING", False),
                                                    ("NOT_YET_RECRUITING", False), ("UNKNOWN", False)])
def test_recruiting_comes_from_the_records_status_only(status: str, recruiting: bool) -> None:
    assert check_study(record(["Age >= 18 years"], status=status), None, WORDS, BANK).recruiting is recruiting


def test_answers_this_study_does_not_ask_are_named() -> None:
    given = answers(age_years=64, ecog=1, prior_asct="yes")
    assert ignored_answers(record(["Age >= 18 years"]), given) == ["ecog", "prior_asct"]


@pytest.mark.parametrize(("written", "unit"), [
    ("/mm^3", "/uL"), ("/mm3", "/uL"), ("per cu mm", "/uL"), ("/µL", "/uL"), ("cells/mm³", "/uL"),
    ("x 10^9/L", "10^9/L"), ("10^3/uL", "10^3/uL"), ("gm/dl", "g/dL"), ("g/L", "g/L"), ("µmol/L", "umol/L"),
    ("mL/min/1.73m^2", "mL/min/1.73m2"), ("mL/min", "mL/min"), ("years", "years"),
    ("g%", None), ("mg/kg", None), (None, None),
])
def test_record_units_map_to_answer_units_or_to_nothing(written: str | None, unit: str | None) -> None:
    assert answer_unit(written) == unit


def test_no_answers_leave_every_row_open() -> None:
    check = check_study(record(["Age >= 18 years", PLATELETS]), None, WORDS, BANK)
    assert {row.status for row in check.rows} == {Status.UNKNOWN} and check.as_of is None
    assert check.overall is Overall.INCOMPLETE


def test_the_check_reads_no_clock() -> None:
    check = check_study(record(["Age >= 18 years"]), answers(age_years=64), WORDS)
    assert check.as_of == dt.date(2026, 11, 23)


def test_a_rule_left_to_the_patient_asks_and_still_shows_their_answer() -> None:
    line = "Total bilirubin <= 1.5 x ULN unless Gilbert's syndrome"
    row = check_study(record([line]), answers(bilirubin={"value": 3.0, "unit": "xULN"}), WORDS).rows[0]
    assert row.status is Status.UNKNOWN and row.plain == WORDS.unread
    assert row.read is not None and row.read.condition and row.answered
    assert row.reason.startswith(WORDS.reason_condition) and "Bilirubin, your answer: 3 × ULN." in row.reason


# ---------------------------------------------------------------- the patient's own answer to an item

def answers_for(study: Any, own: dict[str, str], trial: str | None = None, **given: Any) -> AnswersFile:
    """Answers with the patient's yes / no / unsure to items, fingerprinted as the window saves them."""
    from explainer.core.study_check import study_rules, words_fingerprint

    items = {item.id: item for item in study_rules(study)[0]}
    return BANK.answers_file_model.model_validate_json(json.dumps({
        "format": "trial-explainer-answers", "version": 1, "trial": trial or study.nct_id, "as_of": "2026-11-23",
        "answers": given,
        "criteria": {key: {"answer": answer, "words": words_fingerprint(items[key])} for key, answer in own.items()}}))


OWN_CASES = [
    # (kind, answer, status, reason key)
    ("inclusion", "yes", Status.SATISFIED),
    ("inclusion", "no", Status.NOT_SATISFIED),
    ("inclusion", "unsure", Status.UNKNOWN),
    ("exclusion", "yes", Status.NOT_SATISFIED),
    ("exclusion", "no", Status.SATISFIED),
    ("exclusion", "unsure", Status.UNKNOWN),
]


@pytest.mark.parametrize(("kind", "answer", "expected"), OWN_CASES, ids=[f"{k} {a}" for k, a, _ in OWN_CASES])
def test_the_patients_own_answer_decides_an_item_the_app_did_not_read(kind: str, answer: str,
                                                                      expected: Status) -> None:
    study = record(["Able to swallow tablets"], ["Pregnant or nursing"])
    item_id = "inc-1" if kind == "inclusion" else "exc-1"
    row = next(row for row in check_study(study, answers_for(study, {item_id: answer}), WORDS).rows
               if row.id == item_id)
    assert row.status is expected and row.asks == "patient" and row.own == answer
    assert row.answered  # "not sure" is an answer: the PDF lists it
    assert row.reason == WORDS.answer_reasons[kind][answer]


@pytest.mark.parametrize(("line", "asks"), [
    (PLATELETS, "numbers"),
    ("Age >= 18 years", "numbers"),
    ("Total bilirubin <= 1.5 x ULN unless Gilbert's syndrome", "patient"),   # a condition
    ("Serum albumin >= 3 g/dL", "patient"),                                  # no question for albumin
    ("Calculated (Calc.) creatinine clearance >= 45 mL/min", "patient"),     # more words than read
    ("Hemoglobin >= 9 g%", "patient"),                                        # a unit the app cannot convert
    ("No active infection", "patient"),
])
def test_an_item_is_asked_as_numbers_only_when_the_numbers_decide_it(line: str, asks: str) -> None:
    assert check_study(record([line]), None, WORDS, BANK).rows[0].asks == asks


def test_a_read_rule_left_to_the_patient_takes_their_answer_and_keeps_their_numbers() -> None:
    study = record(["Total bilirubin <= 1.5 x ULN unless Gilbert's syndrome"])
    given = answers_for(study, {"inc-1": "yes"}, bilirubin={"value": 3.0, "unit": "xULN"})
    row = check_study(study, given, WORDS).rows[0]
    assert row.status is Status.SATISFIED and row.plain == WORDS.unread
    assert row.reason == f"{WORDS.answer_reasons['inclusion']['yes']} Bilirubin, your answer: 3 × ULN."


def test_an_item_answer_for_a_number_rule_never_overrides_the_numbers() -> None:
    study = record([PLATELETS])
    given = answers_for(study, {"inc-1": "yes"}, platelets={"value": 50, "unit": "10^9/L"})
    assert check_study(study, given, WORDS).rows[0].status is Status.NOT_SATISFIED


@pytest.mark.parametrize("why", ["another study", "changed words"])
def test_an_item_answer_stays_with_its_study_and_its_words(why: str) -> None:
    study = record(["Able to swallow tablets"])
    if why == "another study":
        given = answers_for(study, {"inc-1": "no"}, trial="NCT09999999")
        shown = study
    else:
        given = answers_for(study, {"inc-1": "no"})
        shown = record(["Able to swallow capsules"])  # the record was updated: inc-1 says something else now
    row = check_study(shown, given, WORDS).rows[0]
    assert row.status is Status.UNKNOWN and row.own is None and not row.answered


def test_item_answers_are_written_only_when_given_and_read_back_the_same() -> None:
    from explainer.answers_io import parse_answers
    from explainer.core.answers import new_answers_file, to_json_text

    bare = new_answers_file("NCT00000001", dt.date(2026, 11, 23))
    assert "criteria" not in json.loads(to_json_text(bare))  # files without them keep their bytes
    study = record(["Able to swallow tablets"], ["Pregnant or nursing"])
    given = answers_for(study, {"inc-1": "yes", "exc-1": "unsure"})
    assert parse_answers(to_json_text(given)) == given


@pytest.mark.parametrize("criteria", [
    {"inc-1": {"answer": "maybe", "words": "0123456789abcdef"}},
    {"inc-1": {"answer": "yes", "words": "short"}},
    {"rule-1": {"answer": "yes", "words": "0123456789abcdef"}},
    {"inc-1": {"answer": "yes", "words": "0123456789abcdef", "extra": 1}},
    {"inc-1": "yes"},
])
def test_a_bad_item_answer_is_refused_whole(criteria: dict[str, Any]) -> None:
    from explainer.answers_io import AnswersError, parse_answers

    text = json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT00000001",
                       "as_of": "2026-11-23", "answers": {}, "criteria": criteria})
    with pytest.raises(AnswersError):
        parse_answers(text)


def test_every_question_the_window_may_ask_for_a_number_has_its_words() -> None:
    """A rule whose question the answers file holds is asked as a number: its question
    and hint must be written (resources/study_summary_words.json, check.inputs)."""
    from explainer.core.answers import answer_kind
    from explainer.core.study_check import answer_key

    asked = {answer_key(question) for question in WORDS.names
             if (found := answer_kind(BANK, answer_key(question))) is not None and found[0] in ("lab", "number")}
    assert asked and asked <= set(WORDS.inputs), sorted(asked - set(WORDS.inputs))
    assert len(WORDS.inputs["ecog"].choices) == 5  # 0 to 4, as the answers file takes


# A row may read two questions ("ALT or AST > 5 x ULN"): the reason names the one not
# answered, never "this question" beside the other's answer.
# (answers given, the words the reason must have)
LIVER = "Alanine aminotransferase (ALT) or aspartate aminotransferase (AST) > 5 x upper limit of normal (ULN)"
NOT_ANSWERED = [
    ({"alt": {"value": 6, "unit": "xULN"}}, "AST (liver test): you have not answered this question yet."),
    ({"alt": {"value": 1, "unit": "xULN"}}, "AST (liver test): you have not answered this question yet."),
    ({"ast": {"value": 1, "unit": "xULN"}}, "ALT (liver test): you have not answered this question yet."),
    ({"age_years": 60}, "ALT (liver test): you have not answered this question yet. "
                        "AST (liver test): you have not answered this question yet."),
]


@pytest.mark.parametrize(("given", "said"), NOT_ANSWERED)
def test_an_unanswered_question_is_named(given: dict[str, Any], said: str) -> None:
    row = check_study(record([], [LIVER]), answers(**given), WORDS, BANK).rows[0]
    assert row.asks == "numbers" and said in row.reason


# Records often write the Karnofsky score as a percent. The answer 80 is 80%: the row is
# asked and compared as numbers, not left open with "The app has no question for this yet".
# (the record's line, the answer, the status)
KARNOFSKY = [
    ("KPS >= 70%", 80, Status.SATISFIED),
    ("KPS >= 70%", 60, Status.NOT_SATISFIED),
    ("Karnofsky performance status >= 70", 70, Status.SATISFIED),
    ("Karnofsky >= 60%", 50, Status.NOT_SATISFIED),
    ("ECOG 0-1 or KPS >= 70%", 80, Status.UNKNOWN),  # an "or": the study team decides
]


@pytest.mark.parametrize(("line", "score", "expected"), KARNOFSKY)
def test_a_karnofsky_limit_written_as_a_percent_is_compared(line: str, score: int, expected: Status) -> None:
    row = check_study(record([line]), answers(karnofsky=score), WORDS, BANK).rows[0]
    assert row.status is expected and WORDS.reason_no_question not in row.reason
    assert (row.asks == "numbers") is (expected is not Status.UNKNOWN)


def test_a_percent_on_another_number_question_is_still_not_compared() -> None:
    row = check_study(record(["ECOG performance status <= 1%"]), answers(ecog=0), WORDS, BANK).rows[0]
    assert row.status is Status.UNKNOWN


# The limit in the units the answer fields show, never "mm^3" (the JSON keeps the record's).
# (the record's line, the limit as the app words it)
LIMIT_UNITS = [
    ("Absolute neutrophil count (ANC) >= 1,500/mm^3", "Neutrophil count: at least 1,500 /µL"),
    ("Platelets >= 100 x 10^9/L", "Platelet count: at least 100 ×10⁹/L"),
    ("eGFR >= 30 mL/min/1.73m^2", "eGFR (kidney function): at least 30 mL/min/1.73 m²"),
    ("Hemoglobin >= 9 g/dL", "Hemoglobin: at least 9 g/dL"),
    ("KPS >= 70%", "Karnofsky score (how active you are): at least 70 %"),
]


@pytest.mark.parametrize(("line", "words"), LIMIT_UNITS)
def test_a_limit_is_worded_in_the_units_the_fields_show(line: str, words: str) -> None:
    row = check_study(record([line]), None, WORDS, BANK).rows[0]
    assert row.plain == words


# The patient never converts (PEMAT item 7): an answer in another unit also gives its value
# in the limit's unit; an answer in the limit's own unit is said once.
# (the record's line, the answer, the words the reason has)
CONVERTED = [
    (PLATELETS, {"platelets": {"value": 80, "unit": "10^9/L"}}, "80 ×10⁹/L, which is 80,000 /µL."),
    ("Absolute neutrophil count (ANC) >= 1,500/mm^3", {"anc": {"value": 1.2, "unit": "10^9/L"}},
     "1.2 ×10⁹/L, which is 1,200 /µL."),
    ("Hemoglobin >= 9 g/dL", {"hemoglobin": {"value": 85, "unit": "g/L"}}, "85 g/L, which is 8.5 g/dL."),
    ("Total bilirubin <= 1.5 x upper limit of normal (ULN)", {"bilirubin": {"value": 2.0, "unit": "mg/dL", "uln": 1.0}},
     "2 mg/dL, which is 2 times the upper limit of normal."),
    (PLATELETS, {"platelets": {"value": 150000, "unit": "/uL"}}, "your answer: 150,000 /µL. The record's limit"),
]


@pytest.mark.parametrize(("line", "given", "said"), CONVERTED)
def test_an_answer_in_another_unit_is_also_given_in_the_limits_unit(line: str, given: dict[str, Any],
                                                                      said: str) -> None:
    row = check_study(record([line]), answers(**given), WORDS, BANK).rows[0]
    assert said in row.reason


# ---------------------------------------------------------------- an item that explains a word

def record_text(text: str) -> Any:
    data = {"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "briefTitle": "A test study"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": text}}}
    return from_registry_json(data)[0]


DEFINED = ("Inclusion Criteria:\n* A female of childbearing potential is a sexually mature female who:\n"
           "  * Has not undergone a hysterectomy\n* Age >= 18 years\n"
           "* Women of childbearing potential must agree to use birth control")
EXPLAINED_OWN = [None, "yes", "no", "unsure"]  # a kept answer (the app once asked it) changes nothing


@pytest.mark.parametrize("own", EXPLAINED_OWN, ids=[str(o) for o in EXPLAINED_OWN])
def test_an_item_that_explains_a_word_is_never_asked_met_or_not_met(own: str | None) -> None:
    study = record_text(DEFINED)
    given = answers_for(study, {"inc-1": own, "inc-3": "yes"} if own else {"inc-3": "yes"}, age_years=60)
    check = check_study(study, given, WORDS, BANK)
    first, age, rule = check.rows
    assert (first.asks, first.status, first.plain, first.reason) == ("explains", Status.UNKNOWN, WORDS.explains,
                                                                       WORDS.reason_explains)
    assert first.explains and not first.answered and first.own is None
    assert rule.asks == "patient" and not rule.explains  # "must agree": a rule, answered yes
    assert (age.status, rule.status) == (Status.SATISFIED, Status.SATISFIED)
    assert check.overall is Overall.POSSIBLE_MATCH  # the explanation is no open rule
    spec = check.to_spec_dict()
    assert spec["overall"] == "possible_match"
    assert [(c["id"], c["status"], c["explains"]) for c in spec["criteria"]] == [
        ("inc-1", "unknown", True), ("inc-2", "satisfied", False), ("inc-3", "satisfied", False)]


def test_a_definition_the_app_read_a_rule_from_stays_a_rule() -> None:
    """"Adequate organ function is defined as: platelets ..." where another item asks for
    adequate organ function: the limits in it are rules, so it is checked, not shown."""
    study = record_text("Inclusion Criteria:\n* Adequate organ function is defined as:\n"
                        "  * Platelet count >= 100,000/mm^3\n* Patients must have adequate organ function")
    from explainer.core.study_check import study_rules

    items, rules = study_rules(study)
    assert items[0].explains and rules["inc-1"]  # worded as a definition, and a rule was read
    row = check_study(study, answers(platelets={"value": 80, "unit": "10^9/L"}), WORDS, BANK).rows[0]
    # Asked "Does this apply to you?" (it says more than the limit), with the limit read shown.
    assert (row.asks, row.status, row.plain) == ("patient", Status.UNKNOWN, WORDS.unread) and row.reads
