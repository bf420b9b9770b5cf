"""Starting the window: fonts, settings, the trial, and a dialog instead of a crash."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from explainer import __version__, crash
from explainer.content import ContentError, load_trial, resources_root
from explainer.paths import settings_file
from explainer.ui.fonts import register_fonts
from explainer.ui.main_window import MainWindow
from explainer.ui.zoom import TextZoom


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Trial Explainer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("trial-explainer")
    app.setWindowIcon(app_icon())
    register_fonts()
    return app


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The calendar-and-check icon (resources/icons, made by packaging/make_icons.py)."""
    icon = QIcon()
    for size in ICON_SIZES:
        source = resources_root() / "icons" / f"trial-explainer-{size}.png"
        if isinstance(source, Path) and source.is_file():
            icon.addFile(str(source), QSize(size, size))  # Qt reads a size when it is drawn: faster start
        else:  # inside an archive (or missing: read_bytes says which file)
            pixmap = QPixmap()
            pixmap.loadFromData(source.read_bytes())
            icon.addPixmap(pixmap)
    return icon


# Set by the bundle test and the benchmark: print one line once the window has
# painted, then quit. Proves a frozen app really opened its window, and marks the
# moment "start-up" ends.
SMOKE_ENV = "TRIAL_EXPLAINER_SMOKE"
# How long start-up waits for the first screen to be drawn before it builds the
# parts that screen does not show (self-check, timeline, PDF export).
FIRST_PAINT_WAIT_MS = 300


class FirstPaint(QObject):
    """Notices the window's first paint; with ``announce`` prints "window shown: TITLE"."""

    painted = Signal()

    def __init__(self, window: QWidget, announce: bool = False) -> None:
        super().__init__(window)
        self.done = False
        self.announce = announce
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            if self.announce:
                print(f"window shown: {watched.windowTitle()}", flush=True)
            self.painted.emit()
        return False

    def wait(self, timeout_ms: int) -> None:
        if not self.done:
            loop = QEventLoop()
            self.painted.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop, loop.quit)
            loop.exec()  # returns once the paint that emitted ``painted`` is finished
        if self.announce and self.done:
            print(f"{PAINT_MEMORY} {peak_memory_kib()}", file=sys.stderr, flush=True)


# With SMOKE_ENV, the peak memory once the first paint is done, on stderr (for the benchmark).
PAINT_MEMORY = "peak memory at first paint (KiB):"


def peak_memory_kib() -> int | None:
    """The process's peak resident memory so far (Linux), or None."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), None)


SETTINGS_CAP = 64 * 1024  # a settings file holds two values


def open_settings() -> QSettings:
    """The user's settings. A settings file the app will not read (a pipe, a device,
    too big) is moved aside so the app starts with its defaults instead of hanging
    (QSettings would read it); a bad value in a good file falls back where it is read."""
    path = settings_file()
    if os.path.lexists(path):
        from explainer.files import UnreadableFile, read_regular_file

        try:
            read_regular_file(path, SETTINGS_CAP)
        except UnreadableFile:
            try:
                os.replace(path, path.with_name(f"{path.name}.unusable"))
            except OSError:  # cannot move it: keep the defaults for this run, in a file of its own
                import tempfile

                path = Path(tempfile.mkdtemp(prefix="trial-explainer-settings-")) / path.name
    return QSettings(str(path), QSettings.Format.IniFormat)


def build_frame() -> MainWindow:
    """The window with its welcome page: no study data, so no pydantic yet."""
    settings = open_settings()
    zoom = TextZoom(settings)
    zoom.apply()
    return MainWindow(settings, zoom)


def build_main_window(trial_path: Path | None = None, with_tools: bool = True,
                      lazy_pages: bool = False) -> MainWindow:
    """Everything but the event loop, so tests and benchmarks build the same window.

    ``lazy_pages``: the study's pages are built when first shown (see MainWindow)."""
    window = build_frame()
    window.open_trial(load_trial(trial_path), lazy_pages=lazy_pages)
    if with_tools:
        add_tools(window)
    return window


def add_tools(window: MainWindow) -> None:
    """The self-check, the timeline and the PDF export: run() adds them once the
    reading pages are drawn, so the first screen appears sooner."""
    from explainer.ui.export import PdfExport
    from explainer.ui.self_check import SelfCheck
    from explainer.ui.timeline import install_timeline

    window.self_check = SelfCheck(window)  # type: ignore[attr-defined]
    window.pdf_export = PdfExport(window)  # type: ignore[attr-defined]
    window.timeline = install_timeline(window)  # type: ignore[attr-defined]


def open_answers_at_start(window: MainWindow, answers_path: Path | None, handler: crash.CrashHandler) -> None:
    """The answers named on the command line, or else the draft kept from last time.

    A broken file shows a dialog naming the problem; the window opens anyway, and
    answers kept from last time are offered back unless the file replaced them. An
    error no one foresaw goes to the same guard as every menu action (a logged,
    kind dialog), and the window stays open: never a window that vanishes."""
    try:
        if answers_path is not None and window.self_check.open_answers(answers_path):
            window.show_section("self-check-results")
        else:
            window.self_check.offer_draft()
    except Exception:  # noqa: BLE001 - see above
        handler.handle(*sys.exc_info())


def run(trial_path: Path | None = None, answers_path: Path | None = None) -> int:
    # From here on an unexpected error is logged and shown in a dialog, never a silent exit.
    with crash.installed() as handler:
        try:
            app = make_application()
            window = build_frame()
            first_paint = FirstPaint(window, announce=bool(os.environ.get(SMOKE_ENV)))
            window.show()
            first_paint.wait(FIRST_PAINT_WAIT_MS)  # the welcome page first; the study just after
            window.open_trial(load_trial(trial_path), lazy_pages=True)
            window.build_waiting_pages()
            add_tools(window)
            if first_paint.announce:
                print(f"study opened: {window.windowTitle()}", flush=True)
        except ContentError as err:
            QMessageBox.critical(None, "Trial Explainer cannot open the study",
                                 f"A file the app needs is damaged or missing.\n\n{err}\n\n"
                                 "Please reinstall the app, or tell whoever gave you this file.")
            return 2
        except Exception:  # noqa: BLE001 - before the event loop runs: say so kindly, never vanish
            handler.handle(*sys.exc_info())
            return 1
        handler.answers_kept = lambda: window.self_check.answers_kept
        open_answers_at_start(window, answers_path, handler)
        if first_paint.announce:
            QTimer.singleShot(0, app.quit)
        return app.exec()
