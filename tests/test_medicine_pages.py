"""A page per medicine, a question list and a help page: facts only from the writing
guide's cited sources (named on the page), the trial's own facts from the registry,
no doses, and no contact details the guide does not give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.content import PAGE_NAMES, load_page, load_trial
from explainer.core.escaping import markdown_text
from explainer.core.registry_words import strip_markers
from tests.markdown_blocks import blocks, cited_by_next

TRIAL = load_trial()
GUIDE = (Path(__file__).parent / "fixtures" / "writing-guide.md").read_text(encoding="utf-8")
MEDICINES = ("isatuximab", "carfilzomib", "pomalidomide", "dexamethasone")
# Doses never appear: a number with a dose unit, or a per-weight/per-area dose.
DOSE = re.compile(r"\d\s*(mg|mcg|µg|microgram|milligram|units?\b|mL\b)|/kg|/m2|/m²", re.IGNORECASE)
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|gov|ca|uk|mx|sy|net)\b")
PHONE = re.compile(r"\b1-800-[\dA-Z-]+")
# Issue 12: label facts are marked as what usually happens, and each medicine names its
# serious label warnings (carfilzomib: blood pressure, heart, lungs, clots, with how often).
MUST_SAY = {
    "isatuximab": ("3 hours and 20 minutes", "blood bank", "Coombs", "5 months after", "H2 blocker",
                   "what usually happens under the medicine's label", "Ask the study team how it is done in this study",
                   "serious infections"),
    "carfilzomib": ("over 30 minutes", "enough fluids", "Heart problems", "High blood pressure", "Lung problems",
                    "Blood clots", "about 8 in 100 people", "ask the study team how it is done in this study"),
    "pomalidomide": ("pregnancy safety program", "REMS", "2 pregnancy tests", "condom", "blood thinner",
                     "Low platelets", "checked each week for the first 8 weeks"),
    "dexamethasone": ("hard to sleep", "mood", "Do not stop or change it on your own"),
}


def _page(name: str) -> str:
    return load_page(name, TRIAL, registry_links=True)


@pytest.mark.parametrize("medicine", MEDICINES)
def test_each_medicine_has_its_page_with_the_needed_parts(medicine: str) -> None:
    page = _page(f"medicine-{medicine}")
    words_only = " ".join(page.split())
    headings = re.findall(r"^## (.*)$", page, re.MULTILINE)
    assert any(h.startswith("How you") and h.endswith("in this study") for h in headings)
    assert {"Side effects", "In short"} <= set(headings)
    for words in MUST_SAY[medicine]:
        assert words in words_only, f"{medicine}: missing {words!r}"


@pytest.mark.parametrize("medicine", MEDICINES)
def test_every_medical_fact_names_its_source(medicine: str) -> None:
    found = blocks(_page(f"medicine-{medicine}"))
    uncited = [block for index, (section, block) in enumerate(found)
               if not section.endswith("in this study") and section != "In short"
               and "(Source:" not in block and not block.startswith("(Source:") and "[registry:" not in block
               and not cited_by_next(found, index) and not re.fullmatch(r"\*\*[^*]+\*\*", block)]
    assert uncited == []


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_sources_named_are_the_writing_guide_s(name: str) -> None:
    for citation in re.findall(r"\(Source:([^)]*)\)", _page(name), re.DOTALL):
        domains = DOMAIN.findall(citation)
        assert domains, f"{name}: a source without a site: {citation}"
        for domain in domains:
            assert domain in GUIDE, f"{name}: {domain} is not a source in the writing guide"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_page_shows_a_dose_or_a_web_address(name: str) -> None:
    page = strip_markers(_page(name))
    assert DOSE.findall(page) == []
    assert "http" not in page and "www." not in page


def test_the_overview_links_to_each_medicine_page_inside_the_app() -> None:
    links = re.findall(r"\]\(([^)]*)\)", _page("medicines"))
    assert links == [f"page:medicine-{m}" for m in MEDICINES]


def test_help_gives_the_site_and_only_the_guide_s_help_lines() -> None:
    page = " ".join(_page("help").split())
    site = TRIAL.locations[0]
    # Facts are Markdown-escaped ("Fred Hutch\\/University...") so that they show as written.
    assert markdown_text(site.facility) in page and markdown_text(site.city) in page
    assert "does not give a phone number" in page
    # Issue 12: each help line with its number, as the guide gives it, and its source.
    for name, number, source in (("Leukemia & Lymphoma Society (LLS) Information Specialists", "1-800-955-4572",
                                  "lls.org"),
                                 ("International Myeloma Foundation (IMF) InfoLine", "1-800-452-2873", "myeloma.org"),
                                 ("National Cancer Institute (NCI)", "1-800-4-CANCER", "cancer.gov")):
        assert name in page and number in page and number in GUIDE
        assert re.search(rf"{re.escape(number)}.*?\(Source:[^)]*{re.escape(source)}", page), name
    assert "outside the United States" in page and "Ask your own treatment center" in page
    numbers = {n for name in PAGE_NAMES for n in PHONE.findall(_page(name))}
    assert numbers == {"1-800-955-4572", "1-800-452-2873", "1-800-452-CURE", "1-800-4-CANCER", "1-800-422-6237"}
    assert all(n in GUIDE or n == "1-800-452-CURE" for n in numbers)  # CURE spells 2873 on the keypad


def test_questions_page_gives_questions_and_ends_with_a_summary() -> None:
    page = _page("questions-to-ask")
    assert len(re.findall(r"^- .*\?", page, re.MULTILINE)) >= 12
    assert page.rstrip().split("\n## ")[-1].startswith("In short")


def test_read_more_links_open_the_medicine_page_inside_the_app(main_window, qtbot) -> None:
    from PySide6.QtCore import Qt

    main_window.show_section("medicines")
    browser = main_window.stack.currentWidget().browser
    browser.setFocus()
    for _ in range(80):
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        if browser.textCursor().charFormat().anchorHref() == "page:medicine-carfilzomib":
            break
    else:
        pytest.fail("Tab never reached the carfilzomib link")
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert main_window.section_ids()[main_window.navigator.currentRow()] == "medicine-carfilzomib"


# A label's birth-control period sits beside the study's own rule, so the two never
# look like a contradiction: (medicine, the label's period).
LABEL_BIRTH_CONTROL = [("isatuximab", "5 months after"), ("pomalidomide", "4 weeks after you stop")]


@pytest.mark.parametrize(("medicine", "label_period"), LABEL_BIRTH_CONTROL)
def test_a_label_birth_control_period_comes_with_the_study_s_rule(medicine: str, label_period: str) -> None:
    found = [" ".join(block.split()) for _section, block in blocks(_page(f"medicine-{medicine}"))]
    assert any(label_period in block and "(Source:" in block for block in found)
    study_rule = [block for block in found if block.endswith("[registry: contraception]")]
    assert len(study_rule) == 1, study_rule
    rule = study_rule[0]
    assert "6 months after" in rule and "3 months after" in rule and "2 kinds of birth control" in rule
    assert re.search(r"\b(this|the) study\b", rule, re.IGNORECASE)
