"""Whether ``--trial FILE`` names the app's own trial file or a ClinicalTrials.gov record.

Read with the json module alone: the window asks before its first paint, when no
pydantic, no record model and no command module is loaded yet (tests/test_startup.py).
The commands (explainer.commands.record) and the window (explainer.app.run) both ask here.
"""

from __future__ import annotations

import json
from pathlib import Path

from explainer.errors import UsageError

APP_TRIAL_FORMAT = "trial-explainer-trial"
STUDY_NEEDS_RECORD = "--study needs --trial with a ClinicalTrials.gov record file"


def is_app_trial(data: bytes) -> bool:
    """Whether these bytes are the app's own trial file (anything else is read as a record)."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start != b"{":
        return False
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        # Not JSON Python reads (a 5,000-digit number, nesting too deep): the app's own
        # file still names its format near the top, and load_trial then says what is wrong.
        return APP_TRIAL_FORMAT.encode() in data[:4096] or b'"nct_id"' in data[:4096]
    if not isinstance(parsed, dict) or "protocolSection" in parsed or "studies" in parsed:
        return False
    # A trial file with a mistake in it ("format" misspelt, a field missing) is still the
    # app's own: load_trial names the field, which says more than "not a record".
    return parsed.get("format") == APP_TRIAL_FORMAT or "nct_id" in parsed or "format" in parsed


def record_for_the_window(path: Path | None, study_number: str | None) -> Path | None:
    """``path`` if the window's ``--trial`` names a record (opened in its record window),
    else None (the study the window explains: built in, a trial file or a study folder).

    A file that cannot be read at all (missing, a pipe), or holds only ``{}``, stays
    the window's study, as before: opening it names the problem (the fields a trial
    file needs; an empty object says nothing of a record). One too big for a trial file is a record:
    the record reader has its own limit and its own sentence. ``--study`` without a
    record is a mistake on the command line (UsageError: one line, exit 2)."""
    from explainer.content import CONTENT_CAP
    from explainer.files import UnreadableFile, read_regular_file

    record = None
    if path is not None and not path.is_dir():
        try:
            data = read_regular_file(path, CONTENT_CAP)
            record = None if is_app_trial(data) or _empty_object(data) else path
        except UnreadableFile as err:
            record = path if err.reason == "too big" else None
    if study_number is not None and record is None:
        raise UsageError(STUDY_NEEDS_RECORD)
    return record


def _empty_object(data: bytes) -> bool:
    return b"".join(data.removeprefix(b"\xef\xbb\xbf").split()) == b"{}"
