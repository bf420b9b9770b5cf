"""The answers file: bad files give exit 2 and one line, never a traceback; nothing
crashes the evaluator; the questionnaire data fits the trial and the file format."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.answers_io import AnswersError, load_answers, parse_answers, save_answers
from explainer.cli import main
from explainer.content import load_questions, load_trial
from explainer.core.answers import to_json_text
from explainer.core.eligibility import Status, evaluate
from explainer.core.rules import AllOf, AnyOf
from tests.readability import MAX_GRADE, grade

GOOD = {"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242", "as_of": "2026-11-23",
        "answers": {"age_years": 64, "relapsed_or_refractory": "yes", "prior_treatment_lines": 2,
                    "prior_lenalidomide": "yes", "serum_m_protein": {"value": 1.2, "unit": "g/dL"},
                    "platelets": {"value": 150, "unit": "10^9/L"}, "ast": {"value": 50, "unit": "U/L", "uln": 40},
                    "prior_asct": "yes", "asct_date": "2024-01-10"}}


def _with(path: tuple, value) -> str:
    data = json.loads(json.dumps(GOOD))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(data)


# (what is wrong, file text, words the one-line message must contain)
BAD_FILES = [
    ("empty", "", "not a valid answers file"),
    ("truncated", json.dumps(GOOD)[:60], "not a valid answers file"),
    ("not JSON", "age: 64", "not a valid answers file"),
    ("an array", "[1, 2]", "not an answers file"),
    ("a number", "3", "not an answers file"),
    ("wrong format", _with(("format",), "something-else"), "format"),
    ("future version", _with(("version",), 2), "version 2"),
    ("version as text", _with(("version",), "1"), "version"),
    ("other trial id shape", _with(("trial",), "NCT1"), "trial"),
    ("unknown key", _with(("answers", "favourite_colour"), "blue"), "answers.favourite_colour: unknown key"),
    ("unknown top key", _with(("extra",), 1), "extra: unknown key"),
    ("age as text", _with(("answers", "age_years"), "64"), "answers.age_years"),
    ("age 400", _with(("answers", "age_years"), 400), "answers.age_years"),
    ("age as float", _with(("answers", "age_years"), 64.5), "answers.age_years"),
    ("age as bool", _with(("answers", "age_years"), True), "answers.age_years"),
    ("negative lines", _with(("answers", "prior_treatment_lines"), -1), "answers.prior_treatment_lines"),
    ("ecog 5", _with(("answers", "ecog"), 5), "answers.ecog"),
    ("yes/no typo", _with(("answers", "prior_lenalidomide"), "Yes"), "answers.prior_lenalidomide"),
    ("negative lab", _with(("answers", "platelets", "value"), -3), "answers.platelets.value"),
    ("NaN", json.dumps(GOOD).replace('"value": 150', '"value": NaN'), "answers.platelets.value"),
    ("Infinity", json.dumps(GOOD).replace('"value": 150', '"value": Infinity'), "answers.platelets.value"),
    ("unit not accepted", _with(("answers", "platelets", "unit"), "mg/dL"), "answers.platelets"),
    ("raw ALT without ULN", _with(("answers", "ast"), {"value": 50, "unit": "U/L"}), "answers.ast"),
    ("ULN on platelets", _with(("answers", "platelets", "uln"), 400), "answers.platelets"),
    ("percent over 100", _with(("answers", "bone_marrow_plasma_cells"), {"value": 130, "unit": "%"}),
     "answers.bone_marrow_plasma_cells"),
    ("lab as number", _with(("answers", "platelets"), 150), "answers.platelets"),
    ("bad date", _with(("answers", "asct_date"), "2024-02-30"), "answers.asct_date"),
    ("date in another format", _with(("answers", "asct_date"), "10/01/2024"), "answers.asct_date"),
    ("future date", _with(("answers", "asct_date"), "2027-01-01"), "answers.asct_date"),
    ("bad as_of", _with(("as_of",), "yesterday"), "as_of"),
    ("as_of in the future", _with(("as_of",), "2099-01-01"), "as_of: 2099-01-01 is after today"),
    ("null answer", _with(("answers", "age_years"), None), "age_years: null is not an answer"),
    ("missing answers", json.dumps({k: v for k, v in GOOD.items() if k != "answers"}), "answers"),
]


@pytest.mark.parametrize(("text", "words"), [pytest.param(t, w, id=n) for n, t, w in BAD_FILES])
def test_bad_files_exit_2_with_one_line(tmp_path: Path, capsys, text: str, words: str) -> None:
    path = tmp_path / "bad.answers.json"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("trial-explainer: ")
    assert words in err
    assert "Traceback" not in err


def test_not_utf8_and_missing_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b"\xff\xfe{")
    assert main(["check", str(path)]) == 2
    assert main(["check", str(tmp_path / "nowhere.json")]) == 2
    err = capsys.readouterr().err
    assert "not UTF-8" in err and "cannot be read" in err


def test_answers_for_another_trial_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(_with(("trial",), "NCT00000001"), encoding="utf-8")
    with pytest.raises(AnswersError, match="NCT00000001"):
        load_answers(path, "NCT04883242")


def test_save_and_reload_give_the_same_answers(tmp_path: Path) -> None:
    answers = parse_answers(json.dumps(GOOD))
    path = tmp_path / "saved" / "mine.answers.json"
    save_answers(path, answers)
    assert load_answers(path) == answers
    assert json.loads(path.read_text(encoding="utf-8"))["answers"]["platelets"] == {"value": 150.0, "unit": "10^9/L"}
    assert [p.name for p in path.parent.iterdir()] == ["mine.answers.json"]  # no temp file left


def test_check_json_is_the_spec_object(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["trial"] == "NCT04883242" and data["recruiting"] is False
    assert data["overall"] == "incomplete"
    platelets = next(c for c in data["criteria"] if c["id"] == "platelets")
    assert platelets == {"id": "platelets", "kind": "inclusion", "status": "satisfied",
                         "plain": platelets["plain"], "source": "Platelets >= 50,000/uL",
                         "reason": "Your platelets: 150 ×10⁹/L = 150,000/µL. The study needs at least 50,000/µL."}


def test_check_human_text_and_real_process(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    data = json.loads(_with(("answers", "platelets", "value"), 40))
    data["answers"]["heart_disease"] = "no"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "explainer", "check", str(path)],
                         capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    # The study's status first (issue 12 item 15), then a neutral overall sentence (item 7).
    assert lines[2] == "On September 26, 2025, this study was not taking new people."
    assert "Some rules are still open" in out.stdout and "match" not in out.stdout.lower()
    assert "only the study team decides" in out.stdout
    assert "not taking new people" in out.stdout
    # Platelets of 40 x10^9/L: open, with the way up on the same row (item 1).
    platelets = next(i for i, line in enumerate(lines) if "You have enough platelets" in line)
    assert lines[platelets].startswith("[? Still open] Needed:")
    assert "40 ×10⁹/L = 40,000/µL" in lines[platelets + 1] and "blood transfusion" in lines[platelets + 1]
    assert lines[platelets + 2].startswith("    Ask your doctor whether a growth factor")
    # Exclusions say whether they apply (item 5).
    heart = next(line for line in lines if "serious heart disease" in line)
    assert heart.startswith("[✓ Does not seem to apply to you] Keeps people out:")


# Hypothesis: whatever the file holds, the loader either returns answers or raises
# AnswersError, and whatever it returns, evaluate() gives a report.
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
_lab = st.fixed_dictionaries({"value": st.floats() | st.integers(), "unit": st.sampled_from(
    ["g/dL", "g/L", "/uL", "10^9/L", "10^3/uL", "xULN", "U/L", "%", "mmol/L", "mg/L", "mL/min", "umol/L", "x"])},
    optional={"uln": st.floats() | st.integers()})
_value = st.one_of(_json, _lab, st.sampled_from(["yes", "no", "unsure", "never", "cured", "2024-01-10"]),
                   st.dates().map(str), st.integers(-5, 500))
_answers = st.dictionaries(st.sampled_from(sorted(load_questions().answers_model.model_fields) + ["other"]), _value, max_size=12)
_files = st.fixed_dictionaries({"format": st.just("trial-explainer-answers"), "version": st.just(1),
                                "trial": st.just("NCT04883242"), "as_of": st.dates().map(str),
                                "answers": _answers})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(_files, _json), trial_fixture=st.just(None))
def test_no_answers_file_crashes_the_evaluator(data, trial_fixture) -> None:
    text = json.dumps(data, allow_nan=True)
    try:
        answers = parse_answers(text)
    except AnswersError as err:
        assert "\n" not in str(err)
        return
    report = evaluate(_TRIAL, answers, _QUESTIONS)
    # A row for every rule, in the trial's order, each with its reason.
    rules = [c for c in _TRIAL.criteria if not c.note_only]
    assert [row.id for row in report.criteria] == [c.id for c in rules]
    assert all(row.reason.strip() for row in report.criteria)
    # A rule none of whose questions is answered stays open, and says what to ask.
    given = answers.answers.answered()
    for criterion, row in zip(rules, report.criteria):
        if not _rule_keys(criterion.rule) & set(given):
            assert row.status is Status.UNKNOWN and row.ask_doctor, criterion.id
    # The overall result follows the rows: any not met, else any open, else none rules you out.
    statuses = {row.status for row in report.criteria}
    expected = ("likely_not_eligible" if Status.NOT_SATISFIED in statuses
                else "incomplete" if Status.UNKNOWN in statuses else "possible_match")
    assert report.overall.value == expected


_GOOD_TEXT = json.dumps(GOOD)
# Any text at all, and near misses of a good file (cut short, one character changed),
# which get past the JSON parser and reach the model's checks.
_loader_texts = st.one_of(
    st.text(max_size=60),
    st.integers(0, len(_GOOD_TEXT)).map(lambda n: _GOOD_TEXT[:n]),
    st.tuples(st.integers(0, len(_GOOD_TEXT) - 1), st.characters(codec="utf-8")).map(
        lambda change: _GOOD_TEXT[:change[0]] + change[1] + _GOOD_TEXT[change[0] + 1:]))


@settings(max_examples=300, deadline=None)
@given(text=_loader_texts)
def test_no_text_crashes_the_loader(text: str) -> None:
    """Whatever the text, the loader gives back the file's own answers, or one line
    naming the file for the command line and a plain sentence for the window."""
    try:
        loaded = parse_answers(text, "mine.answers.json")
    except AnswersError as err:
        message = str(err)
        assert message.startswith("mine.answers.json: ") and len(message) > len("mine.answers.json: ")
        assert "\n" not in message and "Traceback" not in message and "pydantic" not in message
        assert err.plain and "\n" not in err.plain and "mine.answers.json" not in err.plain
    else:
        # Nothing changed on the way in: saved again, it is the same data as the text.
        assert json.loads(to_json_text(loaded)) == json.loads(text)


_TRIAL = load_trial()
_QUESTIONS = load_questions()


def _rule_keys(rule):
    if isinstance(rule, (AllOf, AnyOf)):
        return {k for child in rule.of for k in _rule_keys(child)}
    return {rule.question}


def test_the_bank_holds_every_question_a_curated_study_asks_and_no_other() -> None:
    made_up = load_trial(Path(__file__).parent / "fixtures" / "made_up_two_arm_study.json")
    asked: dict[str, set[str]] = {}
    for trial in (_TRIAL, made_up):
        for criterion in trial.criteria:
            if criterion.rule is None:
                assert criterion.note_only or trial is made_up
                continue
            for key in _rule_keys(criterion.rule):
                assert _QUESTIONS.question(key) is not None, (criterion.id, key)
                asked.setdefault(trial.nct_id, set()).add(key)
    assert set().union(*asked.values()) == {q.key for q in _QUESTIONS.questions}
    assert {"creatinine_clearance", "karnofsky"} <= asked["NCT99999901"] - asked["NCT04883242"]
    assert list(_QUESTIONS.answers_model.model_fields) == [q.key for q in _QUESTIONS.questions]


def test_every_question_has_a_hint_and_offers_not_sure() -> None:
    for question in _QUESTIONS.questions:
        assert question.hint and question.ask_doctor.startswith("Ask")
        if question.kind in ("yes_no", "choice"):
            assert question.choices[-1].label == "Not sure"
    hints = " ".join(q.hint for q in _QUESTIONS.questions)
    for report in ("blood count", "metabolic panel", "SPEP", "UPEP", "free light chains", "Ask your doctor"):
        assert report in hints
    assert "Creatinine clearance is a different number" in _QUESTIONS.question("egfr").hint


_DEVELOPER_WORDS = re.compile(r"\d{4}-\d{2}-\d{2}|as-of|as_of|(?<!\.)answers\.[a-z]|JSON|\.py|/tmp|'|None|Value error")


@pytest.mark.parametrize(("text", "words"), [pytest.param(t, w, id=n) for n, t, w in BAD_FILES])
def test_bad_files_have_plain_words_for_the_window(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "bad.answers.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnswersError) as caught:
        load_answers(path, "NCT04883242", dt.date(2026, 11, 24))
    plain = caught.value.plain
    assert words in str(caught.value)  # the command line's line is unchanged
    assert _DEVELOPER_WORDS.search(plain) is None, plain
    assert str(tmp_path) not in plain and plain.endswith(".")
    assert "Please" in plain  # says what to do
    assert grade(plain) <= MAX_GRADE, plain


# (file text, today, words the window shows, question key the problem is in)
PLAIN_PROBLEMS = [
    (_with(("answers", "asct_date"), "2027-01-01"), dt.date(2026, 11, 24),
     "The transplant date, January 1, 2027, is after November 23, 2026, the date of your answers.", "asct_date"),
    (_with(("as_of",), "2027-03-01"), dt.date(2026, 11, 24),
     "These answers are dated March 1, 2027. That is after today, November 24, 2026.", None),
    ('{"format": "trial-explainer-answers",\n  version: 1}', dt.date(2026, 11, 24),
     "This is not a file of saved answers, or it is damaged.", None),
    (_with(("version",), 2), dt.date(2026, 11, 24), "saved by a newer version of this app", None),
    (_with(("trial",), "NCT00000001"), dt.date(2026, 11, 24), "These answers are for another study (NCT00000001).",
     None),
    (_with(("answers", "platelets", "value"), -3), dt.date(2026, 11, 24), "Part of this file is not right",
     "platelets"),
    # A number out of range also says which limit (the window adds the question's name).
    (_with(("answers", "platelets", "value"), -3), dt.date(2026, 11, 24),
     "Please check this number: it cannot be less than 0", "platelets"),
]


@pytest.mark.parametrize(("text", "today", "words", "key"), PLAIN_PROBLEMS)
def test_plain_words_name_the_dates_and_the_question(tmp_path: Path, text: str, today: dt.date, words: str,
                                                     key: str | None) -> None:
    path = tmp_path / "bad.answers.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AnswersError) as caught:
        load_answers(path, "NCT04883242", today)
    assert words in caught.value.plain
    assert caught.value.key == key


# A question and its hint say the same thing, in the registry's sense:
# (key, words both must use, words neither may use, the registry's words behind it).
AGREEING_WORDS = [
    ("involved_flc", "your myeloma makes", "higher", "Involved serum free light chain level"),
]


@pytest.mark.parametrize(("key", "shared", "banned", "registry_words"), AGREEING_WORDS)
def test_question_and_hint_agree(registry_text: str, key: str, shared: str, banned: str,
                                 registry_words: str) -> None:
    question = load_questions().question(key)
    assert shared in question.text and shared in question.hint
    assert banned not in f"{question.text} {question.hint}".lower()
    assert registry_words in registry_text


# The example of ../shared/spec/interfaces.md §1, word for word.
SPEC_EXAMPLE = """{
  "format": "trial-explainer-answers",
  "version": 1,
  "trial": "NCT04883242",
  "as_of": "2026-11-23",
  "answers": {
    "age_years": 64,
    "relapsed_or_refractory": "yes",
    "prior_treatment_lines": 2,
    "prior_lenalidomide": "yes",
    "serum_m_protein": {"value": 1.2, "unit": "g/dL"},
    "platelets": {"value": 150, "unit": "10^9/L"},
    "ast": {"value": 50, "unit": "U/L", "uln": 40},
    "prior_asct": "yes",
    "asct_date": "2024-01-10"
  }
}"""


@pytest.mark.parametrize("name", ["spec example", "full.answers.json", "made_up.answers.json"])
def test_version_1_files_open_against_the_bank_and_are_written_as_before(name: str) -> None:
    """Answers keyed by the shared bank (issue 15): every version 1 file still opens, and
    the same answers are written in the same order as the fixed model wrote them."""
    text = SPEC_EXAMPLE if name == "spec example" else (Path(__file__).parent / "fixtures" / name).read_text("utf-8")
    loaded = parse_answers(text, name)
    assert loaded.answers.answered() == json.loads(text)["answers"]  # every answer kept, none added
    written = to_json_text(loaded)
    assert parse_answers(written, name) == loaded
    if name == "spec example":  # the answers file's order (spec §1), not the file's own
        assert list(json.loads(written)["answers"]) == [
            "age_years", "relapsed_or_refractory", "prior_treatment_lines", "prior_lenalidomide", "serum_m_protein",
            "prior_asct", "asct_date", "ast", "platelets"]
        assert '"asct_date": "2024-01-10"' in written and '"value": 1.2' in written
