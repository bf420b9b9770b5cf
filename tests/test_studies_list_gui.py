"""The list of studies kept on this computer (issue 16, item 3): each status with the
date its record last changed, the copy's date, and a plain warning under the title
when the copy is more than 30 days old; at 250% text on a 1280 px screen the list
fits, nothing is cut off, and it fits again when the text size changes while it is
open (Ctrl+plus pressed in the list). The list shows each study's self-check state
from the answers its "Check the entry rules" page keeps: not started, the counts in the
comparison's words, or that the kept answers could not be read (the list still opens)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from explainer.app import build_frame
from explainer.core.answers import CriterionAnswer, new_answers_file, to_json_text
from explainer.core.study_check import study_rules, words_fingerprint
from explainer.files import private_folder, write_atomically
from explainer.records_io import read_studies
from explainer.study_words_io import compare_words, study_words
from explainer.ui.record_check import draft_path
from explainer.ui.studies_list import COLUMNS, StudiesListDialog
from tests.conftest import FIXTURES
from tests.test_large_text_gui import _cut_off, _zoom_to
from tests.test_record_check_gui import click, open_check
from tests.windows import shown_window

CTGOV = FIXTURES / "ctgov"
KEPT = ("NCT04267848", "NCT00973089", "NCT02576665", "NCT06388018")
K = study_words().kept
ANSWERED, DAMAGED = "NCT00973089", "NCT06388018"   # a kept draft with answers; one that cannot be read
DAMAGED_DRAFT = b'{"format": "trial-explainer-answers", "version": 1, "trial": "NCT06'


def write_drafts() -> None:
    """As the check page keeps them: NCT00973089 (5 needed, 3 keep-out items) answered
    yes, yes to two needed items and no, yes to two keep-out items, plus one answer given
    for other words of the third needed item (the page ignores it: the item stays open)."""
    items = {item.id: item for item in study_rules(read_studies(CTGOV / f"{ANSWERED}.json")[0])[0]}
    given = {"inc-1": "yes", "inc-2": "yes", "exc-1": "no", "exc-2": "yes"}
    criteria = {key: CriterionAnswer(answer=value, words=words_fingerprint(items[key])) for key, value in given.items()}
    criteria["inc-3"] = CriterionAnswer(answer="no", words="0" * 16)
    answers = new_answers_file(ANSWERED, dt.date(2026, 12, 1), criteria=criteria)
    private_folder(draft_path(ANSWERED).parent)
    write_atomically(draft_path(ANSWERED), to_json_text(answers))
    write_atomically(draft_path(DAMAGED), DAMAGED_DRAFT)   # cut off half-way


@pytest.fixture
def frame(qtbot):
    window = shown_window(qtbot, build_frame)
    for nct_id in KEPT:
        window.study_records.open_path(CTGOV / f"{nct_id}.json").close()
    write_drafts()   # after the windows closed: each list below reads them as kept
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


def test_the_self_check_column_says_each_studys_kept_answers(frame, qtbot) -> None:
    listed = rows(shown_list(frame, qtbot, dt.date(2026, 12, 5)))
    words = compare_words()
    assert COLUMNS[4] == "Self-\ncheck"
    # inc-1, inc-2 (yes) and exc-1 (no) seem met; exc-2 (yes) seems not met; the other 4 are open.
    assert listed[ANSWERED][4] == words.check_counts.format(met=3, open=4, not_met=1)
    assert listed[ANSWERED][4] == "Seem met: 3. Still open: 4. Seem not met: 1."
    assert listed[DAMAGED][4] == K.answers_unreadable == "Answers could not be read"
    assert listed["NCT04267848"][4] == listed["NCT02576665"][4] == words.check_not_started == "Not started"
    assert draft_path(DAMAGED).read_bytes() == DAMAGED_DRAFT   # the list only reads: the page moves it aside
    shown = " ".join(text for row in listed.values() for text in row).casefold()
    assert "eligible" not in shown and "match" not in shown


def test_answers_given_on_the_check_page_show_in_the_list(frame, qtbot) -> None:
    """One answer clicked on the record window's check page: the list counts it."""
    page = open_check(frame, qtbot, "NCT04267848")
    click(qtbot, page.rows["inc-2"].choice.buttons["yes"])
    qtbot.waitUntil(lambda: draft_path("NCT04267848").exists(), timeout=3000)
    page.window().close()
    listed = rows(shown_list(frame, qtbot, dt.date(2026, 12, 5)))
    # 24 rules: inc-1 only explains a word, so it is counted in none
    assert listed["NCT04267848"][4] == compare_words().check_counts.format(met=1, open=23, not_met=0)


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


def test_numbers_kept_for_every_study_count_in_the_list_as_on_the_page(frame, qtbot) -> None:
    """The numbers live in the shared file, not in a study's draft (explainer.ui.carried):
    the list counts them as the check page does (platelets 150 ×10⁹/L meets inc-21)."""
    from explainer.content import load_questions
    from explainer.core.answers import AnswerGiven
    from explainer.ui.carried import SharedAnswers

    bank = load_questions()
    numbers = bank.answers_model.model_validate({"platelets": {"value": 150, "unit": "10^9/L"}})
    SharedAnswers().save(new_answers_file("NCT05147467", dt.date(2026, 12, 1), numbers,
                                          given={"platelets": AnswerGiven(trial="NCT05147467", on=dt.date(2026, 12, 1))}))
    listed = rows(shown_list(frame, qtbot, dt.date(2026, 12, 5)))
    assert listed["NCT04267848"][4] == compare_words().check_counts.format(met=1, open=23, not_met=0)
    page = open_check(frame, qtbot, "NCT04267848")  # the page opens with the same number, and says so
    assert page.rows["inc-21"].result.text().startswith("✓ Seems met")
