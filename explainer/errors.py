"""Errors a user can cause and fix; shown as one clear line or a dialog, never a traceback.

Text a hostile file put in an error (a key, a value, a path) goes through
``echoed`` or ``one_line`` first: shortened, with control characters (ESC, new
lines, direction overrides) written as visible escapes, so one error stays one
short line and cannot rewrite the terminal.
"""

from __future__ import annotations

from explainer.core.echo import ECHO_LIMIT, LINE_LIMIT, echoed, one_line

__all__ = ["ECHO_LIMIT", "LINE_LIMIT", "UsageError", "echoed", "one_line"]


class UsageError(Exception):
    """Bad input from the user (a bad date, an unwritable path, a broken answers file)."""
