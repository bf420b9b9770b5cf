"""`validate` checks the names one file gives another: rule questions and units,
page facts, registry markers, glossary links. Each broken copy of the resources gives
one line naming the file and the field (or line); the real files give none."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.content import ContentError, load_study_bundle, load_trial
from explainer.validate_links import check_links, link_problems

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
STUDY = Path("trials", "NCT04883242")  # the built-in study's folder, under resources/
TRIAL = RESOURCES / STUDY / "trial.json"


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
    source = copy / STUDY / "trial.json"
    if trial_data is not None:
        source.write_text(json.dumps(trial_data), encoding="utf-8")
    return link_problems(load_study_bundle(copy / STUDY), source, copy)


def test_the_real_files_have_no_broken_reference(copy: Path) -> None:
    assert _problems(copy) == []
    assert check_links(load_study_bundle(), TRIAL).startswith("ok  ")


# (what, criterion, its new rule, words of the one problem). The trial model refuses
# these on load (explainer.core.rules.rule_fits_answers), so `check` and `pdf` never
# trip over them either; validate names the criterion's field and the question.
BROKEN_RULES = [
    ("no such question, in furlongs", "ecog",
     {"kind": "compare", "question": "walking_distance", "op": ">=", "limit": 3, "unit": "furlongs"},
     "'walking_distance' is not a question of the answers file"),
    ("a lab limit in a unit the answers cannot reach", "platelets",
     {"kind": "compare", "question": "platelets", "op": ">=", "limit": 3, "unit": "furlongs"},
     "'platelets' is compared in 'furlongs'"),
    ("times the upper limit for a count that has none", "platelets",
     {"kind": "compare", "question": "platelets", "op": "<=", "limit": 3, "unit": "xULN"},
     "'platelets' is compared in 'xULN'"),
    ("a lab limit with no unit", "hemoglobin",
     {"kind": "compare", "question": "hemoglobin", "op": ">=", "limit": 8},
     "'hemoglobin' is compared in ''"),
    ("a unit on a plain number", "ecog",
     {"kind": "compare", "question": "ecog", "op": "<=", "limit": 2, "unit": "mg/dL"},
     "'ecog' is compared in 'mg/dL'"),
    ("a number limit on a yes/no question", "heart_disease",
     {"kind": "compare", "question": "heart_disease", "op": ">=", "limit": 1},
     "a 'compare' rule cannot ask 'heart_disease'"),
    ("an answer the question does not offer", "heart_disease",
     {"kind": "answer", "question": "heart_disease", "among": ["no", "maybe"]},
     "'heart_disease' is never answered 'maybe'"),
    ("an answer rule on a lab question", "platelets",
     {"kind": "answer", "question": "platelets", "among": ["yes"]},
     "a 'answer' rule cannot ask 'platelets'"),
    ("months since a yes/no answer", "stem_cell_transplant",
     {"kind": "months_since", "question": "prior_asct", "at_least": 12},
     "a 'months_since' rule cannot ask 'prior_asct'"),
]


@pytest.mark.parametrize(("what", "criterion", "rule", "expected"), BROKEN_RULES, ids=[b[0] for b in BROKEN_RULES])
def test_a_rule_that_its_question_cannot_answer_is_named(copy: Path, what: str, criterion: str, rule: dict,
                                                         expected: str) -> None:
    source = copy / STUDY / "trial.json"
    source.write_text(json.dumps(_with_rule(criterion, rule)), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_trial(source)
    [problem] = str(caught.value).splitlines()
    assert problem.startswith(f"{source}: criteria.{_index(criterion)}")
    assert expected in problem


def test_a_rule_deep_in_a_tree_is_named(copy: Path) -> None:
    rule = {"kind": "any", "of": [{"kind": "answer", "question": "heart_disease", "among": ["no"]},
                                  {"kind": "all", "of": [{"kind": "answer", "question": "nope", "among": ["no"]}]}]}
    source = copy / STUDY / "trial.json"
    source.write_text(json.dumps(_with_rule("heart_disease", rule)), encoding="utf-8")
    with pytest.raises(ContentError, match=f"criteria.{_index('heart_disease')}.*'nope' is not a question"):
        load_trial(source)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, words: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if words in line)


# (what, file in the copy, text to find, what to put instead, the problem after "FILE line N: ")
BROKEN_TEXTS = [
    ("an unknown fact on a page", "trials/NCT04883242/pages/status.md", None, "Status: {{ stauts }}.",
     "{{ stauts }} is not a fact of the trial"),
    ("an unknown registry sentence", "trials/NCT04883242/pages/study.md", None, "A fact. [registry: no-such-sentence]",
     "[registry: no-such-sentence] is not in"),
    ("one unknown id in a marker of two", "trials/NCT04883242/pages/study.md", None, "A fact. [registry: {known}, gone-missing]",
     "[registry: gone-missing] is not in"),
    ("a glossary link to no term", "trials/NCT04883242/pages/help.md", None, "Read about [the word](glossary:no-such-term).",
     "glossary:no-such-term is not a term in"),
    ("a glossary link in a question's hint", "questions.json", '"hint": "', '"hint": "See [it](glossary:missing). ',
     "glossary:missing is not a term in"),
]


@pytest.mark.parametrize(("what", "name", "old", "new", "expected"), BROKEN_TEXTS, ids=[b[0] for b in BROKEN_TEXTS])
def test_a_broken_reference_in_a_text_is_named_with_its_line(copy: Path, what: str, name: str, old: str | None,
                                                             new: str, expected: str) -> None:
    path = copy / name
    known = next(iter(json.loads((copy / STUDY / "registry_sentences.json").read_text(encoding="utf-8"))["sentences"]))
    new = new.replace("{known}", known)
    if old is None:  # a new last line
        path.write_text(path.read_text(encoding="utf-8") + "\n" + new + "\n", encoding="utf-8")
    else:
        _edit(path, old, new)
    [problem] = _problems(copy)
    assert problem.startswith(f"{path} line {_line_of(path, new)}: {expected}")


def test_links_that_resolve_are_not_problems(copy: Path) -> None:
    term = json.loads((copy / STUDY / "glossary.json").read_text(encoding="utf-8"))["terms"][0]["id"]
    page = copy / STUDY / "pages" / "help.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nRead about [it](glossary:{term}). {{{{ nct_id }}}}\n",
                    encoding="utf-8")
    assert _problems(copy) == []


def test_every_problem_is_reported_at_once_one_line_each(copy: Path) -> None:
    _edit(copy / STUDY / "pages" / "status.md", "\n", "\n{{ stauts }} and {{ nct_idd }}\n")
    (copy / STUDY / "pages" / "help.md").write_text("[x](glossary:nope) [registry: nope]\n", encoding="utf-8")
    problems = _problems(copy)
    assert len(problems) == 4
    assert all("\n" not in p for p in problems)
    with pytest.raises(ContentError) as caught:
        check_links(load_study_bundle(copy / STUDY), copy / STUDY / "trial.json", copy)
    assert str(caught.value).splitlines() == ["4 problems:", *problems]


def test_the_validate_command_names_the_broken_rule_and_exits_2(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture) -> None:
    data = _with_rule("ecog", {"kind": "compare", "question": "walking_distance", "op": ">=", "limit": 3,
                               "unit": "furlongs"})
    source = tmp_path / "trial.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(source)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith(f"trial-explainer: {source}: criteria.{_index('ecog')}")
    assert "'walking_distance' is not a question of the answers file" in line and "Traceback" not in line


def test_one_problem_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    source = tmp_path / "trial.json"
    source.write_text(json.dumps(_with_rule("ecog", {"kind": "compare", "question": "ecog", "op": "<=", "limit": 2,
                                                     "unit": "furlongs"})), encoding="utf-8")
    assert main(["validate", str(source)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"trial-explainer: {source}: criteria.") and "furlongs" in err
