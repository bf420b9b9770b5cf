"""Fuzzing answers files and trial files (issue 14): whatever the bytes, the commands
end with exit 0 or exit 2 and one line; the only error that escapes the loaders is
the app's own (AnswersError / ContentError); no case hangs; memory stays bounded.

Each case starts from a good file and changes one to three values anywhere in it
(any JSON value, hostile ones weighted in: 5,000-digit numbers, 1e308, NaN, control
characters, long text, deep nesting), or cuts or garbles the bytes. The deadline
is a hang detector (generous, for a loaded machine), not a speed check.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import resource
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.answers_io import AnswersError, load_answers
from explainer.cli import main
from explainer.content import ContentError, builtin_trial_path, load_questions, load_trial
from explainer.core.eligibility import evaluate
from explainer.core.schedule import build_timeline

FIXTURES = Path(__file__).parent / "fixtures"
GOOD_ANSWERS = json.loads((FIXTURES / "full.answers.json").read_text(encoding="utf-8"))
GOOD_TRIAL = json.loads(builtin_trial_path().read_text(encoding="utf-8"))
HANG_DEADLINE = dt.timedelta(seconds=30)
MEMORY_GROWTH_KIB = 1024 * 1024  # the process's peak may grow by at most 1 GiB over all cases

BIG = "__a 5000-digit number__"  # put in as text: hypothesis itself cannot show a number that long
HOSTILE = st.sampled_from([
    BIG, -(10**30), 1_000_000, 10**12, 1e308, -1e308, 1e-308, -0.0, float("nan"), float("inf"), True, False, None, 0, "",
    "\x1b[2J\x1b]0;owned\x07", "a\nb\r\u2028\u202e", "x" * 100_000, "9" * 5000, "1-999999999999",
    "0001-01-01", "9999-12-31", "1800-01-01", "<img src='file:///etc/passwd'>", [], {}, [[[[[[]]]]]],
    {"kind": "compare", "question": "can_consent", "op": ">=", "limit": 1, "unit": ""},
    {"value": 1e308, "unit": "/uL"}, {"value": 35, "unit": "U/L", "uln": 1e-308},
])
LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                 st.text(st.characters(codec="utf-8"), max_size=40), HOSTILE)
VALUE = st.recursive(LEAF, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=12), inner, max_size=4), max_leaves=12)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON document a value sits (not the root)."""
    found = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


@st.composite
def mutated(draw: st.DrawFn, good: dict, paths: list[tuple]) -> bytes:
    data = json.loads(json.dumps(good))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        node: Any = data
        try:
            for key in path[:-1]:
                node = node[key]
            action = draw(st.sampled_from(["replace", "replace", "delete", "add key"]))
            if action == "replace":
                node[path[-1]] = draw(VALUE)
            elif action == "delete":
                del node[path[-1]]
            elif isinstance(node, dict):
                node[draw(st.text(max_size=20))] = draw(VALUE)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change moved this place: skip it
    raw = _dumps(data)
    garble = draw(st.sampled_from(["none", "none", "none", "cut", "bytes"]))
    if garble == "cut":
        raw = raw[:draw(st.integers(0, len(raw)))]
    elif garble == "bytes":
        where = draw(st.integers(0, len(raw)))
        raw = raw[:where] + draw(st.binary(min_size=1, max_size=20)) + raw[where:]
    return raw


def _dumps(data: Any) -> bytes:
    try:
        text = json.dumps(data)
    except (ValueError, RecursionError):
        return b"{"
    return text.replace(json.dumps(BIG), "9" * 5000).encode("utf-8", "surrogatepass")


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


START_PEAK = _peak_kib()


def _command(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(argv)
    return status, err.getvalue()


def _assert_plain_outcome(status: int, err: str) -> None:
    assert status in (0, 2), err
    if status == 2:
        assert err.count("\n") == 1 and err.startswith("trial-explainer: ") and len(err) < 500, err
        assert not any(ord(char) < 32 for char in err[:-1]), err
    assert _peak_kib() - START_PEAK < MEMORY_GROWTH_KIB


FUZZ = settings(max_examples=150, deadline=HANG_DEADLINE, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TRIAL = load_trial()
QUESTIONS = load_questions()


@FUZZ
@given(raw=mutated(GOOD_ANSWERS, _paths(GOOD_ANSWERS)))
def test_fuzzed_answers_files_end_in_a_result_or_one_plain_line(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.answers.json"
        path.write_bytes(raw)
        try:
            answers = load_answers(path, TRIAL.nct_id, dt.date(2026, 12, 1))
        except AnswersError as err:
            assert "\n" not in str(err) or len(str(err)) < 100_000
        else:
            report = evaluate(TRIAL, answers, QUESTIONS)
            json.dumps(report.to_spec_dict())
        for argv in (["check", str(path)], ["check", str(path), "--json"]):
            _assert_plain_outcome(*_command(argv))


@settings(FUZZ, max_examples=80)
@given(raw=mutated(GOOD_TRIAL, _paths(GOOD_TRIAL)))
def test_fuzzed_trial_files_end_in_ok_or_one_plain_line(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.trial.json"
        path.write_bytes(raw)
        answers = Path(folder) / "good.answers.json"
        answers.write_text(json.dumps(GOOD_ANSWERS), encoding="utf-8")
        try:
            trial = load_trial(path)
        except ContentError:
            pass
        else:  # a trial the models accept must not crash anything that reads it
            build_timeline(trial, trial.start_date)
            from explainer.summary_source import make_summary

            make_summary(trial, None, dt.date(2026, 12, 1), start=trial.start_date)
        for argv in (["validate", str(path)], ["check", "--trial", str(path), str(answers)],
                     ["calendar", "--trial", str(path), "--start-date", "2021-09-01",
                      "-o", str(Path(folder) / "out.ics")]):
            _assert_plain_outcome(*_command(argv))
