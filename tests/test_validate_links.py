"""`validate` checks the names one file gives another: rule questions and units,
page facts, registry markers, glossary links. Each broken copy of the resources gives
one line naming the file and the field (or line); the real files give none."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.content import ContentError, load_trial
from explainer.validate_links import check_links, link_problems

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
TRIAL = RESOURCES / "trials" / "NCT04883242.json"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of resources/ to break (the loaders take it as their root)."""
    shutil.copytree(RESOURCES, tmp_path / "resources", ignore=shutil.ignore_patterns("__pycache__", "fonts", "icons"))
    return tmp_path / "resources"


def _with_rule(criterion_id: str, rule: dict) -> dict:
    data = json.loads(TRIAL.read_text(encoding="utf-8"))
    next(c for c in data["criteria"] if c["id"] == criterion_id)["rule"] = rule
    return data


def _index(criterion_id: str) -> int:
    data = json.loads(TRIAL.read_text(encoding="utf-8"))
    return next(i for i, c in enumerate(data["criteria"]) if c["id"] == criterion_id)


def _problems(copy: Path, trial_data: dict | None = None) -> list[str]:
    source = copy / "trials" / "NCT04883242.json"
    if trial_data is not None:
        source.write_text(json.dumps(trial_data), encoding="utf-8")
    return link_problems(load_trial(source), source, copy)


def test_the_real_files_have_no_broken_reference(copy: Path) -> None:
    assert _problems(copy) == []
    assert check_links(load_trial(TRIAL), TRIAL).startswith("ok  ")


# (what, criterion, its new rule, the words of the one problem after the field)
BROKEN_RULES = [
    ("no such question, in furlongs", "ecog",
     {"kind": "compare", "question": "walking_distance", "op": ">=", "limit": 3, "unit": "furlongs"},
     "question 'walking_distance' is not in"),
    ("a lab limit in a unit the answers cannot reach", "platelets",
     {"kind": "compare", "question": "platelets", "op": ">=", "limit": 3, "unit": "furlongs"},
     "unit 'furlongs': question 'platelets' (lab) is answered in 10^9/L, 10^3/uL, /uL, none of them convertible"),
    ("times the upper limit for a count that has none", "platelets",
     {"kind": "compare", "question": "platelets", "op": "<=", "limit": 3, "unit": "xULN"},
     "unit 'xULN': question 'platelets' (lab)"),
    ("a lab limit with no unit", "hemoglobin",
     {"kind": "compare", "question": "hemoglobin", "op": ">=", "limit": 8},
     "unit '': question 'hemoglobin' (lab)"),
    ("a unit on a plain number", "ecog",
     {"kind": "compare", "question": "ecog", "op": "<=", "limit": 2, "unit": "mg/dL"},
     "unit 'mg/dL': question 'ecog' (whole_number) takes a plain number, no unit"),
    ("a number limit on a yes/no question", "heart_disease",
     {"kind": "compare", "question": "heart_disease", "op": ">=", "limit": 1},
     "question 'heart_disease' (yes_no) is not answered with a number to compare"),
    ("an answer the question does not offer", "heart_disease",
     {"kind": "answer", "question": "heart_disease", "among": ["no", "maybe"]},
     "among ['maybe']: not answers question 'heart_disease' (yes_no) offers (no, unsure, yes)"),
    ("an answer rule on a lab question", "platelets",
     {"kind": "answer", "question": "platelets", "among": ["yes"]},
     "question 'platelets' (lab) has no answers to choose from"),
    ("months since a yes/no answer", "stem_cell_transplant",
     {"kind": "months_since", "question": "prior_asct", "at_least": 12},
     "question 'prior_asct' (yes_no) is not answered with a date"),
]


@pytest.mark.parametrize(("what", "criterion", "rule", "expected"), BROKEN_RULES, ids=[b[0] for b in BROKEN_RULES])
def test_a_rule_that_its_question_cannot_answer_is_named(copy: Path, what: str, criterion: str, rule: dict,
                                                         expected: str) -> None:
    [problem] = _problems(copy, _with_rule(criterion, rule))
    trial_file = copy / "trials" / "NCT04883242.json"
    assert problem.startswith(f"{trial_file}: criteria.{_index(criterion)}.rule (criterion {criterion!r}): ")
    assert expected in problem


def test_a_rule_deep_in_a_tree_is_named_by_its_path(copy: Path) -> None:
    rule = {"kind": "any", "of": [{"kind": "answer", "question": "heart_disease", "among": ["no"]},
                                  {"kind": "all", "of": [{"kind": "answer", "question": "nope", "among": ["no"]}]}]}
    [problem] = _problems(copy, _with_rule("heart_disease", rule))
    assert f"criteria.{_index('heart_disease')}.rule.of.1.of.0 (criterion 'heart_disease'): question 'nope'" in problem


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, words: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if words in line)


# (what, file in the copy, text to find, what to put instead, the problem after "FILE line N: ")
BROKEN_TEXTS = [
    ("an unknown fact on a page", "pages/status.md", None, "Status: {{ stauts }}.",
     "{{ stauts }} is not a fact of the trial"),
    ("an unknown registry sentence", "pages/study.md", None, "A fact. [registry: no-such-sentence]",
     "[registry: no-such-sentence] is not in"),
    ("one unknown id in a marker of two", "pages/study.md", None, "A fact. [registry: {known}, gone-missing]",
     "[registry: gone-missing] is not in"),
    ("a glossary link to no term", "pages/help.md", None, "Read about [the word](glossary:no-such-term).",
     "glossary:no-such-term is not a term in"),
    ("a glossary link in a question's hint", "questions.json", '"hint": "', '"hint": "See [it](glossary:missing). ',
     "glossary:missing is not a term in"),
]


@pytest.mark.parametrize(("what", "name", "old", "new", "expected"), BROKEN_TEXTS, ids=[b[0] for b in BROKEN_TEXTS])
def test_a_broken_reference_in_a_text_is_named_with_its_line(copy: Path, what: str, name: str, old: str | None,
                                                             new: str, expected: str) -> None:
    path = copy / name
    known = next(iter(json.loads((copy / "registry_sentences.json").read_text(encoding="utf-8"))["sentences"]))
    new = new.replace("{known}", known)
    if old is None:  # a new last line
        path.write_text(path.read_text(encoding="utf-8") + "\n" + new + "\n", encoding="utf-8")
    else:
        _edit(path, old, new)
    [problem] = _problems(copy)
    assert problem.startswith(f"{path} line {_line_of(path, new)}: {expected}")


def test_links_that_resolve_are_not_problems(copy: Path) -> None:
    term = json.loads((copy / "glossary.json").read_text(encoding="utf-8"))["terms"][0]["id"]
    page = copy / "pages" / "help.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nRead about [it](glossary:{term}). {{{{ nct_id }}}}\n",
                    encoding="utf-8")
    assert _problems(copy) == []


def test_every_problem_is_reported_at_once_one_line_each(copy: Path) -> None:
    _edit(copy / "pages" / "status.md", "\n", "\n{{ stauts }} and {{ nct_idd }}\n")
    (copy / "pages" / "help.md").write_text("[x](glossary:nope) [registry: nope]\n", encoding="utf-8")
    data = _with_rule("ecog", {"kind": "compare", "question": "walking_distance", "op": ">=", "limit": 3,
                               "unit": "furlongs"})
    problems = _problems(copy, data)
    assert len(problems) == 5
    assert all("\n" not in p for p in problems)
    trial = load_trial(copy / "trials" / "NCT04883242.json")
    with pytest.raises(ContentError) as caught:
        check_links(trial, copy / "trials" / "NCT04883242.json", copy)
    assert str(caught.value).splitlines() == ["5 problems:", *problems]


def test_the_validate_command_names_each_problem_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    data = _with_rule("ecog", {"kind": "compare", "question": "walking_distance", "op": ">=", "limit": 3,
                               "unit": "furlongs"})
    data = {**data, "criteria": [
        {**c, "rule": {"kind": "compare", "question": "platelets", "op": ">=", "limit": 75, "unit": "furlongs"}}
        if c["id"] == "platelets" else c for c in data["criteria"]]}
    source = tmp_path / "trial.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(source)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == "trial-explainer: 2 problems:"
    assert lines[1].startswith(f"{source}: criteria.{_index('ecog')}.rule (criterion 'ecog'): question 'walking_distance'")
    assert lines[2].startswith(f"{source}: criteria.{_index('platelets')}.rule (criterion 'platelets'): unit 'furlongs'")
    assert len(lines) == 3 and "Traceback" not in captured.err


def test_one_problem_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "trial.json"
    source.write_text(json.dumps(_with_rule("ecog", {"kind": "compare", "question": "ecog", "op": "<=", "limit": 2,
                                                     "unit": "furlongs"})), encoding="utf-8")
    assert main(["validate", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"trial-explainer: {source}: criteria.") and "furlongs" in err
