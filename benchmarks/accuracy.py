"""How well the criteria reader reads numbers: precision and recall against hand labels.

    ./dev accuracy                     (or .venv/bin/python benchmarks/accuracy.py)
    ./dev accuracy --records DIR --labels FILE [--show] [--json]

The labels (tests/fixtures/criteria_labels.json) were written by a person reading
each record; their "about" says the conventions. A read rule is correct when it
equals a label of the same record, item, line and test exactly: op, value, unit,
"times ULN", and whether a condition is attached. Targets, over lab, age and
performance-status rules: precision >= 97 %, recall >= 85 %. Rules about prior
treatment (lines, time since a transplant or a last treatment) are reported apart.

A wrong reading is split in two kinds: "unsafe" (another number, comparison or unit,
a condition missed, or a rule no label has) and "cautious" (right rule, but with a
condition the label does not have: the app would ask instead of deciding).
Nothing here prints registry contact details: only criterion words and ids.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from explainer.core.criteria import split_criteria  # noqa: E402
from explainer.core.criteria_read import ReadRule, read_criteria  # noqa: E402
from explainer.core.registry_record import from_registry_json  # noqa: E402

RECORDS = ROOT / "tests" / "fixtures" / "ctgov"
LABELS = ROOT / "tests" / "fixtures" / "criteria_labels.json"
TARGET_PRECISION = 0.97
TARGET_RECALL = 0.85
CATEGORIES = {
    "age": "age", "ecog": "performance", "karnofsky": "performance",
    "prior_treatment_lines": "therapy",
}
SCORED = ("lab", "age", "performance")


def category(question: str) -> str:
    if question.startswith("time_since_"):
        return "therapy"
    return CATEGORIES.get(question, "lab")


@dataclass
class Score:
    reads: int = 0
    correct: int = 0
    labels: int = 0
    cautious: int = 0
    unsafe: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.reads if self.reads else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labels if self.labels else 1.0


def _value(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return tuple(float(v) for v in value)
    return float(value) if isinstance(value, (int, float)) else value


def _same_rule(rule: ReadRule, label: dict) -> bool:
    return (rule.op == label["op"] and _value(rule.value) == _value(label["value"])
            and rule.unit == label["unit"] and rule.uln == label["uln"])


def score_record(nct_id: str, criteria: str, labels: list[dict], scores: dict[str, Score]) -> None:
    reads = [(item_id, rule) for item_id, rules in read_criteria(split_criteria(criteria)).items() for rule in rules]
    open_labels = list(labels)
    for label in labels:
        scores[label["category"]].labels += 1
    for item_id, rule in reads:
        score = scores[category(rule.question)]
        score.reads += 1
        same_place = [lab for lab in open_labels
                      if lab["item"] == item_id and lab["line"] == rule.line and lab["question"] == rule.question]
        exact = [lab for lab in same_place if _same_rule(rule, lab)
                 and (lab["condition"] is None) == (rule.condition is None)]
        where = f"{nct_id} {item_id}.{rule.line} {rule.question} {rule.op} {rule.value} {rule.unit}"
        if exact:
            score.correct += 1
            open_labels.remove(exact[0])
            continue
        near = [lab for lab in same_place if _same_rule(rule, lab)]
        if near and near[0]["condition"] is None:
            score.cautious += 1  # the app would ask where it could have decided
            open_labels.remove(near[0])
        else:
            if near:
                open_labels.remove(near[0])
            score.unsafe.append(f"{where} (condition: {rule.condition!r})")
    for label in open_labels:
        scores[label["category"]].missed.append(
            f"{nct_id} {label['item']}.{label['line']} {label['question']} {label['op']} {label['value']} "
            f"{label['unit']}: {label['words']}")


def measure(records: Path = RECORDS, labels_path: Path = LABELS) -> dict[str, Score]:
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["records"]
    scores = {name: Score() for name in (*SCORED, "therapy")}
    for path in sorted(records.glob("NCT*.json")):
        for study in from_registry_json(json.loads(path.read_text(encoding="utf-8"))):
            score_record(study.nct_id, study.criteria or "", labels.get(study.nct_id, []), scores)
    return scores


def combined(scores: dict[str, Score], names: tuple[str, ...] = SCORED) -> Score:
    total = Score()
    for name in names:
        part = scores[name]
        total.reads += part.reads
        total.correct += part.correct
        total.labels += part.labels
        total.cautious += part.cautious
        total.unsafe += part.unsafe
        total.missed += part.missed
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=RECORDS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--show", action="store_true", help="list every wrong and every missed reading")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    scores = measure(args.records, args.labels)
    total = combined(scores)
    if args.json:
        print(json.dumps({name: {"reads": s.reads, "correct": s.correct, "labels": s.labels,
                                 "precision": s.precision, "recall": s.recall, "cautious": s.cautious,
                                 "unsafe": len(s.unsafe)} for name, s in {**scores, "scored": total}.items()}))
        return 0
    print(f"{'rules':<22}{'read':>6}{'right':>7}{'labels':>8}{'precision':>11}{'recall':>8}{'cautious':>10}"
          f"{'unsafe':>8}")
    for name, score in (*scores.items(), ("lab + age + performance", total)):
        print(f"{name:<22}{score.reads:>6}{score.correct:>7}{score.labels:>8}{score.precision:>10.1%}"
              f"{score.recall:>8.1%}{score.cautious:>10}{len(score.unsafe):>8}")
    ok = total.precision >= TARGET_PRECISION and total.recall >= TARGET_RECALL
    print(f"targets (lab + age + performance): precision >= {TARGET_PRECISION:.0%}, recall >= {TARGET_RECALL:.0%}: "
          f"{'met' if ok else 'NOT met'}")
    if args.show:
        everything = combined(scores, (*SCORED, "therapy"))
        for line in everything.unsafe:
            print("wrong:  ", line)
        for line in everything.missed:
            print("missed: ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
