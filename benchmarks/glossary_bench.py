"""Glossary marking: the longest eligibility text among sample ClinicalTrials.gov
records, with a 1,000-entry glossary, at 1x, 4x and 16x its length.

    .venv/bin/python benchmarks/glossary_bench.py [--samples DIR] [--runs N]

The glossary is the app's own (47 terms) plus made-up terms to 1,000: words and word
pairs that occur in the sample records (so they are found, as real terms would be),
some with a plural, and their capitalised abbreviations. The floor is one pass of a
single regular expression over the same text (every word, ``\\w+``): marking cannot
be cheaper than looking at each word once. Linear growth: the time per 1,000
characters (CPU time: steadier on a busy machine) stays about the same from 1x to 16x
(issue 18).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import row, timed  # noqa: E402
from explainer.content import load_glossary  # noqa: E402
from explainer.core.glossary import MARKDOWN_PROTECTED, Glossary, GlossaryTerm, mentions  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "ctgov"  # the ten records, copied byte for byte
ENTRIES = 1000
WORD = re.compile(r"\w+")


def studies(folder: Path) -> list[dict]:
    """Every study in the folder's records (some files wrap studies in {"studies": [...]})."""
    found = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found += data.get("studies", [data]) if isinstance(data, dict) else []
    return found


def criteria(study: dict) -> str:
    return study.get("protocolSection", {}).get("eligibilityModule", {}).get("eligibilityCriteria", "")


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() if k != "contactsLocationsModule" for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def big_glossary(records: list[dict], base: Glossary, size: int) -> Glossary:
    """``base`` plus made-up terms from the records' own words, to ``size`` terms."""
    words = Counter()
    for study in records:
        for text in _texts(study.get("protocolSection", {})):
            tokens = re.findall(r"[A-Za-z][A-Za-z-]{3,}", text)
            words.update(t.lower() for t in tokens if not t.isupper())
            words.update(t for t in tokens if t.isupper())
            words.update(f"{a} {b}".lower() for a, b in zip(tokens, tokens[1:], strict=False))
    taken = {f.casefold() for t in base.terms for f in t.forms()}
    terms = list(base.terms)
    for word, _count in sorted(words.items(), key=lambda wc: (-wc[1], wc[0])):
        if len(terms) == size:
            break
        plural = f"{word}s" if not word.isupper() and not word.endswith("s") else None
        forms = [f for f in (word, plural) if f and f.casefold() not in taken]
        if not forms or forms[0] != word:
            continue
        taken.update(f.casefold() for f in forms)
        terms.append(GlossaryTerm(id=f"made-up-{len(terms)}", term=word, also=tuple(forms[1:]), definition="A word."))
    return Glossary(format="trial-explainer-glossary", version=1, terms=tuple(terms))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="a folder of ClinicalTrials.gov records")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if not args.samples.is_dir():
        print(f"Glossary marking: not measured ({args.samples} not found; --samples DIR)")
        return 0
    records = studies(args.samples)
    longest = max(records, key=lambda s: len(criteria(s)))
    text = criteria(longest)
    started = time.perf_counter()
    glossary = big_glossary(records, load_glossary(), ENTRIES)
    mentions("", glossary)  # builds the glossary's search pattern once
    built_ms = (time.perf_counter() - started) * 1000
    forms = sum(len(t.forms()) for t in glossary.terms)
    nct = longest.get("protocolSection", {}).get("identificationModule", {}).get("nctId", "?")
    print(f"Glossary marking: {len(glossary.terms)} terms ({forms} forms; made and its pattern built once in "
          f"{built_ms:.0f} ms), the criteria of {nct} ({len(text):,} characters); median of {args.runs} runs")
    for times in (1, 4, 16):
        longer = "\n\n".join([text] * times)
        floor = timed(lambda t=longer: sum(1 for _ in WORD.finditer(t)), args.runs)
        marked = timed(lambda t=longer: mentions(t, glossary, MARKDOWN_PROTECTED), args.runs)
        found = len(mentions(longer, glossary, MARKDOWN_PROTECTED))
        print(row(f"floor: every word once, {times:>2}x ({len(longer):,} chars)", floor))
        print(row(f"marking, {times:>2}x: {found} mentions", marked, floor)
              + f"  {marked.cpu_ms / len(longer) * 1000:.3f} ms CPU per 1,000 chars")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
