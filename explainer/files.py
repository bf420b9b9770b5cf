"""Writing a file all or nothing: a temporary file beside the target, renamed over it.

Its own module, free of pydantic and Qt, so the crash handler can write its log
without loading either.
"""

from __future__ import annotations

import os
import stat
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


class UnreadableFile(OSError):
    """A file the app will not read: not a regular file, too big, or not there.

    ``str(err)`` is one plain sentence (without the path: callers add it)."""


KIB = 1024
MIB = 1024 * KIB


def read_regular_file(path: Path, cap: int) -> bytes:
    """The bytes of ``path``, refusing anything but a regular file of at most ``cap`` bytes.

    The one way the app reads a file it did not write itself (answers, trial,
    record, draft, settings). Opened without blocking (a FIFO would wait forever
    for a writer), checked with fstat on the open file (no race with a rename),
    and read at most ``cap + 1`` bytes (a file that grows, or /proc, cannot
    outrun the cap)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UnreadableFile("file not found") from None
    except OSError as err:
        raise UnreadableFile(f"the file cannot be opened ({err.strerror})") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("it is not an ordinary file (it may be a folder, a device or a pipe)")
        if info.st_size > cap:
            raise UnreadableFile(f"the file is too big ({_size(info.st_size)}; the most is {_size(cap)})")
        chunks: list[bytes] = []
        left = cap + 1
        while left > 0:
            chunk = os.read(handle, min(left, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except UnreadableFile:
        raise
    except OSError as err:
        raise UnreadableFile(f"the file cannot be read ({err.strerror})") from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > cap:
        raise UnreadableFile(f"the file is too big (more than {_size(cap)})")
    return data


def _size(count: int) -> str:
    return f"{count / MIB:,.1f} MB" if count >= MIB else f"{max(1, count // KIB):,} KB"
