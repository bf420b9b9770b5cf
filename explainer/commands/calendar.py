"""`trial-explainer calendar`: see ../shared/spec/interfaces.md."""

from __future__ import annotations

import argparse

from explainer.errors import UsageError


def run(args: argparse.Namespace) -> int:
    raise UsageError("'calendar' is not built yet (issue 4)")
