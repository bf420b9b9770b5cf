"""The real PDF, read back with poppler: every section, the patient's own values, the
footer, embedded fonts, the same bytes for the same inputs, and no file on errors.
Page images go to artifacts/pdf/ for a person to look at."""

from __future__ import annotations

import datetime as dt
import errno
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.core.facts import long_date
from tests.conftest import FIXTURES

ANSWERS = FIXTURES / "full.answers.json"
HEADINGS = ("About the study", "Treatment timeline", "Induction cycle 1", "Induction cycles 2 to 6",
            "Maintenance: every cycle, for up to 24 months", "The whole journey", "Your dates",
            "Your self-check", "Rules still open: what to ask", "Questions to ask the study team",
            "Contacts and where to get help", "Please read: this is not medical advice")


def pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def export(tmp_path: Path, *args: str, name: str = "summary.pdf") -> Path:
    out = tmp_path / name
    assert main(["pdf", *args, "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def full_pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    return export(folder, str(ANSWERS), "--start-date", "2026-12-01", "--paper", "a4")


@pytest.mark.parametrize("heading", HEADINGS)
def test_every_section_is_in_the_pdf(full_pdf, heading) -> None:
    assert heading in pdf_text(full_pdf)


@pytest.mark.parametrize("words", [
    "Your platelets: 30 ×10⁹/L = 30,000/µL. The",  # the open rule, in the patient's own unit
    # ... opened by the way up, before the low number (a nurse's reread, issue 12)
    "This rule stays open: the study lets a growth factor (a medicine that helps your body make blood cells) or "
    "a blood transfusion bring your platelets up to 50,000/µL. Your platelets: 30",
    "✗ Seems",
    "✓ Does not",  # an exclusion says whether it applies (issue 12 item 5)
    "Registry wording: Platelets >= 50,000/uL",
    "Ask your doctor: do I have heart disease that would count for this study?",
    "NCT05911321",
    "Only the study team decides who can join.",
    "1-800-4-CANCER",
    "Tue Dec 1, Tue Dec 8, Tue Dec 15, Tue Dec 22",
])
def test_the_pdf_says(full_pdf, words) -> None:
    assert words in " ".join(pdf_text(full_pdf).split())  # a line may wrap anywhere at 10.5 pt


def test_the_self_check_opens_with_the_status_and_never_says_match(full_pdf) -> None:
    """Issue 12 items 7 and 15, in the real PDF read back."""
    words = " ".join(pdf_text(full_pdf).split())
    section = words[words.index("Your self-check On"):]
    assert section.startswith("Your self-check On September 26, 2025, this study was not taking new people. "
                              "That is the date of the study's record")
    assert 'The help lines in the part "Contacts and where to get help" below' in section
    assert "seems not to fit a rule, but on September 26, 2025 the study was not taking new people; " \
           "only the study team decides." in section
    ours = words.replace("diagnoses are eligible for inclusion", "").replace("they are eligible if", "")  # registry's
    assert "match" not in ours.lower() and "eligible" not in ours.lower()
    assert "Seems met: You cannot" not in words


def test_footer_dates_the_record_and_the_printing_and_numbers_pages(full_pdf) -> None:
    text = pdf_text(full_pdf)
    pages = page_count(full_pdf)
    today = long_date(dt.date.today())
    for number in range(1, pages + 1):
        assert (f"Registry record of September 26, 2025 · Printed on {today} · Page {number} of {pages}"
                in text)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_full_summary_is_two_to_eight_pages_and_its_words_two_more(tmp_path, paper, trial) -> None:
    """The summary for the doctor fits 2 to 7 pages; the meanings of its hard words
    (issue 7: printed where the terms appear) add at most 2 pages at the end. Issue 12
    raised body text to 10.5 pt and added the key points and what a clinic day asks:
    it was 4 pages at 9.2 pt."""
    from explainer.answers_io import load_answers
    from explainer.core.summary import SECTIONS, SummaryOptions
    from explainer.pdf import render_summary_pdf
    from explainer.summary_source import make_summary

    out = export(tmp_path, str(ANSWERS), "--start-date", "2026-12-01", "--paper", paper)
    with_words = page_count(out)
    summary = make_summary(trial, load_answers(ANSWERS), dt.date(2026, 11, 24), start=dt.date(2026, 12, 1),
                           options=SummaryOptions(sections=frozenset(SECTIONS) - {"words"}))
    bare = tmp_path / "bare.pdf"
    bare.write_bytes(render_summary_pdf(summary, paper))
    # Since issue 12: 10.5 pt body text, the key-points box, clinic days, each
    # measurable-disease threshold, every allowed other cancer, the study's status
    # first in the self-check, and a low count's way up.
    assert 2 <= page_count(bare) <= 8
    assert with_words <= page_count(bare) + 2
    assert "Words used in this summary" in pdf_text(out) and "Words used" not in pdf_text(bare)
    size = {"a4": "595.276 x 841.89", "letter": "612 x 792"}[paper]
    assert size in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout


def test_every_font_is_embedded_and_none_is_helvetica(full_pdf) -> None:
    table = subprocess.run(["pdffonts", str(full_pdf)], capture_output=True, text=True, check=True).stdout
    fonts = table.splitlines()[2:]
    assert len(fonts) == 2 and all("DejaVuSans" in f for f in fonts)
    assert all(f.split()[-5] == "yes" for f in fonts), table  # the 'emb' column
    assert "Helvetica" not in table and "ZapfDingbats" not in table


def test_metadata(full_pdf) -> None:
    info = subprocess.run(["pdfinfo", str(full_pdf)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Trial Explainer summary: study NCT04883242" in info
    assert "Author:          Trial Explainer" in info
    assert "Subject:         Plain-language summary of study NCT04883242" in info
    assert b"/Lang (en)" in full_pdf.read_bytes()


def test_same_inputs_give_the_same_bytes(tmp_path, full_pdf) -> None:
    again = export(tmp_path, str(ANSWERS), "--start-date", "2026-12-01", "--paper", "a4")
    assert again.read_bytes() == full_pdf.read_bytes()
    other = export(tmp_path, str(ANSWERS), "--start-date", "2026-12-08", "--paper", "a4", name="other.pdf")
    assert other.read_bytes() != full_pdf.read_bytes()


def test_in_process_renders_are_identical_and_dated_by_the_printing_day(trial) -> None:
    from explainer.pdf import render_summary_pdf
    from explainer.summary_source import make_summary

    summary = make_summary(trial, None, dt.date(2026, 11, 24))
    first, second = render_summary_pdf(summary), render_summary_pdf(summary)
    assert first == second
    assert b"D:20261124000000" in first


def test_without_answers_the_self_check_says_so(tmp_path) -> None:
    text = pdf_text(export(tmp_path))
    assert "The self-check was not filled in." in text
    assert "Your dates" not in text, "no start date, no personal dates"


def test_large_print_is_larger_and_says_the_same(tmp_path, full_pdf) -> None:
    large = export(tmp_path, str(ANSWERS), "--start-date", "2026-12-01", "--paper", "a4", "--large-print")
    assert page_count(large) > page_count(full_pdf)
    text = pdf_text(large)
    assert all(h in text for h in HEADINGS)


@pytest.mark.parametrize(("make_target", "message"), [
    (lambda tmp: tmp / "missing" / "out.pdf", "does not exist"),
    (lambda tmp: tmp / "file.txt" / "out.pdf", "is a file, not a folder"),
    (lambda tmp: Path("/proc/out.pdf"), "cannot write here"),
    (lambda tmp: tmp, "is a folder"),
])
def test_an_unwritable_or_missing_folder_exits_2_and_leaves_no_file(tmp_path, capsys, make_target, message) -> None:
    (tmp_path / "file.txt").write_text("not a folder", encoding="utf-8")
    target = make_target(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    assert main(["pdf", str(ANSWERS), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert sorted(tmp_path.rglob("*")) == before
    assert not Path("/proc/out.pdf").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--start-date", "2026-02-30"], "--start-date: '2026-02-30' is not a date"),
    (["--start-date", "next week"], "use YYYY-MM-DD"),
    (["--start-date", "20270104"], "use YYYY-MM-DD"),  # as strict as the calendar command
    (["--start-date", "9999-12-01"], "not a possible first treatment day"),  # was an OverflowError traceback
    (["--start-date", "1900-01-01"], "the study started on 2021-07-29"),
    (["--paper", "legal"], "invalid choice"),
])
def test_bad_options_exit_2_with_no_file(tmp_path, capsys, args, message) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    assert main(["pdf", str(ANSWERS), "-o", str(folder / "out.pdf"), *args]) == 2
    assert message in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_a_bad_answers_file_exits_2_with_no_file(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.answers.json"
    bad.write_text('{"format": "trial-explainer-answers", "version": 1}', encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert main(["pdf", str(bad), "-o", str(out)]) == 2
    assert "bad.answers.json" in capsys.readouterr().err
    assert not out.exists()


def test_a_full_disk_leaves_neither_the_pdf_nor_a_temporary_file(tmp_path, capsys, monkeypatch) -> None:
    import explainer.commands.pdf as pdf_command

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "out.pdf"
    out.write_bytes(b"the old file")
    monkeypatch.setattr(pdf_command.os, "fsync", full_disk)
    assert main(["pdf", str(ANSWERS), "-o", str(out)]) == 2
    assert "cannot write the PDF (No space left on device)" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["out.pdf"]
    assert out.read_bytes() == b"the old file", "the old file is kept whole"


def test_the_command_line_end_to_end(tmp_path) -> None:
    """The installed entry point, as a clinic's script would run it."""
    out = tmp_path / "summary.pdf"
    done = subprocess.run([sys.executable, "-m", "explainer", "pdf", str(ANSWERS), "-o", str(out)],
                          capture_output=True, text=True, env={"LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "612 x 792" in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    failed = subprocess.run([sys.executable, "-m", "explainer", "pdf", "-o", str(tmp_path / "no" / "x.pdf")],
                            capture_output=True, text=True)
    assert failed.returncode == 2 and failed.stderr.count("\n") == 1 and "Traceback" not in failed.stderr


def test_page_images_for_a_person_to_look_at(full_pdf, artifacts, tmp_path) -> None:
    folder = artifacts / "pdf"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("summary-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(full_pdf), str(folder / "summary")], check=True)
    large = export(tmp_path, str(ANSWERS), "--start-date", "2026-12-01", "--paper", "letter", "--large-print")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(large), str(folder / "large")],
                   check=True)
    pages = sorted(folder.glob("summary-*.png"))
    assert len(pages) == page_count(full_pdf)
    assert all(p.stat().st_size > 10_000 for p in pages), "a page came out blank"


def test_the_glossary_hook_prints_a_words_section(tmp_path, trial, monkeypatch) -> None:
    import explainer.summary_source as source
    from explainer.pdf import render_summary_pdf

    monkeypatch.setattr(source, "glossary_hook",
                        lambda _glossary: lambda words: [("Refractory", "Myeloma that stopped responding to treatment.")])
    out = tmp_path / "words.pdf"
    out.write_bytes(render_summary_pdf(source.make_summary(trial, None, dt.date(2026, 11, 24))))
    text = pdf_text(out)
    assert "Words used in this summary" in text and "Myeloma that stopped responding to treatment." in text


def test_a_broken_words_file_is_named_not_a_traceback(tmp_path, capsys, monkeypatch) -> None:
    import explainer.summary_source as source

    good = source._builtin_text()
    broken = good.model_copy(update={"status": "Is it open? {{ no_such_fact }}"})
    monkeypatch.setattr(source, "_builtin_text", lambda: broken)
    folder = tmp_path / "exports"
    folder.mkdir()
    assert main(["pdf", "-o", str(folder / "out.pdf")]) == 2
    assert "summary.json: unknown placeholder {{ no_such_fact }}" in capsys.readouterr().err
    assert list(folder.iterdir()) == []
    assert main(["validate"]) == 2


@pytest.mark.parametrize("large_print", [False, True])
def test_the_status_column_keeps_its_icon_and_first_word_together(trial, large_print) -> None:
    """'✓ Seems met' may wrap after 'Seems', never leave the ✓ alone on its line (large print did)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from explainer.pdf.fonts import BOLD, register_fonts
    from explainer.pdf.story import StoryBuilder
    from explainer.pdf.styles import make_styles
    from explainer.summary_source import make_summary

    register_fonts()
    styles = make_styles(large_print)
    width = 515.0  # A4 less the margins
    builder = StoryBuilder(make_summary(trial, None, dt.date(2026, 11, 24)), styles, width)
    status, rule, answer = builder.check_columns()
    assert status + rule + answer == pytest.approx(width)
    padding = 2 * 3  # the grid style's left and right padding
    for words in ("✓ Seems", "✗ Seems", "? Still", "✓ Does not", "✗ Seems to"):
        assert stringWidth(words, BOLD, styles.cell_bold.fontSize) <= status - padding, words


def test_large_print_has_no_small_text(trial) -> None:
    """Every paragraph style is at least 12 pt (the registry's quoted words 11 pt) in large
    print; 1.4 times a table cell's 7.8 pt was 10.9 pt."""
    from explainer.pdf.styles import LARGE_PRINT_FLOOR, LARGE_PRINT_SOURCE_FLOOR, make_styles

    normal, large = make_styles(False), make_styles(True)
    for name in ("title", "subtitle", "h1", "h2", "body", "small", "cell", "cell_bold", "bullet", "boxed"):
        size = getattr(large, name).fontSize
        assert size >= LARGE_PRINT_FLOOR and size >= getattr(normal, name).fontSize * 1.4 - 1e-9, name
    assert large.source.fontSize >= LARGE_PRINT_SOURCE_FLOOR


@pytest.mark.parametrize(("large_print", "header_rows", "smallest_day_number"), [(False, 1, 5.0), (True, 2, 8.5)])
def test_large_print_draws_the_days_in_two_rows_so_they_can_grow(trial, large_print, header_rows,
                                                                 smallest_day_number) -> None:
    from reportlab.graphics.shapes import String

    from explainer.core.schedule import build_timeline
    from explainer.core.summary_grids import cycle_grids
    from explainer.pdf.drawings import grid_drawing
    from explainer.pdf.fonts import register_fonts
    from explainer.pdf.styles import make_styles

    register_fonts()  # the names' widths are measured in DejaVu
    grid = cycle_grids(build_timeline(trial, dt.date(2026, 12, 1)))[0]
    drawing = grid_drawing(grid, 480, make_styles(large_print))
    numbers = [shape for shape in drawing.contents if isinstance(shape, String) and shape.text.isdigit()]
    assert sorted(int(n.text) for n in numbers) == list(range(1, 29))  # every day, once
    assert len({round(n.y) for n in numbers}) == header_rows
    assert min(n.fontSize for n in numbers) >= smallest_day_number


def test_large_print_drawings_have_no_small_text_either(trial) -> None:
    """The grids, their key and the journey boxes, not only the paragraphs, reach 12 pt."""
    from reportlab.graphics.shapes import Group, String

    from explainer.core.schedule import build_timeline, journey
    from explainer.core.summary_grids import cycle_grids, journey_boxes
    from explainer.core.summary_labels import legend_for
    from explainer.pdf.drawings import grid_drawing, journey_drawing, legend_drawing
    from explainer.pdf.fonts import register_fonts
    from explainer.pdf.styles import LARGE_PRINT_FLOOR, make_styles

    def strings(shapes):
        for shape in shapes:
            if isinstance(shape, Group):
                yield from strings(shape.contents)
            elif isinstance(shape, String):
                yield shape

    register_fonts()
    styles = make_styles(True)
    timeline = build_timeline(trial, dt.date(2026, 12, 1))
    drawings = [grid_drawing(grid, 480, styles) for grid in cycle_grids(timeline)]
    drawings += [legend_drawing(legend_for(cycle_grids(timeline)), 480, styles),
                 journey_drawing(journey_boxes(journey(trial), timeline), 480, styles)]
    sizes = [(text.text, text.fontSize) for drawing in drawings for text in strings(drawing.contents)]
    assert len(sizes) > 100
    assert [(t, size) for t, size in sizes if size < LARGE_PRINT_FLOOR] == []
