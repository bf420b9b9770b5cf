"""Compare studies in the window (issue 17, item 5): opened by keyboard from the studies
list and from the File menu, a column per study with the aspects as row headers,
accessible cell texts, a place chosen by keyboard, 250% text on a 1280 px screen
(the studies scroll sideways, the aspects stay), and "Save as PDF" read back."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QMenu

from explainer.answers_io import load_answers
from explainer.study_words_io import compare_words
from explainer.ui import compare_view
from explainer.ui.compare_view import ACCESSIBLE_TEXT_ROLE, CompareDialog
from tests.conftest import FIXTURES

CTGOV = FIXTURES / "ctgov"
RECORDS = ("NCT05147467", "NCT00184067", "NCT04267848")   # kept newest first: 04267848, 00184067, 05147467
WORDS = compare_words()


@pytest.fixture
def looked_at(main_window, qtbot, no_connections):
    """The built-in study with the full answers, and three records opened (so kept)."""
    main_window.session.set_answers(load_answers(FIXTURES / "full.answers.json", "NCT04883242"))
    records = main_window.study_records
    for nct_id in RECORDS:
        records.open_path(CTGOV / f"{nct_id}.json")
    for shown in list(records.windows.values()):
        shown.close()
    main_window.activateWindow()
    yield main_window
    main_window.zoom.reset()


def _compare_dialog(qtbot, records) -> CompareDialog:
    qtbot.waitUntil(lambda: getattr(records, "compare_view", None) is not None and records.compare_view.isVisible())
    dialog = records.compare_view
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # offscreen windows are not made active by themselves; keys go to the active one
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_compare_opens_from_the_studies_list_by_keyboard(looked_at, qtbot) -> None:
    records = looked_at.study_records
    records.kept_action.trigger()
    listing = records.studies_list
    qtbot.waitExposed(listing)
    listing.activateWindow()
    qtbot.waitUntil(listing.isActiveWindow)
    assert listing.compare_button.accessibleName()
    qtbot.keyClick(listing.table, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "Co&mpare…"
    dialog = _compare_dialog(qtbot, records)
    table = dialog.table
    headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headings == ["Study NCT04883242", "Study NCT04267848", "Study NCT00184067", "Study NCT05147467"]
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == list(WORDS.aspects.values())
    assert table.accessibleName() == "Studies side by side" and dialog.focusWidget() is table
    # The arrow keys walk the table; each cell names its row and its study for a screen reader.
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert (table.currentRow(), table.currentColumn()) == (1, 1)
    item = table.currentItem()
    assert item.data(ACCESSIBLE_TEXT_ROLE) == f"Status, Study NCT04267848: {item.text()}"
    assert item.text() == "Taking new people"
    checked = dialog.cell("self_check", "NCT04267848")
    assert checked == WORDS.check_counts.format(met=6, open=17, not_met=1)  # inc-1 explains a word: no rule
    assert dialog.cell("not_met", "NCT04883242").startswith("Needed: ")
    assert dialog.cell("visits", "NCT00184067") == WORDS.visits_not_known
    # Nothing is said by colour alone: no cell has a colour of its own.
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            cell = table.item(r, c)
            assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
            assert cell.data(Qt.ItemDataRole.ForegroundRole) is None


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # offscreen: the menu pop-up
def test_compare_is_in_the_file_menu_and_opens_by_keyboard(looked_at, qtbot) -> None:
    records = looked_at.study_records
    assert records.compare_action in looked_at.file_menu.actions()
    assert "&m" in records.compare_action.text()
    qtbot.keyClick(looked_at, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_M)
    dialog = _compare_dialog(qtbot, records)
    assert dialog.table.columnCount() == 4


def test_a_state_chosen_by_keyboard_picks_the_place_shown(looked_at, qtbot) -> None:
    records = looked_at.study_records
    records.compare_action.trigger()
    dialog = _compare_dialog(qtbot, records)
    assert dialog.cell("place", "NCT04883242") == WORDS.place_choose
    qtbot.keyClick(dialog.table, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)   # "&State or region:"
    assert dialog.focusWidget() is dialog.state
    qtbot.keyClicks(dialog.state, "Washington")
    assert dialog.state.currentText() == "Washington"
    assert dialog.cell("place", "NCT04883242").startswith("1 in Washington: Fred Hutch")
    assert dialog.cell("place", "NCT04267848").startswith("36 in Washington. One is: ")
    assert dialog.cell("place", "NCT05147467") == "None in Washington"
    row = list(WORDS.aspects).index("place")
    assert dialog.table.item(row, 0).text().startswith("1 in Washington")  # the table shows it too


def test_at_250_percent_the_studies_scroll_sideways_and_the_aspects_stay(looked_at, qtbot, artifacts) -> None:
    assert looked_at.screen().availableGeometry().size() == QSize(1280, 800)
    records = looked_at.study_records
    records.compare_action.trigger()
    normal = _compare_dialog(qtbot, records)
    normal.grab().save(str(artifacts / "screenshots" / "compare-studies.png"))
    normal.close()
    looked_at.zoom.set_percent(250)
    QApplication.processEvents()
    records.compare_action.trigger()
    qtbot.waitUntil(lambda: records.compare_view is not normal)
    dialog = _compare_dialog(qtbot, records)
    table = dialog.table
    assert dialog.frameGeometry().width() <= 1280
    column = table.horizontalHeader().sectionSize(0)
    assert column >= table.fontMetrics().averageCharWidth() * 25   # a readable column, not squeezed
    assert table.horizontalScrollBar().maximum() > 0                # the rest scrolls sideways
    aspects = table.verticalHeader()
    assert aspects.isVisible() and aspects.width() < dialog.width() / 3
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    QApplication.processEvents()
    assert aspects.isVisible() and aspects.x() < table.viewport().x()  # still at the left
    table.setCurrentCell(list(WORDS.aspects).index("visits"), 0)
    table.scrollToItem(table.currentItem())
    QApplication.processEvents()
    dialog.grab().save(str(artifacts / "screenshots" / "compare-studies-250.png"))
    # A wrapped cell is shown whole: its row is as tall as its text needs.
    row = list(WORDS.aspects).index("visits")
    needed = table.sizeHintForRow(row)
    assert table.rowHeight(row) >= needed


def test_save_as_pdf_writes_the_page(looked_at, qtbot, tmp_path, monkeypatch) -> None:
    out = tmp_path / "compared.pdf"
    monkeypatch.setattr(compare_view.SavePdfDialog, "ask", classmethod(lambda cls, parent: out))
    records = looked_at.study_records
    records.compare_action.trigger()
    dialog = _compare_dialog(qtbot, records)
    qtbot.keyClick(dialog.table, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)   # "Save as &PDF…"
    qtbot.waitUntil(out.exists)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.lstrip().startswith("Studies I looked at")
    for nct_id in ("NCT04883242", "NCT04267848", "NCT00184067", "NCT05147467"):
        assert f"Study {nct_id}" in text
    assert "Saved" in dialog.message.text()
    assert (out.stat().st_mode & 0o777) != 0  # an ordinary file, written whole


# Where the focus is when Enter is pressed, and whether that asks where to save the PDF.
ENTER_PRESSES = [("state", False), ("country", False), ("table", False), ("save_button", True)]


@pytest.mark.parametrize(("focused", "saves"), ENTER_PRESSES)
def test_enter_presses_only_a_focused_button(looked_at, qtbot, monkeypatch, focused, saves) -> None:
    """Picking a state and pressing Enter to confirm it once opened the save dialog."""
    asked = []
    monkeypatch.setattr(compare_view.SavePdfDialog, "ask", classmethod(lambda cls, parent: asked.append(1)))
    records = looked_at.study_records
    records.compare_action.trigger()
    dialog = _compare_dialog(qtbot, records)
    if focused == "state":
        qtbot.keyClick(dialog.table, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)   # "&State or region:"
        qtbot.keyClicks(dialog.state, "Washington")
    widget = getattr(dialog, focused)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert bool(asked) is saves and dialog.isVisible()


def test_each_kept_record_is_checked_with_what_its_own_check_page_holds(looked_at) -> None:
    """Not the main window's answers file: the numbers kept for every study (typed on any
    page) and the record's own item answers (explainer.core.carry.study_answers)."""
    import datetime as dt

    from explainer.content import load_questions
    from explainer.core.answers import AnswerGiven, CriterionAnswer, new_answers_file
    from explainer.core.study_check import study_rules, words_fingerprint
    from explainer.records_io import read_studies
    from explainer.ui.carried import SharedAnswers
    from explainer.ui.record_check import draft_path
    from explainer.ui.self_check import DraftStore

    day = dt.date(2026, 12, 1)
    numbers = load_questions().answers_model.model_validate({"platelets": {"value": 50, "unit": "10^9/L"}})
    SharedAnswers().save(new_answers_file("NCT05147467", day, numbers,
                                          given={"platelets": AnswerGiven(trial="NCT05147467", on=day)}))
    items = {i.id: i for i in study_rules(read_studies(CTGOV / "NCT04267848.json")[0])[0]}
    own = {"inc-2": CriterionAnswer(answer="yes", words=words_fingerprint(items["inc-2"]))}
    DraftStore(draft_path("NCT04267848")).save(new_answers_file("NCT04267848", day, criteria=own))
    facts = {f.nct_id: f for f in compare_view.gather_studies(looked_at)}
    check = facts["NCT04267848"].check
    assert (check.met, check.not_met) == (1, 1)   # inc-2 answered yes; platelets 50 ×10⁹/L below inc-21's limit
    assert [rule.id for rule in check.not_met_rules] == ["inc-21"]
    DraftStore(draft_path("NCT04267848")).save(new_answers_file("NCT04267848", day, criteria=own))
    SharedAnswers().erase()
    only_items = {f.nct_id: f for f in compare_view.gather_studies(looked_at)}["NCT04267848"].check
    assert (only_items.met, only_items.not_met) == (1, 0)   # item answers alone count too
