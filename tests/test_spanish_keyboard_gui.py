"""The keyboard in Spanish (issue 19; the accessibility standard), with real key events:
every menu of the main window (its File menu as the app builds it, with the self-check's
items merged in, and View > Idioma) and of a record window opens by Alt and its letter,
and each item's letter chooses that item and no other; every Tab stop, as Tab reaches
it in each section, has a Spanish name for a screen reader (no English name left, as
tests/test_accessibility.py checks that each has one in English); and the focus ring
shows on each kind of control Tab stops on."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget,
                               QMenu, QPushButton, QRadioButton, QScrollArea, QTextBrowser, QToolButton, QWidget)

from explainer.ui.cycle_grid import CycleGrid
from explainer.ui.theme import PICTURE
from tests.conftest import FIXTURES, ROOT
from tests.test_spanish_window_gui import mnemonic, shared_letters
from tests.windows import shown_window

SAMPLE = FIXTURES / "ctgov" / "NCT03934567.json"
TS_FILES = sorted((ROOT / "resources" / "i18n" / "es" / "ui").glob("*.ts"))
RINGED = (CycleGrid, QLineEdit, QComboBox, QListWidget, QTextBrowser, QScrollArea, QPushButton, QToolButton, QCheckBox,
          QRadioButton, QLabel)  # the style sheet's focus ring (explainer/ui/theme.py); a QLabel: a LinkLabel


# ---------------------------------------------------------------- English names, from the .ts sources

def _english_patterns() -> list[re.Pattern[str]]:
    """Every interface text whose Spanish differs, as a pattern of the whole English text
    (a {placeholder} matches anything, a & is dropped): a name matching one is English."""
    patterns = set()
    for path in TS_FILES:
        for message in ET.parse(path).getroot().iter("message"):
            source, translation = message.findtext("source") or "", message.findtext("translation") or ""
            if source == translation or not re.search(r"[A-Za-z]{3}", source) or "<" in source:
                continue
            plain = source.replace("&", "")
            parts = re.split(r"\{[a-z_]*\}", plain)
            if sum(len(p.strip(" :.,")) for p in parts) < 4:
                continue  # "{n}." alone says nothing English
            patterns.add("^" + ".*".join(re.escape(p) for p in parts) + "$")
    return [re.compile(p, re.DOTALL) for p in sorted(patterns)]


ENGLISH = _english_patterns()


def test_the_english_patterns_know_english_and_spanish_apart() -> None:
    assert len(ENGLISH) > 250
    english = ["Self-check questions", "Go to a group of questions", "Age in years: not sure", "Sections"]
    spanish = ["Preguntas de la autoevaluación", "Ir a un grupo de preguntas", "Edad en años: no lo sé", "Secciones"]
    assert [any(p.match(n) for p in ENGLISH) for n in english + spanish] == [True] * 4 + [False] * 4


def _spoken_name(widget: QWidget) -> str:
    """What a screen reader says for it: its accessible name, or a button's own words."""
    name = widget.accessibleName().strip()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "").strip()
    return name


def _english_question_words() -> set[str]:
    """The question bank's labels and group titles in English where the Spanish differs."""
    from explainer.content import load_questions
    from explainer.translations import speaking_language

    with speaking_language("en"):
        english = load_questions()
    with speaking_language("es"):
        spanish = load_questions()
    pairs = [(e.label, s.label) for e, s in zip(english.questions, spanish.questions, strict=True)]
    pairs += [(e.title, s.title) for e, s in zip(english.groups, spanish.groups, strict=True)]
    return {e for e, s in pairs if e != s and " " in e}  # a lone word may be an abbreviation both use (eGFR)


# ---------------------------------------------------------------- windows

@pytest.fixture
def window(spanish, main_window, qtbot):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


@pytest.fixture
def record_window(spanish, qtbot, monkeypatch, no_connections):
    from explainer.app import build_frame
    from explainer.ui import study_records

    frame = shown_window(qtbot, build_frame)
    said: list[str] = []
    monkeypatch.setattr(study_records.RecordProblem, "ask",
                        classmethod(lambda cls, parent, title, sentence: said.append(sentence)))
    shown = frame.study_records.open_path(SAMPLE)
    assert said == [] and shown is not None
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


# ---------------------------------------------------------------- menus by their letters

def _menus(window) -> list[QMenu]:
    return [a.menu() for a in window.menuBar().actions() if a.menu()]


def _all_menus(window) -> list[QMenu]:
    """The menu bar's menus and every menu inside them (View > Idioma)."""
    found, todo = [], _menus(window)
    while todo:
        menu = todo.pop(0)
        found.append(menu)
        todo += [a.menu() for a in menu.actions() if a.menu()]
    return found


def _letter_key(text: str) -> Qt.Key:
    letter = mnemonic(text)
    assert letter is not None and letter.isascii() and letter.isalpha(), text
    return Qt.Key(Qt.Key.Key_A + ord(letter) - ord("a"))


def _open_menu(qtbot, window, path: list[QMenu]) -> QMenu:
    """Alt+letter opens the menu bar's menu, then each submenu's letter its submenu."""
    window.activateWindow()  # offscreen: keys reach the active window only
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, _letter_key(path[0].title()), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is path[0])
    for sub in path[1:]:
        qtbot.keyClick(QApplication.activePopupWidget(), _letter_key(sub.title()))
        qtbot.waitUntil(lambda sub=sub: QApplication.activePopupWidget() is sub)
    return path[-1]


def _path_to(window, menu: QMenu) -> list[QMenu]:
    for top in _menus(window):
        if top is menu:
            return [top]
        for action in top.actions():
            if action.menu() is menu:
                return [top, menu]
    raise AssertionError(menu.title())


def _close_menus(qtbot) -> None:
    """Escape, as a person leaves a menu, until none is open."""
    for _ in range(4):
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    QApplication.processEvents()


def _check_letters(window, qtbot) -> dict[str, list[str]]:
    """Each menu's letters pressed as a person presses them: which item each one chose.
    The items' own work is taken out first (every slot of their ``triggered`` is
    disconnected: the window is thrown away after the test), so only the choice is seen."""
    got: list[str] = []
    for menu in _all_menus(window):
        for action in menu.actions():
            try:
                action.triggered.disconnect()
            except (RuntimeError, TypeError):
                pass  # nothing was connected
            action.triggered.connect(lambda _checked=False, a=action: got.append(a.text()))
    chosen: dict[str, list[str]] = {}
    for menu in _all_menus(window):
        assert shared_letters([a.text() for a in menu.actions() if not a.isSeparator()]) == [], menu.title()
        for action in [a for a in menu.actions() if not a.isSeparator() and mnemonic(a.text())]:
            opened = _open_menu(qtbot, window, _path_to(window, menu))
            got.clear()
            qtbot.keyClick(opened, _letter_key(action.text()))
            if action.menu() is not None:  # a submenu: its letter opens it
                qtbot.waitUntil(lambda action=action: QApplication.activePopupWidget() is action.menu())
            else:
                qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)  # chosen: the menu closes
                assert got == [action.text()], (menu.title(), action.text(), got)
            chosen.setdefault(menu.title(), []).append(action.text())
            _close_menus(qtbot)
    return chosen


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen pop-ups
def test_each_letter_of_the_main_window_s_menus_chooses_its_own_item(window, qtbot) -> None:
    assert shared_letters([m.title() for m in _menus(window)]) == []
    chosen = _check_letters(window, qtbot)
    assert chosen["&Archivo"][:3] == ["&Abrir respuestas…", "&Guardar respuestas…", "&Borrar mis respuestas…"]
    assert len(chosen["&Archivo"]) == 11  # the self-check's three, then the window's eight
    assert chosen["&Ver"] == ["Colores de &alto contraste", "&Idioma"]
    assert chosen["&Idioma"] == ["&English", "E&spañol"]


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen pop-ups
def test_each_letter_of_a_record_window_s_menus_chooses_its_own_item(record_window, qtbot) -> None:
    assert shared_letters([m.title() for m in _menus(record_window)]) == []
    chosen = _check_letters(record_window, qtbot)
    assert chosen["&Archivo"] == ["&Guardar PDF para su médico…", "&Imprimir…", "Guardar el resumen como página &web…",
                                  "&Cerrar este estudio"]
    assert record_window.isVisible()  # "Cerrar" was chosen, its work taken out


# ---------------------------------------------------------------- Tab stops: Spanish names, a ring

def _tab_round(window, start: QWidget, qtbot, limit: int = 600) -> list[QWidget]:
    """Tab pressed from ``start`` until the focus comes back to it."""
    start.setFocus()
    chain: list[QWidget] = []
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            return chain
        chain.append(focused)
    pytest.fail(f"Tab never came back: trapped in {type(chain[-1]).__name__}")


def _ring_shown(widget: QWidget, colour: str) -> bool:
    """The focus ring, in the theme's focus colour, is drawn on the widget's left edge
    (the cycle grid draws its own around the focused day: the picture's focus colour)."""
    image = widget.grab().toImage()
    if isinstance(widget, CycleGrid):
        ring = QColor(PICTURE["focus"]).rgb()
        return any(image.pixel(x, y) == ring for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
    ring = QColor(colour)
    return any(QColor.fromRgb(image.pixel(x, image.height() // 2)) == ring for x in range(0, 3))


def _name_problems(chain: list[QWidget], question_words: set[str]) -> list[str]:
    problems = []
    for widget in dict.fromkeys(chain):
        name = _spoken_name(widget)
        what = f"{type(widget).__name__} '{name[:50]}'"
        if not name:
            problems.append(f"{what}: no name")
        elif any(p.match(name) for p in ENGLISH):
            problems.append(f"{what}: an English name")
        elif any(re.search(rf"(?<!\w){re.escape(words)}(?!\w)", name) for words in question_words):
            problems.append(f"{what}: a question's English words")
    return problems


def _ring_problems(chain: list[QWidget], colour: str, qtbot) -> tuple[list[str], set[str]]:
    """Each kind of control once: focused by Tab again, its ring looked for."""
    missing, kinds = [], {}
    for widget in chain:
        kinds.setdefault(type(widget).__name__, widget)
    for kind, widget in kinds.items():
        if not isinstance(widget, RINGED):
            missing.append(f"{kind}: no ring in the style sheet")
            continue
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        if not _ring_shown(widget, colour):
            missing.append(f"{kind} '{_spoken_name(widget)[:40]}': no ring drawn")
    return missing, set(kinds)


def test_every_tab_stop_of_every_section_has_a_spanish_name_and_a_ring(window, qtbot) -> None:
    question_words = _english_question_words()
    assert len(question_words) > 20
    problems, kinds = {}, set()
    for row, page_id in enumerate(window.section_ids()):
        window.navigator.setCurrentRow(row)
        chain = _tab_round(window, window.navigator, qtbot)
        page = window.stack.currentWidget()
        assert any(page.isAncestorOf(w) for w in chain), page_id
        names = _name_problems(chain, question_words)
        rings, seen = _ring_problems(chain, window.theme.colours.focus, qtbot)
        kinds |= seen
        if names or rings:
            problems[page_id] = names + rings
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
    assert {"QPushButton", "QCheckBox", "QRadioButton", "QLineEdit", "QComboBox", "LinkLabel"} <= kinds


def test_every_tab_stop_of_a_record_window_has_a_spanish_name_and_a_ring(record_window, qtbot) -> None:
    from explainer.ui.theme import NORMAL

    problems = {}
    for row in range(record_window.navigator.count()):  # every page, the check of the entry rules last
        record_window.navigator.setCurrentRow(row)
        chain = _tab_round(record_window, record_window.navigator, qtbot)
        assert any(record_window.stack.currentWidget().isAncestorOf(w) for w in chain), row
        names = _name_problems(chain, set())
        rings, _kinds = _ring_problems(chain, NORMAL.focus, qtbot)
        if names or rings:
            problems[row] = names + rings
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
