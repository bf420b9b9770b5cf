"""The record window's "Check the entry rules" page (issue 17, items 1-3 in the window):
every criterion once, answered with real clicks and keys, the results rows from the
same check as ``check --trial RECORD``, the draft kept per study (0600, read back),
the PDF listing the answers, the keyboard and 250% text.

Three sample records: NCT00973089 (8 items, none read as numbers), NCT04431453 (9
items, ALT and AST read), NCT04267848 (25 items, 7 read as numbers)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from explainer.answers_io import load_answers
from explainer.app import build_frame
from explainer.cli import main
from explainer.core.criteria import split_criteria
from explainer.core.eligibility import Status
from explainer.core.escaping import rich_text
from explainer.core.study_check import check_study
from explainer.study_words_io import study_summary_words
from explainer.ui import record_check
from explainer.ui.answer_inputs import ChoiceInput, LabInput
from explainer.ui.carried import shared_path
from explainer.ui.record_check import RecordCheckPage, draft_path
from tests.conftest import FIXTURES
from tests.windows import shown_window, wheel_over

CTGOV = FIXTURES / "ctgov"
FEW, LIVER, MANY = "NCT00973089", "NCT04431453", "NCT04267848"
W = study_summary_words().check


@pytest.fixture
def frame(qtbot):
    return shown_window(qtbot, build_frame)


def open_check(frame, qtbot, nct_id: str) -> RecordCheckPage:
    """The record opened as a patient opens it, then its last section chosen with the keyboard."""
    shown = frame.study_records.open_path(CTGOV / f"{nct_id}.json")
    qtbot.waitExposed(shown)
    shown.activateWindow()  # the window manager's part (offscreen has none): keys go to this window
    qtbot.waitUntil(shown.isActiveWindow)
    shown.navigator.setFocus()
    qtbot.keyClick(shown.navigator, Qt.Key.Key_End)
    page = shown.check_page
    assert shown.stack.currentWidget() is page
    return page


def click(qtbot, widget: QWidget) -> None:
    """A real mouse click where the widget is drawn (after scrolling it into view)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, RecordCheckPage):
        area = area.parentWidget()
    if area is not None:
        area.ensureWidgetVisible(widget)
    QApplication.processEvents()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def result(page: RecordCheckPage, item_id: str) -> str:
    return page.rows[item_id].result.text()


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


# ---------------------------------------------------------------- every item once

@pytest.mark.parametrize("nct_id", [FEW, LIVER, MANY])
def test_every_criterion_is_a_row_once_in_record_order(frame, qtbot, nct_id) -> None:
    page = open_check(frame, qtbot, nct_id)
    items = split_criteria(page.study.criteria or "").items
    assert list(page.rows) == [item.id for item in items]
    for item in items:
        row = page.rows[item.id]
        assert rich_text(item.source.split("\n")[0]) in row.source.text()
        has_number_input = bool(row.inputs) or any(W.asked_above.split("{")[0] in label.text()
                                                   for label in row.findChildren(QLabel))
        if item.explains:  # it says what a word means: nothing to answer (NCT04267848 inc-1)
            assert row.choice is None and not has_number_input, item.id
            assert result(page, item.id) == f"{W.explains} {W.reason_explains}"
            continue
        assert (row.choice is not None) != has_number_input, item.id  # one way to answer, never both or none
        assert W.decides in result(page, item.id) and "?" in result(page, item.id)
    quoted = {id(label) for row in page.rows.values() for label in (row.source, *row.read_words)}
    texts = " ".join(label.text() for label in page.findChildren(QLabel) if id(label) not in quoted).lower()
    assert "eligible" not in texts and "match" not in texts  # the app's words; the record's may say so


def test_an_exclusion_says_what_yes_means(frame, qtbot) -> None:
    page = open_check(frame, qtbot, FEW)
    exclusion = next(row for row in page.rows.values() if row.item.kind == "exclusion")
    assert any(label.text() == f"<b>{W.unread_exclusion}</b>" for label in exclusion.findChildren(QLabel))


# ---------------------------------------------------------------- answering with clicks

def test_yes_no_and_not_sure_clicked_give_the_rows_of_the_command_line_check(frame, qtbot) -> None:
    page = open_check(frame, qtbot, FEW)
    inclusion = next(row for row in page.rows.values() if row.item.kind == "inclusion")
    exclusion = next(row for row in page.rows.values() if row.item.kind == "exclusion")
    other = [row for row in page.rows.values() if row.item.kind == "inclusion"][1]
    click(qtbot, inclusion.choice.buttons["yes"])
    click(qtbot, exclusion.choice.buttons["yes"])
    click(qtbot, other.choice.buttons["unsure"])
    assert result(page, inclusion.item.id).startswith("✓ Seems met. " + W.answer_reasons["inclusion"]["yes"])
    assert result(page, exclusion.item.id).startswith("✗ Seems to apply to you. "
                                                      + W.answer_reasons["exclusion"]["yes"])
    assert result(page, other.item.id).startswith("? Still open. " + W.answer_reasons["inclusion"]["unsure"])
    click(qtbot, exclusion.choice.buttons["no"])
    assert result(page, exclusion.item.id).startswith("✓ Does not seem to apply to you.")
    # The draft the page kept is an answers file: the core check reads it back the same way.
    draft = draft_path(page.study.nct_id)
    shown = {row.id: row.status for row in page.check().rows}
    again = check_study(page.study, load_answers(draft), W)
    assert {row.id: row.status for row in again.rows} == shown
    assert shown[inclusion.item.id] is Status.SATISFIED and shown[other.item.id] is Status.UNKNOWN


def test_cli_check_json_gives_the_same_rows_as_the_window(frame, qtbot, capsys) -> None:
    page = open_check(frame, qtbot, FEW)
    first = next(iter(page.rows.values()))
    click(qtbot, first.choice.buttons["no"])
    capsys.readouterr()
    assert main(["check", str(draft_path(FEW)), "--trial", str(CTGOV / f"{FEW}.json"), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    rows = {row["id"]: (row["status"], row["reason"]) for row in printed["criteria"]}
    assert rows == {row.id: (row.status.value, row.reason) for row in page.check().rows}
    assert rows[first.item.id][0] == "not_satisfied"


def test_numbers_typed_with_their_unit_decide_a_read_rule(frame, qtbot) -> None:
    page = open_check(frame, qtbot, MANY)
    row, anc = page.bank_inputs()["anc"]
    assert row.item.id == "inc-20" and isinstance(anc, LabInput)
    assert W.read_from_words == "The app read this from the record's words:"
    assert any(rich_text(W.read_from_words) in label.text() and "1,500/mm^3" in label.text()
               for label in row.read_words)
    type_into(qtbot, anc.field, "1200")
    assert result(page, "inc-20").startswith("✗ Seems not met. Neutrophil count, your answer: 1,200 /µL.")
    type_into(qtbot, anc.field, "2.1")  # then the unit, chosen with the keyboard: 2.1 x 10^9/L
    anc.unit.setFocus()
    qtbot.keyClick(anc.unit, Qt.Key.Key_Down)
    assert anc.current_unit() != "/uL"
    assert result(page, "inc-20").startswith("✓ Seems met.")
    # Numbers are kept once for every study (issue 17 item 4), not in the study's draft.
    saved = load_answers(shared_path())
    assert saved.answers.anc is not None and saved.answers.anc.value == 2.1
    assert (saved.answers.anc.unit, os.name == "posix" and stat.S_IMODE(shared_path().stat().st_mode)) == \
        (anc.current_unit(), 0o600)
    assert not draft_path(MANY).exists()  # no item answered: the study's own draft holds nothing


def test_a_times_ulN_rule_takes_the_report_value_and_its_normal_limit(frame, qtbot) -> None:
    page = open_check(frame, qtbot, LIVER)
    row, alt = page.bank_inputs()["alt"]
    _, ast = page.bank_inputs()["ast"]
    assert alt.current_unit() == "U/L" and alt.uln.isVisible()
    type_into(qtbot, alt.field, "50")
    assert "Still open" in result(page, row.item.id)  # the normal limit is not given yet
    type_into(qtbot, alt.uln, "40")
    type_into(qtbot, ast.field, "30")
    type_into(qtbot, ast.uln, "40")
    shown = page.check().rows
    assert next(r for r in shown if r.id == row.item.id).status is not Status.UNKNOWN
    assert "ALT (liver test), your answer: 50 U/L" in result(page, row.item.id)


def test_a_mistyped_number_is_said_beside_it_and_never_used(frame, qtbot) -> None:
    page = open_check(frame, qtbot, MANY)
    row, platelets = page.bank_inputs()["platelets"]
    type_into(qtbot, platelets.field, "12a")
    assert platelets.note.isVisible() and "Please type a number" in platelets.note.text()
    assert page.answers_file().answers.platelets is None and "Still open" in result(page, row.item.id)


def test_the_wheel_over_a_unit_box_never_changes_it(frame, qtbot) -> None:
    page = open_check(frame, qtbot, MANY)
    _, hemoglobin = page.bank_inputs()["hemoglobin"]
    page.ensureWidgetVisible(hemoglobin.unit)
    page.setFocus()
    before = hemoglobin.current_unit()
    wheel_over(hemoglobin.unit, dy=-120)
    wheel_over(hemoglobin.unit, dy=-120)
    assert hemoglobin.current_unit() == before


# ---------------------------------------------------------------- the draft

def test_answers_are_kept_per_study_and_come_back_in_a_new_window(frame, qtbot) -> None:
    page = open_check(frame, qtbot, FEW)
    first = next(iter(page.rows.values()))
    click(qtbot, first.choice.buttons["unsure"])
    path = draft_path(FEW)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert json.loads(path.read_text(encoding="utf-8"))["criteria"][first.item.id]["answer"] == "unsure"
    assert not draft_path(MANY).exists()  # another study has its own
    again = RecordCheckPage(page.study, page.as_of)
    qtbot.addWidget(again)
    assert again.rows[first.item.id].choice.chosen() == "unsure"
    assert result(again, first.item.id) == result(page, first.item.id)


def test_a_draft_that_cannot_be_read_is_moved_aside_and_said(frame, qtbot) -> None:
    path = draft_path(FEW)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    page = open_check(frame, qtbot, FEW)
    assert page.kept_note.isVisible() and "moved the file aside" in page.kept_note.text()
    assert not path.exists() and list(path.parent.glob("damaged-draft-*.answers.json"))


def test_erase_asks_then_clears_the_answers_and_the_draft(frame, qtbot, monkeypatch) -> None:
    page = open_check(frame, qtbot, FEW)
    first = next(iter(page.rows.values()))
    click(qtbot, first.choice.buttons["yes"])
    monkeypatch.setattr(record_check.EraseQuestion, "ask", classmethod(lambda cls, parent: False))
    click(qtbot, page.erase)
    assert draft_path(FEW).exists() and first.choice.chosen() == "yes"
    monkeypatch.setattr(record_check.EraseQuestion, "ask", classmethod(lambda cls, parent: True))
    click(qtbot, page.erase)
    assert not draft_path(FEW).exists() and first.choice.chosen() is None
    assert "Still open" in result(page, first.item.id)


def test_the_pdf_of_the_record_lists_the_items_with_the_answers(frame, qtbot, tmp_path) -> None:
    page = open_check(frame, qtbot, FEW)
    rows = list(page.rows.values())
    click(qtbot, rows[0].choice.buttons["yes"])
    click(qtbot, rows[-1].choice.buttons["unsure"])
    out = tmp_path / "record.pdf"
    assert main(["pdf", str(draft_path(FEW)), "--trial", str(CTGOV / f"{FEW}.json"), "-o", str(out)]) == 0
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert W.answer_reasons["inclusion"]["yes"] in text
    assert W.answer_reasons[rows[-1].item.kind]["unsure"] in text


def test_an_item_that_explains_a_word_has_no_yes_no_or_not_sure(frame, qtbot, tmp_path) -> None:
    """NCT04267848 inc-1 defines "female of childbearing potential": the page once asked
    "Does this apply to you?" and a man's "No" read "Seems not met ... The study needs it".
    A "no" kept in the draft from then changes nothing."""
    from PySide6.QtWidgets import QAbstractButton

    from explainer.core.study_check import study_rules, words_fingerprint
    from explainer.records_io import read_studies

    study = read_studies(CTGOV / f"{MANY}.json")[0]
    items = {item.id: item for item in study_rules(study)[0]}
    draft = draft_path(MANY)
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(json.dumps({"format": "trial-explainer-answers", "version": 1, "trial": MANY,
                                 "as_of": "2026-11-23", "answers": {},
                                 "criteria": {"inc-1": {"answer": "no", "words": words_fingerprint(items["inc-1"])}}}),
                     encoding="utf-8")
    page = open_check(frame, qtbot, MANY)
    defined = page.rows["inc-1"]
    assert defined.choice is None and not defined.inputs and not defined.findChildren(QAbstractButton)
    assert not any(label.text() in (f"<b>{W.unread}</b>", W.choices["no"]) for label in defined.findChildren(QLabel))
    assert W.explains_label in defined.accessibleName()
    assert "female of childbearing potential is a sexually mature female who:" in defined.source.text()
    assert result(page, "inc-1") == f"{W.explains} {W.reason_explains}"
    summary = page.summary.text()
    assert "24 rules:" in summary and "✗ 0 seem not met" in summary and "1 more explains a word" in summary
    click(qtbot, page.rows["inc-2"].choice.buttons["no"])  # a real rule, answered: counted, inc-1 still not
    assert result(page, "inc-1") == f"{W.explains} {W.reason_explains}"
    assert "✗ 1 seem not met" in page.summary.text() and "24 rules:" in page.summary.text()
    out = tmp_path / "record.pdf"
    assert main(["pdf", str(draft), "--trial", str(CTGOV / f"{MANY}.json"), "-o", str(out)]) == 0
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "sexually mature female who: What the app found: This explains a word the rules use." in text
    assert "not met" not in text.split("sexually mature female who:")[1].split("Local testing of EGFR")[0]


# ---------------------------------------------------------------- keyboard, names, large text

def _answer_controls(page: RecordCheckPage) -> list[QWidget]:
    found: list[QWidget] = []
    for row in page.rows.values():
        for answer in (*([row.choice] if row.choice else []), *row.inputs.values()):
            if isinstance(answer, ChoiceInput):
                found.append(next(iter(answer.buttons.values())))  # Tab enters a group; arrows move in it
            else:
                found += [w for w in answer.findChildren(QWidget)
                          if isinstance(w, (QLineEdit, QComboBox, QCheckBox)) and w.isVisibleTo(row)]
    return found


def _groups(page: RecordCheckPage) -> dict[int, QWidget]:
    """Each radio button -> the first button of its group (what Tab reaching the group counts as)."""
    found: dict[int, QWidget] = {}
    for row in page.rows.values():
        for answer in (*([row.choice] if row.choice else []), *row.inputs.values()):
            if isinstance(answer, ChoiceInput):
                first = next(iter(answer.buttons.values()))
                found.update({id(button): first for button in answer.buttons.values()})
    return found


@pytest.mark.parametrize("nct_id", [FEW, MANY])
def test_tab_reaches_every_answer_and_each_has_a_name(frame, qtbot, nct_id) -> None:
    page = open_check(frame, qtbot, nct_id)
    wanted = _answer_controls(page)
    assert all(w.accessibleName() for w in wanted)
    reached: set[int] = set()
    groups = _groups(page)
    page.erase.setFocus()
    for _ in range(len(wanted) * 3 + 10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if not page.widget().isAncestorOf(focused):
            break
        reached.add(id(groups.get(id(focused), focused)))
        assert page.viewport().rect().intersects(
            focused.rect().translated(focused.mapTo(page.viewport(), QPoint(0, 0))))  # scrolled into view
    missed = [w.accessibleName() for w in wanted if id(w) not in reached]
    assert not missed


def test_arrow_keys_and_space_answer_a_question(frame, qtbot) -> None:
    page = open_check(frame, qtbot, FEW)
    first = next(iter(page.rows.values()))
    yes = first.choice.buttons["yes"]
    yes.setFocus()
    qtbot.keyClick(yes, Qt.Key.Key_Space)
    assert first.choice.chosen() == "yes"
    qtbot.keyClick(yes, Qt.Key.Key_Right)
    assert first.choice.chosen() == "no" and "Seems not met" in result(page, first.item.id)


def test_at_250_percent_text_the_page_needs_no_sideways_scroll(frame, qtbot) -> None:
    page = open_check(frame, qtbot, MANY)
    window = page.window()
    window.resize(1280, 800)
    try:
        while frame.zoom.percent < 250:
            qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        QApplication.processEvents()
        assert window.width() <= 1280
        assert page.widget().width() <= page.viewport().width()
        for widget in page.widget().findChildren(QWidget):
            if widget.isVisible() and widget.width() > 0:
                right = widget.mapTo(page.viewport(), QPoint(widget.width(), 0)).x()
                assert right <= page.viewport().width() + 1, widget.accessibleName()[:40]
    finally:
        frame.zoom.reset()


def test_every_text_on_the_page_has_enough_contrast_in_both_themes(frame, qtbot) -> None:
    from tests.contrast_walk import contrast_problems

    page = open_check(frame, qtbot, LIVER)
    first = next(row for row in page.rows.values() if row.choice is not None)
    click(qtbot, first.choice.buttons["yes"])
    type_into(qtbot, page.bank_inputs()["alt"][1].field, "12a")  # a note and a problem shown too
    try:
        for high_contrast in (False, True):
            frame.theme.set_high_contrast(high_contrast)
            QApplication.processEvents()
            assert contrast_problems(page) == [], f"high contrast {high_contrast}"
    finally:
        frame.theme.set_high_contrast(False)


def test_a_record_with_no_criteria_says_so(frame, qtbot) -> None:
    page = open_check(frame, qtbot, "NCT03453554")
    assert page.rows == {} and page.check_for_summary() is None
    assert any(label.text() == rich_text(W.no_items) for label in page.findChildren(QLabel))


def test_the_records_words_are_shown_as_written_never_as_markup(qtbot) -> None:
    from explainer.app import make_application
    from explainer.core.registry_record import from_registry_json

    make_application()
    hostile = "<img src='file:///etc/passwd'><b>Bold</b> &amp; Platelets >= 100,000/mm^3"
    study = from_registry_json({"protocolSection": {
        "identificationModule": {"nctId": "NCT00000001", "briefTitle": "A test study"},
        "statusModule": {"overallStatus": "RECRUITING"},
        "eligibilityModule": {"eligibilityCriteria": f"Inclusion Criteria:\n\n* {hostile}\n* Has <i>no</i> infection"}}})[0]
    page = RecordCheckPage(study, dt.date(2026, 12, 5))
    qtbot.addWidget(page)
    page.show()
    shown = page.rows["inc-1"].source
    assert rich_text(hostile) in shown.text() and "<img" not in shown.text()
    assert "<i>no</i>" not in page.rows["inc-2"].source.text()
    page.rows["inc-2"].choice.buttons["no"].click()
    assert page.check_for_summary() is not None


# ---------------------------------------------------------------- the status first

# (record, its status answer, when the status was last checked)
STATUS_SHOWN = [(LIVER, "No. The study has ended.", "November 2023"),
                (FEW, "No. The study stopped before anyone joined.", "August 2015"),
                (MANY, "Yes. The study is taking new people.", "August 2025")]


@pytest.mark.parametrize(("nct_id", "answer", "checked"), STATUS_SHOWN)
def test_the_status_and_its_date_come_before_any_question(frame, qtbot, nct_id, answer, checked) -> None:
    """People decide on this page, so a study that has ended says so before they answer anything."""
    page = open_check(frame, qtbot, nct_id)
    labels = [page.body.itemAt(index).widget() for index in range(page.body.count())]
    labels = [widget for widget in labels if isinstance(widget, QLabel)]
    assert labels[0].text().startswith("<h1>") and labels[1] is page.status_note
    assert f"<b>Is the study taking new people? {rich_text(answer)}</b>" in page.status_note.text()
    assert checked in page.status_note.text() and checked in page.status_note.accessibleName()
    assert page.status_note.isVisible() and rich_text(W.page_intro[0]) in labels[2].text()
