"""Run hostile answers and trial files through every command; count what held.

    .venv/bin/python tools/attack_inputs.py [--jobs 2] [--timeout 30] [--show-failed]

Each case runs the real command line in a fresh process, with a memory ceiling
(RLIMIT_AS) and a time limit. A case *holds* when the process ends in time with
exit 0 or 2, and, on exit 2, prints exactly one line on stderr, no traceback, no
control character and at most 500 characters. An author aid (issue 14), not a
test: tests/test_hostile_files.py holds the same properties case by case.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRIAL = json.loads((ROOT / "resources" / "trials" / "NCT04883242" / "trial.json").read_text(encoding="utf-8"))
GOOD_ANSWERS = json.loads((ROOT / "tests" / "fixtures" / "full.answers.json").read_text(encoding="utf-8"))
MEMORY_LIMIT = 2 * 1024**3
ESC_KEY = "bad\x1b[2J\nkey"


def _answers(change: Callable[[dict], object]) -> str:
    data = copy.deepcopy(GOOD_ANSWERS)
    change(data)
    return json.dumps(data)


def _set(path: tuple, value: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        node = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value
    return change


def _nested_rule(depth: int) -> str:
    """The trial with its first rule inside ``depth`` levels of "all" (written as text:
    json.dumps itself would run out of recursion)."""
    leaf = json.dumps(TRIAL["criteria"][0]["rule"])
    nested = '{"kind": "all", "of": [' * depth + leaf + "]}" * depth
    return _trial(_rule("RULE")).replace('"RULE"', nested)


def answers_cases() -> Iterator[tuple[str, str | bytes | None]]:
    """(name, content); None content: a special file made by ``make_special``."""
    yield "good", json.dumps(GOOD_ANSWERS)
    for special in ("fifo", "dev-zero-link", "directory", "dev-null-link", "missing"):
        yield special, None
    yield "50 MB of spaces", json.dumps(GOOD_ANSWERS) + " " * 50_000_000
    yield "2 MB string", _answers(_set(("answers", "hepatitis_b"), "x" * 2_000_000))
    yield "5000-digit age", json.dumps(GOOD_ANSWERS).replace('"age_years": 64', '"age_years": ' + "9" * 5000)
    yield "5000-digit version", json.dumps(GOOD_ANSWERS).replace('"version": 1', '"version": ' + "1" * 5000)
    yield "version true", _answers(_set(("version",), True))
    yield "version 1.0", _answers(_set(("version",), 1.0))
    yield "version string", _answers(_set(("version",), "1"))
    yield "age true", _answers(_set(("answers", "age_years"), True))
    yield "age 64.5", _answers(_set(("answers", "age_years"), 64.5))
    yield "age -1", _answers(_set(("answers", "age_years"), -1))
    yield "egfr 1e20", _answers(_set(("answers", "egfr"), {"value": 1e20, "unit": "mL/min"}))
    yield "platelets 1e308", _answers(_set(("answers", "platelets"), {"value": 1e308, "unit": "/uL"}))
    yield "platelets inf text", json.dumps(GOOD_ANSWERS).replace('"anc"', '"platelets_x"')
    yield "uln 1e-308", _answers(_set(("answers", "alt"), {"value": 50, "unit": "U/L", "uln": 1e-308}))
    yield "uln 0", _answers(_set(("answers", "alt"), {"value": 50, "unit": "U/L", "uln": 0}))
    yield "value -0.0", _answers(_set(("answers", "anc"), {"value": -0.0, "unit": "/uL"}))
    yield "NaN", json.dumps(GOOD_ANSWERS).replace('"unit": "10^9/L"}', '"unit": "10^9/L", "uln": NaN}', 1)
    yield "Infinity", json.dumps(GOOD_ANSWERS).replace("64", "Infinity", 1)
    yield "1e999", json.dumps(GOOD_ANSWERS).replace('"age_years": 64', '"age_years": 1e999')
    yield "as_of year 1", _answers(_set(("as_of",), "0001-01-01"))
    yield "as_of 9999", _answers(_set(("as_of",), "9999-12-31"))
    yield "transplant 1800", _answers(_set(("answers", "asct_date"), "1800-01-01"))
    yield "transplant 0001", _answers(_set(("answers", "asct_date"), "0001-01-01"))
    yield "date with time", _answers(_set(("answers", "asct_date"), "2024-01-10T00:00:00"))
    yield "unknown key ESC", _answers(_set(("answers", ESC_KEY), "yes"))
    yield "unknown top key 1 MB", _answers(_set(("x" * 1_000_000,), 1))
    yield "unit with newline", _answers(_set(("answers", "egfr"), {"value": 50, "unit": "mL/min\n\x1b[31m"}))
    yield "literal ESC", _answers(_set(("answers", "can_consent"), "\x1b]0;owned\x07"))
    yield "format 1 MB", _answers(_set(("format",), "y" * 1_000_000))
    yield "trial other", _answers(_set(("trial",), "NCT00000000"))
    yield "trial 1 MB", _answers(_set(("trial",), "NCT" + "1" * 1_000_000))
    yield "nested 100k", "[" * 100_000 + "]" * 100_000
    yield "nested 200 in answers", json.dumps(GOOD_ANSWERS).replace('"yes"', "[" * 200 + "]" * 200, 1)
    yield "top-level list", "[]"
    yield "top-level number", "1" * 5000
    yield "null answer", _answers(_set(("answers", "ecog"), None))
    yield "answers a list", _answers(_set(("answers",), [1, 2]))
    yield "lab a string", _answers(_set(("answers", "anc"), "1000"))
    yield "empty", ""
    yield "BOM", "\ufeff" + json.dumps(GOOD_ANSWERS)
    yield "not UTF-8", b"\xff\xfe\x00{"
    yield "NUL bytes", b"\x00" * 1000
    yield "surrogate escape", json.dumps(GOOD_ANSWERS).replace('"yes"', '"\\ud800"', 1)
    yield "duplicate keys", json.dumps(GOOD_ANSWERS)[:-2] + ', "ecog": 1, "ecog": 9}}'
    yield "long float", json.dumps(GOOD_ANSWERS).replace('"age_years": 64', '"age_years": 6' + "0" * 5000 + ".0")


def _trial(change: Callable[[dict], object]) -> str:
    data = copy.deepcopy(TRIAL)
    change(data)
    return json.dumps(data)


def _phase(index: int, key: str, value: object) -> Callable[[dict], None]:
    return _set(("regimen", "phases", index, key), value)


def _days(value: object) -> Callable[[dict], None]:
    return _set(("regimen", "phases", 0, "drugs", 0, "day_rules", 0, "days"), value)


def _rule(rule: object) -> Callable[[dict], None]:
    return _set(("criteria", 0, "rule"), rule)


def trial_cases() -> Iterator[tuple[str, str | bytes | None]]:
    yield "good", json.dumps(TRIAL)
    for special in ("fifo", "dev-zero-link", "directory", "missing"):
        yield special, None
    yield "cycles 1000000", _trial(_phase(0, "cycles", 1_000_000))
    yield "cycles 0", _trial(_phase(0, "cycles", 0))
    yield "cycles true", _trial(_phase(0, "cycles", True))
    yield "cycles '6'", _trial(_phase(0, "cycles", "6"))
    yield "cycles 5000 digits", json.dumps(TRIAL).replace('"cycles": 6', '"cycles": ' + "6" * 5000)
    yield "cycle length 0", _trial(_phase(0, "cycle_length_days", 0))
    yield "cycle length 10^9", _trial(_phase(0, "cycle_length_days", 10**9))
    yield "400-day cycles in 1 month", _trial(lambda d: (_phase(1, "cycle_length_days", 400)(d),
                                                         _phase(1, "max_months", 1)(d)))
    yield "max_months 10^6", _trial(_phase(1, "max_months", 1_000_000))
    yield "days 1-999999999999", _trial(_days("1-999999999999"))
    yield "days 5000 digits", _trial(_days("1-" + "9" * 5000))
    yield "days backwards", _trial(_days("21-1"))
    yield "days text", _trial(_days("one, two"))
    yield "days unicode digit", _trial(_days("1, ²"))
    yield "days huge list", _trial(_days(list(range(1, 1_000_000))))
    yield "days 1 MB string", _trial(_days("1," * 500_000))
    yield "title 10 MB", _trial(_set(("title",), "T" * 10_000_000))
    yield "title 100k", _trial(_set(("title",), "T " * 50_000))
    yield "description 1 MB", _trial(_set(("detailed_description",), "word " * 200_000))
    yield "locations 20000", _trial(lambda d: d.__setitem__("locations", d["locations"] * 20_000))
    yield "criteria 5000", _trial(lambda d: d.__setitem__(
        "criteria", [dict(d["criteria"][0], id=f"c{i}") for i in range(5000)]))
    yield "rule nested 900", _nested_rule(900)
    yield "rule nested 30", _nested_rule(30)
    yield "compare on yes/no", _trial(_rule({"kind": "compare", "question": "can_consent", "op": ">=",
                                             "limit": 1, "unit": ""}))
    yield "answer rule on lab", _trial(_rule({"kind": "answer", "question": "platelets", "among": ["yes"]}))
    yield "months_since on number", _trial(_rule({"kind": "months_since", "question": "age_years",
                                                  "at_least": 3}))
    yield "rule unknown question", _trial(_rule({"kind": "answer", "question": "nope", "among": ["yes"]}))
    yield "rule wrong unit", _trial(_rule({"kind": "compare", "question": "platelets", "op": ">=",
                                           "limit": 5, "unit": "furlongs"}))
    yield "rule among never", _trial(_rule({"kind": "answer", "question": "can_consent", "among": ["maybe"]}))
    yield "limit NaN", json.dumps(TRIAL).replace('"limit": 50000', '"limit": NaN')
    yield "limit Infinity", json.dumps(TRIAL).replace('"limit": 50000', '"limit": Infinity')
    yield "limit 1e308", json.dumps(TRIAL).replace('"limit": 50000', '"limit": 1e308')
    yield "no lead sponsor", _trial(lambda d: d.__setitem__(
        "sponsors", [s for s in d["sponsors"] if s["role"] != "lead"]))
    yield "no sponsors", _trial(_set(("sponsors",), []))
    yield "start 9999", _trial(_set(("start_date",), "9999-12-31"))
    yield "start year 1", _trial(_set(("start_date",), "0001-01-01"))
    yield "last updated 9999", _trial(_set(("last_updated",), "9999-12-31"))
    yield "completion 9999", _trial(_set(("completion_date",), "9999-12-31"))
    yield "version true", _trial(_set(("version",), True))
    yield "enrollment true", _trial(_set(("enrollment",), True))
    yield "enrollment 5000 digits", json.dumps(TRIAL).replace('"enrollment": ', '"enrollment": ' + "9" * 5000 + ", \"x\": ")
    yield "unknown key ESC", _trial(_set((ESC_KEY,), 1))
    yield "unknown key 1 MB", _trial(_set(("k" * 1_000_000,), 1))
    yield "duplicate drug ids", _trial(lambda d: d["interventions"].append(d["interventions"][0]))
    yield "unknown drug", _trial(_set(("regimen", "phases", 0, "drugs", 0, "drug"), "nope"))
    yield "phase ids twice", _trial(lambda d: d["regimen"]["phases"].append(d["regimen"]["phases"][0]))
    yield "cycle range backwards", _trial(_set(("regimen", "phases", 0, "drugs", 0, "day_rules", 0, "cycles"),
                                               {"first": 5, "last": 2}))
    yield "no phases", _trial(_set(("regimen", "phases"), []))
    yield "phases 1000", _trial(lambda d: d["regimen"].__setitem__(
        "phases", [dict(d["regimen"]["phases"][0], id="p" + "a" * (i % 20) + "b" * (i // 20)) for i in range(1000)]))
    yield "follow-up 10^9 years", _trial(_set(("regimen", "follow_up", "up_to_years"), 10**9))
    yield "infusion 10^9 minutes", _trial(_set(("regimen", "phases", 0, "drugs", 0, "infusion_minutes"), 10**9))
    yield "nested 100k", "{" * 50_000 + "}" * 50_000
    yield "empty", ""
    yield "not UTF-8", b"\xff\xfe\x00{"
    yield "HTML title", _trial(_set(("title",), "<h1>big</h1><img src='file:///etc/passwd'>"))
    yield "40 MB file", json.dumps(TRIAL) + " " * 40_000_000


def make_special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero-link":
        path.symlink_to("/dev/zero")
    elif kind == "dev-null-link":
        path.symlink_to("/dev/null")
    elif kind == "directory":
        path.mkdir()


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_case(command: list[str], timeout: float, env: dict[str, str]) -> tuple[bool, str]:
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "explainer", *command], capture_output=True,
                              timeout=timeout, env=env, preexec_fn=_limit_memory, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return False, f"hung (over {timeout:.0f} s)"
    took = time.monotonic() - started
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode not in (0, 2):
        return False, f"exit {done.returncode}: {err.strip().splitlines()[-1][:200] if err.strip() else ''}"
    if "Traceback" in err:
        return False, "traceback"
    if done.returncode == 2:
        if err.count("\n") != 1 or not err.startswith("trial-explainer: "):
            return False, f"{err.count(chr(10))} lines on stderr"
        if len(err) > 500 or any(ord(c) < 32 and c != "\n" for c in err):
            return False, f"stderr line of {len(err):,} characters, or with control characters"
    return True, f"exit {done.returncode} in {took:.1f} s: {err.strip()[:160]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--show-failed", action="store_true")
    parser.add_argument("--show-all", action="store_true")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for sub in ("config", "data", "state", "cache"):
            (base / sub).mkdir()
            env[f"XDG_{sub.upper()}_HOME"] = str(base / sub)
        good_answers = base / "good.answers.json"
        good_answers.write_text(json.dumps(GOOD_ANSWERS), encoding="utf-8")
        jobs: list[tuple[str, list[str]]] = []
        for kind, cases in (("answers", answers_cases()), ("trial", trial_cases())):
            for number, (name, content) in enumerate(cases):
                path = base / f"{kind}-{number}.json"
                if content is None:
                    make_special(name, path)
                else:
                    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
                out = base / f"out-{kind}-{number}"
                if kind == "answers":
                    commands = [["check", str(path)], ["check", str(path), "--json"],
                                ["pdf", str(path), "-o", f"{out}.pdf"]]
                else:
                    commands = [["validate", str(path)], ["check", "--trial", str(path), str(good_answers)],
                                ["pdf", "--trial", str(path), "-o", f"{out}.pdf"],
                                ["calendar", "--trial", str(path), "--start-date", "2021-09-01", "-o", f"{out}.ics"]]
                jobs.extend((f"{kind} {name!r}: {command[0]}", command) for command in commands)
        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(lambda job: (job[0], *run_case(job[1], args.timeout, env)), jobs))
    held = sum(1 for _, ok, _ in results if ok)
    for name, ok, detail in results:
        if args.show_all or (args.show_failed and not ok):
            print(f"{'held  ' if ok else 'FAILED'} {name}: {detail}")
    print(f"tried {len(results)}, held {held}, failed {len(results) - held}")
    return 0 if held == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
