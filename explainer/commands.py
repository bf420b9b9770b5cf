"""Headless subcommands (check, pdf, calendar). Each takes parsed arguments and
returns an exit status; bad input raises ``UsageError`` or ``ContentError``."""

from __future__ import annotations

import argparse

from explainer.cli import UsageError


def run_check(args: argparse.Namespace) -> int:
    raise UsageError("'check' is not built yet (see issue 3)")


def run_pdf(args: argparse.Namespace) -> int:
    raise UsageError("'pdf' is not built yet (see issue 5)")


def run_calendar(args: argparse.Namespace) -> int:
    raise UsageError("'calendar' is not built yet (see issue 4)")
