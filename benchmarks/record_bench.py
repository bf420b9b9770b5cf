"""In-process figure: a ClinicalTrials.gov record's bytes to the app's study model
(explainer.records_io.parse_record: the checks, json.loads and the model), against the
floor of json.loads alone on the same bytes, measured in the same run. Target (issue
16): within 50 ms for a 1.5 MB record.

    .venv/bin/python benchmarks/record_bench.py [--runs N]

The largest sample record is 0.5 MB (NCT04431453), so a 1.5 MB record is made from
the 1,148-site one (NCT04267848): its list of places repeated until the file is at
least 1.5 MB, each copy's facility renamed so none is a duplicate. The real records
are measured too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.timing import row, timed  # noqa: E402
from explainer.records_io import parse_record  # noqa: E402

SAMPLES = ROOT / "tests" / "fixtures" / "ctgov"
REAL = ("NCT04431453", "NCT04267848")  # the largest file; the most places
TARGET_MS = 50.0
BIG_BYTES = 1_500_000


def big_record(source: bytes, at_least: int = BIG_BYTES) -> bytes:
    """The record with its places repeated (renamed) until its JSON is ``at_least`` bytes."""
    data = json.loads(source)
    places = data["protocolSection"]["contactsLocationsModule"]["locations"]
    grown, copy = list(places), 1
    while True:
        text = json.dumps(data | {"protocolSection": data["protocolSection"] | {
            "contactsLocationsModule": data["protocolSection"]["contactsLocationsModule"] | {"locations": grown}}},
            ensure_ascii=False).encode()
        if len(text) >= at_least:
            return text
        copy += 1
        grown += [place | {"facility": f"{place.get('facility', 'Site')} ({copy})"} for place in places]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    records = {nct_id: (SAMPLES / f"{nct_id}.json").read_bytes() for nct_id in REAL}
    big = big_record(records["NCT04267848"])
    places = len(parse_record(big).studies[0].sites)
    records[f"NCT04267848 with {places:,} places"] = big
    print(f"Record to study model (parse_record), in-process, median of {args.runs} runs after a warm-up "
          "(min-max), wall time; CPU is the median CPU time. Floor: json.loads of the same bytes")
    for name, data in records.items():
        floor = timed(lambda data=data: json.loads(data), args.runs)
        figure = timed(lambda data=data: parse_record(data), args.runs)
        print(row(f"{name} ({len(data) / 1e6:.2f} MB): json.loads", floor))
        print(row(f"{name} ({len(data) / 1e6:.2f} MB): to model", figure, floor, TARGET_MS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
