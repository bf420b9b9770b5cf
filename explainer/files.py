"""Writing a file all or nothing: a temporary file beside the target, renamed over it.

Its own module, free of pydantic and Qt, so the crash handler can write its log
without loading either.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str | bytes) -> None:
    """Write ``text`` so that ``path`` holds either the old or the whole new content.

    Bytes are written as they are (an .ics file keeps its CRLF line ends everywhere).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def output_problem(path: Path, example: str) -> str | None:
    """Why a file cannot be saved at ``path``, in words that say what to do; None if
    it can be tried. ``example`` is a file name to suggest, like "summary.pdf".
    Asked before the work, by the command line and the window alike."""
    folder = path.parent
    try:
        if path.is_dir():
            return f"{path} is a folder. Give a file name, such as {example}."
        if folder.exists() and not folder.is_dir():
            return f"{folder} is a file, not a folder. Please choose another place."
        if not folder.is_dir():
            return f"The folder {folder} does not exist. Please create it or choose another."
    except OSError as err:  # a name too long, say
        return f"{path} cannot be used ({err.strerror}). Please choose a shorter name or another place."
    return None
