"""What the first screen costs: heavy parts stay unloaded; the smoke switch; the icon."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import typing

import pytest

_FIRST_SCREEN = r"""
import sys
from explainer.app import build_main_window, make_application
app = make_application()
window = build_main_window()
window.show()
app.processEvents()
print(" ".join(sorted(sys.modules)))
"""

# Loaded only when the user does something that needs them.
LAZY = [
    ("reportlab", "the PDF library: only when exporting"),
    ("explainer.pdf", "the PDF summary: only when exporting"),
    ("icalendar", "the calendar file: only when saving one"),
    ("PySide6.QtSvg", "icons are PNG; no SVG renderer at start"),
    ("PySide6.QtNetwork", "the app never uses the network"),
    ("explainer.download", "going online: only when the patient asks for a record by its number"),
    ("http.client", "no connection unless the patient asks for a download"),
    ("explainer.core.summary", "the summary's words and models: only when exporting (issue 18)"),
    ("explainer.summary_source", "what a summary is made from: only when exporting"),
    ("PySide6.QtPrintSupport", "Qt's printing: only when printing"),
]


# What run() loads before the first paint: the first page only (see explainer.app.run).
_FIRST_PAINT = _FIRST_SCREEN.replace("build_main_window()", "build_frame()").replace(
    "import build_main_window,", "import build_frame,")

# Loaded just after the first paint, with the parts the first screen does not show.
AFTER_FIRST_PAINT = [
    ("pydantic", "validating the study's files: just after the welcome page is drawn"),
    ("explainer.core.model", "the study's data"),
    ("explainer.core.glossary", "the glossary: the welcome page uses no hard words"),
    ("explainer.core.schedule", "the treatment schedule: with the timeline"),
    ("explainer.ui.timeline", "the timeline page"),
    ("explainer.ui.self_check", "the self-check"),
    ("explainer.ui.export", "the PDF export dialog"),
    ("explainer.ui.pdf_export", "the PDF export's menu items and button"),
    ("unicodedata", "core.echo's escapes: only when an error message is written"),
]


def _modules_loaded_by(probe: str) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    modules = set(out.stdout.split())
    assert "explainer.ui.main_window" in modules  # the probe really built the window
    return modules


@pytest.fixture(scope="module")
def first_screen_modules() -> set[str]:
    return _modules_loaded_by(_FIRST_SCREEN)


@pytest.fixture(scope="module")
def first_paint_modules() -> set[str]:
    return _modules_loaded_by(_FIRST_PAINT)


@pytest.mark.slow
@pytest.mark.parametrize(("module", "why"), LAZY)
def test_the_first_screen_does_not_load(first_screen_modules, module, why) -> None:
    assert module not in first_screen_modules, why


@pytest.mark.slow
@pytest.mark.parametrize(("module", "why"), [*LAZY, *AFTER_FIRST_PAINT])
def test_the_first_paint_does_not_wait_for(first_paint_modules, module, why) -> None:
    assert module not in first_paint_modules, why


@pytest.mark.slow
def test_the_first_paint_does_not_make_the_qt_namespace() -> None:
    """PySide builds the Qt namespace's enums on first use: about 20 ms (see main_window)."""
    probe = _FIRST_PAINT.replace('print(" ".join(sorted(sys.modules)))',
                                 'import PySide6.QtCore\nprint("Qt" in vars(PySide6.QtCore))\n'
                                 'PySide6.QtCore.Qt\nprint("Qt" in vars(PySide6.QtCore))')
    out = subprocess.run([sys.executable, "-c", probe], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                         capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "True"], out.stderr  # not made at start; made by a first use


# Qt classes the first paint needs none of: PySide makes each, with its enums, on first
# use (0.1-0.8 ms of CPU each). (module, class, what made it before the paint)
NOT_MADE_FOR_THE_FIRST_PAINT = [
    ("PySide6.QtWidgets", "QFormLayout",
     "MainWindow._fit_window's self.layout(): PySide makes each layout class the layout might be"),
    ("PySide6.QtCore", "QAbstractItemModel", "SectionList's self.model(), to hear of changed names"),
    ("PySide6.QtCore", "QTranslator", "i18n and language_menu imported it: only Spanish makes one"),
    ("PySide6.QtWidgets", "QCheckBox", "pages.py imported it for the 'Who can join' page, built later"),
    ("PySide6.QtWidgets", "QToolTip", "pages.py imported it for a glossary word's tooltip"),
]

_CLASSES_PROBE = r"""
import json, sys
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
from explainer.ui.main_window import MainWindow
fitted = []
fit = MainWindow._fit_to_text_size
MainWindow._fit_to_text_size = lambda self: (fit(self), fitted.append(True))
from explainer.app import build_frame, make_application
app = make_application(all_at_once=False)
window = build_frame(menu_items=False)
window.show()
app.processEvents()
modules = {name: vars(sys.modules[name]) for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")}
print(json.dumps({"fitted": fitted, "made": {f"{m}.{c}": c in modules[m] for m, c in json.loads(sys.argv[1])}}))
"""


@pytest.mark.slow
def test_the_first_paint_does_not_make_qt_classes_it_does_not_need(tmp_path) -> None:
    import json

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    wanted = [(module, name) for module, name, _why in NOT_MADE_FOR_THE_FIRST_PAINT]
    out = subprocess.run([sys.executable, "-c", _CLASSES_PROBE, json.dumps(wanted)], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert seen["fitted"] == [True]  # the window was fitted to its text once shown, as before the real paint
    made = [f"{module}.{name}: {why}" for module, name, why in NOT_MADE_FOR_THE_FIRST_PAINT
            if seen["made"][f"{module}.{name}"]]
    assert made == []


_PATTERNS_PROBE = r"""
import re, sys
made = []
real = re._compile
def counted(pattern, flags):
    caller = sys._getframe(1)
    while caller.f_code.co_filename.endswith("re/__init__.py"):
        caller = caller.f_back
    if "explainer" in caller.f_code.co_filename and (type(pattern), pattern, flags) not in re._cache:
        made.append(f"{pattern} ({caller.f_code.co_filename}:{caller.f_lineno})")
    return real(pattern, flags)
re._compile = counted
import explainer.cli
""" + _FIRST_PAINT.replace('print(" ".join(sorted(sys.modules)))', 'print(made)')


@pytest.mark.slow
def test_the_first_paint_compiles_none_of_the_apps_patterns() -> None:
    """A regular expression is 0.1-0.15 ms to compile: the app's own wait until used
    (the welcome page has no {{ fact }}, its list of pages is checked without one)."""
    out = subprocess.run([sys.executable, "-c", _PATTERNS_PROBE], capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


_FORWARD_REFERENCES_PROBE = r"""
import typing
made = []
real = typing.ForwardRef.__init__
def counted(self, arg, *args, **kwargs):
    made.append(arg)
    real(self, arg, *args, **kwargs)
typing.ForwardRef.__init__ = counted
import explainer.cli
""" + _FIRST_PAINT.replace('print(" ".join(sorted(sys.modules)))', 'print(made)')


@pytest.mark.slow
def test_the_first_paint_compiles_no_forward_references() -> None:
    """typing compiles each annotation it is given as a string (a NamedTuple's fields in a
    module with ``from __future__ import annotations``, TypeVar(bound="..."), Union[...,
    "..."]): 11 of them took 1 ms of CPU before the first paint."""
    out = subprocess.run([sys.executable, "-c", _FORWARD_REFERENCES_PROBE], capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_another_module_still_gets_the_content_source_type() -> None:
    from pathlib import Path

    from explainer.content import Source
    from explainer.study_words_io import load_study_words  # imports it as a name, at its top

    assert Path in typing.get_args(Source) and callable(load_study_words)


# What run() leaves until just after the first paint (finish_application, add_menu_items):
# Qt classes PySide makes, with their enums, on first use. The first paint draws neither
# the window icon nor a menu's items.
_AFTER_PAINT_PROBE = r"""
import json, os, stat
import PySide6.QtCore, PySide6.QtGui
from explainer.app import add_menu_items, build_frame, finish_application, make_application, qt_dialog_history
LATER = ("QIcon", "QAction", "QActionGroup", "QKeySequence", "QStandardPaths", "QByteArray")
def made():
    return sorted(n for n in LATER if n in vars(PySide6.QtGui) or n in vars(PySide6.QtCore))
def items(window):
    return {name: len(getattr(window, name).actions()) for name in ("file_menu", "view_menu", "help_menu")}
app = make_application(all_at_once=False)
window = build_frame(menu_items=False)
window.show()
app.processEvents()
before = {"made": made(), "items": items(window), "history": os.path.exists(qt_dialog_history())}
finish_application(app)
add_menu_items(window)
after = {"made": made(), "items": items(window), "icon": not app.windowIcon().isNull(),
         "history": oct(stat.S_IMODE(os.stat(qt_dialog_history()).st_mode))}
print(json.dumps([before, after]))
"""


@pytest.mark.slow
def test_the_icon_and_the_menus_items_follow_the_first_paint(tmp_path) -> None:
    import json

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _AFTER_PAINT_PROBE], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    before, after = json.loads(out.stdout)
    assert before == {"made": [], "items": {"file_menu": 0, "view_menu": 0, "help_menu": 0}, "history": False}
    assert after["icon"] and after["history"] == "0o600"
    assert "QIcon" in after["made"] and "QAction" in after["made"]
    # Quit and the study records; the text sizes, high contrast and the language; three pages.
    assert after["items"]["file_menu"] >= 6 and after["items"]["view_menu"] >= 7
    assert after["items"]["help_menu"] == 3


@pytest.mark.slow
def test_smoke_switch_prints_the_title_once_painted_and_quits() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIAL_EXPLAINER_SMOKE="1")
    out = subprocess.run([sys.executable, "-m", "explainer"], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # The window paints first (the welcome page), then the study opens in it.
    assert out.stdout.splitlines() == ["window shown: Trial Explainer",
                                       "study opened: Trial Explainer: study NCT04883242"]
    from explainer.app import PAINT_MEMORY  # for the benchmark: memory once the first paint is done

    [memory] = [line for line in out.stderr.splitlines() if line.startswith(PAINT_MEMORY)]
    if sys.platform.startswith("linux"):
        assert 20_000 < int(memory.removeprefix(PAINT_MEMORY)) < 1_000_000  # KiB


STAYED = 77  # what the test's own timer ends the event loop with


def test_without_the_switch_nothing_is_printed_and_the_window_stays(qapp, qtbot, monkeypatch, capfd) -> None:
    """The real start (run()), without TRIAL_EXPLAINER_SMOKE: once every page is built,
    the window is still shown and the event loop still running (the smoke run quits
    there), and nothing was printed on the way (the smoke run prints the title, the
    memory and the longest stall)."""
    from PySide6.QtCore import QTimer

    from explainer import app

    monkeypatch.delenv(app.SMOKE_ENV, raising=False)
    seen: list[bool] = []
    real_build = app.build_in_idle_time

    def watched(window, done=None, **kwargs) -> None:
        def built() -> None:
            if done is not None:
                done()  # run()'s own "all built" step: the smoke run quits here
            # The menus' items run() adds just after the first paint are there too, and the
            # garbage collector the command line turned off until then is on again.
            seen.append((window.isVisible(), hasattr(window, "study_records"), hasattr(window, "language_menu"),
                         gc.isenabled(), window.high_contrast_action is not None))
            qtbot.addWidget(window)
            QTimer.singleShot(0, lambda: qapp.exit(STAYED))  # reached only if the loop is still running

        real_build(window, built, **kwargs)

    monkeypatch.setattr(app, "build_in_idle_time", watched)
    gc.disable()  # as explainer.cli._run_app does before it calls run()
    try:
        assert app.run() == STAYED
    finally:
        gc.enable()
    assert seen == [(True, True, True, True, True)]
    out, err = capfd.readouterr()
    assert out == ""
    assert app.PAINT_MEMORY not in err and app.STALL not in err


def test_the_window_hears_later_starts_after_its_first_paint_once_it_can_open_a_record(qapp, qtbot,
                                                                                       monkeypatch) -> None:
    """The file watcher and the first look for requests wait for the first paint (0.4 ms
    of CPU before it): run() claims the window first, and listens once it is painted.
    And only once the window can open a record: a second start's request for one, made
    while the window was still opening, was taken before the window had its record
    windows' owner (a crash dialog, and the record never opened; found by a tester, two
    real starts 0.1 s apart)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from explainer import app
    from explainer.single_window import SingleWindow
    from explainer.ui.main_window import MainWindow

    first_paints: list[app.FirstPaint] = []
    painted_when_listening: list[list[bool]] = []
    can_open_records: list[list[bool]] = []
    real_init, real_listen = app.FirstPaint.__init__, SingleWindow.listen

    def noted(self, *args, **kwargs) -> None:
        real_init(self, *args, **kwargs)
        first_paints.append(self)

    def listen(self) -> None:
        painted_when_listening.append([paint.done for paint in first_paints])
        can_open_records.append([hasattr(window, "study_records") for window in QApplication.topLevelWidgets()
                                 if isinstance(window, MainWindow)])
        real_listen(self)

    def stop(window, done=None, **_kwargs) -> None:
        qtbot.addWidget(window)
        QTimer.singleShot(0, lambda: qapp.exit(STAYED))

    monkeypatch.setattr(app.FirstPaint, "__init__", noted)
    monkeypatch.setattr(SingleWindow, "listen", listen)
    monkeypatch.setattr(app, "build_in_idle_time", stop)
    monkeypatch.delenv(app.SMOKE_ENV, raising=False)
    assert app.run() == STAYED
    assert painted_when_listening == [[True]]
    assert can_open_records == [[True]]


def test_the_usual_start_does_not_ask_what_kind_of_trial_file_it_was_given(qapp, qtbot, monkeypatch) -> None:
    """Without --trial or --study there is no file to tell apart (explainer.trial_kind:
    0.15 ms of CPU before the first paint)."""
    from PySide6.QtCore import QTimer

    from explainer import app

    def stop(window, done=None, **_kwargs) -> None:
        qtbot.addWidget(window)
        QTimer.singleShot(0, lambda: qapp.exit(STAYED))

    monkeypatch.setitem(sys.modules, "explainer.trial_kind", None)  # importing it now fails
    monkeypatch.setattr(app, "build_in_idle_time", stop)
    monkeypatch.delenv(app.SMOKE_ENV, raising=False)
    assert app.run() == STAYED


def test_the_app_has_its_icon_in_every_size(qapp, main_window) -> None:
    from explainer.app import ICON_SIZES

    icon = qapp.windowIcon()
    sizes = sorted(size.width() for size in icon.availableSizes())
    assert sizes == list(ICON_SIZES)
    for size in ICON_SIZES:  # each size really draws (Qt reads the files only when asked)
        pixmap = icon.pixmap(size, size)
        assert not pixmap.isNull() and pixmap.width() == size
        assert len({pixmap.toImage().pixel(x, x) for x in range(size)}) > 1  # a picture, not a blank
    assert not main_window.windowIcon().isNull()


def test_pydantic_does_not_search_for_plugins_at_start() -> None:
    """The search reads every installed package's metadata before the first screen."""
    code = ("import explainer.content, pydantic.plugin._loader as loader\n"
            "print(loader._plugins is None, list(loader.get_plugins()))")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["True", "[]"]


# What _warm_imports does with each entry of its list (explainer.app): a module is
# imported, "module:name" also makes that name (PySide makes Qt's namespace on first
# use), a module a newer library lacks is skipped, and a missing module of the app's own
# is an error, not a silent skip.
WARM_CASES = [
    (("colorsys",), "colorsys", None),
    (("colorsys", "a_module_no_library_has"), "colorsys", None),
    (("PySide6.QtCore:Qt",), "PySide6.QtCore", None),
    (("colorsys:no_such_name",), None, AttributeError),
    (("explainer.no_such_module",), None, ModuleNotFoundError),
]


@pytest.mark.parametrize(("modules", "loaded", "error"), WARM_CASES)
def test_warm_imports_loads_each_module_and_skips_only_another_librarys(monkeypatch, modules, loaded,
                                                                         error) -> None:
    from explainer.app import _warm_imports

    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    if error is not None:
        with pytest.raises(error):
            list(_warm_imports(modules))
        return
    turns = list(_warm_imports(modules))
    assert 1 <= len(turns) <= len(modules) + 1  # at least one turn; never more than one per module, and the last
    assert loaded in sys.modules

def test_the_command_line_starts_the_window_without_garbage_collection(monkeypatch) -> None:
    """explainer.cli turns the collector off while the window loads (5 ms of CPU before
    the first paint) and on again however run() ends (run() itself does it at the paint)."""
    from explainer import app, cli

    during: list[bool] = []

    def fake_run(trial_path=None, answers_path=None, study_number=None) -> int:
        during.append(gc.isenabled())
        raise RuntimeError("the window failed")

    monkeypatch.setattr(app, "run", fake_run)
    with pytest.raises(RuntimeError):
        cli._run_app(cli.window_defaults())
    assert during == [False] and gc.isenabled()


_OPEN_THE_STUDY = """
import sys
from explainer.content import load_questions, load_study_bundle
from explainer.core import answers, glossary, questions, registry_record, rules, study_summary_words, study_words
from explainer.core.bundle import StudyBundle
from explainer.core.model import Trial

study = load_study_bundle()
print("same bank", load_questions() is load_questions())
for model in (Trial, questions.Questionnaire, glossary.Glossary, StudyBundle):
    print("validator", model.__name__, model.__pydantic_complete__)
for model in (rules.AllOf, rules.AnyOf, rules.Compare, rules.AnswerIs, rules.MonthsSince, rules.MayBeRaised,
              questions.Question, questions.Group, questions.Choice, glossary.GlossaryTerm,
              answers.LabValue, answers.AnswerGiven, answers.CriterionAnswer, answers.AnswersFile,
              # not read at all here: a record's parts, the records' words
              registry_record.RegistryStudy, registry_record.Site, study_words.StudyWords,
              study_words.StatusWords, study_summary_words.StudySummaryWords):
    print("none", model.__name__, model.__pydantic_complete__)
"""


def test_opening_the_study_makes_validators_only_for_the_files_it_reads() -> None:
    """A part read inside a file (a rule in the trial, a question in the bank, a term in
    the glossary) is checked by that file's validator; one of its own would be made
    for nothing (defer_build). The question bank is read once (issue 18)."""
    out = subprocess.run([sys.executable, "-c", _OPEN_THE_STUDY], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "same bank True"
    assert [line for line in lines if line.startswith("validator")] == [
        f"validator {name} True" for name in ("Trial", "Questionnaire", "Glossary", "StudyBundle")]
    made_for_nothing = [line for line in lines if line.startswith("none") and line.endswith("True")]
    assert made_for_nothing == []
    assert len([line for line in lines if line.startswith("none")]) == 19
