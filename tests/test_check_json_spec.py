"""`check ANSWERS --trial RECORD --json` follows ../shared/spec/interfaces.md §3 on every
sample record: each criterion has the spec's fields plus "read" (question, op, value,
unit, uln) or null; "question" is a key of the question bank where the bank has the
question (age is "age_years", as the answers file names it); "source" is the
registry's words with the Markdown escapes undone (issue 17 item 4)."""

from __future__ import annotations

import json
import re

import pytest

from explainer.cli import main
from explainer.content import load_questions
from explainer.core.criteria_read import read_criteria
from explainer.core.criteria import split_criteria
from explainer.records_io import parse_record, read_record_bytes
from tests.conftest import FIXTURES

CTGOV = FIXTURES / "ctgov"
SAMPLES = sorted(path.stem for path in CTGOV.glob("NCT*.json"))
BANK_KEYS = {question.key for question in load_questions().questions}
OPS = {">=", ">", "<=", "<", "==", "range"}
# A backslash before a Markdown character: how the registry escapes ">=", "^", "*" ...
ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>=^~|]")


def check_json(capsys, nct_id: str, answers=None) -> dict:
    args = ["check", *([str(answers)] if answers else []), "--trial", str(CTGOV / f"{nct_id}.json"), "--json"]
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("nct_id", SAMPLES)
def test_each_criterion_has_the_spec_fields_and_read_or_null(capsys, nct_id: str) -> None:
    out = check_json(capsys, nct_id)
    assert set(out) >= {"trial", "recruiting", "overall", "criteria"}
    study = parse_record(read_record_bytes(CTGOV / f"{nct_id}.json")).studies[0]
    rules = read_criteria(split_criteria(study.criteria or ""))
    for row in out["criteria"]:
        assert set(row) >= {"id", "kind", "status", "plain", "source", "reason", "read"}
        assert row["kind"] in ("inclusion", "exclusion") and row["status"] in ("satisfied", "not_satisfied", "unknown")
        assert not ESCAPE.search(row["source"]), row["source"]
        read = row["read"]
        assert (read is None) == (not rules.get(row["id"]))
        if read is None:
            continue
        assert set(read) >= {"question", "op", "value", "unit", "uln"}
        assert read["op"] in OPS and isinstance(read["uln"], bool)
        assert read["unit"] is None or isinstance(read["unit"], str)
        assert isinstance(read["value"], list) == (read["op"] == "range")
        # The bank's key wherever the bank has the question (never the reader's own "age").
        assert read["question"] != "age" and all(rule["question"] != "age" for rule in row["reads"])
        if read["question"].startswith("age"):
            assert read["question"] in BANK_KEYS


def test_escapes_are_undone_and_age_is_the_answers_file_key(capsys, tmp_path) -> None:
    raw = (CTGOV / "NCT04267848.json").read_text(encoding="utf-8")
    assert "Platelet count \\\\>= 100,000/mm\\\\^3" in raw  # as the registry stores it
    answers = tmp_path / "mine.answers.json"
    answers.write_text(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": "NCT04883242",
                                   "as_of": "2026-11-23", "answers": {"age_years": 64}}))
    rows = {row["id"]: row for row in check_json(capsys, "NCT04267848", answers)["criteria"]}
    assert rows["inc-21"]["source"] == "Platelet count >= 100,000/mm^3"
    assert rows["inc-12"]["read"] == {"question": "age_years", "op": ">=", "value": 18, "unit": "years",
                                      "uln": False, "condition": None}
    assert rows["inc-12"]["status"] == "satisfied"  # the answers file's key is the one the rule asks
