"""Hostile text and JSON: the splitter, the reader and the record model never fail
with anything but the one plain error, and what they return keeps its promises.

No wall-clock limits here (the project's rule); the adversarial inputs below would
hang the run if a pattern backtracked badly, which is how such a bug shows.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.core.criteria import split_criteria
from explainer.core.criteria_read import read_criteria, read_line
from explainer.core.registry_record import RegistryRecordError, RegistryStudy, from_registry_json

SAMPLE = json.loads((Path(__file__).parent / "fixtures" / "ctgov" / "NCT02576665.json").read_text(encoding="utf-8"))
OPS = {">=", ">", "<=", "<", "==", "range"}

FRAGMENTS = [
    "Inclusion Criteria:", "Exclusion Criteria:", "Key Inclusion Criteria:", "\n", "\n\n", "  ", "* ", "- ", "1. ",
    "a) ", "   * ", "\\>=", "\\<", "\\[", "\\*", "≥", "≤", ">=", "=<", "<", ">", "at least", "no more than", "or", "and",
    "unless", "except", "(", ")", ";", ".", ",", "ANC", "platelets", "hemoglobin", "creatinine clearance", "eGFR",
    "bilirubin", "AST/ALT", "ECOG", "Karnofsky", "age", "years", "of age", "prior lines of therapy", "transplant within",
    "1,500", "100,000", "1.5", "0", "2", "18", "75", "x ULN", "times the upper limit of normal", "/mm3", "/µL",
    "x 10^9/L", "10^3/uL", "K/uL", "g/dL", "g/L", "mg/dL", "µmol/L", "mL/min", "mL/min/1.73m^2", "%", "months",
    "weeks", "days", "in patients with liver metastases", "for women", "Note:", "Page 2 of 3",
]
criteria_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map(" ".join)


def _check_rules(rules, text: str) -> None:
    for rule in rules:
        assert rule.op in OPS
        assert rule.words and rule.words in text
        values = rule.value if isinstance(rule.value, tuple) else (rule.value,)
        assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in values)
        assert rule.unit is None or rule.unit.strip() == rule.unit


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(criteria_text)
def test_split_and_read_any_text(text: str) -> None:
    _check_split_and_read(text)
    _check_rules(read_line(text.replace("\n", " ")), text.replace("\n", " "))


def _check_split_and_read(text: str) -> None:
    """Items have unique ids and words; every number read belongs to an item and is in its words."""
    criteria = split_criteria(text)
    ids = [item.id for item in criteria.items]
    assert len(ids) == len(set(ids))
    for item in criteria.items:
        assert item.text.strip()
    for item_id, rules in read_criteria(criteria).items():
        assert item_id in ids
        item = next(i for i in criteria.items if i.id == item_id)
        _check_rules(rules, "\n".join(item.lines))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_read_any_unicode(text: str) -> None:
    _check_rules(read_line(text), text)
    _check_split_and_read(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20)


def _parse(data: object) -> None:
    try:
        studies = from_registry_json(data)
    except RegistryRecordError as error:
        message = str(error)
        assert message and "\n" not in message
    else:
        assert studies and all(isinstance(study, RegistryStudy) for study in studies)


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_any_json_is_a_study_or_the_plain_error(data: object) -> None:
    _parse(data)
    _parse({"studies": [data]})
    _parse({"protocolSection": data})


MODULE_KEYS = [(module, key) for module, fields in SAMPLE["protocolSection"].items() for key in fields]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(MODULE_KEYS), json_values)
def test_a_real_record_with_one_field_replaced(place: tuple[str, str], value: object) -> None:
    data = copy.deepcopy(SAMPLE)
    data["protocolSection"][place[0]][place[1]] = value
    _parse(data)


def test_adversarial_inputs_finish() -> None:
    long_inputs = [
        "1" * 20_000, "1," * 10_000, "(" * 10_000, "≥ " * 10_000, "ECOG " + "1, " * 5_000,
        "platelets " * 3_000, "* " * 10_000, "  " * 5_000 + "* x", "\\" * 20_000, "age " * 5_000,
        "Inclusion Criteria:\n" * 5_000, ("  " * 200 + "* deep\n") * 200,
        "ANC ≥ " + "1,000," * 3_000 + "/mm3", "transplant within " * 2_000,
    ]
    for text in long_inputs:
        _check_rules(read_line(text[:19_999]), text[:19_999])
        _check_split_and_read(text)
