"""Every file the app writes, in Spanish, holds no English outside the registry's
quoted words (issue 19, "Done when"): the summary PDF (read back with pdftotext) and
web page, `check`'s text, the same for every sample record, the page "Studies I looked
at" and the treatment calendar. And the other way: `--lang en` and an English export
from a Spanish window hold no Spanish, byte for byte as before.
"""

from __future__ import annotations

import html
import re
import subprocess
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from explainer.cli import main
from tests.conftest import FIXTURES
from tests.english_words import SAMPLES, english_outside_quotes, registry_text, spanish_outside_quotes

ANSWERS = str(FIXTURES / "full.answers.json")
START = ["--start-date", "2027-01-04"]
SAMPLE_IDS = [path.stem for path in SAMPLES]


@pytest.fixture(scope="module")
def registry() -> str:
    return registry_text()


def run(argv: list[str]) -> str:
    """The command's printed text (exit 0 asserted: a failed command writes nothing)."""
    printed = StringIO()
    with redirect_stdout(printed):
        status = main(argv)
    assert status == 0, argv
    return printed.getvalue()


def pdf_text(path: Path) -> str:
    """The words in the order they are drawn (-raw): a table cell's lines stay together, never
    beside the next column's (a title in two columns would read as one English line)."""
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


_BLOCK = re.compile(r"</?(?:p|li|td|th|h[1-6]|tr|div|caption|dt|dd|title|br|section|ul|ol|table|figcaption|header"
                    r"|footer|main|nav|summary|details|svg|text|desc)\b[^>]*>", re.IGNORECASE)


def page_text(path: Path) -> str:
    """What a web page says: each block's text on its own line, and the words in its
    attributes (a screen reader's names, tooltips); the style sheet is no text."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S | re.I)
    spoken = re.findall(r'(?:aria-label|title|alt)="([^"]*)"', page)
    shown = re.sub(r"<[^>]+>", " ", _BLOCK.sub("\n", page))
    return html.unescape("\n".join([shown, *spoken]))


def calendar_text(path: Path) -> str:
    """The calendar's words: each SUMMARY, DESCRIPTION and calendar name, unfolded and unescaped."""
    from icalendar import Calendar

    calendar = Calendar.from_ical(path.read_bytes())
    texts = [str(calendar.get("x-wr-calname")), str(calendar.get("x-wr-caldesc") or "")]
    for event in calendar.walk("VEVENT"):
        texts += [str(event.get("summary")), str(event.get("description"))]
    return "\n".join(texts)


def assert_no_english(where: str, text: str, registry: str) -> None:
    flagged = sorted(set(english_outside_quotes([(where, text)], registry)))
    assert flagged == [], f"{len(flagged)} English texts:\n" + "\n".join(flagged[:60])


def assert_no_spanish(where: str, text: str, registry: str) -> None:
    flagged = sorted(set(spanish_outside_quotes([(where, text)], registry)))
    assert flagged == [], f"{len(flagged)} Spanish texts:\n" + "\n".join(flagged[:60])


# ---------------------------------------------------------------- the built-in study, in Spanish

def test_the_built_in_pdf_in_spanish(tmp_path, registry) -> None:
    out = tmp_path / "resumen.pdf"
    run(["pdf", ANSWERS, "-o", str(out), *START, "--lang", "es"])
    text = pdf_text(out)
    assert "Cronología del tratamiento" in text and "4 de enero de 2027" in text  # it is the Spanish PDF
    assert_no_english("pdf", text, registry)


def test_the_built_in_web_page_in_spanish(tmp_path, registry) -> None:
    out = tmp_path / "resumen.html"
    run(["html", ANSWERS, "-o", str(out), *START, "--lang", "es"])
    text = page_text(out)
    assert "Cronología del tratamiento" in text
    assert_no_english("html", text, registry)


def test_the_built_in_check_in_spanish(registry) -> None:
    text = run(["check", ANSWERS, "--lang", "es"])
    assert "No lo sé" in text or "Sí" in text
    assert_no_english("check", text, registry)


# ---------------------------------------------------------------- any record, in Spanish

@pytest.mark.parametrize("record", SAMPLES, ids=SAMPLE_IDS)
def test_a_records_pdf_web_page_and_check_in_spanish(tmp_path, registry, record) -> None:
    pdf, page = tmp_path / "resumen.pdf", tmp_path / "resumen.html"
    run(["pdf", "--trial", str(record), "-o", str(pdf), "--lang", "es"])
    run(["html", "--trial", str(record), "-o", str(page), "--lang", "es"])
    checked = run(["check", "--trial", str(record), "--lang", "es"])
    assert_no_english(f"{record.stem} pdf", pdf_text(pdf), registry)
    assert_no_english(f"{record.stem} html", page_text(page), registry)
    assert_no_english(f"{record.stem} check", checked, registry)
    if "\n    > " in checked:  # the record's items, quoted: labelled once, before them
        assert "Las líneas que empiezan con > son palabras del registro (texto del registro, en inglés)." in checked


def test_a_record_with_answers_in_spanish(tmp_path, registry) -> None:
    """The answers beside each item (a made-up answers file of the shared question bank)."""
    record = FIXTURES / "ctgov" / "NCT06388018.json"
    pdf = tmp_path / "resumen.pdf"
    run(["pdf", ANSWERS, "--trial", str(record), "-o", str(pdf), "--lang", "es"])
    checked = run(["check", ANSWERS, "--trial", str(record), "--lang", "es"])
    assert_no_english("pdf", pdf_text(pdf), registry)
    assert_no_english("check", checked, registry)


@pytest.mark.parametrize(("record", "words"), [
    ("NCT02576665", ["al menos 100\u00a0000/µL", "al menos 1\u00a0500/µL", "1,5 veces el límite alto de lo normal"]),
    ("NCT04431453", ["Edad: al menos 28 días", "Edad: menos de 18 años"]),  # the record's "days", "years"
])
def test_a_records_limits_in_spanish_style(record, words) -> None:
    checked = run(["check", "--trial", str(FIXTURES / "ctgov" / f"{record}.json"), "--lang", "es"])
    checked = checked.replace(" ", "\u00a0")  # check's text may write the no-break space as a plain one
    assert [w for w in words if w.replace(" ", "\u00a0") not in checked] == []


def test_the_compare_page_in_spanish(tmp_path, registry) -> None:
    out = tmp_path / "estudios.pdf"
    run(["compare", "--built-in", *map(str, SAMPLES[:4]), "--answers", ANSWERS, "--country", "United States",
         "-o", str(out), "--lang", "es"])
    text = pdf_text(out)
    assert "NCT04883242" in text
    assert_no_english("compare", text, registry)


@pytest.mark.parametrize("only_clinic_days", [False, True], ids=["every day", "clinic days"])
def test_the_calendar_in_spanish(tmp_path, registry, only_clinic_days) -> None:
    out = tmp_path / "calendario.ics"
    extra = ["--clinic-days-only"] if only_clinic_days else []
    said = run(["calendar", *START, "-o", str(out), "--delay", "3:7", *extra, "--lang", "es"])
    text = calendar_text(out)
    assert "Mis días de tratamiento (NCT04883242)" in text and "ciclo 1, día 1" in text
    assert "Quizás un día de clínica" in text  # dexamethasone "by mouth or by drip"
    assert_no_english("calendar", text, registry)
    assert said.startswith("Se guardaron ") and "4 de enero de 2027" in said


def test_the_calendar_saved_from_a_spanish_window_is_spanish(registry, spanish) -> None:
    """The window writes the .ics inside its language (personal_dates calls timeline_to_ics)."""
    import datetime as dt

    from explainer.calendar_ics import timeline_to_ics
    from explainer.content import load_trial
    from explainer.core.schedule import build_timeline

    trial = load_trial(None)
    text = timeline_to_ics(build_timeline(trial, dt.date(2027, 1, 4)), trial).decode("utf-8")
    assert "SUMMARY:Día en la clínica: isatuximab" in text
    assert_no_english("calendar", re.sub(r"\r\n[ \t]", "", text.split("BEGIN:VEVENT", 1)[1]), registry)


# ---------------------------------------------------------------- English stays English

@pytest.mark.parametrize("command", ["pdf", "html", "check", "calendar", "compare"])
def test_english_holds_no_spanish(tmp_path, registry, command) -> None:
    out = tmp_path / f"out.{command}"
    argv = {"pdf": ["pdf", ANSWERS, "-o", str(out), *START],
            "html": ["html", ANSWERS, "-o", str(out), *START],
            "check": ["check", ANSWERS],
            "calendar": ["calendar", *START, "-o", str(out)],
            "compare": ["compare", "--built-in", *map(str, SAMPLES[:4]), "--answers", ANSWERS, "-o", str(out)],
            }[command]
    said = run([*argv, "--lang", "en"])
    read = {"pdf": pdf_text, "compare": pdf_text, "html": page_text, "calendar": calendar_text}
    text = said if command == "check" else read[command](out)
    assert_no_spanish(command, text + said, registry)


@pytest.mark.parametrize("record", SAMPLES, ids=SAMPLE_IDS)
def test_a_records_english_pdf_holds_no_spanish(tmp_path, registry, record) -> None:
    out = tmp_path / "summary.pdf"
    run(["pdf", "--trial", str(record), "-o", str(out), "--lang", "en"])
    assert_no_spanish(record.stem, pdf_text(out), registry)


@pytest.mark.parametrize("command", ["calendar", "compare"])
def test_english_is_the_default_and_the_same_bytes(tmp_path, command) -> None:
    """The option added to calendar and compare changes nothing in English."""
    plain, english = tmp_path / "plain", tmp_path / "english"
    argv = {"calendar": ["calendar", *START, "--delay", "3:7"],
            "compare": ["compare", "--built-in", str(SAMPLES[0]), "--answers", ANSWERS]}[command]
    said = run([*argv, "-o", str(plain)])
    assert run([*argv, "-o", str(english), "--lang", "en"]) == said.replace(str(plain), str(english))
    assert plain.read_bytes() == english.read_bytes() and plain.read_bytes()


def test_the_detector_finds_english_and_spanish(registry) -> None:
    """Both checks can fail: an English sentence in a Spanish text, a Spanish one in English."""
    assert english_outside_quotes([("x", "Su cita es el lunes. Ask your study team.")], registry)
    assert not english_outside_quotes([("x", "Su cita es el lunes. Pregunte al equipo del estudio.")], registry)
    assert spanish_outside_quotes([("x", "Your visit is on Monday. Pregunte al equipo del estudio.")], registry)
    assert not spanish_outside_quotes([("x", "Your visit is on Monday. Ask your study team.")], registry)


# ---------------------------------------------------------------- the pages' layout with longer words

def words_on_pages(path: Path) -> list[tuple[str, float, float, float, float, float]]:
    """(word, xMin, yMin, xMax, page width, page height) of every word pdftotext finds."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', boxes, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for word in re.finditer(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="[\d.-]+">(.*?)</word>',
                                page.group(3)):
            found.append((html.unescape(word.group(4)), float(word.group(1)), float(word.group(2)),
                          float(word.group(3)), width, height))
    return found


@pytest.fixture(scope="module")
def large_spanish_pdfs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("grande")
    made = {"summary": folder / "resumen.pdf", "compare": folder / "estudios.pdf"}
    run(["pdf", ANSWERS, "-o", str(made["summary"]), *START, "--large-print", "--lang", "es"])
    run(["compare", "--built-in", str(SAMPLES[0]), str(SAMPLES[-1]), "--answers", ANSWERS, "-o",
         str(made["compare"]), "--large-print", "--lang", "es"])
    return made


@pytest.mark.parametrize("which", ["summary", "compare"])
def test_every_word_stays_on_the_page_in_large_spanish_print(large_spanish_pdfs, which) -> None:
    """The footer ("Registro del estudio del ... · Página 1 de 19") wraps rather than run off both edges."""
    off = [word for word, left, top, right, width, height in words_on_pages(large_spanish_pdfs[which])
           if left < 0 or right > width or top < 0]
    assert off == []


@pytest.mark.parametrize(("which", "whole", "cut"), [
    ("summary", "Patrocinador", "Patrocinad"),     # the study's facts: its first column
    ("summary", "Mantenimiento,", "Mantenimien"),  # the dates' first column: "Mantenimiento, ciclo 1"
    ("compare", "autoevaluación", "autoeval"),     # the column naming the rows: "Su autoevaluación"
])
def test_no_word_is_cut_in_two(large_spanish_pdfs, which, whole, cut) -> None:
    """A column naming rows is as wide as its longest word (these were cut where the column ended)."""
    words = [word for word, *_ in words_on_pages(large_spanish_pdfs[which])]
    assert whole in words and cut not in words


def test_the_journey_stage_names_stay_inside_their_boxes(large_spanish_pdfs) -> None:
    """The stage name "Pruebas de selección" ends before the next stage's box begins."""
    words = words_on_pages(large_spanish_pdfs["summary"])
    first = next(w for w in words if w[0] == "selección")
    next_stage = next(w for w in words if w[0] == "Inducción" and abs(w[2] - first[2]) < 30 and w[1] > first[1])
    assert first[3] < next_stage[1]
