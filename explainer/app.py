"""Starting the window: fonts, settings, the trial, and a dialog instead of a crash."""

from __future__ import annotations

import importlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QSize, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from explainer import __version__, collector, crash
from explainer.content import ContentError, load_study_bundle, pages_folder_for, resources_root
from explainer.files import PRIVATE_FILE, private_folder
from explainer.paths import data_dir, log_dir, settings_file
from explainer.single_window import SingleWindow
from explainer.ui.fonts import register_fonts
from explainer.ui.i18n import tr
from explainer.ui.language_menu import install_language_menu, saved_language, speak
from explainer.ui.main_window import MainWindow
from explainer.ui.zoom import TextZoom

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def make_application(argv: list[str] | None = None, *, all_at_once: bool = True) -> QApplication:
    """The application with its name and fonts; ``all_at_once=False`` leaves what the
    first screen does not draw to finish_application (run() calls it after the first paint)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Trial Explainer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("trial-explainer")  # the desktop's entry, and its icon, from the start
    register_fonts()
    if all_at_once:
        finish_application(app)
    return app


def finish_application(app: QApplication) -> None:
    """The window icon, and Qt's file dialog history made private. Neither is part of the
    window's first paint, so run() sets them just after it: QIcon is a Qt class PySide
    makes with its enums on first use, and with the icon's files and QStandardPaths that
    is about 2 ms of CPU. The window manager takes a new icon whenever it comes (X11's
    _NET_WM_ICON is watched for changes; a desktop that names the app by its desktop
    file shows that entry's icon meanwhile), and no file dialog can open before it."""
    app.setWindowIcon(app_icon())
    keep_private(qt_dialog_history())


def finish_before_a_dialog() -> None:
    """A dialog shown before the first paint (another window open, a damaged study, an
    error) has the app's icon too."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        finish_application(app)


def qt_dialog_history() -> Path:
    """Where Qt's own file dialog keeps the folders and file names last used (shared by
    every Qt app of this user). Qt makes it 0644; the names can say what a file is about."""
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)) / "QtProject.conf"


ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The calendar-and-check icon (resources/icons, made by packaging/make_icons.py)."""
    from PySide6.QtGui import QIcon, QPixmap

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
        self.cpu_ms = 0.0
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.done and event.type() == QEvent.Type.Paint:  # done: every later event passes at once
            self.done = True
            self.cpu_ms = time.process_time() * 1000  # the CPU time it took to get here (the benchmark's)
            if self.announce:
                print(f"window shown: {watched.windowTitle()}", flush=True)
            self.painted.emit()
        return False

    def wait(self, timeout_ms: int) -> None:
        if not self.done:
            loop = QEventLoop()
            self.painted.connect(loop.quit)
            timeout = QTimer(loop)  # not QTimer.singleShot(ms, loop, ...): that makes QMetaMethod's enums
            timeout.setSingleShot(True)
            timeout.timeout.connect(loop.quit)
            timeout.start(timeout_ms)
            loop.exec()  # returns once the paint that emitted ``painted`` is finished
        if self.announce and self.done:
            print(f"{PAINT_MEMORY} {peak_memory_kib()}", file=sys.stderr, flush=True)
            print(f"{PAINT_CPU} {self.cpu_ms:.0f}", file=sys.stderr, flush=True)


# With SMOKE_ENV, the peak memory once the first paint is done, and the CPU time the
# process had used when the paint began, on stderr (for the benchmark).
PAINT_MEMORY = "peak memory at first paint (KiB):"
PAINT_CPU = "CPU time at first paint (ms):"


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
    try:  # private like every file the app keeps
        private_folder(path.parent)
    except OSError:
        pass  # a read-only home: the settings are then not kept, as before
    else:
        keep_private(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def keep_private(path: Path) -> None:
    """Make ``path`` (a settings file Qt writes) 0600 before Qt writes it: QSettings keeps
    an existing file's mode. A link or anything but a regular file is left alone."""
    try:
        if os.path.lexists(path) and not (path.is_file() and not path.is_symlink()):
            return
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_NOFOLLOW, PRIVATE_FILE))
        os.chmod(path, PRIVATE_FILE)
    except OSError:
        pass  # a read-only home or folder: Qt then keeps nothing there either



def claim_the_window(answers_path: Path | None, announce: bool, record_path: Path | None = None,
                     study_number: str | None = None, listen: bool = True) -> SingleWindow | int | None:
    """The one window per user (explainer.single_window); an exit status if another
    window is open: it was asked to come to the front and open ``answers_path``, and the
    study record ``record_path`` (``study_number``: the one of its studies).
    ``listen=False``: later starts are heard once the caller calls ``listen()`` on it."""
    from explainer.single_window import already_open, already_open_title, brought_to_front

    try:
        single = SingleWindow(data_dir())
    except OSError:
        return None  # no data folder to lock in: nothing could be saved there to lose either
    if single.claim(listen):
        if log_dir().is_dir():  # made 0755 by an older version: private now
            private_folder(log_dir())
        return single
    if single.hand_over(answers_path, record_path, study_number):
        print(f"trial-explainer: {brought_to_front()}", file=sys.stderr, flush=True)
        return 0
    print(f"trial-explainer: {already_open()}", file=sys.stderr, flush=True)
    if not announce:
        from PySide6.QtWidgets import QMessageBox

        finish_before_a_dialog()
        box = QMessageBox(QMessageBox.Icon.Information, already_open_title(), already_open(),
                          QMessageBox.StandardButton.Ok)
        from explainer.ui.labels import name_standard_buttons

        name_standard_buttons(box)
        box.exec()
    return 1


def bring_to_front(window: MainWindow, answers_path: Path | None) -> None:
    """Another start asked for the window: show it on top, and open its answers file."""
    from PySide6.QtCore import Qt

    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)  # where the desktop refuses to move focus, the task bar says so
    if answers_path is None:
        return
    if getattr(window, "self_check", None) is None:  # still being built: opened once it is (_parts_to_build)
        window.answers_handed_over = answers_path  # type: ignore[attr-defined]
        return
    if window.self_check.open_answers(answers_path):  # type: ignore[attr-defined]
        window.show_section("self-check-results")


def build_frame(trial_path: Path | None = None, settings: QSettings | None = None, *,
                menu_items: bool = True) -> MainWindow:
    """The window with its welcome page: no study data, so no pydantic yet. With a
    study folder for ``trial_path``, its list of pages and its welcome page; with a
    trial file, those pages_folder_for gives it (the app's own, for another study's).
    ``settings``: those run() read its language from (else opened here).
    ``menu_items=False``: the menus' items wait for add_menu_items (run() adds them
    just after the first paint, which draws only the menus' names)."""
    settings = open_settings() if settings is None else settings
    zoom = TextZoom(settings)
    zoom.apply()
    window = MainWindow(settings, zoom, pages_folder_for(trial_path), menu_actions=menu_items)
    window.trial_path = trial_path  # type: ignore[attr-defined]  # the study read again in another language
    if menu_items:
        add_menu_items(window)
    return window


def add_menu_items(window: MainWindow) -> None:
    """The menus' own items; File: any study's record (and .json files dropped on the
    window); View > Language."""
    from explainer.ui.study_records import install_study_records

    window.add_menu_actions()
    trial_path = window.trial_path  # type: ignore[attr-defined]
    install_study_records(window, window.zoom)
    install_language_menu(window, window.settings, lambda language: switch_language(window, language, trial_path))


def build_main_window(trial_path: Path | None = None, with_tools: bool = True,
                      lazy_pages: bool = False) -> MainWindow:
    """Everything but the event loop, so tests and benchmarks build the same window.

    ``lazy_pages``: the study's pages are built when first shown (see MainWindow)."""
    window = build_frame(trial_path)
    window.open_trial(load_study_bundle(trial_path), lazy_pages=lazy_pages)
    if with_tools:
        add_tools(window)
    return window


def add_tools(window: MainWindow) -> None:
    """The self-check, the timeline and the PDF export, all at once (tests and
    build_main_window); run() adds the timeline in idle time instead."""
    add_self_check(window)
    add_timeline(window)


def add_self_check(window: MainWindow) -> None:
    """The self-check and the PDF export: opening an answers file needs them."""
    for _ in self_check_in_steps(window):
        pass


def self_check_in_steps(window: MainWindow) -> Iterator[None]:
    """add_self_check, one group of questions per step. ``window.self_check`` is set
    only once every question is made: answers handed over or opened meanwhile wait."""
    from explainer.ui.pdf_export import PdfExport
    from explainer.ui.self_check import SelfCheck
    from explainer.ui.web_summary import WebSummaryExport

    self_check = SelfCheck(window, in_steps=True)
    yield
    while self_check.questionnaire.build_next_group():
        yield
    self_check.finish_steps()
    window.self_check = self_check  # type: ignore[attr-defined]
    window.pdf_export = PdfExport(window)  # type: ignore[attr-defined]
    window.web_summary = WebSummaryExport(window)  # type: ignore[attr-defined]


def add_timeline(window: MainWindow) -> None:
    from explainer.ui.timeline import install_timeline

    window.timeline = install_timeline(window)  # type: ignore[attr-defined]


def build_in_idle_time(window: MainWindow, done: Callable[[], None] | None = None, *,
                       trial_path: Path | None = None, opened: Callable[[], None] | None = None,
                       failed: Callable[[ContentError], None] | None = None,
                       unexpected: Callable[..., None] | None = None, set_aside: bool = False) -> None:
    """What the first screen does not show, one part per turn of the event loop:
    between two parts the window handles clicks, keys and paints (a reading page
    chosen sooner is built when it is chosen). If the study is not open yet, it is
    opened first (``opened`` then); a damaged file goes to ``failed``, any other
    error in the draft offer to ``unexpected`` (the crash guard), and the parts
    after it are still built. ``set_aside``: what lives once the imports are done is set
    aside from the collector for the app's life (the real app only: explainer.collector)."""
    parts = _parts_to_build(window, trial_path, opened, unexpected, set_aside)
    quiet = [False]  # the first part opens the study and installs the input rules

    def next_part() -> None:
        try:
            with _paused_if(quiet[0]):  # no input while a part is built: the filters can rest
                quiet[0] = next(parts) is not WITH_INPUT
        except StopIteration:
            if done is not None:
                done()
        except ContentError as err:
            if failed is None:
                raise
            failed(err)
        else:
            QTimer.singleShot(NEXT_PART_MS, window, next_part)

    QTimer.singleShot(NEXT_PART_MS, window, next_part)


# The wait before the next part, as a timer: a zero wait is a posted call, which Qt's
# loop runs again before the timers due meanwhile (a window's repaint, the stall meter),
# so they would wait for two parts, not one. A timer runs after those due before it.
NEXT_PART_MS = 1


# What _parts_to_build yields before a part that may show a dialog (a dialog runs an
# event loop: the input rules must hold there); every other part is built with them paused.
WITH_INPUT = "with input"


def _paused_if(quiet: bool) -> AbstractContextManager[None]:
    from explainer.ui.input_rules import paused_while_building

    return paused_while_building() if quiet else nullcontext()


def _parts_to_build(window: MainWindow, trial_path: Path | None, opened: Callable[[], None] | None,
                    unexpected: Callable[..., None] | None = None, set_aside: bool = False
                    ) -> Iterator[str | None]:
    if window.trial is None:
        yield from _warm_imports(STUDY_MODULES)
        study = load_study_bundle(trial_path)
        yield  # reading the study and showing it: each about as long as the longest import
        window.open_trial(study, lazy_pages=True)
        if opened is not None:
            opened()
        yield
    if not hasattr(window, "self_check"):
        yield from _warm_imports(SELF_CHECK_MODULES)
        _full_collection(set_aside)
        yield
        yield from self_check_in_steps(window)  # a group of questions per turn: the window answers between
        yield WITH_INPUT
        try:  # answers handed over by a second start while this was built replace the draft offer
            handed_over = getattr(window, "answers_handed_over", None)
            if handed_over is not None:
                bring_to_front(window, handed_over)
            else:
                window.self_check.offer_draft()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a draft no one foresaw: the guard's dialog, and the window goes on
            if unexpected is None:
                raise
            unexpected(*sys.exc_info())
        yield
    while window.build_next_waiting_page():
        yield
    yield from _warm_imports(TIMELINE_MODULES)
    warm_timeline(window)  # the page's data in one turn, its widgets in the next ones
    yield
    from explainer.ui.timeline import install_timeline_in_steps

    window.timeline = yield from install_timeline_in_steps(window)  # type: ignore[attr-defined]
    yield


# Most of the study's cost is importing these (pydantic's own, in the order it imports
# them), so a few at a time (_warm_imports): no turn of the loop waits for all of
# pydantic.types (38 ms) at once. A name a newer pydantic lacks is skipped.
# "module:name" makes that name of the module: PySide makes Qt's namespace, with its
# hundred enum classes (15 ms), when it is first used; ui/self_check.py does at its top.
STUDY_MODULES = ("typing_extensions", "pydantic_core", "zipfile", "email.message", "importlib.metadata",
                 "pydantic", "annotated_types", "pydantic._internal._fields", "pydantic.json_schema",
                 "pydantic.types", "pydantic.main", "explainer.core.rules", "explainer.core.model",
                 "explainer.core.answers", "explainer.core.questions", "explainer.core.glossary",
                 "explainer.core.bundle")  # their models, else made as load_study_bundle first reads
SELF_CHECK_MODULES = ("PySide6.QtCore:Qt", "explainer.ui.pdf_export", "explainer.ui.self_check")
TIMELINE_MODULES = ("explainer.core.clinic_days", "explainer.ui.timeline")


def _full_collection(set_aside: bool) -> None:
    """The imports above leave Python's collector a full collection to do (about 20 ms),
    which it starts when it will: inside the next part, which then took 35-55 ms. Done
    in a turn of its own, it is one the collector does not need again while the rest is
    built (it waits until a quarter more objects have lived on). In the real app what
    lives then (the modules, the window's frame) is set aside for good, so no later full
    collection walks it again."""
    if set_aside:
        collector.set_aside_what_lives()
    else:
        collector.full_collection()


# CPU time of imports per turn: the next module waits for the next turn once a turn
# has taken this long (the longest single import above takes about 15 ms). A turn
# for each would be 17 turns, each waiting for its timer: on a busy computer the
# study opened 80 ms later than with 7 larger turns.
WARM_TURN_S = 0.010


def _warm_imports(modules: tuple[str, ...]) -> Iterator[None]:
    """Import ``modules``, a few per turn of the event loop (WARM_TURN_S)."""
    started = time.process_time()
    for entry in modules:
        module, _, name = entry.partition(":")
        try:
            loaded = importlib.import_module(module)
        except ImportError:
            if module.startswith("explainer."):
                raise
        else:
            if name:
                getattr(loaded, name)
        if time.process_time() - started >= WARM_TURN_S:
            yield
            started = time.process_time()
    yield


def warm_timeline(window: MainWindow) -> None:
    """What the timeline page reads as it is built, made ahead: its words and the schedule
    (both kept where they are made, see timeline_text_for and Session.timeline)."""
    from explainer.timeline_text import timeline_text_for

    timeline_text_for(window.session.trial)
    if window.session.trial.regimens:
        window.session.timeline()


class StallMeter(QObject):
    """The longest time the event loop could not answer (for the benchmark): a timer
    asks every TICK_MS; any longer gap is time a click or a key would have waited."""

    TICK_MS = 10

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000 - self.TICK_MS)
        self._last = now


# With SMOKE_ENV, once every page is built: the longest stall of the event loop from
# the study opening until then, on stderr (for the benchmark).
STALL = "longest event loop stall while pages build (ms):"


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


def run(trial_path: Path | None = None, answers_path: Path | None = None, study_number: str | None = None) -> int:
    """The window. ``trial_path`` naming a ClinicalTrials.gov record: the window explains
    its own study and opens the record in its record window, as File > Open study record
    does (``study_number``: the one of several to open)."""
    record_path = None
    if trial_path is not None or study_number is not None:  # the usual start has neither: no module to load
        from explainer.trial_kind import record_for_the_window

        record_path = record_for_the_window(trial_path, study_number)  # --study without a record: one line, exit 2
    if record_path is not None:
        trial_path = None
    held: list[SingleWindow] = []
    try:
        return _run(trial_path, answers_path, held, record_path, study_number)
    finally:  # the next start (or the next run() in a test) may have the window
        for single in held:
            single.release()


def _run(trial_path: Path | None, answers_path: Path | None, held: list[SingleWindow],
         record_path: Path | None = None, study_number: str | None = None) -> int:
    # From here on an unexpected error is logged and shown in a dialog, never a silent exit.
    with crash.installed() as handler:
        try:
            app = make_application(all_at_once=False)  # finish_application follows the first paint
            settings = open_settings()
            speak(app, saved_language(settings))  # before any word is shown: each widget is made in its language
            single = claim_the_window(answers_path, bool(os.environ.get(SMOKE_ENV)), record_path, study_number,
                                      listen=False)
            if isinstance(single, int):
                return single
            held.extend([single] if single is not None else [])
            window = build_frame(trial_path, settings, menu_items=False)

            def replaced(new: MainWindow) -> None:  # View > Language built the window again
                nonlocal window
                window = new

            window.replaced = replaced  # type: ignore[attr-defined]
            if single is not None:
                single.raise_requested.connect(lambda answers: bring_to_front(window, answers))
                single.record_requested.connect(lambda record, study: open_record_at_start(window, record, study))
            first_paint = FirstPaint(window, announce=bool(os.environ.get(SMOKE_ENV)))
            window.show()
            first_paint.wait(FIRST_PAINT_WAIT_MS)  # the welcome page first; the study just after
            collector.start_done()  # paused until now when started from the command line (explainer.cli._run_app)
            finish_application(app)
            add_menu_items(window)  # before any click or key can reach a menu (app.exec() below)
            if single is not None:  # a later start's request, even one made meanwhile, is taken from here on:
                single.listen()  # once the window can open a record (add_menu_items gives it study_records)
            if record_path is not None:  # first thing in the event loop: the record the patient asked for
                QTimer.singleShot(0, window, lambda: open_record_at_start(window, record_path, study_number,
                                                                          first_paint.announce))
            stalls = StallMeter(window) if first_paint.announce else None

            def opened() -> None:
                if first_paint.announce:
                    print(f"study opened: {window.windowTitle()}", flush=True)

            if answers_path is not None:  # the answers open in the self-check: it is needed now
                window.open_trial(load_study_bundle(trial_path), lazy_pages=True)
                opened()
                add_self_check(window)
        except ContentError as err:
            finish_before_a_dialog()
            cannot_open_the_study(err)
            return 2
        except Exception:  # noqa: BLE001 - before the event loop runs: say so kindly, never vanish
            finish_before_a_dialog()
            handler.handle(*sys.exc_info())
            return 1
        handler.answers_kept = lambda: (window.self_check.answers_kept  # type: ignore[attr-defined]
                                        if hasattr(window, "self_check") else True)
        if answers_path is not None:
            open_answers_at_start(window, answers_path, handler)
        # Otherwise the study opens in idle time, and the self-check offers the draft once built.

        def all_built() -> None:
            if stalls is not None:  # the smoke run ends once everything is built
                print(f"{STALL} {stalls.longest_ms:.0f}", file=sys.stderr, flush=True)
                app.quit()

        def failed(err: ContentError) -> None:
            cannot_open_the_study(err)
            app.exit(2)

        build_in_idle_time(window, all_built, trial_path=trial_path, opened=opened, failed=failed,
                           unexpected=handler.handle, set_aside=True)
        return app.exec()


def open_record_at_start(window: MainWindow, path: Path, study_number: str | None, announce: bool = False) -> None:
    """``--trial RECORD``: the record opens as File > Open study record opens it. A file
    the app cannot use is the same one-sentence dialog, and the window goes on with
    its own study: the record was asked for beside it, as an answers file is.
    ``announce`` (the smoke switch): "record opened: TITLE" once its window is shown."""
    shown = window.study_records.open_path(path, study_number)  # type: ignore[attr-defined]
    if announce and shown is not None:
        print(f"record opened: {shown.windowTitle()}", flush=True)


def cannot_open_the_study(err: ContentError) -> None:
    from PySide6.QtWidgets import QMessageBox  # its enums: not before the first paint

    QMessageBox.critical(None, tr("Trial Explainer cannot open the study"),
                         tr("A file the app needs is damaged or missing.\n\n{problem}\n\n"
                            "Please reinstall the app, or tell whoever gave you this file.").format(problem=err))


def switch_language(old: MainWindow, language: str, trial_path: Path | None = None) -> MainWindow | None:
    """View > Language: the window built again in ``language``, from the same session.

    The new window takes over everything the person put in (explainer.ui.window_state):
    the answers as typed, the page they were on, the treatment dates, and each study
    record window, opened again. The old one closes only once the new one stands, so
    nothing is lost on the way: if the study cannot be opened in that language, the
    window stays as it was, in its language, and says so (None)."""
    from explainer.core.language import current_language
    from explainer.ui.language_menu import LANGUAGE_KEY
    from explainer.ui.window_state import WindowState

    app = QApplication.instance()
    before = current_language()
    state = WindowState.of(old)
    speak(app, language)
    try:
        new = _built_again(old, state, trial_path)
    except Exception as err:  # the window stays as it was, in its language
        speak(app, before)
        old.settings.setValue(LANGUAGE_KEY, before)  # else the next start would fail the same way
        old.language_menu.actions[before].setChecked(True)  # type: ignore[attr-defined]
        if not isinstance(err, ContentError):
            raise  # the crash guard's dialog and log
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(old, "Trial Explainer",
                            tr("The app cannot show this language now.") + f"\n\n{err}")
        return None
    new.replaced = getattr(old, "replaced", None)  # type: ignore[attr-defined]
    new.setGeometry(old.geometry())
    new.setWindowState(old.windowState())
    state.put_section(new)
    new.show()
    old_records = getattr(old, "study_records", None)
    for shown in list(old_records.windows.values()) if old_records is not None else []:
        shown.close()  # before the new ones open: one window per study
        shown.deleteLater()
    state.put_records(new)
    new.activateWindow()
    old.close()
    old.deleteLater()
    collector.bring_back()  # the old window may have been set aside at the start: it can go now
    if new.replaced is not None:  # type: ignore[attr-defined]
        new.replaced(new)  # type: ignore[attr-defined]

    def built() -> None:  # the pages and the timeline are made in idle time, as at start
        state.put_dates(new)
        if new.navigator.currentRow() <= 0:
            state.put_section(new)

    build_in_idle_time(new, built, trial_path=trial_path)
    return new


def _built_again(old: MainWindow, state: object, trial_path: Path | None) -> MainWindow:
    """The new window, as far as the old one was built (the rest follows in idle time),
    with the old one's answers in it; nothing of it is left if it cannot be made."""
    new = build_frame(trial_path, old.settings)
    try:
        if old.trial is not None:
            new.open_trial(load_study_bundle(trial_path), lazy_pages=True)
        if hasattr(old, "self_check"):
            add_self_check(new)
            state.put_answers(new)  # type: ignore[attr-defined]
        handed_over = getattr(old, "answers_handed_over", None)
        if handed_over is not None:  # a second start's answers, not opened yet: opened once built
            new.answers_handed_over = handed_over  # type: ignore[attr-defined]
    except BaseException:
        new.deleteLater()
        raise
    return new
