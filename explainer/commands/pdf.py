"""`trial-explainer pdf`: see ../shared/spec/interfaces.md."""

from __future__ import annotations

import argparse

from explainer.errors import UsageError


def run(args: argparse.Namespace) -> int:
    raise UsageError("'pdf' is not built yet (issue 5)")
