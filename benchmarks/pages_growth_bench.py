"""In-process figure: a study's reading pages (explainer.core.study_pages.build_study_pages)
for a record whose text is 1x, 4x and 16x a sample record's (issue 18: it should grow
no faster than the work).

    .venv/bin/python benchmarks/pages_growth_bench.py [--runs N]

The sample is NCT04431453 (32 places, 8 groups; 16x its text still fits the app's
limits on a record). Grown in memory, as record_bench.py grows a record: its
eligibility criteria, brief summary and detailed description repeated, and its list
of places repeated with each copy's facility renamed; then read as the app reads it
(parse_record, not timed). The floor is one pass of a single regular expression over
every word of the grown parts (their JSON): the pages cannot be cheaper than looking
at each word once. Linear growth: the CPU time per 1,000 characters of the grown
parts stays about the same from 1x to 16x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import row, timed  # noqa: E402
from explainer.core.study_pages import build_study_pages  # noqa: E402
from explainer.records_io import parse_record  # noqa: E402
from explainer.study_words_io import study_words  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "ctgov" / "NCT04431453.json"
AS_OF = dt.date(2026, 12, 1)
WORD = re.compile(r"\w+")


def grown(source: bytes, times: int) -> tuple[bytes, str]:
    """The record with its criteria, descriptions and places ``times`` over; and the grown
    parts as JSON text (the work the pages do grows with it)."""
    data = json.loads(source)
    ps = data["protocolSection"]
    eligibility, description = ps["eligibilityModule"], ps.get("descriptionModule", {})
    places = ps["contactsLocationsModule"]["locations"]
    parts = {
        "eligibilityCriteria": "\n\n".join([eligibility["eligibilityCriteria"]] * times),
        **{key: "\n\n".join([description[key]] * times) for key in ("briefSummary", "detailedDescription")
           if key in description},
        "locations": [place | {"facility": f"{place.get('facility', 'Site')} ({copy})" if copy else
                               place.get("facility", "Site")} for copy in range(times) for place in places],
    }
    ps["eligibilityModule"] = eligibility | {"eligibilityCriteria": parts["eligibilityCriteria"]}
    ps["descriptionModule"] = description | {k: v for k, v in parts.items() if k in description}
    ps["contactsLocationsModule"] = ps["contactsLocationsModule"] | {"locations": parts["locations"]}
    return json.dumps(data, ensure_ascii=False).encode(), json.dumps(parts, ensure_ascii=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    words, source = study_words(), SAMPLE.read_bytes()
    print(f"A study's pages (build_study_pages), in-process, the {SAMPLE.stem} record with its criteria, "
          f"descriptions and places 1x, 4x, 16x; median of {args.runs} runs after a warm-up (min-max), wall "
          "time; CPU is the median CPU time. Floor: every word of the grown parts once")
    for times in (1, 4, 16):
        record, text = grown(source, times)
        study = parse_record(record).studies[0]
        floor = timed(lambda t=text: sum(1 for _ in WORD.finditer(t)), args.runs)
        pages = timed(lambda s=study: build_study_pages(s, words, AS_OF), args.runs)
        print(row(f"floor: every word once, {times:>2}x ({len(text):,} chars)", floor))
        print(row(f"pages, {times:>2}x: {len(study.sites):,} places", pages, floor)
              + f"  {pages.cpu_ms / len(text) * 1000:.3f} ms CPU per 1,000 chars")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
