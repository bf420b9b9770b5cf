"""The plain-text rendering of a study's pages, and the words file's own checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explainer.content import ContentError, resources_root
from explainer.core.registry_record import from_registry_json
from explainer.core.study_pages import build_study_pages
from explainer.core.escaping import markdown_lines as escape
from explainer.core.study_text import render_text
from explainer.study_words_io import load_study_words, study_words

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
WORDS = study_words()


def record(**modules: object):  # noqa: ANN201 - a RegistryStudy
    protocol: dict[str, object] = {"identificationModule": {"nctId": "NCT00000001", "briefTitle": "A study"}}
    protocol.update(modules)
    return from_registry_json({"protocolSection": protocol})[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("<b>bold</b>", "\\<b\\>bold\\</b\\>"),
    ("**x** _y_ `z`", "\\*\\*x\\*\\* \\_y\\_ \\`z\\`"),
    ("[link](http://x)", "\\[link\\](http://x)"),
    ("# Heading", "\\# Heading"),
    ("- item\n1. item\n+ item\n> quote", "\\- item\n1\\. item\n\\+ item\n\\> quote"),
    ("a\\b", "a\\\\b"),
    ("tab\tand\x07bell", "tab\tand bell"),
    ("Age 18 - 75, e-mail: a.b@c.org", "Age 18 - 75, e-mail: a.b@c.org"),
])
def test_escape_keeps_markdown_from_doing_anything(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_a_text_after_a_label_is_not_escaped_as_a_line_start() -> None:
    assert escape("+1 555 0100", line_start=False) == "+1 555 0100"
    assert escape("+1 555\n+2 555", line_start=False) == "+1 555\n\\+2 555"


def test_a_hostile_record_cannot_add_structure_to_the_text() -> None:
    study = record(identificationModule={"nctId": "NCT00000001", "briefTitle": "# Not a heading\n[x](javascript:y)"},
                   descriptionModule={"briefSummary": "<script>alert(1)</script>\n\n## Also not a heading"})
    text = render_text(build_study_pages(study, WORDS))
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert all(not h.startswith(("# Not", "## Also")) for h in headings)
    assert "> \\# Not a heading" in text
    assert "> \\<script\\>alert(1)\\</script\\>" in text
    assert "> \\#\\# Also not a heading" in text


def test_registry_words_are_quoted_under_the_apps_label() -> None:
    study = record(descriptionModule={"briefSummary": "First line.\n\nSecond line."})
    text = render_text(build_study_pages(study, WORDS))
    assert f"{escape(WORDS.about.summary_label)}\n> First line.\n>\n> Second line." in text


@pytest.mark.parametrize("nct_id", sorted(p.stem for p in SAMPLES.glob("NCT*.json")))
def test_every_sample_renders_with_one_title_per_page(nct_id: str) -> None:
    study = from_registry_json(json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8")))[0]
    pages = build_study_pages(study, WORDS)
    text = render_text(pages)
    titles = [line[2:] for line in text.splitlines() if line.startswith("# ")]
    assert titles == [escape(p.title) for p in pages]


# ---------------------------------------------------------------- the words file

def _broken(tmp_path: Path, change) -> Path:  # noqa: ANN001
    data = json.loads((resources_root() / "study_words.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "study_words.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["where"].__setitem__("no_sites", "Ask about {nct_number}."), "where.no_sites"),
    (lambda d: d["status"]["overall"].pop("WITHDRAWN"), "status.overall has no words for WITHDRAWN"),
    (lambda d: d["about"]["phase"].pop("PHASE4"), "about.phase has no words for PHASE4"),
    (lambda d: d["details"]["gaps"].pop("sites"), "details.gaps has no words for sites"),
    (lambda d: d["what_happens"]["masking"]["who"].pop("PARTICIPANT"), "masking.who has no words for PARTICIPANT"),
    (lambda d: d["pages"].__setitem__("extra", "x"), "pages.extra: unknown field"),
    (lambda d: d["status"].__setitem__("verified", "Checked {date"), "status.verified"),
    (lambda d: d.__setitem__("months", d["months"][:11]), "months"),
    (lambda d: d["about"].__setitem__("no_phase", ""), "about.no_phase"),
])
def test_a_broken_words_file_is_one_error_naming_the_field(tmp_path: Path, change, message: str) -> None:  # noqa: ANN001
    with pytest.raises(ContentError) as caught:
        load_study_words(_broken(tmp_path, change))
    assert message in str(caught.value)


def test_the_shipped_words_file_loads() -> None:
    assert load_study_words() == WORDS
