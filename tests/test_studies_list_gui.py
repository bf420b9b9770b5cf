"""The list of studies kept on this computer (issue 16, item 3): each status with the
date its record last changed, the copy's date, and a plain warning under the title
when the copy is more than 30 days old; at 250% text on a 1280 px screen the list
fits, nothing is cut off, and it fits again when the text size changes while it is
open (Ctrl+plus pressed in the list)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from explainer.app import build_frame
from explainer.study_words_io import study_words
from explainer.ui.studies_list import COLUMNS, StudiesListDialog
from tests.conftest import FIXTURES
from tests.test_large_text_gui import _cut_off, _zoom_to
from tests.windows import shown_window

CTGOV = FIXTURES / "ctgov"
KEPT = ("NCT04267848", "NCT00973089", "NCT02576665", "NCT06388018")
K = study_words().kept


@pytest.fixture
def frame(qtbot):
    window = shown_window(qtbot, build_frame)
    for nct_id in KEPT:
        window.study_records.open_path(CTGOV / f"{nct_id}.json").close()
    window.activateWindow()   # the record windows took the focus: Ctrl+plus goes to the main window again
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    yield window
    window.zoom.reset()


def rows(dialog) -> dict[str, list[str]]:
    table = dialog.table
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(len(COLUMNS))]
            for r in range(table.rowCount())}


def shown_list(frame, qtbot, today: dt.date) -> StudiesListDialog:
    dialog = StudiesListDialog(frame.study_records, frame, today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_each_status_has_its_date_and_old_copies_are_said_under_the_title(frame, qtbot) -> None:
    # September 30, 2025: the big record's copy (September 11, 2025) is recent, the rest are old.
    listed = rows(shown_list(frame, qtbot, dt.date(2025, 9, 30)))
    big, withdrawn, partial = listed["NCT04267848"], listed["NCT00973089"], listed["NCT02576665"]
    overall = study_words().status.overall
    assert big[2] == K.status_dated.format(status=overall["RECRUITING"].short, date="September 10, 2025")
    assert big[3] == "September 11, 2025" and "\n" not in big[1]   # recent: no warning
    assert withdrawn[3] == "January 22, 2024"
    assert withdrawn[1].endswith("\n" + K.old_copy.format(date="January 22, 2024"))
    assert withdrawn[2] == K.status_dated.format(status=overall["WITHDRAWN"].short, date="August 19, 2015")
    # Fetched with a field list: no copy date, no change date; the list says both plainly.
    assert partial[3] == K.no_date and partial[1].endswith("\n" + K.undated_copy_no_update)
    assert partial[2] == K.status_undated.format(status=overall["TERMINATED"].short)


def test_the_menu_opens_the_list_as_of_today(frame, qtbot) -> None:
    frame.study_records.kept_action.trigger()
    dialog = frame.study_records.studies_list
    qtbot.waitExposed(dialog)
    assert dialog.today == dt.date.today()
    assert len(rows(dialog)) == len(KEPT)


def _fits(dialog) -> list[str]:
    """What does not fit: the dialog past the screen, a table wider than its view, a
    row shorter than its wrapped text, or a widget cut off on the right."""
    problems = []
    screen = dialog.screen().availableGeometry()
    if dialog.frameGeometry().width() > screen.width() + 8:   # (offscreen adds a frame)
        problems.append(f"dialog {dialog.frameGeometry().width()} wide on a {screen.width()} px screen")
    table = dialog.table
    header = table.horizontalHeader()
    if header.length() > table.viewport().width() + 1:
        problems.append(f"columns {header.length()} wide in a {table.viewport().width()} px table")
    for r in range(table.rowCount()):
        if table.rowHeight(r) < table.sizeHintForRow(r):
            problems.append(f"row {r} {table.rowHeight(r)} high, needs {table.sizeHintForRow(r)}")
    cells, heads = table.fontMetrics(), header.fontMetrics()
    for c in range(table.columnCount()):
        if c == 1:
            continue  # the title wraps inside the widest column
        words = [w for r in range(table.rowCount()) for w in table.item(r, c).text().split()]
        lines = table.horizontalHeaderItem(c).text().split("\n")
        cut = [w for w in words if cells.horizontalAdvance(w) + 4 > header.sectionSize(c)]
        cut += [h for h in lines if heads.horizontalAdvance(h) + 4 > header.sectionSize(c)]
        if cut:
            problems.append(f"column {c} ({header.sectionSize(c)} px) cuts {cut[:3]}")
    title_width = header.sectionSize(1)
    if title_width < table.viewport().width() / 4:
        problems.append(f"the title column is only {title_width} of {table.viewport().width()} px")
    return problems + _cut_off(dialog, dialog)


def test_at_250_percent_on_a_laptop_the_list_fits(frame, qtbot) -> None:
    assert frame.screen().availableGeometry().size() == QSize(1280, 800)
    _zoom_to(frame, qtbot, 250)
    dialog = shown_list(frame, qtbot, dt.date(2026, 12, 5))
    QApplication.processEvents()
    assert _fits(dialog) == []


def test_the_list_fits_again_when_the_text_grows_while_it_is_open(frame, qtbot) -> None:
    dialog = shown_list(frame, qtbot, dt.date(2026, 12, 5))
    assert _fits(dialog) == []
    small_title = dialog.table.horizontalHeader().sectionSize(0)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    while frame.zoom.percent < 250:   # Ctrl+plus, pressed in the list
        qtbot.keyClick(dialog.table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    QApplication.processEvents()
    assert frame.zoom.percent == 250
    assert dialog.table.horizontalHeader().sectionSize(0) > small_title   # the number column grew with its text
    assert _fits(dialog) == []
    qtbot.keyClick(dialog.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert frame.zoom.percent == 100
