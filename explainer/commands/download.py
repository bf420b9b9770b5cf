"""`trial-explainer download NCT… [-o FILE]`: see ../shared/spec/interfaces.md §3.

The one command that goes online. It checks the number and the output first, says
on stderr that this is the only time the app goes online and that it sends nothing
but the study number, then fetches the record (explainer.download). The checked
record is written to FILE, or kept in the data folder with the studies the patient
has looked at. Any failure: exit 2, one line, nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explainer.errors import UsageError
from explainer.files import write_atomically


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = ("Get a study's record from ClinicalTrials.gov by its number: the only command "
                          "that goes online. It sends nothing but the number.")
    parser.add_argument("nct", metavar="NCT…", help="the study number, like NCT04883242")
    parser.add_argument("-o", "--output", type=Path,
                        help="where to save the record (default: kept with the studies you have looked at)")


def run(args: argparse.Namespace) -> int:
    from explainer import download, kept_studies  # urllib loads only for this command

    number = download.study_number(args.nct)
    base = download.registry_base_url()
    output: Path | None = args.output
    if output is not None:
        from explainer.commands.calendar import check_output

        check_output(output, example=f"{number}.json")
    print(download.going_online_notice(number, base), file=sys.stderr, flush=True)
    fetched = download.download_record(number, base)
    if output is not None:
        _write(output, fetched.data)
        print(f"Saved study {number} to {output}.")
    else:
        try:
            where = kept_studies.keep(fetched.study, fetched.data)
        except OSError as err:
            raise UsageError(f"{kept_studies.studies_dir()}: cannot keep the record ({err.strerror})") from None
        print(f"Kept study {number} in {where}; the app opens it again without going online.")
    return 0


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)  # private like the answers (0600): which study you look at is yours
    except OSError as err:
        raise UsageError(f"{path}: cannot write the record ({err.strerror})") from None
