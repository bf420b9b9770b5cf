"""The patient's numbers carried across studies (issue 17 item 4), in the window.

Numbers typed on one record's "Check the entry rules" page fill in on the next record
and on the built-in study's self-check (and back), marked as given for another study,
and their rows are evaluated; a change in one study changes them for all; the shared
file is 0600 and written whole or not at all; a damaged one is moved aside with one
plain sentence and never stops a page from opening; erasing asks about it.

Records: NCT04267848 (platelets, ANC, ECOG, age read as numbers), NCT05147467 (ECOG,
age), and a second study made from NCT04267848 under another number (the only sample
record whose platelet rule is read as a number)."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

import explainer.files
from explainer.answers_io import load_answers
from explainer.app import build_frame, build_main_window
from explainer.core.answers import AnswerGiven
from explainer.core.eligibility import Status
from explainer.ui import record_check
from explainer.ui.carried import EraseSharedQuestion, carried_words, shared_path
from explainer.ui.record_check import RecordCheckPage, draft_path
from tests.conftest import FIXTURES
from tests.windows import shown_window

CTGOV = FIXTURES / "ctgov"
MANY, ECOG_AGE = "NCT04267848", "NCT05147467"
TWIN = "NCT09999991"  # NCT04267848's words under another study's number


@pytest.fixture
def frame(qtbot):
    return shown_window(qtbot, build_frame)


@pytest.fixture
def twin(tmp_path):
    path = tmp_path / f"{TWIN}.json"
    path.write_text((CTGOV / f"{MANY}.json").read_text(encoding="utf-8").replace(MANY, TWIN), encoding="utf-8")
    return path


def open_check(window, qtbot, path) -> RecordCheckPage:
    shown = window.study_records.open_path(path)
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    shown.navigator.setFocus()
    qtbot.keyClick(shown.navigator, Qt.Key.Key_End)  # the last section: the check page
    assert shown.stack.currentWidget() is shown.check_page
    return shown.check_page


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def platelets_of(page: RecordCheckPage):
    row, answer = page.bank_inputs()["platelets"]
    return row, answer


def status(page: RecordCheckPage, item_id: str) -> Status:
    return next(row.status for row in page.check().rows if row.id == item_id)


# ---------------------------------------------------------------- record to record

def test_platelets_typed_for_one_record_fill_in_and_decide_the_next(frame, qtbot, twin) -> None:
    first = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    row, platelets = platelets_of(first)
    assert not row.carried["platelets"].isVisible()  # nothing given anywhere yet
    type_into(qtbot, platelets.field, "150000")
    assert status(first, "inc-21") is Status.SATISFIED

    second = open_check(frame, qtbot, twin)
    row, platelets = platelets_of(second)
    assert platelets.field.text() == "150000" and platelets.current_unit() == "/uL"
    assert status(second, "inc-21") is Status.SATISFIED and "✓ Seems met" in row.result.text()
    note = row.carried["platelets"]
    assert note.isVisible() and note.text() == carried_words(AnswerGiven(trial=MANY, on=second.as_of))
    assert note.text().startswith("You gave this answer for another study on ")
    assert note.text().endswith(". Change it if it is not right now.")
    # The second study asks only what is new: what the first one answered is not blank.
    blank = [key for key, (_row, answer) in second.bank_inputs().items() if answer.value() is None]
    assert "platelets" not in blank and "anc" in blank


def test_a_number_changed_in_the_second_study_changes_it_for_the_first(frame, qtbot, twin) -> None:
    first = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    type_into(qtbot, platelets_of(first)[1].field, "150000")
    first.window().close()
    second = open_check(frame, qtbot, twin)
    row, platelets = platelets_of(second)
    type_into(qtbot, platelets.field, "80000")  # the person meant it: their count is lower now
    assert not row.carried["platelets"].isVisible()  # their own answer here now
    assert status(second, "inc-21") is Status.NOT_SATISFIED
    kept = load_answers(shared_path())
    assert (kept.answers.platelets.value, kept.given["platelets"].trial, kept.trial) == (80000, TWIN, TWIN)
    second.window().close()

    again = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    row, platelets = platelets_of(again)
    assert platelets.field.text() == "80000" and status(again, "inc-21") is Status.NOT_SATISFIED
    assert row.carried["platelets"].isVisible()  # given for the other study


def test_ecog_carries_between_two_different_records_and_an_emptied_field_is_taken_back(frame, qtbot) -> None:
    first = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    _row, ecog = first.bank_inputs()["ecog"]
    qtbot.mouseClick(ecog.buttons["1"], Qt.MouseButton.LeftButton, pos=QPoint(8, ecog.buttons["1"].height() // 2))
    assert load_answers(shared_path()).answers.ecog == 1
    other = open_check(frame, qtbot, CTGOV / f"{ECOG_AGE}.json")
    row, ecog_there = other.bank_inputs()["ecog"]
    assert row.item.id == "inc-5" and ecog_there.value() == 1 and status(other, "inc-5") is Status.SATISFIED
    type_into(qtbot, other.bank_inputs()["age_years"][1].field, "70")
    assert load_answers(shared_path()).answers.age_years == 70
    # Emptied on purpose: no study offers it any more.
    age = other.bank_inputs()["age_years"][1]
    age.field.setFocus()
    age.field.selectAll()
    qtbot.keyClick(age.field, Qt.Key.Key_Delete)
    kept = load_answers(shared_path())
    assert kept.answers.age_years is None and kept.answers.ecog == 1 and "age_years" not in kept.given


def test_a_half_typed_number_changes_nothing_for_other_studies(frame, qtbot) -> None:
    page = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    field = platelets_of(page)[1].field
    type_into(qtbot, field, "150000")
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClick(field, Qt.Key.Key_A)  # "150000a": not a number, so not an answer yet
    assert page.answers_file().answers.platelets is None
    assert load_answers(shared_path()).answers.platelets.value == 150000


def test_the_study_draft_keeps_only_its_item_answers(frame, qtbot) -> None:
    page = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    type_into(qtbot, platelets_of(page)[1].field, "150000")
    first = next(row for row in page.rows.values() if row.choice is not None)
    first.choice.buttons["yes"].click()
    kept = load_answers(draft_path(MANY))
    assert kept.answers.answered() == {} and kept.criteria[first.item.id].answer == "yes"
    assert load_answers(shared_path()).criteria == {}  # the shared numbers hold no item answers


def test_an_older_draft_with_numbers_moves_them_to_the_shared_answers(frame, qtbot) -> None:
    path = draft_path(MANY)
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "trial-explainer-answers", "version": 1, "trial": "NCT04267848", '
                    '"as_of": "2026-01-05", "answers": {"platelets": {"value": 120000, "unit": "/uL"}}}')
    page = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    assert platelets_of(page)[1].field.text() == "120000" and not platelets_of(page)[0].carried["platelets"].isVisible()
    kept = load_answers(shared_path())
    assert kept.answers.platelets.value == 120000 and str(kept.given["platelets"].on) == "2026-01-05"


# ---------------------------------------------------------------- the built-in study

def test_numbers_carry_between_a_record_and_the_built_in_self_check(qtbot) -> None:
    main_window = shown_window(qtbot, build_main_window)
    check = main_window.self_check
    check.offer_draft()  # as at start: nothing kept yet
    assert not check.shared.notes["platelets"].isVisible()
    page = open_check(main_window, qtbot, CTGOV / f"{MANY}.json")
    type_into(qtbot, platelets_of(page)[1].field, "150000")
    page.window().close()

    again = shown_window(qtbot, build_main_window)  # the next start of the app
    again.self_check.offer_draft()
    platelets = again.self_check.questionnaire.row("platelets").input
    assert platelets.field.text() == "150000" and platelets.current_unit() == "/uL"
    assert again.self_check.results.status_of("platelets") is Status.SATISFIED
    note = again.self_check.shared.notes["platelets"]
    assert not note.isHidden() and note.text().startswith("You gave this answer for another study on ")

    # And back: a number typed in the built-in self-check fills in on the record.
    again.show_section("self-check")
    with qtbot.waitSignal(again.session.answers_changed):
        type_into(qtbot, platelets.field, "90000")
    assert note.isHidden()
    record = open_check(again, qtbot, CTGOV / f"{MANY}.json")
    assert platelets_of(record)[1].field.text() == "90000" and status(record, "inc-21") is Status.NOT_SATISFIED
    assert platelets_of(record)[0].carried["platelets"].isVisible()


def test_erasing_the_built_in_answers_asks_about_the_shared_numbers(qtbot, monkeypatch) -> None:
    import explainer.ui.self_check as sc

    window = shown_window(qtbot, build_main_window)
    window.self_check.offer_draft()
    platelets = window.self_check.questionnaire.row("platelets").input
    with qtbot.waitSignal(window.session.answers_changed):
        type_into(qtbot, platelets.field, "150000")
    asked = []
    monkeypatch.setattr(sc.EraseAnswersDialog, "ask", classmethod(lambda cls, parent: True))
    monkeypatch.setattr(EraseSharedQuestion, "ask", classmethod(lambda cls, parent: asked.append(1) or False))
    assert window.self_check.erase_answers()
    assert asked and shared_path().exists() and platelets.field.text() == ""
    assert load_answers(shared_path()).answers.platelets.value == 150000  # kept: the person said no
    monkeypatch.setattr(EraseSharedQuestion, "ask", classmethod(lambda cls, parent: True))
    assert window.self_check.erase_answers()
    assert not shared_path().exists()


# ---------------------------------------------------------------- the file

def test_the_shared_file_is_private_and_written_whole_or_not_at_all(frame, qtbot, monkeypatch) -> None:
    page = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    field = platelets_of(page)[1].field
    type_into(qtbot, field, "150000")
    path = shared_path()
    assert os.name != "posix" or stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_bytes()

    def cut(*_args, **_kwargs):  # the power goes just before the new file takes the old one's place
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(explainer.files.os, "replace", cut)
    type_into(qtbot, field, "90000")
    assert path.read_bytes() == before  # the old numbers, whole
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".my-answers")] == []
    assert page.kept_note.isVisible() and "could not be kept for your other studies" in page.kept_note.text()


@pytest.mark.parametrize("damage", [b"{not json", b"\xff\xfe", b'{"format": "trial-explainer-answers"}',
                                    b"[1, 2]"])
def test_a_damaged_shared_file_is_set_aside_and_never_stops_a_page_opening(frame, qtbot, damage) -> None:
    path = shared_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    page = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    QApplication.processEvents()
    assert page.kept_note.isVisible()
    said = page.kept_note.text()
    assert said.startswith("The numbers you gave for other studies could not be read, so the app moved that "
                           "file aside") and said.count(". ") == 0  # one sentence
    moved = list(path.parent.glob("damaged-my-answers-*.answers.json"))
    assert not path.exists() and len(moved) == 1 and moved[0].read_bytes() == damage and str(moved[0]) in said
    assert len(page.rows) == 25 and status(page, "inc-21") is Status.UNKNOWN  # the page works
    type_into(qtbot, platelets_of(page)[1].field, "150000")
    assert load_answers(path).answers.platelets.value == 150000  # a fresh file from now on


def test_a_damaged_shared_file_is_said_in_the_main_window_too(qtbot) -> None:
    path = shared_path()
    path.parent.mkdir(parents=True)
    path.write_text("{")
    window = shown_window(qtbot, build_main_window)
    window.self_check.offer_draft()
    assert window.statusBar().currentMessage().startswith("The numbers you gave for other studies could not be read")
    assert not path.exists()


def test_erasing_a_record_s_answers_asks_about_the_shared_numbers(frame, qtbot, monkeypatch) -> None:
    page = open_check(frame, qtbot, CTGOV / f"{MANY}.json")
    type_into(qtbot, platelets_of(page)[1].field, "150000")
    monkeypatch.setattr(record_check.EraseQuestion, "ask", classmethod(lambda cls, parent: True))
    monkeypatch.setattr(EraseSharedQuestion, "ask", classmethod(lambda cls, parent: False))
    page.ask_erase()
    assert platelets_of(page)[1].field.text() == "" and shared_path().exists()
    monkeypatch.setattr(EraseSharedQuestion, "ask", classmethod(lambda cls, parent: True))
    page.ask_erase()
    assert not shared_path().exists()
