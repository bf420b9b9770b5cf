"""Unexpected errors: write the details to the user's log folder, then say so kindly.

An error in a button or menu action must never close the app silently. The hook
writes the traceback to a dated file in ``explainer.paths.log_dir()``, shows a
plain dialog that names that file, and lets the window carry on. The answers in
progress are already safe: the self-check writes its draft on every change
(``explainer.ui.self_check.DraftStore``).

The dialog's words live here rather than in ``resources/``: they must still show
when the app's own files are what is broken.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from explainer import __version__
from explainer.paths import log_dir
from explainer.ui.i18n import tr

if TYPE_CHECKING:  # loaded only when something went wrong: not before the first paint
    import datetime as dt


def crash_message(log_file: Path | None, answers_kept: bool = True) -> str:
    """The dialog text: what happened, whether the answers are safe, where the details are.
    ``answers_kept`` is False when the app could not keep its copy of them (a read-only
    or full data folder): then the dialog must not say they are kept."""
    where = tr("We wrote the details to this file:\n{path}\n\n"
               "If it happens again, you can send that file to the person or clinic "
               "that gave you this app.").format(path=log_file) if log_file else \
        tr("We could not write the details to a file this time.")
    answers = (tr("Your answers are kept. You can keep using the app, or close it and open it again.")
               if answers_kept else
               tr("The app could not keep a copy of your latest answers. Before you close it, "
                  "please save them with File > Save answers."))
    return tr("Something went wrong inside Trial Explainer. It was not your fault.\n\n{answers}\n\n{where}").format(
        answers=answers, where=where)


class CrashDialog:
    @classmethod
    def ask(cls, log_file: Path | None, answers_kept: bool = True) -> None:
        from PySide6.QtCore import Qt  # here, not at the top: see explainer.ui.main_window on Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, tr("Sorry, something went wrong"),
                          crash_message(log_file, answers_kept), QMessageBox.StandardButton.Ok,
                          QApplication.activeWindow())
        box.button(QMessageBox.StandardButton.Ok).setText(tr("OK"))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
        box.exec()


# In an error's message, what could be an answer: a number or date (digits), and
# anything quoted (Python and pydantic quote the values they complain about). Compiled
# (and kept by re) at the first error, not before the first paint.
_PRIVATE_PARTS = r"""'[^']*'|"[^"]*"|\d+"""


def scrub(message: str) -> str:
    """An error message without the values in it: "could not convert string to float:
    '88.5'" becomes "... float: '…'". The log is for finding the bug, never the answers."""
    return re.sub(_PRIVATE_PARTS, lambda part: "#" if part.group()[0].isdigit() else "'…'", message)


def scrubbed_traceback(exc: BaseException, tb: TracebackType | None) -> list[str]:
    """Like traceback.format_exception, with each message scrubbed and no locals:
    the frames (file, line, code) say where it broke; the values stay private."""
    import traceback

    def one(error: BaseException, frames: TracebackType | None, seen: set[int]) -> list[str]:
        seen.add(id(error))
        lines: list[str] = []
        cause, context = error.__cause__, error.__context__
        if cause is not None and id(cause) not in seen:
            lines += [*one(cause, cause.__traceback__, seen),
                      "\nThe above exception was the direct cause of the following exception:\n\n"]
        elif context is not None and not error.__suppress_context__ and id(context) not in seen:
            lines += [*one(context, context.__traceback__, seen),
                      "\nDuring handling of the above exception, another exception occurred:\n\n"]
        if frames is not None:
            lines += ["Traceback (most recent call last):\n", *traceback.format_tb(frames)]
        kind = type(error)
        name = kind.__qualname__ if kind.__module__ in ("builtins", "__main__") else f"{kind.__module__}.{kind.__qualname__}"
        try:
            message = scrub(str(error))
        except Exception:  # noqa: BLE001 - a broken __str__ must not hide the traceback
            message = "(the message could not be shown)"
        return [*lines, f"{name}: {message}\n" if message else f"{name}\n"]

    return one(exc, tb, set())


def write_crash_log(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                    folder: Path | None = None, now: dt.datetime | None = None) -> Path:
    """Write the traceback and the versions to a new dated file; return its path."""
    import datetime as dt

    now = now or dt.datetime.now()
    folder = folder or log_dir()
    # Loaded only when something went wrong, so not before the first paint.
    import platform

    from explainer.files import private_folder, write_atomically

    path = folder / f"crash-{now:%Y%m%d-%H%M%S-%f}.log"
    lines = [f"Trial Explainer {__version__} crashed at {now.isoformat(timespec='seconds')}",
             f"Python {platform.python_version()} on {platform.platform()}",
             f"Frozen app: {bool(getattr(sys, 'frozen', False))}", "",
             *scrubbed_traceback(exc, tb)]
    private_folder(folder)
    write_atomically(path, "\n".join(line.rstrip("\n") for line in lines) + "\n")
    return path


class _MainThread(QObject):
    """Carries a worker thread's error to the main thread: only there may a dialog open."""

    crashed = Signal(object)

    def __init__(self, handler: CrashHandler) -> None:
        super().__init__()  # created in the main thread, so queued calls run there
        self.handler = handler
        self.crashed.connect(self.tell)

    @Slot(object)
    def tell(self, log_file: Path | None) -> None:
        self.handler.tell_the_user(log_file)


class CrashHandler:
    """Installed as sys.excepthook and threading.excepthook while the app runs."""

    def __init__(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        self._main_thread = _MainThread(self)
        self.showing = False
        self.last_log: Path | None = None
        # Set by the app once the self-check exists: are the answers safe on disk?
        self.answers_kept: Callable[[], bool] = lambda: True

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, exc_type: type[BaseException], exc: BaseException | None,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a terminal: quit as usual
            sys.__excepthook__(exc_type, exc or exc_type(), tb)
            return
        exc = exc or exc_type()
        # For whoever started it in a terminal; scrubbed too, as a desktop session may keep stderr in a log.
        print("".join(scrubbed_traceback(exc, tb)), end="", file=sys.stderr)
        try:
            self.last_log = write_crash_log(exc_type, exc, tb)
        except OSError as err:
            print(f"trial-explainer: could not write the crash log: {err}", file=sys.stderr)
            self.last_log = None
        if threading.current_thread() is threading.main_thread():
            self.tell_the_user(self.last_log)
        else:
            self._main_thread.crashed.emit(self.last_log)

    def _answers_kept(self) -> bool:
        try:
            return bool(self.answers_kept())
        except Exception:  # noqa: BLE001 - a dialog about an error must not fail itself; claim nothing
            return False

    def tell_the_user(self, log_file: Path | None) -> None:
        # One dialog at a time: an error that repeats (in a paint, say) is logged,
        # not stacked into a pile of dialogs. No dialog without a QApplication
        # (the traceback went to stderr).
        if self.showing or QApplication.instance() is None:
            return
        self.showing = True
        try:
            CrashDialog.ask(log_file, answers_kept=self._answers_kept())
        finally:
            self.showing = False


@contextmanager
def installed() -> Iterator[CrashHandler]:
    """The hooks for as long as the app runs; the previous ones come back after."""
    handler = CrashHandler()
    handler.install()
    try:
        yield handler
    finally:
        handler.uninstall()
