"""Issue 12 (items 9-14, 16, 18): every trial fact traces to the record, every medical
claim to a source the writing guide allows, label facts are marked as what usually
happens, the PDF stands on its own (key points, 10.5 pt, help lines) and a clinic
day's kinds and counts come from the regimen."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from explainer.cli import main
from explainer.content import PAGE_NAMES, load_glossary, load_page, load_summary_text, load_trial
from explainer.core.clinic_days import clinic_day_guide
from explainer.core.model import RecruitmentStatus
from explainer.core.schedule import build_timeline
from explainer.timeline_text import timeline_text, timeline_text_for

GUIDE = (Path(__file__).parent / "fixtures" / "writing-guide.md").read_text(encoding="utf-8")
TRIAL = load_trial()
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|gov|ca|uk|mx|sy|net)\b")


def _guide_paragraph(start: str, end: str) -> str:
    text = " ".join(GUIDE.split())
    return text[text.index(start):text.index(end, text.index(start))]


# The guide's §4 list: "Cite, in this order of preference: ..." up to the help lines.
ALLOWED = frozenset(DOMAIN.findall(_guide_paragraph("Cite, in this order of preference", "Help lines:")))
# "... several are mirrors or document-sharing sites (...)": leads, never a citation.
MIRRORS = frozenset(DOMAIN.findall(_guide_paragraph("several are mirrors", "Treat those as leads")))


def _page(name: str, trial=TRIAL) -> str:
    return " ".join(load_page(name, trial, registry_links=True).split())


def _cited_sources() -> list[tuple[str, str]]:
    """(where, citation) for every source the app shows: pages, glossary, PDF words, timeline words."""
    found = [(name, c) for name in PAGE_NAMES for c in re.findall(r"\(Source:([^)]*)\)", _page(name))]
    found += [(f"glossary:{t.id}", t.source) for t in load_glossary().terms if t.source]
    summary = load_summary_text()
    found += [("pdf:contacts", c) for _, words in summary.contacts for c in re.findall(r"\(Source:([^)]*)\)", words)]
    found += [("pdf:key_points", summary.key_points.sources), ("timeline:clinic_days", timeline_text().clinic_days.sources),
              # the study's own clinic-day words, in its trial file since issue 15
              ("trial:clinic_days", timeline_text_for(TRIAL).clinic_days.sources)]
    return found


def _allowed(domain: str) -> bool:
    return any(domain == a or domain.endswith(f".{a}") for a in ALLOWED)


def test_the_guide_s_allowed_list_is_read_and_holds_the_official_sources() -> None:
    assert {"dailymed.nlm.nih.gov", "accessdata.fda.gov", "sarclisa.com", "kyprolis.com", "pomalyst.com",
            "cancer.gov", "medlineplus.gov", "myeloma.org", "lls.org", "themmrf.org"} <= ALLOWED
    assert {"vdocuments.mx", "120ty.net", "au.edu.sy", "emedtv.com", "globalrph.com"} <= MIRRORS
    assert not ALLOWED & MIRRORS


@pytest.mark.parametrize(("where", "citation"), _cited_sources())
def test_every_cited_source_is_on_the_guide_s_allowed_list(where: str, citation: str) -> None:
    domains = DOMAIN.findall(citation)
    assert domains, f"{where}: a source without a site: {citation}"
    for domain in domains:
        assert _allowed(domain), f"{where}: {domain} is not an official source in the guide's list"


def test_no_mirror_or_document_sharing_site_is_named_anywhere() -> None:
    glossary = Path(__file__).parents[1] / "resources" / "trials" / "NCT04883242" / "glossary.json"
    shown = " ".join(_page(n) for n in PAGE_NAMES) + glossary.read_text(encoding="utf-8")
    for site in (*MIRRORS, "issuu.com", "mymyelomateam.com", "chemocare.com", "safemedication.com",
                 "oncolink.org", "wordpress.com", "sanoficareassist.com", "sarclisa.ca"):
        assert site not in shown, site


# Item 9: sentences the record does not support are gone; what it does say is there.
ABSENT = [
    ("study", "how safe the mix is"), ("study", "helps the other medicines"), ("study", "how safe they are"),
    ("what-happens", "you may also have scans"), ("what-happens", "keeps in touch"),
    ("what-happens", "only while it helps"), ("status", "People already in it still get treatment"),
    ("medicines", "helps the other medicines work"), ("medicine-dexamethasone", "Do not stop it suddenly"),
    ("medicine-isatuximab", "two allergy medicines"), ("medicine-isatuximab", "colds and chest infections"),
]
PRESENT = [
    ("study", "It is used together with other cancer medicines."),
    ("what-happens", "Everyone in the study also has pictures taken of the bones and body."),
    ("what-happens", "the study team follows up with you 30 days later"),
    ("status", "It is not part of this study."),
    ("status", "This is not the similar study's own record, and it may be out of date."),
    ("medicine-isatuximab", "This is what usually happens under the medicine's label. Ask the study team how it is "
                            "done in this study."),
    ("medicine-isatuximab", "an H2 blocker"),
    ("medicine-carfilzomib", "This is what usually happens; ask the study team how it is done in this study."),
    ("medicines", "swelling, pain or warmth in one leg or arm"),
    ("help", "Ask your own treatment center or cancer doctor where to get help in your country."),
]


@pytest.mark.parametrize(("page", "words"), ABSENT)
def test_a_sentence_the_record_does_not_support_is_gone(page: str, words: str) -> None:
    assert words not in _page(page)


@pytest.mark.parametrize(("page", "words"), PRESENT)
def test_the_page_says(page: str, words: str) -> None:
    assert words in _page(page)


def test_the_status_answer_comes_from_the_trial_data_not_the_page() -> None:
    raw = (Path(__file__).parents[1] / "resources" / "trials" / "NCT04883242" / "pages" / "status.md").read_text(encoding="utf-8")
    assert "**No.**" not in raw and "{{ recruiting_answer }}" in raw
    assert "**No.**" in load_page("status", TRIAL)
    recruiting = TRIAL.model_copy(update={"status": RecruitmentStatus.RECRUITING})
    assert "**Yes.**" in load_page("status", recruiting)


@pytest.mark.parametrize("medicine", ["isatuximab", "carfilzomib", "pomalidomide"])
def test_serious_label_warnings_are_named_per_medicine(medicine: str) -> None:
    overview = _page("medicines")
    part = overview[overview.index("## Serious side effects"):overview.index("## When to call")]
    assert f"**{medicine.capitalize()}:**" in part
    call = overview[overview.index("## When to call"):]
    for sign in ("fever", "bleeding", "chest pain", "shortness of breath", "one leg"):
        assert sign in call


# Item 14, warning by warning: each label warning the review named, on the medicine's own
# page, with the label as its source (the overview names them too).
LABEL_WARNINGS = [
    ("carfilzomib", "**Heart problems**"),
    ("carfilzomib", "**High blood pressure**"),
    ("carfilzomib", "**Lung problems**"),
    ("carfilzomib", "**Blood clots**"),
    ("pomalidomide", "Blood clots"),
    ("pomalidomide", "Low platelets"),
    ("pomalidomide", "**New cancers.** A blood cancer called acute myeloid leukemia (AML)"),
]


@pytest.mark.parametrize(("medicine", "words"), LABEL_WARNINGS)
def test_each_label_warning_the_review_named_is_on_the_medicine_s_page(medicine: str, words: str) -> None:
    page = _page(f"medicine-{medicine}")
    assert words in page
    section = page[page.rindex("## ", 0, page.index(words)):]
    section = section[:section.find("## ", 3)] if "## " in section[3:] else section
    assert "(Source: the FDA label" in section or "(Source: pomalyst.com" in section, "sourced in its section"


def test_the_overview_names_pomalidomide_s_new_cancer_warning() -> None:
    overview = _page("medicines")
    part = overview[overview.index("**Pomalidomide:**"):overview.index("(Source:", overview.index("**Pomalidomide:**"))]
    assert "new blood cancer, acute myeloid leukemia (AML)" in " ".join(part.split())  # the acronym spelled out


# Item 13: the definitions a nurse found wrong, and a source on each medical one.
WRONG = {"registry": "must have one", "rems": "makes sure no one gets pregnant", "pet-ct": "safe tracer",
         "steroid": "helps other myeloma medicines work"}
NOT_MEDICAL = {"registry", "sponsor", "study-team", "principal-investigator", "follow-up", "by-mouth", "cycle",
               "uln", "side-effect", "contraception", "placebo"}


def test_the_wrong_definitions_are_fixed() -> None:
    glossary = load_glossary()
    for term_id, words in WRONG.items():
        assert words not in glossary.by_id(term_id).definition, term_id
    assert "radioactive" in glossary.by_id("pet-ct").definition


def test_every_medical_definition_names_its_source() -> None:
    missing = [t.id for t in load_glossary().terms if t.id not in NOT_MEDICAL and not t.source]
    assert missing == []
    term = load_glossary().by_id("pet-ct")
    assert term.definition_with_source().endswith(f"(Source: {term.source})")


# Item 18: what a clinic day asks, counted from the regimen.
def test_clinic_day_counts_and_kinds_come_from_the_regimen() -> None:
    guide = clinic_day_guide(build_timeline(TRIAL), timeline_text_for(TRIAL).clinic_days)
    counts = " ".join(guide.counts)
    assert "Induction cycle 1. 4 clinic days" in counts
    assert "Induction cycles 2 to 6. 3 clinic days" in counts and "Add 1 more if you get dexamethasone by drip" in counts
    assert "Maintenance: every cycle, for up to 24 months. 2 clinic days" in counts and "Add 2 more" in counts
    titles = [k.title for k in guide.kinds]
    assert titles == ["Days with isatuximab and carfilzomib by drip", "Days with isatuximab by drip",
                      "Days with carfilzomib by drip"]
    assert guide.kinds[0].when[0] == "Induction cycle 1. On days 1, 8 and 15."
    assert guide.kinds[1].when == ("Induction cycle 1. On day 22.",)
    assert guide.kinds[2].when == ("Induction cycles 2 to 6. On day 8.",)
    steps = " ".join(guide.steps)
    assert steps.count("Isatuximab: first you usually get medicines") == 1  # each drip's steps once
    assert "Your first isatuximab drip usually takes about 3 hours and 20 minutes" in steps  # the first drip of all
    assert "the drip takes 30 minutes, as the study record says" in steps
    assert "usually" in guide.usually and "Ask the study team" in guide.usually


def test_a_drip_length_comes_from_the_trial_data() -> None:
    phases = []
    for phase in TRIAL.regimen.phases:
        drugs = tuple(d.model_copy(update={"infusion_minutes": 10}) if d.drug == "carfilzomib" else d
                      for d in phase.drugs)
        phases.append(phase.model_copy(update={"drugs": drugs}))
    trial = TRIAL.model_copy(update={"regimen": TRIAL.regimen.model_copy(update={"phases": tuple(phases)})})
    guide = clinic_day_guide(build_timeline(trial), timeline_text_for(trial).clinic_days)
    assert "the drip takes 10 minutes" in guide.all_text() and "takes 30 minutes" not in guide.all_text()


# Item 16: the PDF on its own, read back with pdftotext.
def _pdf_text(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf12") / "summary.pdf"
    assert main(["pdf", "--start-date", "2026-12-01", "--paper", "letter", "-o", str(out)]) == 0
    return out


def test_page_one_has_the_key_points_box(pdf) -> None:
    first = " ".join(_pdf_text(pdf, "-f", "1", "-l", "1").split())
    assert "Key points" in first
    assert "Is the study taking new people? No. When the record was last updated, on September 26, 2025" in first
    for words in ("How often would I come to the clinic", "Drip reactions", "Heart problems, high blood pressure",
                  "Call your care team right away if you have: a fever or chills", "swelling in one leg or arm"):
        assert words in first, words


def test_the_pdf_gives_the_help_lines_and_a_line_for_outside_the_us(pdf) -> None:
    text = " ".join(_pdf_text(pdf).split())
    for words in ("1-800-955-4572", "1-800-452-2873", "1-800-4-CANCER (1-800-422-6237)", "(Source: lls.org)",
                  "(Source: cancer.gov)", "Outside the United States",
                  "Ask your own treatment center or cancer doctor where to get help in your country."):
        assert words in text, words


def test_the_pdf_says_what_a_clinic_day_asks(pdf) -> None:
    text = " ".join(_pdf_text(pdf).split())
    for words in ("What a clinic day asks of you", "Days with isatuximab and carfilzomib by drip",
                  "Induction cycles 2 to 6. 3 clinic days in each cycle of 28 days",
                  "Your first isatuximab drip usually takes about 3 hours and 20 minutes",
                  "Ask the study team how long your clinic days take."):
        assert words in text, words


def test_body_text_is_at_least_10_5_points_and_large_print_12() -> None:
    from explainer.pdf.styles import make_styles

    normal, large = make_styles(False), make_styles(True)
    for name in ("body", "cell", "cell_bold", "bullet", "boxed"):
        assert getattr(normal, name).fontSize >= 10.5, name
        assert getattr(large, name).fontSize >= 12, name


def test_the_pdf_is_still_byte_reproducible(tmp_path) -> None:
    outs = []
    for name in ("a.pdf", "b.pdf"):
        out = tmp_path / name
        assert main(["pdf", "--start-date", "2026-12-01", "--paper", "letter", "-o", str(out)]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_the_timeline_shows_what_a_clinic_day_asks(main_window, qtbot, artifacts) -> None:
    """On screen: the kinds of clinic day, the steps and the counts, as labels a screen reader names."""
    from PySide6.QtWidgets import QLabel

    main_window.show_section("timeline")
    view = main_window.timeline
    names = [label.accessibleName() for label in view.widget().findChildren(QLabel)]
    guide = view.clinic_guide
    for words in (guide.heading, guide.kinds[0].title, *guide.kinds[0].when, *guide.steps, *guide.counts,
                  guide.usually):
        assert words in names, words
    heading = next(label for label in view.widget().findChildren(QLabel) if label.accessibleName() == guide.heading)
    view.verticalScrollBar().setValue(heading.y())  # the section at the top of the view
    qtbot.wait(50)
    view.grab().save(str(artifacts / "screenshots" / "timeline-clinic-days.png"))
