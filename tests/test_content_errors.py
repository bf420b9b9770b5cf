"""A broken trial file gives a message naming the file and the field; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.content import ContentError, builtin_trial_path, load_trial


def _good() -> dict:
    return json.loads(builtin_trial_path().read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "trial.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _set(data: dict, path: tuple, value) -> dict:
    node = data
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


_DELETE = object()

# (what is broken, path in the JSON, new value, words the message must contain)
BROKEN_FIELDS = [
    ("unknown key", ("sponsor_name",), "x", "sponsor_name: unknown field"),
    ("misspelt nested key", ("regimen", "phases", 0, "cycle_lenght_days"), 28, "regimen.phases.0.cycle_lenght_days"),
    ("wrong type", ("enrollment",), "thirty", "enrollment"),
    ("missing required field", ("last_updated",), _DELETE, "last_updated: Field required"),
    ("bad date", ("last_updated",), "2025-02-30", "last_updated"),
    ("bad status", ("status",), "OPEN", "status"),
    ("day outside the cycle", ("regimen", "phases", 0, "drugs", 2, "day_rules", 0, "days"), "1-29",
     "day 29 is outside a 28-day cycle"),
    ("backwards day range", ("regimen", "phases", 0, "drugs", 2, "day_rules", 0, "days"), "21-1", "runs backwards"),
    ("unknown drug in regimen", ("regimen", "phases", 1, "drugs", 0, "drug"), "aspirin", "unknown drug 'aspirin'"),
    ("unknown rule kind", ("criteria", 1, "rule", "kind"), "maybe", "criteria.1.rule"),
    ("duplicate criterion id", ("criteria", 1, "id"), "relapsed_or_refractory", "criterion ids used twice"),
    ("medicine without route", ("interventions", 0, "route"), _DELETE, "needs a route"),
    ("future format version", ("version",), 2, "version"),
]


@pytest.mark.parametrize(("what", "path", "value", "expected"), BROKEN_FIELDS, ids=[b[0] for b in BROKEN_FIELDS])
def test_broken_field_is_named(tmp_path, what, path, value, expected) -> None:
    source = _write(tmp_path, _set(_good(), path, value))
    with pytest.raises(ContentError) as caught:
        load_trial(source)
    message = str(caught.value)
    assert str(source) in message
    assert expected in message


@pytest.mark.parametrize(("what", "content", "expected"), [
    ("not JSON", b"{ this is not json", "not valid JSON (line 1"),
    ("truncated", json.dumps(_good()).encode()[:500], "not valid JSON"),
    ("not UTF-8", b"\xff\xfe\x00{}", "not UTF-8"),
    ("an array", b"[]", "(top level)"),
    ("empty", b"", "not valid JSON"),
])
def test_broken_file_is_named(tmp_path, what, content, expected) -> None:
    source = tmp_path / "trial.json"
    source.write_bytes(content)
    with pytest.raises(ContentError, match=r"trial\.json") as caught:
        load_trial(source)
    assert expected in str(caught.value)


def test_missing_file(tmp_path) -> None:
    with pytest.raises(ContentError, match="file not found"):
        load_trial(tmp_path / "nope.json")


def test_validate_command_passes_on_the_builtin_trial(capsys) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "NCT04883242, 24 criteria, 2 treatment phases" in out
    assert "ok  page status" in out


def test_validate_command_names_the_problem_in_one_line(tmp_path, capsys) -> None:
    source = _write(tmp_path, _set(_good(), ("enrollment",), -3))
    assert main(["validate", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "enrollment" in err and "Traceback" not in err


def test_unknown_page_placeholder_is_caught(tmp_path, trial) -> None:
    from explainer.content import load_page

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "x.md").write_text("Status: {{ stauts }}", encoding="utf-8")
    with pytest.raises(ContentError, match=r"x\.md: unknown placeholder"):
        load_page("x", trial, root=tmp_path)


def test_a_fact_on_the_page_shown_before_the_study_opens_is_caught(tmp_path) -> None:
    from explainer.content import load_page_without_facts

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "welcome.md").write_text("Study {{ nct_id }}, welcome.", encoding="utf-8")
    with pytest.raises(ContentError, match=r"welcome\.md: .*cannot use \{\{ nct_id \}\}"):
        load_page_without_facts("welcome", root=tmp_path)
    assert "Only the study team decides" in load_page_without_facts("welcome")  # the real one has none


@pytest.mark.parametrize(("page", "taken"), [
    ("welcome", True), ("who-can-join", True), ("a", True), ("0", True), ("a1-b2", True), ("end-", True),
    ("a" * 60, True), ("-start", False), ("a" * 61, False), ("", False), ("Welcome", False), ("wëlcome", False),
    ("a b", False), ("a_b", False), ("a.md", False), ("a\n", False), ("\n", False), ("a/b", False), ("..", False),
    ("a\u0660", False),
])
def test_a_page_name_is_lower_case_letters_digits_and_dashes(page, taken) -> None:
    from explainer.content import is_page_name

    assert is_page_name(page) is taken
