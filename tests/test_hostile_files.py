"""Hostile files on the command line (issue 14 items 1-4, 6 and 8; issue 12 item 8):
never a hang, a traceback or a memory blow-up; one plain line, exit 2, the field named.

Commands that could hang (a FIFO) or fill memory (/dev/zero) run in a child process
with a generous time limit and a memory ceiling, so the old behaviour fails the test
instead of stopping the suite. The time limit only detects a hang; nothing here
asserts how fast anything is.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.content import ContentError, builtin_trial_path, load_trial

FIXTURES = Path(__file__).parent / "fixtures"
GOOD_ANSWERS = json.loads((FIXTURES / "full.answers.json").read_text(encoding="utf-8"))
HANG_LIMIT_S = 120  # a hang detector under a loaded machine, not a speed check
MEMORY_CEILING = 1536 * 1024 * 1024


def _trial() -> dict:
    return json.loads(builtin_trial_path().read_text(encoding="utf-8"))


def _changed(data: dict, path: tuple, value: object) -> dict:
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _answers_with(path: tuple, value: object) -> str:
    return json.dumps(_changed(json.loads(json.dumps(GOOD_ANSWERS)), path, value))


def _one_line_exit_2(capsys, argv: list[str]) -> str:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("trial-explainer: ") and "Traceback" not in err
    return err


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "explainer", *args], capture_output=True, text=True,
                          timeout=HANG_LIMIT_S, env=env, preexec_fn=_limit_memory, stdin=subprocess.DEVNULL)


# --- Item 1: one reader, regular files only, size cap before reading ---------------------------

def _special(kind: str, path: Path) -> Path:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "too big":
        path.write_bytes(b" " * 5000)
    return path


@pytest.mark.parametrize(("kind", "words"), [
    ("fifo", "not an ordinary file"),
    ("dev-zero", "not an ordinary file"),
    ("folder", "not an ordinary file"),
    ("too big", "too big"),
    ("missing", "not found"),
])
def test_the_reader_takes_only_regular_files_under_the_cap(tmp_path, kind, words) -> None:
    from explainer.files import UnreadableFile, read_regular_file

    path = _special(kind, tmp_path / "file.json")
    with pytest.raises(UnreadableFile, match=words):
        read_regular_file(path, cap=4096)


def test_the_reader_never_reads_past_the_cap_even_when_the_size_says_0(tmp_path) -> None:
    from explainer.files import UnreadableFile, read_regular_file

    # /proc files say they are 0 bytes long; the reader still stops after cap + 1.
    with pytest.raises(UnreadableFile, match="too big"):
        read_regular_file(Path("/proc/self/maps"), cap=10)
    (tmp_path / "ok.json").write_bytes(b"{}")
    assert read_regular_file(tmp_path / "ok.json", cap=2) == b"{}"


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
@pytest.mark.parametrize("as_what", ["answers", "trial"])
def test_a_pipe_or_device_is_refused_in_every_command_without_hanging(tmp_path, kind, as_what) -> None:
    hostile = str(_special(kind, tmp_path / f"hostile.{as_what}.json"))
    good = tmp_path / "good.answers.json"
    good.write_text(json.dumps(GOOD_ANSWERS), encoding="utf-8")
    if as_what == "answers":
        commands = [["check", hostile], ["pdf", hostile, "-o", str(tmp_path / "out.pdf")]]
    else:
        commands = [["validate", hostile], ["check", "--trial", hostile, str(good)],
                    ["calendar", "--trial", hostile, "--start-date", "2021-09-01", "-o", str(tmp_path / "out.ics")]]
    for command in commands:
        done = _run_cli(*command)
        assert done.returncode == 2, (command, done.stderr[-300:])
        assert done.stderr.count("\n") == 1 and "not an ordinary file" in done.stderr


def test_a_50_mb_answers_file_is_refused_before_it_is_read(tmp_path, capsys) -> None:
    path = tmp_path / "big.answers.json"
    with path.open("wb") as stream:  # sparse: the size is what the reader must look at first
        stream.truncate(50 * 1024 * 1024)
    err = _one_line_exit_2(capsys, ["check", str(path)])
    assert "too big (50.0 MB; the most is 256 KB)" in err


def test_a_trial_file_over_the_cap_is_refused(tmp_path, capsys) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as stream:
        stream.truncate(40 * 1024 * 1024)
    err = _one_line_exit_2(capsys, ["validate", str(path)])
    # Refused before reading, as a trial file ("too big") or, since --trial also takes a
    # registry record, by the record reader's cap ("40 MB, larger than the 20 MB").
    assert "too big" in err or "40 MB, larger than" in err


# --- Item 2: bounded sizes in the models, the field named ---------------------------------------

def _phase(index: int, key: str, value: object) -> tuple[tuple, object]:
    return ("regimen", "phases", index, key), value


DAYS = ("regimen", "phases", 0, "drugs", 0, "day_rules", 0, "days")
RULE = ("criteria", 0, "rule")


def _nested_rule_text(depth: int) -> str:
    leaf = json.dumps(_trial()["criteria"][0]["rule"])
    text = json.dumps(_changed(_trial(), RULE, "RULE"))
    return text.replace('"RULE"', '{"kind": "all", "of": [' * depth + leaf + "]}" * depth)


OVERSIZED = [
    ("a million cycles", *_phase(0, "cycles", 1_000_000), "regimen.phases.0.cycles"),
    ("a cycle of a billion days", *_phase(0, "cycle_length_days", 10**9), "regimen.phases.0.cycle_length_days"),
    ("up to a million months", *_phase(1, "max_months", 1_000_000), "regimen.phases.1.max_months"),
    ("days 1-999999999999", DAYS, "1-999999999999", "is not a day of a cycle"),
    ("a million days listed", DAYS, list(range(1, 1_000_000)), "days"),
    ("a 10 MB title", ("title",), "T" * 10_000_000, "title: String should have at most 1000 characters"),
    ("a 1 MB description", ("detailed_description",), "word " * 200_000, "detailed_description"),
    ("20,000 identical sites", ("locations",), [{"facility": "A", "city": "B", "country": "C"}] * 20_000,
     "locations"),
    ("criteria of 1.4 MB (minutes of PDF)", ("criteria",),
     [dict(_trial()["criteria"][0], id=f"c{i}", source="word " * 6_000, plain="plain " * 5_000) for i in range(24)],
     "criteria: their wording and plain words hold"),
    ("a brief summary of 48,000 characters", ("brief_summary",), "sum " * 12_000, "brief_summary"),
    ("a follow-up of a billion years", ("regimen", "follow_up", "up_to_years"), 10**9, "up_to_years"),
]


@pytest.mark.parametrize(("path", "value", "words"), [pytest.param(p, v, w, id=n) for n, p, v, w in OVERSIZED])
def test_oversized_trials_are_refused_with_the_field_named(tmp_path, capsys, path, value, words) -> None:
    trial_file = tmp_path / "trial.json"
    trial_file.write_text(json.dumps(_changed(_trial(), path, value)), encoding="utf-8")
    err = _one_line_exit_2(capsys, ["validate", str(trial_file)])
    assert words in err
    assert len(err) < 500


@pytest.mark.parametrize(("depth", "words"), [(900, "nested more than 64 levels deep"),
                                             (20, "is nested more than 12 levels deep")])
def test_rules_nested_deep_are_refused_not_a_recursion_error(tmp_path, capsys, depth, words) -> None:
    trial_file = tmp_path / "trial.json"
    trial_file.write_text(_nested_rule_text(depth), encoding="utf-8")
    err = _one_line_exit_2(capsys, ["validate", str(trial_file)])
    assert words in err


# --- Item 3: huge integers -----------------------------------------------------------------------

@pytest.mark.parametrize("where", ['"age_years": 64', '"version": 1'])
def test_a_5000_digit_number_in_answers_is_one_line_not_a_traceback(tmp_path, capsys, where) -> None:
    path = tmp_path / "digits.answers.json"
    key = where.split(":")[0]
    path.write_text(json.dumps(GOOD_ANSWERS).replace(where, f"{key}: {'9' * 5000}"), encoding="utf-8")
    for command in (["check", str(path)], ["pdf", str(path), "-o", str(tmp_path / "out.pdf")]):
        err = _one_line_exit_2(capsys, command)
        assert "a number with 5,000 digits (the most is 18)" in err
    assert not (tmp_path / "out.pdf").exists()


def test_a_5000_digit_number_in_a_trial_is_one_line(tmp_path, capsys) -> None:
    path = tmp_path / "trial.json"
    path.write_text(json.dumps(_trial()).replace('"cycles": 6', '"cycles": ' + "6" * 5000), encoding="utf-8")
    assert "a number with 5,000 digits" in _one_line_exit_2(capsys, ["validate", str(path)])


# --- Item 4: what the app assumes, validate checks -----------------------------------------------

def _without_lead(data: dict) -> dict:
    data["sponsors"] = [s for s in data["sponsors"] if s["role"] != "lead"]
    return data


ASSUMPTIONS = [
    ("compare rule on a yes/no question",
     lambda d: _changed(d, RULE, {"kind": "compare", "question": "can_consent", "op": ">=", "limit": 1, "unit": ""}),
     "criteria.0: the rule of 'relapsed_or_refractory': a 'compare' rule cannot ask 'can_consent', "
     "which is a choice answer"),
    ("answer rule on a lab value",
     lambda d: _changed(d, RULE, {"kind": "answer", "question": "platelets", "among": ["yes"]}),
     "cannot ask 'platelets', which is a lab answer"),
    ("months_since on a number",
     lambda d: _changed(d, RULE, {"kind": "months_since", "question": "age_years", "at_least": 3}),
     "cannot ask 'age_years', which is a number answer"),
    ("a question the answers file does not have",
     lambda d: _changed(d, RULE, {"kind": "answer", "question": "nope", "among": ["yes"]}),
     "'nope' is not a question of the answers file"),
    ("an answer no one can give",
     lambda d: _changed(d, RULE, {"kind": "answer", "question": "can_consent", "among": ["maybe"]}),
     "'can_consent' is never answered 'maybe'"),
    ("a unit the answer cannot have",
     lambda d: _changed(d, RULE, {"kind": "compare", "question": "platelets", "op": ">=", "limit": 5,
                                  "unit": "furlongs"}),
     "'platelets' is compared in 'furlongs'"),
    ("a limit no report shows",
     lambda d: _changed(d, RULE, {"kind": "compare", "question": "platelets", "op": ">=", "limit": 1e308,
                                  "unit": "/uL"}),
     "the limit of 'platelets': no lab report shows a number this large"),
    ("a phase of 400-day cycles within 1 month",
     lambda d: _changed(_changed(d, *_phase(1, "cycle_length_days", 365)), *_phase(1, "max_months", 1)),
     "phase 'maintenance': 1 months holds no whole 365-day cycle"),
    ("no lead sponsor", _without_lead, "the record names 0 lead sponsors; it needs exactly 1"),
    ("a start date in 9999", lambda d: _changed(d, ("start_date",), "9999-12-31"),
     "start_date: December 31, 9999 is too late for this date"),
    ("a start date in year 1", lambda d: _changed(d, ("start_date",), "0001-01-01"),
     "start_date: January 1, 1 is too early for this date"),
    ("version true", lambda d: _changed(d, ("version",), True), "version: must be a number"),
    ("enrollment true", lambda d: _changed(d, ("enrollment",), True), "enrollment: Input should be a valid integer"),
    ("cycles as text", lambda d: _changed(d, *_phase(0, "cycles", "6")), "regimen.phases.0.cycles"),
    ("a drug listed twice", lambda d: d["interventions"].append(d["interventions"][0]) or d,
     "intervention ids used twice"),
    ("a phase listed twice", lambda d: d["regimen"]["phases"].append(d["regimen"]["phases"][0]) or d,
     "phase ids used twice"),
    ("cycles that run backwards",
     lambda d: _changed(d, ("regimen", "phases", 0, "drugs", 0, "day_rules", 0, "cycles"), {"first": 5, "last": 2}),
     "cycles 5 to 2 run backwards"),
]


@pytest.mark.parametrize(("change", "words"), [pytest.param(c, w, id=n) for n, c, w in ASSUMPTIONS])
def test_validate_checks_what_the_app_assumes(tmp_path, capsys, change, words) -> None:
    trial_file = tmp_path / "trial.json"
    trial_file.write_text(json.dumps(change(_trial())), encoding="utf-8")
    assert words in _one_line_exit_2(capsys, ["validate", str(trial_file)])
    good = tmp_path / "good.answers.json"
    good.write_text(json.dumps(GOOD_ANSWERS), encoding="utf-8")
    for command in (["check", "--trial", str(trial_file), str(good)],
                    ["pdf", "--trial", str(trial_file), "-o", str(tmp_path / "out.pdf")]):
        assert words in _one_line_exit_2(capsys, command)  # the same words; never a traceback later


def test_the_built_in_trial_passes_every_new_check() -> None:
    assert load_trial().nct_id == "NCT04883242"


# --- Item 6 and issue 12 item 8: numbers and dates no one has, strict types ----------------------

IMPOSSIBLE_ANSWERS = [
    ("eGFR 1e20", ("answers", "egfr"), {"value": 1e20, "unit": "mL/min"},
     "answers.egfr: no lab report shows a number this large here"),
    ("platelets 1e308", ("answers", "platelets"), {"value": 1e308, "unit": "/uL"},
     "answers.platelets: no lab report shows a number this large here"),
    ("a normal limit of 1e-308", ("answers", "alt"), {"value": 35, "unit": "U/L", "uln": 1e-308},
     "answers.alt: the value is more than 10,000 times the normal limit"),
    ("a normal limit of 1e308", ("answers", "ast"), {"value": 35, "unit": "U/L", "uln": 1e308},
     "answers.ast: no lab report shows a normal limit this large"),
    ("hemoglobin 1e6 in every unit", ("answers", "hemoglobin"), {"value": 1e6, "unit": "g/L"},
     "answers.hemoglobin"),
    ("50,000 times the ULN", ("answers", "bilirubin"), {"value": 50_000, "unit": "xULN"}, "answers.bilirubin"),
    ("as_of in year 1", ("as_of",), "0001-01-01", "as_of: January 1, 1 is too early for this date"),
    ("a transplant in 1800", ("answers", "asct_date"), "1800-01-01",
     "answers.asct_date: January 1, 1800 is too early for this date"),
    ("version true", ("version",), True, "version: must be a number, not true or false"),
    ("version 1.0", ("version",), 1.0, "version: must be a whole number, such as 1"),
    ("version '1'", ("version",), "1", "version: must be a whole number, such as 1"),
    ("age true", ("answers", "age_years"), True, "answers.age_years: Input should be a valid integer"),
    ("age 64.5", ("answers", "age_years"), 64.5, "answers.age_years"),
]


@pytest.mark.parametrize(("path", "value", "words"),
                         [pytest.param(p, v, w, id=n) for n, p, v, w in IMPOSSIBLE_ANSWERS])
def test_impossible_answers_are_refused_on_load_with_the_key_named(tmp_path, capsys, path, value, words) -> None:
    answers = tmp_path / "impossible.answers.json"
    answers.write_text(_answers_with(path, value), encoding="utf-8")
    err = _one_line_exit_2(capsys, ["check", str(answers)])
    assert words in err
    assert len(err) < 300  # never 309 digits


@pytest.mark.parametrize(("value", "unit", "status"), [
    (150_000, "10^9/L", "unknown"),  # a unit slip: still read, the rule left open ("did you mean…")
    (5_000_000, "/uL", "unknown"),  # possible but very unusual: "please check", as before
    (150, "10^9/L", "satisfied"),
])
def test_possible_but_unusual_numbers_keep_the_please_check_behaviour(tmp_path, capsys, value, unit, status) -> None:
    answers = tmp_path / "unusual.answers.json"
    answers.write_text(_answers_with(("answers", "platelets"), {"value": value, "unit": unit}), encoding="utf-8")
    assert main(["check", str(answers), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert next(c for c in report["criteria"] if c["id"] == "platelets")["status"] == status


def test_every_lab_quantity_has_a_physical_range_and_results_stay_finite() -> None:
    from explainer.core.units import QUANTITIES, ULN, accepted_units, conversion_text, physical_max, physical_problem

    for key in QUANTITIES:
        units = accepted_units(key)
        for unit in units:
            most = physical_max(key, unit)
            assert 0 < most < float("inf"), (key, unit)
            assert physical_problem(key, most, unit) is None
            assert physical_problem(key, most * 1.01, unit) is not None
            for other in units:
                assert "inf" not in conversion_text(key, most, unit, other, uln=1 if other == ULN else None)


# --- Item 8: error lines shortened and escaped -----------------------------------------------

def test_an_unknown_key_with_escape_and_newline_stays_one_plain_line(tmp_path, capsys) -> None:
    answers = tmp_path / "escape.answers.json"
    answers.write_text(_answers_with(("answers", "x\x1b[2J\nhello\u202e"), "yes"), encoding="utf-8")
    err = _one_line_exit_2(capsys, ["check", str(answers)])
    assert "\x1b" not in err and "\u202e" not in err
    assert "x\\x1b[2J\\nhello\\u202e: unknown key" in err


def test_a_long_value_is_shortened_in_the_error_line(tmp_path, capsys) -> None:
    answers = tmp_path / "long.answers.json"
    answers.write_text(_answers_with(("answers", "heart_disease"), "\x1b[31m" + "y" * 200_000), encoding="utf-8")
    err = _one_line_exit_2(capsys, ["check", str(answers)])
    assert len(err) < 500 and "\x1b" not in err
    assert "(200,005 characters)" in err


def test_a_trial_field_with_control_characters_is_escaped(tmp_path, capsys) -> None:
    trial_file = tmp_path / "trial.json"
    trial_file.write_text(json.dumps(_changed(_trial(), DAYS, "1,\x1b[2J\n" + "9" * 100_000)), encoding="utf-8")
    err = _one_line_exit_2(capsys, ["validate", str(trial_file)])
    assert "\x1b" not in err and len(err) < 500


@pytest.mark.parametrize(("text", "shown"), [
    ("plain", "'plain'"),
    ("a\nb\x1b[0m", "'a\\nb\\x1b[0m'"),
    ("\u2028\u202e", "'\\u2028\\u202e'"),
    ("é ✓ µ", "'é ✓ µ'"),  # letters and signs stay as they are
    ("x" * 100, "'" + "x" * 60 + "… (100 characters)'"),
])
def test_echoed_values_are_short_and_visible(text, shown) -> None:
    from explainer.errors import echoed, one_line

    assert echoed(text) == shown
    assert "\n" not in one_line(f"a\n{text}") and len(one_line("z" * 10_000)) < 420


def test_a_content_error_is_still_one_line_when_the_file_name_has_a_newline(tmp_path, capsys) -> None:
    odd = tmp_path / "bad\nname\x1b.json"
    odd.write_text("{", encoding="utf-8")
    err = _one_line_exit_2(capsys, ["validate", str(odd)])
    assert "bad\\nname\\x1b.json" in err


def test_content_errors_are_the_apps_own_type(tmp_path) -> None:
    path = tmp_path / "trial.json"
    path.write_text(json.dumps(_changed(_trial(), DAYS, "1-999999999999")), encoding="utf-8")
    with pytest.raises(ContentError):
        load_trial(path)
