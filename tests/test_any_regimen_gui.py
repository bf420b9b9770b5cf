"""Every screen for a study shaped nothing like NCT04883242, through the real widgets
(pytest-qt, offscreen), plus one real window under Xvfb photographed for a person to
look at. The study is MADE UP (its folder, tests/fixtures/made_up_study/, with its own
pages and glossary; its trial file alone is tests/fixtures/made_up_two_arm_study.json):
two groups, one part of 21-day cycles, a shot under the skin, a tablet, no follow-up."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel

from explainer.calendar_ics import timeline_to_ics
from explainer.content import load_trial
from explainer.core.eligibility import Status
from explainer.core.schedule import build_timeline
from explainer.ui import export as export_ui
from explainer.ui import personal_dates
from explainer.ui.main_window import PAGE_NOT_FOR_THIS_STUDY, MarkdownPageView
from explainer.ui.shapes import MEDICINE_COLOURS
from tests.conftest import FIXTURES
from tests.windows import shown_window, tab_to_link
from tests.xvfb import photograph_app

MADE_UP = FIXTURES / "made_up_study"  # the study's folder: its trial, pages, glossary and registry sentences
MADE_UP_FILE = FIXTURES / "made_up_two_arm_study.json"  # its trial file alone
START = dt.date(2027, 1, 4)


@pytest.fixture
def window(qtbot):
    from explainer.app import build_main_window

    return shown_window(qtbot, lambda: build_main_window(MADE_UP))


@pytest.fixture
def view(window):
    window.show_section("timeline")
    return window.timeline


def _labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def _press(qtbot, widget, *keys) -> None:
    for key in keys:
        qtbot.keyClick(widget, key)


READING_PAGES = ["welcome", "study", "medicines", "what-happens", "who-can-join", "help", "glossary", "about"]
APP_PAGES_ONLY = ["welcome", "who-can-join", "help", "glossary", "about"]  # resources/sections.json
BUILT_IN_WORDS = ("myeloma", "isatuximab", "carfilzomib", "pomalidomide", "dexamethasone", "NCT04883242")


def _reading_pages(window) -> list[str]:
    return [s for s in window.section_ids() if s not in ("self-check", "self-check-results", "timeline")]


def _page_texts(window, qtbot) -> dict[str, str]:
    """Each reading page's words as shown, reached with the arrow keys in the list on the left."""
    nav = window.navigator
    nav.setFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Home)
    texts = {}
    for _ in window.section_ids():
        page_id = window.section_ids()[nav.currentRow()]
        page = window.stack.currentWidget()
        if isinstance(page, MarkdownPageView):
            texts[page_id] = page.browser.toPlainText()
        qtbot.keyClick(nav, Qt.Key.Key_Down)
    return texts


def test_the_folder_lists_its_own_pages(window, qtbot) -> None:
    assert _reading_pages(window) == READING_PAGES
    assert window.section_ids()[window.section_ids().index("what-happens") + 1] == "timeline"
    assert [window.navigator.item(i).text() for i in range(3)] == [
        "Start here (made up)", "What the made-up study is", "The 2 made-up medicines"]
    texts = _page_texts(window, qtbot)
    assert set(texts) == set(READING_PAGES) - {"who-can-join"}  # the rules page is its own view
    for page_id in ("welcome", "study", "medicines", "what-happens"):  # the folder's own pages
        assert "Made up for testing." in texts[page_id], page_id
    assert "Study number: NCT99999901" in texts["study"]
    assert "Example Test Cancer Center (made up), Springfield, Oregon, United States" in texts["study"]
    assert "Each cycle is 21 days long in both groups." in texts["what-happens"]
    assert "Give them the study number, NCT99999901." in texts["help"]  # the app's own help page
    assert PAGE_NOT_FOR_THIS_STUDY not in texts.values()
    for page_id, text in texts.items():
        assert not [w for w in BUILT_IN_WORDS if w.lower() in text.lower()], page_id


def test_a_registry_link_shows_the_made_up_records_words(window, qtbot) -> None:
    window.show_section("medicines")
    page = window.stack.currentWidget()
    assert tab_to_link(qtbot, page.browser, "registry:", 10)
    qtbot.keyClick(page.browser, Qt.Key.Key_Return)
    assert "ARM A: Participants receive exampizumab subcutaneously (SC) on days 1, 8, and 15" in \
        page.browser.toPlainText()


def test_a_lone_trial_file_of_another_study_gets_only_the_apps_own_pages(qtbot) -> None:
    from explainer.app import build_main_window
    from explainer.content import load_general_glossary

    window = shown_window(qtbot, lambda: build_main_window(MADE_UP_FILE))
    assert _reading_pages(window) == APP_PAGES_ONLY
    texts = _page_texts(window, qtbot)
    assert window.windowTitle() == "Trial Explainer: study NCT99999901"
    assert "This app explains one medical study in plain words." in texts["welcome"]
    assert "Made up for testing." not in texts["welcome"]  # not the folder's page either
    for page_id, text in texts.items():
        assert not [w for w in BUILT_IN_WORDS if w.lower() in text.lower()], page_id
    assert window.study.glossary == load_general_glossary() and window.session.glossary is window.study.glossary
    assert "Karnofsky performance status" in texts["glossary"]


def test_the_built_in_trial_file_alone_keeps_its_own_pages(qtbot, tmp_path) -> None:
    from explainer.app import build_main_window
    from explainer.content import PAGE_NAMES, builtin_trial_path

    alone = tmp_path / "my-copy.json"  # outside its folder, as --trial FILE gives it
    alone.write_bytes(builtin_trial_path().read_bytes())
    window = shown_window(qtbot, lambda: build_main_window(alone))
    assert _reading_pages(window) == list(PAGE_NAMES)
    window.show_section("medicine-isatuximab")
    assert "Isatuximab" in window.stack.currentWidget().browser.toPlainText()


def test_the_folders_glossary_reaches_every_view(window, qtbot) -> None:
    """Karnofsky is in the made-up folder's glossary, not in NCT04883242's: it is a link
    in the question, on the results page and in the glossary page only if they use the
    opened study's own glossary."""
    glossary = window.study.glossary
    check = window.self_check
    assert window.session.glossary is glossary
    assert check.questionnaire.glossary is glossary and check.results.glossary is glossary
    assert "glossary:karnofsky" in check.questionnaire.rows["karnofsky"].text.text()
    assert "glossary:karnofsky" in check.results.browser.toHtml()
    window.show_section("glossary")
    words = window.stack.currentWidget().browser.toPlainText()
    assert "A made-up medicine, here only to test this app. It does not exist." in words
    assert "myeloma" not in words.lower()


def test_the_timeline_starts_with_group_a(view) -> None:
    assert view.session.arm == 0 and view.arm_choice is not None
    assert [view.arm_choice.itemText(i) for i in range(view.arm_choice.count())] == [
        "Arm A (exampizumab, testinib)", "Arm B (testinib)"]
    assert view.arm_choice.accessibleName() == "Which group's treatment to show"
    assert view.grid.drugs == ("exampizumab", "testinib") and len(view.grid.cycle.days) == 21
    assert [view.choice.itemText(i) for i in range(view.choice.count())] == ["Treatment"]
    assert view.caption.text() == "Treatment: every cycle looks like this. There is no set number of cycles."
    assert view.strip.accessibleDescription() == (
        "1. Tests first: Tests before you start. They check if you can join. 2. Treatment: Cycles of 21 days, "
        "with no set end. They go on as long as the study record says.")
    shown = _labels(view)
    for words in ("Tablet by mouth, at home", "A shot under the skin, at the clinic", "Clinic day",
                  "<h4>Days with exampizumab at the clinic</h4>", "Treatment: every cycle. On days 1, 8 and 15."):
        assert words in shown
    assert not [t for t in shown if "apsule" in t or "drip" in t.lower() or "Follow-up" in t]


def test_the_keyboard_reads_the_shot_and_the_tablet(view, qtbot) -> None:
    grid = view.grid
    grid.setFocus()
    _press(qtbot, grid, *[Qt.Key.Key_Right] * 7)
    assert grid.accessibleDescription() == ("Cycle 1, day 8: exampizumab by a shot under the skin at the clinic, "
                                            "testinib tablet by mouth at home. A clinic day.")
    assert view.day_line.text() == grid.accessibleDescription()
    _press(qtbot, grid, Qt.Key.Key_Down, *[Qt.Key.Key_Right] * 7)
    assert (grid.focused_day.day, grid.focused_drug) == (15, "testinib")
    assert grid.accessibleDescription() == ("Cycle 1, day 15: exampizumab by a shot under the skin at the clinic. "
                                            "A clinic day.")
    _press(qtbot, grid, Qt.Key.Key_End)
    assert grid.accessibleDescription() == "Cycle 1, day 21: no treatment. A rest day."


def test_a_click_picks_a_day(view, qtbot) -> None:
    grid = view.grid
    g = grid.geometry_for(grid.fontMetrics())
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton,
                     pos=QPoint(13 * g.cell + g.cell // 2, g.header_height + g.row_height + 3))
    assert grid.hasFocus() and (grid.focused_day.day, grid.focused_drug) == (14, "testinib")
    assert view.day_line.text() == "Cycle 1, day 14: testinib tablet by mouth at home."


def _cell_colours(grid, column: int, row: int) -> set[str]:
    g = grid.geometry_for(grid.fontMetrics())
    image = grid.grab().toImage()
    rect = g.cell_rect(column, row)
    return {QColor(image.pixel(x, y)).name() for x in range(rect.left(), rect.right(), 1)
            for y in range(rect.top(), rect.bottom(), 1)}


def test_colours_go_by_place_in_the_regimen(view, qtbot) -> None:
    first, second = MEDICINE_COLOURS[0].name(), MEDICINE_COLOURS[1].name()
    assert first in _cell_colours(view.grid, 0, 0)  # exampizumab, first listed
    assert second in _cell_colours(view.grid, 0, 1) and first not in _cell_colours(view.grid, 0, 1)
    view.arm_choice.setFocus()
    _press(qtbot, view.arm_choice, Qt.Key.Key_Down)
    assert view.grid.drugs == ("testinib",)
    assert first in _cell_colours(view.grid, 0, 0)  # testinib is first in group B: the first colour


def test_choosing_group_b_with_the_keyboard_redraws_the_section(view, qtbot) -> None:
    view.session.set_start_date(START)
    view.session.set_delays({3: 2})
    view.arm_choice.setFocus()
    with qtbot.waitSignal(view.session.arm_changed):
        _press(qtbot, view.arm_choice, Qt.Key.Key_Down)
    assert view.session.arm == 1 and view.session.delays == {}  # cycles differ: old delays go
    assert view.arm_choice.hasFocus() and view.arm_choice.currentIndex() == 1  # the reader stays where they were
    assert view.grid.drugs == ("testinib",) and view.cycle_number.maximum() == 8
    assert view.caption.text() == "Cycle 1 (treatment cycle 1 of 8). From January 4, 2027 to January 24, 2027."
    assert "In all, the treatment part has 0 clinic days in 8 cycles." in view.totals.text()
    assert view.personal.delay_cycle.maximum() == 8
    assert [view.personal.clinic_list.item(i).text() for i in range(view.personal.clinic_list.count())] == [
        "The study record gives no clinic days for this treatment."]  # group B: tablets at home only
    shown = _labels(view)
    assert "A shot under the skin, at the clinic" not in shown and "Tablet by mouth, at home" in shown
    assert "Clinic day" not in shown and "<h3>What a clinic day asks of you</h3>" not in shown  # all at home
    assert view.personal.ask_list.text() == "" and "<h3>Ask your study team</h3>" not in shown  # nothing open
    with qtbot.waitSignal(view.session.arm_changed):
        _press(qtbot, view.arm_choice, Qt.Key.Key_Up)
    assert view.grid.drugs == ("exampizumab", "testinib")
    assert view.personal.clinic_list.count() == 17 * 3


def test_the_calendar_saves_the_chosen_group(view, tmp_path, monkeypatch) -> None:
    out = tmp_path / "mine.ics"
    monkeypatch.setattr(personal_dates.SaveCalendarDialog, "ask", classmethod(lambda cls, parent: out))
    view.arm_choice.setCurrentIndex(1)
    view.personal.set_start(START)
    view.personal.save_button.click()
    trial = load_trial(MADE_UP / "trial.json")
    assert out.read_bytes() == timeline_to_ics(build_timeline(trial, START, arm=1), trial)
    assert len(list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))) == 8 * 14
    assert "Saved 112 treatment days" in view.personal.save_status.text()


def test_the_pdf_from_the_window_shows_the_chosen_group(window, view, monkeypatch, qtbot, tmp_path) -> None:
    dialogs = []

    def show(cls, export, parent, printing=False):
        dialog = cls(export, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)

    monkeypatch.setattr(export_ui.ExportDialog, "ask", classmethod(show))
    view.arm_choice.setCurrentIndex(1)
    window.pdf_export.export_action.trigger()
    path = tmp_path / "read.pdf"
    path.write_bytes(dialogs[-1].pdf)
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "This shows the group Arm B (testinib)." in text and "Treatment cycles 1 to 8" in text
    # The words section is the opened folder's glossary: only it knows the made-up medicine.
    words = text[text.index("Words used in this summary"):]
    assert "testinib A made-up tablet, here only to test this app. It does not exist." in words


def test_a_study_with_no_schedule_says_so_and_whom_to_ask(qtbot, tmp_path) -> None:
    from explainer.app import build_main_window

    data = json.loads(MADE_UP_FILE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for arm in data["arms"]:
        arm.pop("regimen")
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(data), encoding="utf-8")
    window = shown_window(qtbot, lambda: build_main_window(bare))
    window.show_section("timeline")
    view = window.timeline
    assert view.timeline is None and not view.findChildren(QComboBox)
    shown = _labels(view)
    assert "<h3>No day-by-day plan in the record</h3>" in shown
    assert any(t.startswith("Ask the study team for your own plan") for t in shown)
    assert data["arms"][0]["description"] in shown and data["arms"][1]["description"] in shown
    for section in window.section_ids():
        window.show_section(section)


_SHOW = r"""
import sys
from pathlib import Path
from explainer.app import build_main_window, make_application
app = make_application()
window = build_main_window(Path(sys.argv[1]))
window.show()
window.show_section("timeline")
window.timeline.session.set_start_date(__import__("datetime").date(2027, 1, 4))
window.timeline.grid.setFocus()
window.activateWindow()
app.exec()
"""


@pytest.mark.slow
def test_a_real_window_draws_the_made_up_study(artifacts) -> None:
    shot = artifacts / "screenshots" / "made-up-study-timeline.png"
    err = photograph_app([sys.executable, "-c", _SHOW, str(MADE_UP)], shot)
    assert "Could not parse" not in err
    assert Path(shot).stat().st_size > 10_000


# The folder's own reading page, with one registry quote opened, as a person sees it.
_SHOW_PAGE = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from explainer.app import build_main_window, make_application
app = make_application()
window = build_main_window(Path(sys.argv[1]))
window.show()
window.show_section(sys.argv[2])
window.navigator.setFocus()
window.activateWindow()
titles = [window.navigator.item(i).text().strip() for i in range(window.navigator.count())]
print("SECTIONS " + " | ".join(titles), file=sys.stderr, flush=True)
QTimer.singleShot(300, lambda: Path(sys.argv[3]).write_text("ready"))
app.exec()
"""


@pytest.mark.slow
@pytest.mark.parametrize(("source", "section", "name", "sections"), [
    (MADE_UP, "medicines", "made-up-study-medicines.png",
     "Start here (made up) | What the made-up study is | The 2 made-up medicines | What happens in each group | "
     "When you get each medicine | Who can join | Check the entry rules yourself | Your self-check results | "
     "Where to get help | Words and what they mean | About this app"),
    (MADE_UP_FILE, "welcome", "made-up-trial-file-alone-welcome.png",
     "Start here | Who can join | Check the entry rules yourself | Your self-check results | "
     "When you get each medicine | Where to get help | Words and what they mean | About this app"),
])
def test_a_real_window_draws_the_made_up_studys_pages(artifacts, tmp_path, source, section, name,
                                                       sections) -> None:
    shot = artifacts / "screenshots" / name
    err = photograph_app([sys.executable, "-c", _SHOW_PAGE, str(source), section, str(tmp_path / "ready")], shot,
                         ready=tmp_path / "ready")
    listed = next(line for line in err.splitlines() if line.startswith("SECTIONS "))
    assert listed.removeprefix("SECTIONS ") == sections
    assert Path(shot).stat().st_size > 10_000


def test_the_self_check_asks_and_judges_karnofsky_and_creatinine_clearance(window, qtbot) -> None:
    """Bank questions NCT04883242 does not ask, typed as a person would (issue 15 item 2)."""
    window.show_section("self-check")
    check = window.self_check
    rows = check.questionnaire.rows
    # Only what this study's rules ask, from the shared bank: no myeloma questions.
    assert {"karnofsky", "creatinine_clearance", "ecog", "platelets"} <= set(rows)
    assert "prior_lenalidomide" not in rows and "egfr" not in rows
    assert check.results.status_of("karnofsky") is Status.UNKNOWN
    assert check.results.status_of("creatinine_clearance") is Status.UNKNOWN

    def typed(key: str, text: str, changes: bool = True) -> None:
        field = rows[key].input.field
        field.clear()
        if changes:
            with qtbot.waitSignal(window.session.answers_changed):
                qtbot.keyClicks(field, text)
        else:
            qtbot.keyClicks(field, text)

    typed("karnofsky", "60")
    assert check.results.status_of("karnofsky") is Status.NOT_SATISFIED
    assert "Your daily activity score (Karnofsky): 60. The study needs at least 70." in \
        " ".join(check.results.browser.toPlainText().split())
    typed("karnofsky", "75", changes=False)  # not a Karnofsky score: named beside the field, not used
    assert rows["karnofsky"].problem.text() == "⚠ Please check this number: it goes up in steps of 10."
    assert check.results.status_of("karnofsky") is Status.UNKNOWN
    typed("karnofsky", "80")
    assert check.results.status_of("karnofsky") is Status.SATISFIED and rows["karnofsky"].problem.isHidden()

    assert [rows["creatinine_clearance"].input.unit.itemData(i)
            for i in range(rows["creatinine_clearance"].input.unit.count())] == ["mL/min"]
    typed("creatinine_clearance", "25")
    assert check.results.status_of("creatinine_clearance") is Status.NOT_SATISFIED
    typed("creatinine_clearance", "45")
    assert check.results.status_of("creatinine_clearance") is Status.SATISFIED
    assert "Your creatinine clearance: 45 mL/min. The study needs at least 30 mL/min." in \
        " ".join(check.results.browser.toPlainText().split())
    assert window.session.answers.answers.karnofsky == 80
