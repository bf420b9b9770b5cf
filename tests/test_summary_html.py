"""The summary as a web page (issue 13, item 10), read back: it parses as HTML5 with
no error (html5lib, strict), has real headings in order, tables with header cells,
the language set, no scripts and nothing fetched from elsewhere, says what the PDF
says (the same Summary), and escapes every text it was given."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import replace

import html5lib
import pytest

from explainer.answers_io import load_answers
from explainer.cli import main
from explainer.core.summary import SECTIONS, SummaryOptions
from explainer.core.summary_labels import legend_for
from explainer.summary_source import make_summary
from explainer.webpage import render_summary_html
from tests.conftest import FIXTURES

ANSWERS = FIXTURES / "full.answers.json"
START = dt.date(2027, 1, 4)
PRINTED = dt.date(2026, 12, 5)


def parse(page: str):
    """The tree a browser builds; any parse error (a stray tag, a bad attribute, a
    missing doctype) raises html5lib's ParseError."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def words(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


@pytest.fixture(scope="module")
def summary(trial):
    return make_summary(trial, load_answers(ANSWERS, trial.nct_id), PRINTED, start=START, delays={3: 7})


@pytest.fixture(scope="module")
def page(summary) -> str:
    return render_summary_html(summary)


@pytest.fixture(scope="module")
def tree(page):
    return parse(page)


def test_the_page_is_valid_html5(page) -> None:
    parse(page)  # raises on the first parse error
    assert page.startswith("<!DOCTYPE html>\n")


@pytest.mark.parametrize("sections", [frozenset(SECTIONS), frozenset({"study"}), frozenset({"self_check"}),
                                      frozenset({"timeline", "help"}), frozenset()])
def test_every_choice_of_sections_is_valid_html5(trial, sections) -> None:
    summary = make_summary(trial, None, PRINTED, options=SummaryOptions(sections))
    tree = parse(render_summary_html(summary))
    assert [words(h) for h in tree.iter("h2")] == [summary.headings[s] for s in (*summary.sections, "disclaimer")]


def test_language_title_and_encoding(tree, summary) -> None:
    assert tree.get("lang") == "en"
    assert tree.find("head/meta[@charset]").get("charset") == "utf-8"
    assert words(tree.find("head/title")) == "Trial Explainer summary: study NCT04883242"
    assert tree.find("head/meta[@name='viewport']") is not None  # readable on a phone, zoomable


def test_headings_go_down_one_level_at_a_time(tree, summary) -> None:
    levels = [(int(e.tag[1]), words(e)) for e in tree.iter() if isinstance(e.tag, str)
              and re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == (1, summary.title) and [lv for lv, _ in levels].count(1) == 1
    for (before, _), (after, text) in zip(levels, levels[1:]):
        assert after <= before + 1, f"{text!r} skips a level"
    assert [t for lv, t in levels if lv == 2] == [summary.headings[s] for s in (*summary.sections, "disclaimer")]
    threes = [t for lv, t in levels if lv == 3]
    assert threes[:3] == [g.title for g in summary.timeline.grids]
    assert {"Your dates", "What the study needs", "Things that would keep you out",
            "Rules still open: what to ask"} <= set(threes)


def test_every_table_has_header_cells(tree) -> None:
    tables = list(tree.iter("table"))
    assert len(tables) >= 8  # facts, 3 grids, dates, 2 rule tables, contacts
    for table in tables:
        assert all(th.get("scope") in ("col", "row") for th in table.iter("th"))
        columns = table.findall("thead/tr/th[@scope='col']")
        for row in table.findall("tbody/tr"):
            # Each row is named by its header cell; with column headers, one per column.
            assert len(row.findall("th[@scope='row']")) == 1
            assert not columns or len(columns) == len(list(row))


def test_the_grids_say_each_day_in_words(tree, summary) -> None:
    legend = dict(legend_for(summary.timeline.grids))  # the key of this summary's grids
    grids = [t for t in tree.iter("table") if t.get("class") == "grid"]
    assert len(grids) == len(summary.timeline.grids)
    for table, grid in zip(grids, summary.timeline.grids, strict=True):
        head = [words(th) for th in table.find("thead/tr").iter("th")]
        assert len(head) == grid.length_days + 1
        for day in grid.clinic_days:
            assert head[day] == f"{day} (clinic day)"
        for day in grid.maybe_clinic_days:
            assert head[day] == f"{day} (clinic day only if given by drip)"
        rows = table.findall("tbody/tr")
        assert [words(r.find("th")) for r in rows] == [r.name for r in grid.rows]
        for row, data in zip(rows, grid.rows, strict=True):
            said = {day: words(td) for day, td in enumerate(row.findall("td"), start=1)}
            kind = {"IV": "iv", "PO": "po", "PO_OR_IV": "either", "SC": "sc"}[data.route.value]
            assert {d for d, w in said.items() if w} == set(data.days)
            assert {w for w in said.values() if w} == {legend[kind]}


def test_the_page_says_what_the_summary_says(tree, summary) -> None:
    text = words(tree.find("body"))
    squeezed = re.sub(r"\s", "", text)  # a fact's name and value sit in two cells: compare without spaces
    check, part = summary.self_check, summary.timeline
    every = [summary.title, summary.subtitle, summary.short_disclaimer, *summary.study, summary.status,
             *(w for pair in (*summary.facts, *summary.contacts, *summary.words) for w in pair),
             part.intro, part.how_given, part.how_to_read, part.dates_intro, part.dates_more,
             check.intro, check.overall, check.counts, *check.notes, *check.doctor_questions, check.not_met_note,
             *(w for r in check.rows for w in (r.status_text, r.plain, r.source, r.reason, *r.your_answer)),
             *summary.team_questions, summary.help_intro, *summary.disclaimer]
    for words_shown in every:
        assert re.sub(r"\s", "", words_shown) in squeezed
    for journey in summary.timeline.journey:
        assert journey.name in text
    for cycle in summary.timeline.dates:
        assert cycle.label in text
    assert summary.footer in text
    assert "Mon Mar 8, 2027" in text  # cycle 3, a week late as the patient said


def test_the_unmet_rule_is_marked_in_words_and_by_its_row(tree) -> None:
    unmet = [r for r in tree.iter("tr") if r.get("class") == "unmet"]
    assert len(unmet) == 1
    cells = [words(cell) for cell in unmet[0]]
    assert cells[0] == "✗ Seems not met" and cells[1].startswith("Any nerve damage")


def test_no_script_and_nothing_from_elsewhere(tree, page) -> None:
    banned = {"script", "iframe", "object", "embed", "img", "link", "base", "form", "audio", "video", "a"}
    tags = {e.tag for e in tree.iter() if isinstance(e.tag, str)}
    assert not tags & banned
    for element in tree.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"event handler {name} on <{element.tag}>"
            if name in ("href", "src", "xlink:href", "srcset", "action"):
                assert value.startswith("#"), f"{name}={value!r} on <{element.tag}>"
    style = "".join(words(s) for s in tree.iter("style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert "://" not in page  # no web address at all: opening it fetches nothing


def test_it_prints_well(tree) -> None:
    style = "".join(s.text for s in tree.iter("style"))
    assert "@media print" in style and "@page" in style
    assert "break-inside: avoid" in style  # a rule's row is not cut between two pages


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" </td></table>'


def test_every_text_is_escaped(summary) -> None:
    """The record's words are untrusted (--trial takes any file): they show as text."""
    check = summary.self_check
    rows = (replace(check.rows[0], plain=HOSTILE, source=HOSTILE, reason=HOSTILE), *check.rows[1:])
    hostile = replace(summary, title=HOSTILE, facts=((HOSTILE, HOSTILE),), study=(HOSTILE,),
                      team_questions=(HOSTILE,), self_check=replace(check, rows=rows),
                      metadata={**summary.metadata, "title": HOSTILE, "lang": 'en" onload="alert(1)'})
    page = render_summary_html(hostile)
    tree = parse(page)
    assert not list(tree.iter("script")) and not list(tree.iter("img"))
    assert not any(k.startswith("on") for e in tree.iter() for k in e.attrib)
    assert tree.get("lang") == "en"
    assert words(tree.find("body/header/h1")) == re.sub(r"\s+", " ", HOSTILE).strip()
    assert words(tree.find("head/title")) == re.sub(r"\s+", " ", HOSTILE).strip()
    assert words(tree.find("body")).count("<script>") == 8  # title, fact name and value, study, question, rule, source, reason


# --- the command line -------------------------------------------------------------------

def test_html_command_writes_the_same_page(tmp_path, trial, capsys) -> None:
    out = tmp_path / "summary.html"
    assert main(["html", str(ANSWERS), "-o", str(out), "--start-date", START.isoformat(), "--delay", "3:7"]) == 0
    page = out.read_text(encoding="utf-8")
    summary = make_summary(trial, load_answers(ANSWERS, trial.nct_id), dt.date.today(), start=START, delays={3: 7})
    assert page == render_summary_html(summary)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600  # it may hold the patient's answers
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_html_command_without_answers(tmp_path) -> None:
    out = tmp_path / "summary.html"
    assert main(["html", "-o", str(out)]) == 0
    tree = parse(out.read_text(encoding="utf-8"))
    assert "The self-check was not filled in" in words(tree.find("body"))


@pytest.mark.parametrize(("args", "message"), [
    (["--start-date", "2027-02-30"], "--start-date: '2027-02-30' is not a date"),
    (["--delay", "3:7"], "--delay needs --start-date"),
    (["--start-date", "2027-01-04", "--delay", "1:7"], "a late cycle 1 is a later first treatment day"),
    (["-o", "{tmp}"], "is a folder. Give a file name, such as summary.html"),
    (["-o", "{tmp}/missing/s.html"], "does not exist"),
])
def test_html_command_bad_input_is_one_line_and_no_file(tmp_path, capsys, args, message) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    args = [a.replace("{tmp}", str(folder)) for a in args]
    output = [] if "-o" in args else ["-o", str(folder / "s.html")]
    assert main(["html", *args, *output]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert list(folder.iterdir()) == []


def test_html_command_leaves_no_part_file_when_the_disk_fails(tmp_path, monkeypatch, capsys) -> None:
    import explainer.files

    monkeypatch.setattr(explainer.files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(28, "No space")))
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["html", "-o", str(folder / "s.html")]) == 2
    assert "cannot be written (No space)" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_html_command_never_writes_over_the_answers_it_reads(tmp_path, capsys) -> None:
    """Like pdf: `html mine.answers.json -o mine.answers.json` would lose the answers."""
    from explainer.cli import main

    answers = tmp_path / "mine.answers.json"
    answers.write_bytes(ANSWERS.read_bytes())
    before = answers.read_bytes()
    assert main(["html", str(answers), "-o", str(answers)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "a file this command reads" in err
    assert answers.read_bytes() == before
