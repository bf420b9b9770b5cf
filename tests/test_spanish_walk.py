"""The whole app in Spanish shows no English outside the registry's quoted words
(issue 19): every widget, action, tooltip, status tip, screen-reader name and page a
person meets, after switching to Spanish, is checked for English-only words.

The walk goes where a person goes: every section of the main window; the self-check
with a real answers file opened from File (so the results page has reasons, counts
and next steps) and some answers given by clicking; the timeline with a first day
chosen (the grid's every day and its details, the clinic list); every menu item
triggered, with each dialog it opens read (a dialog's exec() and the file dialogs
return at once, so nothing blocks) and each message box's words; a file that is not
an answers file and one that is not a study record (their warnings); and a study
record window for every sample record, each of its pages, its check page with
answers given, and its own menus.

The detector: a text with an English-only word (ENGLISH_ONLY) is English unless it
is the registry's own words, compared letter by letter with the records' text
(marks, bullets, symbols and Markdown escapes aside; a quote cut short may end
mid-word). Real English is never let through by a list of exceptions.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = sorted((FIXTURES / "ctgov").glob("NCT*.json"))
MENUS_OF = {"NCT00184067", "NCT04431453"}  # record windows whose menu items are all chosen
# Words that are English and never Spanish: a text holding one is English.
ENGLISH_ONLY = frozenset("""
the and you source sources your of to is are this with for what not will can if or be have has does it on at from how when
who which about more should page open save print help file view answer answers questions question study
yes please choose show these those they their them there here back next start close cancel
day days maybe week weeks cycle cycles treatment screening follow your see read seems met rules rule
month months year years years old age weight blood test result results doctor nurse study's
was were been by in into than that also only other people new taking take need needs must could would
because while after before each every first last any all get gets got did done make made kept keep
we our its don't can't isn't doesn't between under over only some most less
""".split())
# Links the app adds after a registry sentence, and source names cited as they are.
NOT_PART_OF_A_QUOTE = re.compile(r"(?:Mostrar|Ver|Ocultar) las palabras del registro"
                                 r"|NCI Dictionary of Cancer Terms|\(texto del registro, en inglés\):?")
# Names and marks that are the same in both languages: web and e-mail addresses, study
# numbers, file paths and file patterns (a file's name is the person's, or a suggestion),
# and the Latin medicine writes in both ("in situ").
SAME_IN_BOTH = re.compile(r"https?://\S+|NCT\d{8}|ClinicalTrials\.gov|[\w.+-]+@[\w.-]+|\bin situ\b"
                          r"|(?:/[\w.@+-]+){2,}|(?<!\w)\*?\.[A-Za-z]+(?:\.[A-Za-z]+)*")
SPLIT = re.compile(r"(?<=[.!?:;])\s+|\n|\u2022|\u2029|[\u201c\u201d\"]")


def english_words(text: str) -> list[str]:
    # Whole words, accented letters included ("allí" is not "all").
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*", SAME_IN_BOTH.sub(" ", text))
    return [word for word in words if word.lower() in ENGLISH_ONLY]


def strings_in(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in strings_in(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings_in(value)]
    return []


def words_only(text: str) -> str:
    """Letters and digits only, lower case, one space between: a quote matches its record
    whatever the marks around it (quote marks, bullets, Markdown escapes, entities,
    symbols such as >= or ≥, which the app may show either way)."""
    return " " + " ".join(re.sub(r"[^0-9a-z]+", " ", html.unescape(text).lower()).split()) + " "


def registry_text() -> str:
    """Every word of the records the test opens: the registry's words stay English."""
    seed = (FIXTURES / "registry_record_NCT04883242.txt").read_text(encoding="utf-8")
    texts = [seed.replace("\\", "")]
    for record in SAMPLES:
        texts += strings_in(json.loads(record.read_text(encoding="utf-8")))
    return words_only(" ".join(texts))


def quoted(sentence: str, registry: str, cut: bool = False) -> bool:
    """The sentence is the registry's words. ``cut``: the text it ends may have been cut
    short (a screen-reader description has a length cap), so its last word may be part
    of a word of the record."""
    words = words_only(sentence)
    return words in registry or (cut and words.rstrip() in registry)


def english_outside_quotes(where_texts: list[tuple[str, str]], registry: str) -> list[str]:
    flagged = []
    for where, text in where_texts:
        # Tags out first, then entities read ("&lt;" is "<", never the end of a sentence).
        # A line break or a paragraph stays a break (a list the app shows as lines).
        lines = re.sub(r"<br\s*/?>|</?(?:p|li|h\d|div|tr)\b[^<>]*>", "\n", text)
        plain = NOT_PART_OF_A_QUOTE.sub("\n", html.unescape(re.sub(r"</?[A-Za-z][^<>]*>", " ", lines)))
        sentences = [" ".join(s.split()).strip(" ()") for s in SPLIT.split(plain)]
        last = max((i for i, s in enumerate(sentences) if s), default=-1)
        for index, sentence in enumerate(sentences):
            found = english_words(sentence)
            if found and not quoted(sentence, registry, cut=index == last):
                flagged.append(f"{where}: {sentence[:160]} [{' '.join(found)}]")
    return flagged


# ---------------------------------------------------------------- what a window shows

ROLES = ("DisplayRole", "ToolTipRole", "StatusTipRole", "WhatsThisRole", "AccessibleTextRole",
         "AccessibleDescriptionRole")


def model_texts(model, where: str) -> list[tuple[str, str]]:
    """Every cell (and its tips) of an item view's model, tree rows included, and its headers."""
    from PySide6.QtCore import QModelIndex, Qt

    found: list[tuple[str, str]] = []
    roles = [getattr(Qt.ItemDataRole, role) for role in ROLES]

    def columns(parent: QModelIndex) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model's columnCount is private in the binding: one column
            return 1

    def children(index: QModelIndex) -> int:
        try:
            return model.rowCount(index)
        except TypeError:
            return 0

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                found.extend((f"{where} cell", str(value)) for role in roles
                             if isinstance(value := model.data(index, role), str))
                if column == 0 and parent == QModelIndex() and children(index) > 0:
                    walk(index)

    walk(QModelIndex())
    for orientation, count in ((Qt.Orientation.Horizontal, columns(QModelIndex())),
                               (Qt.Orientation.Vertical, model.rowCount())):
        for section in range(count):
            for role in roles:
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    found.append((f"{where} header", value))
    return found


def widget_texts(widget) -> list[tuple[str, str]]:
    """The words one widget shows or names (not its children's)."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QGroupBox,
                                   QLabel, QLineEdit, QMenu, QMessageBox, QPlainTextEdit, QTabWidget, QTextEdit)

    where = f"{type(widget).__name__} {widget.objectName()}"
    found = [(f"{where} name", widget.accessibleName()), (f"{where} description", widget.accessibleDescription()),
             (f"{where} tooltip", widget.toolTip()), (f"{where} status tip", widget.statusTip()),
             (f"{where} what's this", widget.whatsThis())]
    if widget.isWindow():
        found.append((f"{where} title", widget.windowTitle()))
    if isinstance(widget, (QLabel, QAbstractButton)):
        found.append((where, widget.text()))
    elif isinstance(widget, QGroupBox):
        found.append((where, widget.title()))
    elif isinstance(widget, QMenu):
        found.append((where, widget.title()))
    elif isinstance(widget, QLineEdit):
        found += [(f"{where} placeholder", widget.placeholderText()), (where, widget.text())]
    elif isinstance(widget, QAbstractSpinBox):
        found += [(where, widget.text()), (where, widget.specialValueText())]
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        found += [(where, line) for line in widget.toPlainText().splitlines()]
        found.append((f"{where} placeholder", widget.placeholderText()))
    elif isinstance(widget, QTabWidget):
        found += [(where, text) for i in range(widget.count()) for text in (widget.tabText(i), widget.tabToolTip(i))]
    if isinstance(widget, QComboBox):
        found += model_texts(widget.model(), where)
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        found += model_texts(widget.model(), where)
    if isinstance(widget, QMessageBox):
        found += [(where, widget.text()), (where, widget.informativeText()), (where, widget.detailedText())]
    return found


def texts_of(window) -> list[tuple[str, str]]:
    """(where, text) for every word the window (or dialog) and all its children show or
    name, hidden ones too (a screen reader or a later step shows them), and every action's
    text, tooltip and status tip."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    found: list[tuple[str, str]] = []
    for widget in [window, *window.findChildren(QWidget)]:
        found += widget_texts(widget)
    for action in window.findChildren(QAction):
        found += [("action", action.text()), ("action tooltip", action.toolTip()),
                  ("action status tip", action.statusTip()), ("action what's this", action.whatsThis())]
    if hasattr(window, "statusBar"):
        found.append(("status bar", window.statusBar().currentMessage()))
    return [(where, text) for where, text in found if text and text.strip()]


def menu_actions(window) -> list:
    """Every item of every menu of the window's menu bar, submenus included, in order."""
    found = []

    def walk(menu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu())
    return found


class Dialogs:
    """Every dialog and message box the app opens, read as it opens and never waited on:
    exec() returns "cancelled" at once, the file dialogs give back ``open_path`` (None:
    cancelled) or a file in ``folder`` to save to; dialogs opened with open() or show()
    are read after the step that opened them, then closed."""

    def __init__(self, monkeypatch, folder: Path) -> None:
        from PySide6.QtPrintSupport import QPrintDialog
        from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

        self.seen: list[tuple[str, str]] = []
        self.open_path: Path | None = None
        self.folder = folder
        for kind in (QDialog, QMessageBox, QPrintDialog, QFileDialog):
            monkeypatch.setattr(kind, "exec", lambda dialog: self._exec(dialog))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(self._open))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._save))

    def _exec(self, dialog) -> int:
        self.read(dialog)
        return 0

    def read(self, dialog) -> None:
        self.seen += [(f"dialog {type(dialog).__name__}: {where}", text) for where, text in texts_of(dialog)]

    def _file_words(self, caption: str, file_filter: str) -> None:
        self.seen += [("file dialog title", caption), ("file dialog filter", file_filter)]

    def _open(self, _parent, caption: str = "", _folder: str = "", file_filter: str = "", *_args, **_kw):
        self._file_words(caption, file_filter)
        path, self.open_path = self.open_path, None
        return (str(path), "") if path is not None else ("", "")

    def _save(self, _parent, caption: str = "", suggested: str = "", file_filter: str = "", *_args, **_kw):
        self._file_words(caption, file_filter)
        return str(self.folder / Path(suggested).name), ""

    def read_open_windows(self, keep: set) -> None:
        """Dialogs shown without exec() (the studies list, the comparison): read, then closed."""
        from PySide6.QtWidgets import QApplication, QDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget not in keep:
                self.read(widget)
                widget.close()


def trigger_every_menu_item(qtbot, window, dialogs: Dialogs, skip: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each menu item as a person chooses it (but Quit, Close and another language): its
    dialogs read, and what the window says after it (its status bar)."""
    from PySide6.QtWidgets import QApplication

    seen: list[tuple[str, str]] = []
    keep = set(QApplication.topLevelWidgets())
    for action in menu_actions(window):
        if action.text() in skip or not action.isEnabled():
            continue
        action.trigger()
        QApplication.processEvents()
        dialogs.read_open_windows(keep)
        seen += [(f"after {action.text()}: {where}", text) for where, text in texts_of(window)
                 if where == "status bar"]
        if action.isCheckable() and action.isChecked() and "contrast" in action.objectName() + action.text():
            action.trigger()  # the colours back as they were
    return seen


def report(flagged: list[str]) -> str:
    unique = sorted(set(flagged))
    return f"{len(unique)} English texts, e.g.:\n" + "\n".join(unique[:120])


# ---------------------------------------------------------------- the main window

def give_some_answers_by_clicking(qtbot, check) -> None:
    """A few answers given the way a person gives them: a 'Not sure', a 'No' and a number typed."""
    from PySide6.QtCore import QPoint, Qt

    rows = check.questionnaire
    for key, value in (("heart_disease", "no"), ("flc_ratio_abnormal", "yes")):
        button = rows.row(key).input.buttons[value]
        rows.ensureWidgetVisible(button)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    field = rows.row("platelets").input.field
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "45")


@pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")
def test_the_whole_main_window_in_spanish_shows_no_english(qtbot, spanish, monkeypatch, tmp_path,
                                                            no_connections) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from explainer.app import build_main_window
    from explainer.ui import study_records
    from explainer.ui.self_check import ReplaceAnswersDialog
    from tests.windows import shown_window

    dialogs = Dialogs(monkeypatch, tmp_path)
    monkeypatch.setattr(ReplaceAnswersDialog, "ask", classmethod(lambda cls, parent: True))
    window = shown_window(qtbot, build_main_window)
    registry = registry_text()
    seen: list[tuple[str, str]] = []

    # An answers file opened from File > Open answers, then a few answers changed by hand.
    open_answers = next(a for a in menu_actions(window) if a.text() == "&Abrir respuestas…")
    dialogs.open_path = FIXTURES / "full.answers.json"
    open_answers.trigger()
    assert window.session.answers.answers.age_years == 64
    window.show_section("self-check")
    give_some_answers_by_clicking(qtbot, window.self_check)
    window.self_check.summary.see_results.click()
    QApplication.processEvents()
    results = " ".join(window.self_check.results.browser.toPlainText().split())
    for part in ("Por qué:", "requisitos parecen ajustarse a sus respuestas", "Pregunte a su médico"):
        assert part in results  # reasons, counts and next steps

    # The timeline with a first day: every day of the first cycles focused in the grid.
    window.show_section("timeline")
    view = window.timeline
    view.personal.set_start(dt.date(2027, 1, 4))
    assert view.personal.clinic_list.count() > 0
    for index in range(view.choice.count()):
        view.choice.setCurrentIndex(index)
        view.grid.setFocus()
        qtbot.keyClick(view.grid, Qt.Key.Key_Home)
        for column in range(len(view.grid.cycle.days)):
            seen += [("day details", view.day_line.text()), ("day tooltip", view.grid.tooltip_for(column)),
                     ("cycle", view.caption.text()), ("cycle totals", view.totals.text())]
            qtbot.keyClick(view.grid, Qt.Key.Key_Right)
        seen += [("month over the grid", " ".join(words))
                 for _x, words, _room in view.grid.month_labels(view.grid.grid_geometry())]
    seen += texts_of(window)

    for row in range(window.navigator.count()):  # every section, as a person would open it
        window.navigator.setCurrentRow(row)
        QApplication.processEvents()
        seen += texts_of(window)

    # Two records looked at, so the studies list and the comparison have rows.
    monkeypatch.setattr(study_records.RecordProblem, "ask", classmethod(lambda *args: None))
    for sample in SAMPLES[:2]:
        window.study_records.open_path(sample).close()
    window.activateWindow()
    seen += trigger_every_menu_item(qtbot, window, dialogs, skip=("Sa&lir", "&English", "E&spañol"))
    # A study number typed wrong in the download dialog (nothing goes online): what it says.
    from explainer.ui.download_dialog import DownloadDialog

    download = DownloadDialog(window.study_records, window)
    qtbot.addWidget(download)
    download.show()
    for typed in ("hello", "NCT123"):
        download.number.setFocus()
        download.number.selectAll()
        qtbot.keyClicks(download.number, typed)
        qtbot.keyClick(download.number, Qt.Key.Key_Return)
        assert download.message.text()
        seen += [("download dialog", download.message.text()),
                 ("download dialog", download.message.accessibleDescription())]
    download.close()
    # Files that are not what they should be: their warnings.
    bad = tmp_path / "not-answers.json"
    bad.write_text("{ not json", encoding="utf-8")
    for title in ("&Abrir respuestas…", "Abrir un &registro de estudio…"):
        dialogs.open_path = bad
        next(a for a in menu_actions(window) if a.text() == title).trigger()
    # At start the app offers back the answers it kept (the draft), and says when it cannot read them.
    for draft in ("kept", "damaged"):
        if draft == "kept":
            window.self_check.draft.save(window.session.answers)
        else:
            window.self_check.draft.path.write_text("{ damaged", encoding="utf-8")
        before = len(dialogs.seen)
        window.self_check.offer_draft()
        assert len(dialogs.seen) > before, f"the {draft} answers' message box was read"
    monkeypatch.undo()
    said: list[str] = []
    monkeypatch.setattr(study_records.RecordProblem, "ask",
                        classmethod(lambda cls, parent, title, sentence: said.extend((title, sentence))))
    window.study_records.open_path(bad)
    assert said
    seen += [("record problem", text) for text in said] + dialogs.seen

    assert english_outside_quotes(seen, registry) == [], report(english_outside_quotes(seen, registry))


# ---------------------------------------------------------------- any study's record windows

def answer_the_check_page(qtbot, page) -> None:
    """Some answers, as a person gives them: Yes, No and Not sure in turn on the first
    items; a number in each number box it asks (a made-up one: 20)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QApplication

    def click(button) -> None:
        page.ensureWidgetVisible(button)
        QApplication.processEvents()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))

    choices = [row.choice for row in page.rows.values() if row.choice is not None][:6]
    for number, choice in enumerate(choices):
        click(list(choice.buttons.values())[number % len(choice.buttons)])
    for _row, answer in list(page.bank_inputs().values())[:8]:
        field = getattr(answer, "field", None)
        if field is not None:
            page.ensureWidgetVisible(field)
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, "20")
        elif getattr(answer, "buttons", None):
            click(next(iter(answer.buttons.values())))
    QApplication.processEvents()


@pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")
def test_every_sample_record_in_spanish_shows_no_english_but_its_own_words(qtbot, spanish, no_connections,
                                                                          monkeypatch, tmp_path) -> None:
    """Any record's pages, made by the app: every page of every sample record, its check
    page answered (numbers carried from one record to the next), and its menus."""
    from PySide6.QtWidgets import QApplication

    from explainer.app import build_frame
    from explainer.ui import study_records
    from tests.windows import shown_window

    monkeypatch.setattr(study_records.RecordProblem, "ask", classmethod(lambda *args: None))
    dialogs = Dialogs(monkeypatch, tmp_path)
    frame = shown_window(qtbot, build_frame)
    registry = registry_text()
    flagged = []
    for path in SAMPLES:
        shown = frame.study_records.open_path(path)
        assert shown is not None, path.name
        seen: list[tuple[str, str]] = []
        for row in range(shown.navigator.count()):
            shown.navigator.setCurrentRow(row)
            QApplication.processEvents()
            seen += texts_of(shown)
        answer_the_check_page(qtbot, shown.check_page)
        seen += texts_of(shown)
        if path.stem in MENUS_OF:  # the same menus in every record window: two are enough
            seen += trigger_every_menu_item(qtbot, shown, dialogs, skip=("&Cerrar este estudio",))
        seen += dialogs.seen
        dialogs.seen = []
        flagged += [f"{path.stem} {line}" for line in english_outside_quotes(seen, registry)]
        shown.close()
    flagged += english_outside_quotes(texts_of(frame), registry)
    assert flagged == [], report(flagged)


# ---------------------------------------------------------------- the detector itself

@pytest.mark.parametrize(("text", "english"), [
    ("Sus respuestas se quedan en esta computadora.", False),
    ("Your answers stay on this computer.", True),
    ("al menos 14 days", True),
    ("Platelets >= 50,000/uL", False),  # the registry's sentence, as written
    ("Platelets \u2265 50,000/uL", False),  # the same with the symbol the app may show
    ("Palabra por palabra (texto del registro, en inglés): Platelets >= 50,000/uL", False),
    ("Platelets >= 50,000/uL and you should ask", True),  # English added to a quote
    ("Vea NCT05911321 en ClinicalTrials.gov", False),
    ("Elija un país para ver un lugar allí, en cada estudio.", False),  # "allí" is not "all"
    ("The study's team decides.", True),
    ("\u2022 Platelets >= 50,000/uL", False),
])
def test_the_detector_flags_english_and_passes_the_registry_s_words(text: str, english: bool) -> None:
    assert bool(english_outside_quotes([("here", text)], registry_text())) is english


def test_a_cut_quote_passes_only_at_the_end_of_a_text() -> None:
    registry = registry_text()
    assert english_outside_quotes([("here", "Pregunta. Carfilzomib may stop the grow")], registry) == []
    assert english_outside_quotes([("here", "Carfilzomib may stop the grow. Pregunta.")], registry) != []
