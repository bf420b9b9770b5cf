"""`trial-explainer check`: see ../shared/spec/interfaces.md."""

from __future__ import annotations

import argparse

from explainer.errors import UsageError


def run(args: argparse.Namespace) -> int:
    raise UsageError("'check' is not built yet (issue 3)")
