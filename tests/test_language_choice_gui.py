"""Choosing the app's language (issue 19, item 2): View > Language by keyboard switches
the window at once and keeps everything the person put in; the choice is remembered;
a first start follows the computer's locale; a bad saved value falls back to it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu

from explainer.core.language import current_language
from explainer.ui.language_menu import LANGUAGE_KEY, saved_language, speak
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[1]

@pytest.fixture

def back_to_english():
    """English again after the test: no other test starts in Spanish. (The words come
    from the app's own compiled translation, built by conftest as ./dev builds it.)"""
    yield
    speak(QApplication.instance(), "en")


@pytest.fixture
def main_window(qtbot):
    """Shown as tests.windows.shown_window does, but not handed to qtbot: the switch
    deletes it (conftest closes whatever windows are left)."""
    from explainer.app import build_main_window, make_application

    make_application()
    window = build_main_window()
    window.show()
    qtbot.waitExposed(window)
    return window


def _choose_in_view_menu(window, qtbot, letter: Qt.Key, submenu: Qt.Key = Qt.Key.Key_L) -> None:
    """Alt+V opens View, L its Language submenu (I: "&Idioma"), then the letter of a language."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    view = QApplication.activePopupWidget()
    qtbot.keyClick(view, submenu)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not view)
    qtbot.keyClick(QApplication.activePopupWidget(), letter)


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen: the pop-ups
def test_espanol_chosen_by_keyboard_rebuilds_the_window_and_keeps_every_answer(main_window, qtbot,
                                                                              back_to_english) -> None:
    window = main_window
    menu = window.language_menu
    assert menu.menu.title() == "&Language" and menu.actions["en"].isChecked()
    assert menu.menu.accessibleName() == "Language"
    window.show_section("self-check")
    rows = window.self_check.questionnaire.rows
    with qtbot.waitSignal(window.session.answers_changed):
        _type(qtbot, rows["platelets"].input.field, "85")
    _type(qtbot, rows["hemoglobin"].input.field, "9,x")  # half typed: not an answer yet, still kept
    rows["ecog"].input.buttons["1"].click()
    rows["egfr"].input.not_sure.click()
    window.timeline.personal.set_start(dt.date(2027, 1, 4))
    window.session.set_delays({3: 7})
    window.timeline.personal.delay_cycle.setValue(5)  # chosen in the form, not applied yet
    window.timeline.personal.clinic_only.setChecked(True)
    window.timeline.show_cycle(4)
    answers_before = window.session.answers
    assert answers_before.answers.platelets is not None
    replaced = []
    window.replaced = replaced.append

    _choose_in_view_menu(window, qtbot, Qt.Key.Key_S)  # "E&spañol"

    qtbot.waitUntil(lambda: bool(replaced))
    new = replaced[0]
    assert new is not window and new.isVisible()
    assert current_language() == "es"
    assert new.language_menu.menu.title() == "&Idioma"  # the menu bar's words are the new language's
    assert new.language_menu.menu.accessibleName() == "Idioma"
    assert new.language_menu.actions["es"].isChecked() and not new.language_menu.actions["en"].isChecked()
    assert QSettings(window.settings.fileName(), QSettings.Format.IniFormat).value(LANGUAGE_KEY) == "es"
    # The page and every answer, as left: nothing lost, nothing changed.
    assert new.section_ids()[new.navigator.currentRow()] == "self-check"
    assert same_answers(new.session.answers, answers_before)
    new_rows = new.self_check.questionnaire.rows
    assert new_rows["platelets"].input.field.text() == "85"
    assert new_rows["hemoglobin"].input.field.text() == "9,x"
    assert new_rows["ecog"].input.buttons["1"].isChecked()
    assert new_rows["egfr"].input.not_sure.isChecked()
    qtbot.waitUntil(lambda: hasattr(new, "timeline"), timeout=20000)
    qtbot.waitUntil(lambda: new.session.delays == {3: 7})
    assert new.session.start_date == dt.date(2027, 1, 4)
    assert new.timeline.personal.know_start.isChecked()
    assert new.timeline.personal.delay_cycle.value() == 5 and new.timeline.personal.clinic_only.isChecked()
    assert new.timeline.cycle_number.value() == 4
    assert new.session.delays == {3: 7}  # the form's cycle is not applied by the switch

    # And back: English again, the answers still there.
    replaced.clear()
    new.replaced = replaced.append
    _choose_in_view_menu(new, qtbot, Qt.Key.Key_E, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: bool(replaced))
    assert current_language() == "en" and replaced[0].language_menu.menu.title() == "&Language"
    assert same_answers(replaced[0].session.answers, answers_before)
    qtbot.waitUntil(lambda: hasattr(replaced[0], "timeline"), timeout=20000)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_choosing_the_language_already_shown_changes_nothing(main_window, qtbot, back_to_english) -> None:
    switched = []
    main_window.language_menu.switch = switched.append
    main_window.language_menu.actions["en"].trigger()
    assert switched == [] and current_language() == "en"
    assert main_window.settings.value(LANGUAGE_KEY) is None  # a first start stays a first start


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_an_open_study_record_window_opens_again_on_the_same_page(main_window, qtbot, back_to_english) -> None:
    shown = main_window.study_records.open_path(FIXTURES / "ctgov" / "NCT04267848.json")
    qtbot.waitExposed(shown)
    page = shown.check_page
    _row, platelets = page.bank_inputs()["platelets"]
    with qtbot.waitSignal(platelets.value_changed):
        _type(qtbot, platelets.field, "150000")
    half_key, (_row, half) = next((key, pair) for key, pair in page.bank_inputs().items() if key != "platelets"
                                  and hasattr(pair[1], "field"))
    _type(qtbot, half.field, "9x")  # half typed: in no file
    choice = next(row.choice for row in page.rows.values() if row.choice is not None)
    choice.buttons["no"].click()
    answers = page.answers_file()
    assert answers.answers.platelets is not None and answers.criteria
    shown.navigator.setCurrentRow(2)
    shown.resize(900, 700)
    shown_geometry = shown.geometry()
    replaced = []
    main_window.replaced = replaced.append
    main_window.language_menu.choose("es")
    new = replaced[0]
    again = new.study_records.windows["NCT04267848"]
    assert again is not shown and again.isVisible() and not shown.isVisible()
    assert again.navigator.currentRow() == 2
    assert again.size() == shown_geometry.size()
    # Its answers come back from the file they are kept in as they are typed.
    assert same_answers(again.check_page.answers_file().answers, answers.answers)
    assert again.check_page.answers_file().criteria == answers.criteria
    assert again.check_page.bank_inputs()[half_key][1].field.text() == "9x"
    assert again.check_page.bank_inputs()["platelets"][1].field.text() == "150000"
    qtbot.waitUntil(lambda: hasattr(new, "timeline"), timeout=20000)


@pytest.mark.parametrize(("saved", "locale", "expected"), [
    (None, "es_MX.UTF-8", "es"),     # a first start: the computer's locale
    (None, "es", "es"),
    (None, "en_US.UTF-8", "en"),
    (None, "fr_FR.UTF-8", "en"),     # a language the app does not have: English
    (None, "", "en"),
    ("es", "en_US.UTF-8", "es"),     # chosen in View > Language: that one
    ("en", "es_ES.UTF-8", "en"),
    ("fr", "es_MX.UTF-8", "es"),     # a bad saved value: the locale's, never an error
    ("ES", "en_US", "en"),
    ("", "es_AR", "es"),
    ("es\n", "en_US", "en"),
])
def test_the_language_at_start(tmp_path, saved, locale, expected) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if saved is not None:
        settings.setValue(LANGUAGE_KEY, saved)
    assert saved_language(settings, locale) == expected


def test_a_hand_edited_settings_file_with_a_list_falls_back(tmp_path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[view]\nlanguage=es, en\n", encoding="utf-8")  # QSettings reads a list
    assert saved_language(QSettings(str(path), QSettings.Format.IniFormat), "en_GB") == "en"


_START_PROBE = """
from explainer.app import build_frame, make_application, open_settings
from explainer.core.language import current_language
from explainer.ui.language_menu import saved_language, speak
app = make_application()
settings = open_settings()
speak(app, saved_language(settings))  # as run() does, before the window
window = build_frame(settings=settings)
print(current_language(), [a.isChecked() for a in window.language_menu.actions.values()])
"""


@pytest.mark.parametrize(("lang", "saved", "expected"), [
    ("es_MX.UTF-8", None, "es [False, True]"),   # first start on a Spanish computer
    ("en_US.UTF-8", None, "en [True, False]"),
    ("en_US.UTF-8", "es", "es [False, True]"),   # remembered from last time
    ("es_MX.UTF-8", "en", "en [True, False]"),
    ("es_MX.UTF-8", "klingon", "es [False, True]"),  # a bad saved value: the locale's
])
def test_a_start_speaks_the_saved_or_the_computer_s_language(private_user_folders, lang, saved, expected) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen")
    if saved is not None:
        from explainer.paths import settings_file

        path = settings_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"[view]\nlanguage={saved}\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _START_PROBE], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == expected


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_language_items_are_named_in_their_own_language_and_exclusive(main_window, qtbot) -> None:
    menu = main_window.language_menu
    assert [a.text().replace("&", "") for a in menu.menu.actions()] == ["English", "Español"]
    assert menu.group.isExclusive() and all(a.isCheckable() for a in menu.actions.values())


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_a_switch_before_the_study_has_opened_builds_the_rest_in_idle_time(qtbot, back_to_english) -> None:
    from explainer.app import build_frame, make_application

    make_application()
    frame = build_frame()  # the first screen: the study opens just after it
    frame.show()
    qtbot.waitExposed(frame)
    replaced = []
    frame.replaced = replaced.append
    frame.language_menu.choose("es")
    new = replaced[0]
    assert new.trial is None and current_language() == "es"
    qtbot.waitUntil(lambda: hasattr(new, "timeline"), timeout=30000)
    assert new.trial is not None and hasattr(new, "self_check")
    assert "self-check" in new.section_ids()


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_a_language_that_cannot_be_shown_leaves_the_window_as_it_was(main_window, qtbot, monkeypatch,
                                                                      back_to_english) -> None:
    import explainer.app
    from explainer.content import ContentError

    def damaged(_path=None):
        raise ContentError("resources/i18n/es/trials/NCT04883242/trial.json: not valid JSON")

    said = []
    monkeypatch.setattr(explainer.app, "load_study_bundle", damaged)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    main_window.show_section("self-check")
    field = main_window.self_check.questionnaire.rows["platelets"].input.field
    with qtbot.waitSignal(main_window.session.answers_changed):
        _type(qtbot, field, "85")
    replaced = []
    main_window.replaced = replaced.append
    main_window.language_menu.choose("es")
    assert replaced == [] and main_window.isVisible()
    assert current_language() == "en" and main_window.language_menu.actions["en"].isChecked()
    assert main_window.settings.value(LANGUAGE_KEY) == "en"  # the next start does not fail the same way
    assert len(said) == 1 and "not valid JSON" in said[0]
    assert field.text() == "85" and main_window.session.answers.answers.platelets is not None


STAYED = 42


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")
def test_the_real_start_follows_the_window_a_switch_builds(qapp, qtbot, monkeypatch, back_to_english) -> None:
    """run() hands its window to the second start (bring to front) and to the crash
    guard; after View > Language that is the new window, never the deleted one."""
    from PySide6.QtCore import QTimer

    from explainer import app

    monkeypatch.delenv(app.SMOKE_ENV, raising=False)
    singles, fronted, windows = [], [], []
    real_build, real_single = app.build_in_idle_time, app.SingleWindow

    class Watched(real_single):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            singles.append(self)

    def watched(window, done=None, **kwargs) -> None:
        def built() -> None:
            if done is not None:
                done()
            windows.append(window)
            if len(windows) == 1:  # the first window, whole: switch to Spanish
                QTimer.singleShot(0, lambda: window.language_menu.choose("es"))
            else:  # the new one, whole: a second start asks for the window
                singles[0].raise_requested.emit(None)
                QTimer.singleShot(0, lambda: qapp.exit(STAYED))

        real_build(window, built, **kwargs)

    monkeypatch.setattr(app, "SingleWindow", Watched)
    monkeypatch.setattr(app, "build_in_idle_time", watched)
    monkeypatch.setattr(app, "bring_to_front", lambda window, answers: fronted.append(window))
    assert app.run() == STAYED
    assert len(windows) == 2 and fronted == [windows[1]]
    assert windows[1].language_menu.actions["es"].isChecked()
    windows[1].close()


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
@pytest.mark.parametrize("section", ["timeline", "glossary", "self-check-results"])
def test_the_page_shown_stays_shown(main_window, qtbot, back_to_english, section) -> None:
    main_window.show_section(section)
    replaced = []
    main_window.replaced = replaced.append
    main_window.language_menu.choose("es")
    new = replaced[0]
    qtbot.waitUntil(lambda: hasattr(new, "timeline"), timeout=30000)
    qtbot.waitUntil(lambda: new.section_ids()[new.navigator.currentRow()] == section)
    assert new.stack.currentIndex() == new.navigator.currentRow()


def same_answers(a, b) -> bool:
    """The same answers, value for value: each language's question bank makes its own
    answers class (its labels are that language's), so the objects differ by class."""
    return a.model_dump(mode="json") == b.model_dump(mode="json")


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_what_the_start_set_aside_goes_back_to_the_collector_when_the_window_is_built_again(
        main_window, qtbot, back_to_english) -> None:
    """The old window may have been set aside for the app's life (explainer.collector):
    once it is replaced, its objects must be free to go."""
    import gc

    from explainer import collector

    collector.set_aside_what_lives()  # as run() does once the start's imports are done
    try:
        replaced = []
        main_window.replaced = replaced.append
        main_window.language_menu.choose("es")
        assert replaced, "the window was built again"
        assert gc.get_freeze_count() == 0
        qtbot.waitUntil(lambda: hasattr(replaced[0], "timeline"), timeout=30000)
    finally:
        gc.unfreeze()
