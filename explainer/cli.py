"""The command line: the same program opens the window or works without one.

See ../shared/spec/interfaces.md. Exit 0 on success, 2 with one line on stderr for
bad input. Nothing here imports Qt or reportlab at module level: a headless
command must not pay for (or need) a GUI.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path

from explainer.content import ContentError
from explainer.core.language import LANGUAGES, SOURCE_LANGUAGE
from explainer.errors import UsageError, one_line

SUBCOMMANDS = ("check", "pdf", "html", "calendar", "validate", "download", "compare")
COMMANDS_HELP = """commands (run `trial-explainer COMMAND --help` for each one's options):
  check ANSWERS          check an answers file against the study's entry rules
  pdf [ANSWERS] -o FILE  make the PDF summary for your doctor
  html [ANSWERS] -o FILE the same summary as one web page (for screen readers)
  calendar --start-date YYYY-MM-DD -o FILE [--clinic-days-only] [--delay CYCLE:DAYS] [--arm N]
                         save your treatment days as a calendar file (.ics)
  validate [FILE]        check a study folder or a trial file (the built-in study by default)
  download NCT… [-o FILE]
                         get a study's record by its number (the only command
                         that goes online; it sends nothing but the number)
  compare RECORD... [--built-in] [--answers FILE] -o FILE
                         the PDF page "Studies I looked at": studies side by side
  --trial FILE           on any command: another trial file or study folder, or a
                         ClinicalTrials.gov record (--study NCT… picks one of several studies in it)"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as the spec asks
        raise UsageError(message)


def _add_trial_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trial", type=Path, help="use another trial file or study folder instead of the "
                                                   "built-in one, or a ClinicalTrials.gov record (API v2 JSON)")
    parser.add_argument("--study", metavar="NCT…",
                        help="with a record file of several studies: the one to use")


def _add_place_options(parser: argparse.ArgumentParser) -> None:
    """Read by explainer.commands.record: with a record, only the places there are listed."""
    parser.add_argument("--country", help="with a record: list the study's places in this country")
    parser.add_argument("--state", help="with a record: list the study's places in this state")
    parser.add_argument("--city", help="with a record: list the study's places in this city")


def _add_arm_option(parser: argparse.ArgumentParser) -> None:
    """Read by explainer.commands.calendar.pick_arm: where groups get different treatment."""
    parser.add_argument("--arm", type=int, metavar="N",
                        help="the group (1, 2, ...) whose treatment to show, where groups differ")


def _add_delay_option(parser: argparse.ArgumentParser) -> None:
    """Read by explainer.commands.calendar.parse_delays (checked as the window checks one)."""
    parser.add_argument("--delay", action="append", default=[], metavar="CYCLE:DAYS",
                        help="a cycle that started late, e.g. 3:7 (cycle 3 began 7 days late); "
                             "later dates move too; give it once per late cycle")


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    """Read by main(): the command runs inside explainer.translations.speaking_language."""
    # No default: without the option the command speaks the language it is run in, which is
    # English from a shell (SOURCE_LANGUAGE) and the caller's inside speaking_language().
    parser.add_argument("--lang", choices=LANGUAGES,
                        help=f"the language of the words: {SOURCE_LANGUAGE} (English, the default) or es (Spanish)")


def build_parser(subcommand: str | None) -> argparse.ArgumentParser:
    if subcommand is None:
        parser = _Parser(prog="trial-explainer", description="Open the Trial Explainer window.",
                         epilog=COMMANDS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
        parser.add_argument("answers", nargs="?", type=Path, help="an answers file to open")
        _add_trial_option(parser)
        return parser
    parser = _Parser(prog=f"trial-explainer {subcommand}")
    _add_trial_option(parser)
    if subcommand == "check":
        parser.description = "Check an answers file against the study's entry rules."
        parser.add_argument("answers", nargs="?", type=Path,
                            help="the answers file (optional with a ClinicalTrials.gov record)")
        parser.add_argument("--json", action="store_true", help="print JSON")
        _add_language_option(parser)
    elif subcommand == "pdf":
        parser.description = "Make the PDF summary to take to your doctor."
        parser.add_argument("answers", nargs="?", type=Path, help="an answers file to include (optional)")
        parser.add_argument("-o", "--output", required=True, help="where to save the PDF")  # as typed: "new/" stays a folder
        parser.add_argument("--start-date", help="your first treatment day, YYYY-MM-DD (optional)")
        parser.add_argument("--paper", choices=("letter", "a4"), help="paper size (default: from the locale)")
        parser.add_argument("--large-print", action="store_true", help="larger text")
        _add_language_option(parser)
        _add_place_options(parser)
        _add_arm_option(parser)
    elif subcommand == "html":
        parser.description = "Make the summary for your doctor as one web page that screen readers can read."
        parser.add_argument("answers", nargs="?", type=Path, help="an answers file to include (optional)")
        parser.add_argument("-o", "--output", type=Path, required=True, help="where to save the web page (.html)")
        parser.add_argument("--start-date", help="your first treatment day, YYYY-MM-DD (optional)")
        _add_delay_option(parser)
        _add_language_option(parser)
        _add_place_options(parser)
        _add_arm_option(parser)
    elif subcommand == "calendar":
        parser.description = "Save your treatment days as a calendar file (.ics)."
        # Required, but checked in explainer.commands.calendar: a record says it has no schedule first.
        parser.add_argument("--start-date", help="your first treatment day, YYYY-MM-DD")
        parser.add_argument("-o", "--output", help="where to save the .ics file")
        parser.add_argument("--clinic-days-only", action="store_true",
                            help="only clinic days (and days that may be clinic days): fewer events")
        _add_delay_option(parser)
        _add_arm_option(parser)
        _add_language_option(parser)
    elif subcommand == "validate":
        parser.description = "Check a study folder or a trial file (the built-in study by default) and its pages."
        parser.add_argument("file", nargs="?", type=Path)
    elif subcommand == "download":
        from explainer.commands.download import add_arguments

        add_arguments(parser)
    elif subcommand == "compare":
        from explainer.commands.compare import add_arguments as add_compare_arguments

        add_compare_arguments(parser)
        _add_language_option(parser)
    return parser


def window_defaults() -> argparse.Namespace:
    """What ``build_parser(None)`` makes of no arguments at all (a test checks it): the
    usual start, which then skips building the parser (3 ms before the first paint)."""
    return argparse.Namespace(answers=None, trial=None, study=None)


def _run_app(args: argparse.Namespace) -> int:
    from explainer import collector

    collector.start_paused()  # until the first paint: explainer.app.run says when (and see explainer.collector)
    try:
        from explainer.ui.feature_check import check_sources_cheaply  # Qt loads only when a window is wanted

        check_sources_cheaply()  # before the window's modules load: each is checked as it loads
        from explainer.app import run

        return run(trial_path=args.trial, answers_path=args.answers, study_number=args.study)
    finally:
        collector.start_done()


def _run_validate(args: argparse.Namespace) -> int:
    from explainer.commands.record import is_record, record_summary_line
    from explainer.validate import validate_all

    if is_record(args.file or args.trial, args.study):  # a bad record is one line, exit 2
        print(record_summary_line(args.file or args.trial, args.study))
        return 0
    for line in validate_all(args.file or args.trial):
        print(line)
    return 0


def _handler(subcommand: str | None) -> Callable[[argparse.Namespace], int]:
    if subcommand is None:
        return _run_app
    if subcommand == "validate":
        return _run_validate
    import importlib

    return importlib.import_module(f"explainer.commands.{subcommand}").run


def _speaking(language: str | None):  # -> a context manager
    """``--lang``: the command's words, the study's and the summary's, in that language.
    Without the option nothing changes (English, unless a caller set another language)."""
    if language is None:
        return nullcontext()
    from explainer.translations import speaking_language

    return speaking_language(language)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    subcommand = argv[0] if argv and argv[0] in SUBCOMMANDS else None
    rest = argv[1:] if subcommand else argv
    try:
        args = window_defaults() if not argv else build_parser(subcommand).parse_args(rest)
        with _speaking(getattr(args, "lang", None)):
            status = _handler(subcommand)(args)
        sys.stdout.flush()  # here, so a closed pipe is caught below, not at exit
        return status
    except (UsageError, ContentError) as err:
        print(f"trial-explainer: {one_line(str(err))}", file=sys.stderr)  # one short line, whatever the file held
        return 2
    except BrokenPipeError:  # the reader went away (`check ... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so exiting does not fail to flush
        return 1
    except OSError as err:  # a path the system refused (a name too long, say): bad input, one line
        where = f"{err.filename}: " if err.filename else ""
        print(f"trial-explainer: {one_line(f'{where}{err.strerror or err}')}", file=sys.stderr)
        return 2

