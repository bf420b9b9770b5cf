"""Nothing about one study is in code (issue 15; ../shared/design/any-study.md): no
drug name, part name, question key or cycle count of NCT04883242 appears in
explainer/ outside its data. The words to look for are read from the study's own
files, so a new medicine or question is looked for too."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "explainer"
RESOURCES = ROOT / "resources"

# The shared question bank (design/any-study.md): keys every study may use.
BANK = {"age_years", "platelets", "anc", "hemoglobin", "egfr", "creatinine_clearance", "creatinine", "bilirubin",
        "ast", "alt", "ecog", "karnofsky"}
# The numbers of its schedule as words: 6 and about 26 cycles, 24 months, 28-day cycles, 5½ months.
COUNTS = r"\b(?:6|26) cycles\b|\b24 months\b|\b28[- ]days?\b|5½"

# Known today, owned by other work of issue 15, each with the words it may still hold.
# Shrink it; never grow it without a reason here.
ALLOWED: dict[str, set[str]] = {
    # The reader of any record's criteria names the bank question it read a rule for.
    "core/criteria_read.py": {"prior_treatment_lines"},
}


def study_words() -> list[str]:
    trial = json.loads((RESOURCES / "trials" / "NCT04883242" / "trial.json").read_text(encoding="utf-8"))
    questions = json.loads((RESOURCES / "questions.json").read_text(encoding="utf-8"))
    drugs = {i["id"] for i in trial["interventions"] if i.get("route")}
    parts = {p["id"] for p in trial["regimen"]["phases"]} | {p["name"] for p in trial["regimen"]["phases"]}
    keys = {q["key"] for q in questions["questions"]} - BANK
    return sorted(drugs | parts | keys)


def pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in study_words())
    return re.compile(rf"(?i)\b(?:{words})\b|{COUNTS}")


def found_in_code() -> dict[str, set[str]]:
    """File (relative to explainer/) -> the study's words in it, lower case."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_dir() or path.suffix not in {".py", ".json", ".md", ".txt", ".css", ".html"}:
            continue
        if "resources" in path.relative_to(PACKAGE).parts:  # an installed copy of the data, if any
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        hits = {m.group(0).lower() for m in pattern().finditer(text)}
        if hits:
            found[path.relative_to(PACKAGE).as_posix()] = hits
    return found


def test_the_words_looked_for_come_from_the_study() -> None:
    words = study_words()
    assert {"isatuximab", "pomalidomide", "induction", "Maintenance", "prior_lenalidomide", "asct_date"} <= set(words)
    assert not BANK & set(words)
    # The search finds what it looks for, in any case, and not inside other words.
    assert {m.group(0) for m in pattern().finditer(
        'PICTURE = {"Isatuximab": 1}  # 6 cycles, then up to 24 months of 28-day cycles')} == {
        "Isatuximab", "6 cycles", "24 months", "28-day"}
    assert not pattern().search("reinduction_of maintenanced 16 cycles 124 months")


def test_no_study_name_or_number_in_code() -> None:
    found = found_in_code()
    unexpected = {path: sorted(words - {w.lower() for w in ALLOWED.get(path, set())})
                  for path, words in found.items() if "*" not in ALLOWED.get(path, set())}
    assert {path: words for path, words in unexpected.items() if words} == {}


def test_the_allowlist_holds_nothing_stale() -> None:
    """An allowed word that is gone from its file comes off the list, so the list only shrinks."""
    found = found_in_code()
    stale = {path: sorted({w.lower() for w in words} - found.get(path, set()))
             for path, words in ALLOWED.items() if "*" not in words}
    assert {path: words for path, words in stale.items() if words} == {}
