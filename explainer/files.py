"""Writing a file all or nothing: a temporary file beside the target, renamed over it.

The one place every output goes through (answers, draft, PDF, calendar, crash log),
free of pydantic and Qt, so the crash handler can write its log without loading either.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

# A temporary file is ".NAME.XXXXXXXX.part" beside its target, with NAME cut short:
# a target name of 255 bytes (the most a folder allows) must still leave room.
TEMP_NAME_CHARS = 40
TEMP_SUFFIX = ".part"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


class CannotWriteHere(OSError):
    """Not even the temporary file could be made in the target's folder."""


def temp_prefix(path: Path) -> str:
    return f".{path.name[:TEMP_NAME_CHARS]}."


def write_atomically(path: Path, text: str | bytes, *, private: bool = True) -> None:
    """Write ``text`` so that ``path`` holds either the old or the whole new content.

    ``private`` files (answers, draft, calendar, logs) are 0600; others (an exported
    PDF) follow the umask like any file the user makes. The folder must exist.
    Bytes are written as they are (an .ics file keeps its CRLF line ends everywhere).
    """
    try:
        handle, temp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as err:
        raise CannotWriteHere(err.errno, err.strerror, err.filename) from None
    try:
        if not private:
            os.fchmod(handle, 0o666 & ~_umask())  # mkstemp makes 0600
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def private_folder(folder: Path) -> Path:
    """The app's own folder (data, settings, logs), made if missing, and 0700 even if
    an older version made it 0755. Folders above it are the user's: left alone."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_FOLDER:
        folder.chmod(PRIVATE_FOLDER)
    return folder


def remove_leftover_temporaries(path: Path) -> None:
    """Temporary files a killed save left beside ``path`` (they may hold answers)."""
    try:
        leftovers = list(path.parent.glob(f"{glob_escape(temp_prefix(path))}*"))
    except OSError:
        return
    for leftover in leftovers:
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink(missing_ok=True)


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def output_problem(path: Path | str, example: str, inputs: Iterable[Path | str | None] = ()) -> str | None:
    """Why a file cannot be saved at ``path``, in words that say what to do; None if
    it can be tried. ``example`` is a file name to suggest, like "summary.pdf";
    ``inputs`` are the files the command reads, which it must never replace.
    Asked before the work, by the command line and the window alike.

    ``path`` as typed (a str) keeps a trailing slash, which a Path drops."""
    typed = os.fspath(path)
    last = typed.replace(os.altsep or os.sep, os.sep).rsplit(os.sep, 1)[-1]
    if last == "":  # "new/": a Path drops the slash, and would write a file "new"
        return f"{typed} ends in a slash, so it names a folder. Give a file name, such as {example}."
    if last in (".", ".."):  # "new/." too: Path("new/.") is "new"
        return f"{typed} is a folder. Give a file name, such as {example}."
    path = Path(path)
    folder = path.parent
    try:
        if path.is_dir():
            return f"{path} is a folder. Give a file name, such as {example}."
        if folder.exists() and not folder.is_dir():
            return f"{folder} is a file, not a folder. Please choose another place."
        if not folder.is_dir():
            return f"The folder {folder} does not exist. Please create it or choose another."
        if path.exists():
            return _existing_target_problem(path, example, [Path(i) for i in inputs if i is not None])
    except OSError as err:  # a name too long, say
        return f"{path} cannot be used ({err.strerror}). Please choose a shorter name or another place."
    return None


def _existing_target_problem(path: Path, example: str, inputs: list[Path]) -> str | None:
    if not path.is_file():  # /dev/null, a pipe: replacing it would break something else
        return f"{path} is not an ordinary file, so it was not replaced. Please choose another name."
    if any(source.exists() and os.path.samefile(path, source) for source in inputs):
        return (f"{path} is a file this command reads, so it was not replaced. "
                f"Please choose another name, such as {example}.")
    # The mode bits, not os.access: an administrator may write anywhere, but a file
    # someone made read-only says "do not replace me".
    if not stat.S_IMODE(path.stat().st_mode) & 0o222 or not os.access(path, os.W_OK):
        return f"{path} is write-protected, so it was not replaced. Please choose another name."
    return None


class UnreadableFile(OSError):
    """A file the app will not read: not a regular file, too big, or not there.

    ``str(err)`` is one plain sentence (without the path: callers add it).
    ``reason`` names the case for callers that word it their own way (records_io):
    "missing", "denied", "link", "cannot open", "folder", "not regular", "too big"
    (``size`` then holds the bytes seen) or "cannot read"; ``system_words`` is the
    system's own words (strerror) when there are some."""

    def __init__(self, sentence: str, reason: str = "", *, size: int = 0, strerror: str | None = None) -> None:
        super().__init__(sentence)
        self.reason = reason
        self.size = size
        self.system_words = strerror


KIB = 1024
MIB = 1024 * KIB
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows only
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_regular_file(path: Path, cap: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of ``path``, refusing anything but a regular file of at most ``cap`` bytes.

    The one way the app reads a file it did not write itself (answers, trial,
    record, draft, settings). Opened without blocking (a FIFO would wait forever
    for a writer), checked with fstat on the open file (no race with a rename),
    and read at most ``cap + 1`` bytes (a file that grows, or /proc, cannot
    outrun the cap). ``follow_symlinks=False`` refuses a link (a file planted in
    the app's own folder)."""
    handle = _open_for_reading(path, follow_symlinks)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("it is not an ordinary file (it may be a folder, a device or a pipe)",
                                 "folder" if stat.S_ISDIR(info.st_mode) else "not regular")
        if info.st_size > cap:
            raise UnreadableFile(f"the file is too big ({_size(info.st_size)}; the most is {_size(cap)})",
                                 "too big", size=info.st_size)
        data = _read_at_most(handle, cap + 1)
    except UnreadableFile:
        raise
    except OSError as err:
        raise UnreadableFile(f"the file cannot be read ({err.strerror})", "cannot read",
                             strerror=err.strerror) from None
    finally:
        os.close(handle)
    if len(data) > cap:
        raise UnreadableFile(f"the file is too big (more than {_size(cap)})", "too big", size=len(data))
    return data


def _open_for_reading(path: Path, follow_symlinks: bool) -> int:
    flags = os.O_RDONLY | os.O_NONBLOCK | _O_BINARY | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= _O_NOFOLLOW
    try:
        return os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile("file not found", "missing") from None
    except OSError as err:
        reason = ("denied" if isinstance(err, PermissionError)
                  else "link" if err.errno == errno.ELOOP else "cannot open")
        raise UnreadableFile(f"the file cannot be opened ({err.strerror})", reason,
                             strerror=err.strerror) from None


def _read_at_most(handle: int, most: int) -> bytes:
    chunks: list[bytes] = []
    left = most
    while left > 0:
        chunk = os.read(handle, min(left, MIB))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _size(count: int) -> str:
    return f"{count / MIB:,.1f} MB" if count >= MIB else f"{max(1, count // KIB):,} KB"
