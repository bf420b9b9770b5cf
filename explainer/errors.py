"""Errors a user can cause and fix; shown as one clear line or a dialog, never a traceback."""


class UsageError(Exception):
    """Bad input from the user (a bad date, an unwritable path, a broken answers file)."""
