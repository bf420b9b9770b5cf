"""The criteria reader against the hand labels (benchmarks/accuracy.py, ./dev accuracy).

The labels were written by reading the ten sample records; the targets are the
issue's: precision >= 97 % and recall >= 85 % over lab, age and performance-status
rules. A change that makes the reader read a wrong rule, or stop reading right ones,
fails here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "fixtures" / "criteria_labels.json"


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def test_the_labels_cover_every_sample_record_and_are_well_formed() -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["records"]
    samples = sorted(p.stem for p in (ROOT / "tests" / "fixtures" / "ctgov").glob("NCT*.json"))
    assert sorted(labels) == samples
    keys = {"item", "line", "category", "question", "op", "value", "unit", "uln", "condition", "words"}
    for record in labels.values():
        for label in record:
            assert set(label) == keys
            assert label["category"] in ("lab", "age", "performance", "therapy")
            assert label["op"] in (">=", ">", "<=", "<", "==", "range")
            assert label["uln"] == (label["unit"] == "xULN")


def test_precision_and_recall_meet_the_targets() -> None:
    accuracy = _accuracy_module()
    scores = accuracy.measure()
    total = accuracy.combined(scores)
    assert total.labels >= 45
    assert total.precision >= accuracy.TARGET_PRECISION, total.unsafe
    assert total.recall >= accuracy.TARGET_RECALL, total.missed
    assert total.unsafe == []


def test_a_wrong_label_is_counted_as_a_wrong_reading(tmp_path: Path) -> None:
    accuracy = _accuracy_module()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    labels["records"]["NCT04267848"][0]["value"] = 21  # "Age >= 18 years" labelled as 21
    changed = tmp_path / "labels.json"
    changed.write_text(json.dumps(labels), encoding="utf-8")
    before = accuracy.combined(accuracy.measure())
    after = accuracy.combined(accuracy.measure(labels_path=changed))
    assert after.correct == before.correct - 1
    assert len(after.unsafe) == len(before.unsafe) + 1
