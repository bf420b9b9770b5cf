"""The window's session owns the review of the answers (issue 15 item 3): each change
of answers is evaluated once, and the results page, the summary bar, the PDF (read
back with pdftotext) and the web page all show that one review's rows."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from explainer.core import review as review_module
from explainer.core.eligibility import STATUS_ICONS, EligibilityReport, evaluate
from explainer.ui import export as export_ui
from explainer.ui import web_summary


@pytest.fixture
def counted(main_window, monkeypatch):
    """The window on its self-check page, with every evaluation of the rules counted
    and every change of answers and of the report recorded."""
    main_window.show_section("self-check")
    state = {"evaluations": 0, "answers": [], "reviews": []}

    def counting(*args, **kwargs):
        state["evaluations"] += 1
        return evaluate(*args, **kwargs)

    monkeypatch.setattr(review_module, "evaluate", counting)
    main_window.session.answers_changed.connect(state["answers"].append)
    main_window.session.report_changed.connect(state["reviews"].append)
    return main_window, state


def _click(qtbot, window, button) -> None:
    with qtbot.waitSignal(window.session.report_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _type(qtbot, window, field, text: str) -> None:
    field.clear()
    with qtbot.waitSignal(window.session.report_changed):
        qtbot.keyClicks(field, text)


def _answer_some(qtbot, window) -> None:
    """Answers that leave some rules met, one not met and the rest open."""
    rows = window.self_check.questionnaire.rows
    _type(qtbot, window, rows["age_years"].input.field, "64")
    _click(qtbot, window, rows["ecog"].input.buttons["1"])
    _click(qtbot, window, rows["heart_disease"].input.buttons["yes"])


def _pdf_rows(data: bytes, tmp_path: Path) -> list[str]:
    """The self-check table's lines that start a row: the status icon first."""
    path = tmp_path / "from-the-window.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [line for line in text.splitlines() if re.match(r"[✓✗?] \S", line)]


def _in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def _page_rows(report: EligibilityReport) -> list[str]:
    return [f"{STATUS_ICONS[c.status]} {c.status_words}: {c.plain}" for c in report.criteria]


def test_one_evaluation_per_change_of_answers_and_every_view_shows_it(counted, qtbot, monkeypatch,
                                                                      tmp_path) -> None:
    window, state = counted
    session, check = window.session, window.self_check
    _answer_some(qtbot, window)
    changes = len(state["answers"])
    assert changes >= 3  # the age typed key by key, and two clicks
    assert state["evaluations"] == changes == len(state["reviews"])
    assert state["reviews"][-1] is session.review()
    report = session.review().report
    assert {c.status.value for c in report.criteria} >= {"satisfied", "not_satisfied", "unknown"}

    # The results page and the bar above the questions draw that review.
    assert check.results.shown is session.review()
    page = " ".join(check.results.browser.toPlainText().split())
    assert _in_order(page, [" ".join(row.split()) for row in _page_rows(report)])
    assert report.overall_words in check.summary.label.text()

    # The PDF, made through the bar's button, prints the same rows, and evaluates nothing.
    dialogs: list[export_ui.ExportDialog] = []

    def show(cls, export, parent, printing=False):
        dialogs.append(cls(export, parent))
        qtbot.addWidget(dialogs[-1])

    monkeypatch.setattr(export_ui.ExportDialog, "ask", classmethod(show))
    qtbot.mouseClick(check.summary.export_pdf, Qt.MouseButton.LeftButton)
    assert len(dialogs) == 1
    rows = _pdf_rows(dialogs[0].pdf, tmp_path)
    assert len(rows) == len(report.criteria)
    for line, result in zip(rows, report.criteria):
        assert line.startswith(STATUS_ICONS[result.status] + " ")
        assert " ".join(result.plain.split()[:3]) in line, (line, result.id)
    assert state["evaluations"] == changes

    # So does the web page, saved from the File menu.
    target = tmp_path / "summary.html"
    monkeypatch.setattr(web_summary.SaveWebPageDialog, "ask", classmethod(lambda cls, parent, name: target))
    window.web_summary.action.trigger()
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", target.read_text(encoding="utf-8"))).split())
    assert _in_order(words, [" ".join(c.plain.split()) for c in report.criteria])
    assert state["evaluations"] == changes

    # One more answer: one more evaluation, and the next PDF follows it.
    _click(qtbot, window, window.self_check.questionnaire.rows["heart_disease"].input.buttons["no"])
    assert state["evaluations"] == changes + 1 == len(state["answers"])
    heart = next(i for i, c in enumerate(session.review().report.criteria) if c.id == "heart_disease")
    assert STATUS_ICONS[report.criteria[heart].status] == "✗"
    box = dialogs[0].large_print  # ticked, the dialog renders again, from the session's new review
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    assert _pdf_rows(dialogs[0].pdf, tmp_path)[heart].startswith("✓ ")
    assert state["evaluations"] == changes + 1


def test_before_any_answer_the_pdf_prints_no_rows_and_evaluates_nothing_again(counted, tmp_path) -> None:
    window, state = counted
    session = window.session
    first = session.review()
    assert session.review() is first and state["evaluations"] == 0  # the window's own first look was before counting
    assert not first.answered and first.printed_report is None
    assert window.self_check.results.shown is first
    pdf = window.pdf_export.render(frozenset({"self_check"}), "a4", False)
    assert _pdf_rows(pdf, tmp_path) == [] and state["evaluations"] == 0
