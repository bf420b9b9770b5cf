"""One window per user: a second start brings the running window to the front.

Two windows would each autosave their own answers over the other's draft (the last
save wins). So the first window holds a lock file in the user's data folder
(QLockFile: a lock left by a killed app is noticed and taken over). A second start
that finds the lock leaves a small request file beside it, with the answers file
it was asked to open, if any; the running window watches the folder, takes the
request, comes to the front and opens that file (a study record asked for with
``--trial RECORD`` opens in its record window, as in a first start). Nothing here
uses the network: the folder is the user's own (0700), so no one else can send a
request.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QLockFile, QObject, QTimer, Signal

from explainer.files import PRIVATE_FILE, private_folder, read_regular_file, write_atomically
from explainer.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtCore import QFileSystemWatcher

LOCK_NAME = "window.lock"
REQUEST_GLOB = "raise-request-*.json"
REQUEST_MAX_BYTES = 16_384  # a path, in JSON: anything bigger is not ours
# How long a second start waits for the running window to take its request.
HANDOVER_WAIT_MS = 10_000
# A lock file naming no process, older than this, is damaged (not one being written).
DAMAGED_LOCK_AGE_S = 5



def already_open_title() -> str:
    return tr("Trial Explainer is already open")


def already_open() -> str:
    return tr("Trial Explainer is already open on this computer, but it did not answer. "
              "Please use that window, or close it and start the app again.")


def brought_to_front() -> str:
    return tr("Trial Explainer is already open: its window was brought to the front.")


class SingleWindow(QObject):
    """``claim()`` the one window; or, if another has it, ``hand_over()`` to it."""

    raise_requested = Signal(object)  # the answers Path to open, or None
    record_requested = Signal(object, object)  # a study record's Path, and the study number in it or None

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = private_folder(folder)
        self.lock = QLockFile(str(self.folder / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # a long session is not stale; a dead process is
        self.watcher: QFileSystemWatcher | None = None  # made by listen()

    def claim(self, listen: bool = True) -> bool:
        """True if this is the only window; it then listens for later starts (with
        ``listen=False``, once ``listen()`` is called: run() calls it after the first paint)."""
        if not self.lock.tryLock(0) and not self._take_over_a_damaged_lock():
            return False
        if self.lock.isLocked():
            os.chmod(self.lock.fileName(), PRIVATE_FILE)  # Qt makes it 0644; it names this computer
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Take each request a later start leaves, from now on, and any left before. A
        second start waits for its request to be taken, so one made before this is
        called waits a little longer; before the first paint this was 0.4 ms of CPU (the
        watcher's class, and looking for requests in the folder)."""
        from PySide6.QtCore import QFileSystemWatcher

        self.watcher = QFileSystemWatcher([str(self.folder)], self)
        self.watcher.directoryChanged.connect(lambda _folder: self.take_requests())
        QTimer.singleShot(0, self, self.take_requests)  # one left before the watcher started

    def _take_over_a_damaged_lock(self) -> bool:
        """A lock file that names no process (cut short by a full disk, or not a file
        at all) would block every start for ever: Qt calls a lock stale only when its
        process is gone. True if this start may go on (with the lock, or without one)."""
        info = self.lock.getLockInfo()
        if isinstance(info, tuple) and info and info[0]:
            return False  # a window that is running (Qt took over a dead one's lock)
        path = Path(self.lock.fileName())
        try:
            if path.is_symlink() or not path.is_file():
                return True  # not a file we may remove: go on without a lock, as without a data folder
            if time.time() - path.lstat().st_mtime < DAMAGED_LOCK_AGE_S:
                return False  # being written just now by a start beside this one
            path.unlink()
            self.lock.tryLock(0)
        except OSError:
            pass
        return True

    def take_requests(self) -> None:
        for request in sorted(self.folder.glob(REQUEST_GLOB)):
            fields = _request_fields(request)
            request.unlink(missing_ok=True)  # taken: the second start sees it go
            answers = _answers_in(fields)
            if answers is not False:
                self.raise_requested.emit(answers)
                record = _record_in(fields)
                if record is not None:
                    self.record_requested.emit(*record)

    def hand_over(self, answers: Path | None, record: Path | None = None, study: str | None = None) -> bool:
        """Ask the running window to come to the front (and open ``answers``, and the
        study ``record``: ``study`` the number of one of its studies); True once it
        took the request, False if it did not within HANDOVER_WAIT_MS."""
        request = self.folder / REQUEST_GLOB.replace("*", str(os.getpid()))
        try:
            wanted = {"open": None if answers is None else str(answers.resolve())}
            if record is not None:
                wanted |= {"record": str(record.resolve()), "study": study}
            write_atomically(request, json.dumps(wanted))
        except (OSError, RuntimeError):  # a full disk, a link loop: say it is open, plainly
            return False
        deadline = QDeadlineTimer(HANDOVER_WAIT_MS)
        loop = QEventLoop()
        while request.exists() and not deadline.hasExpired():
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        if request.exists():
            request.unlink(missing_ok=True)
            return False
        return True

    def release(self) -> None:
        if self.lock.isLocked():
            self.lock.unlock()


def _read_request(request: Path) -> Path | None | bool:
    """The answers path in a request, None for "just come to the front", or False for
    a file that is not a request (too big, not a file, not our JSON)."""
    return _answers_in(_request_fields(request))


def _request_fields(request: Path) -> dict | None:
    """A request's JSON object, or None for a file that is not one."""
    try:  # a link is refused (UnreadableFile is an OSError), like a folder or a big file
        raw = read_regular_file(request, REQUEST_MAX_BYTES, follow_symlinks=False)
        fields = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return fields if isinstance(fields, dict) else None


def _answers_in(fields: dict | None) -> Path | None | bool:
    if fields is None:
        return False
    wanted = fields.get("open")
    if wanted is None:
        return None
    return Path(wanted) if isinstance(wanted, str) else False


def _record_in(fields: dict | None) -> tuple[Path, str | None] | None:
    """The study record a request asks for, with the number of one of its studies; None
    if it asks for none or its fields are not what hand_over writes. The record itself
    is read as File > Open study record reads any file (explainer.records_io)."""
    record, study = (fields or {}).get("record"), (fields or {}).get("study")
    if not isinstance(record, str) or not (study is None or isinstance(study, str)):
        return None
    return Path(record), study
