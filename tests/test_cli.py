"""The command line's own behaviour: its help, and paths the system refuses."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from explainer.cli import main

FULL = Path(__file__).parent / "fixtures" / "full.answers.json"
TOO_LONG = "a" * 300  # longer than a file name may be (255 bytes on Linux)


def test_the_main_help_lists_every_command(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for command in ("check ANSWERS", "pdf [ANSWERS] -o FILE", "calendar --start-date", "validate [FILE]"):
        assert command in out


@pytest.mark.parametrize(("argv", "words"), [
    (["pdf", "-o", f"{TOO_LONG}.pdf"], "File name too long"),
    (["calendar", "--start-date", "2026-12-01", "-o", f"{TOO_LONG}.ics"], "File name too long"),
])
def test_a_path_the_system_refuses_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys, argv, words) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("trial-explainer: ") and words in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == []  # nothing half-written


def test_a_reader_that_stops_early_gets_no_traceback(monkeypatch) -> None:
    """`check ... | head -1`: the reader has closed the pipe before the answer is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    with os.fdopen(write_end, "w") as closed_pipe:
        monkeypatch.setattr(sys, "stdout", closed_pipe)
        assert main(["check", str(FULL)]) == 1  # quietly: no BrokenPipeError traceback


def test_no_arguments_open_the_window_as_the_parser_would() -> None:
    """main() skips the parser when there is nothing to parse (the usual start, before the
    first paint): it must give what the parser gives for no arguments."""
    from explainer.cli import build_parser, window_defaults

    assert vars(window_defaults()) == vars(build_parser(None).parse_args([]))
