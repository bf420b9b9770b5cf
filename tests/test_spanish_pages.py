"""The pages in Spanish (issue 19): a Spanish window reads each page's Spanish twin
(resources/i18n/es/<same path>), its {{ fact }} placeholders filled from the same trial
data as the English; English reads exactly what it read before, and looks for nothing
more. Each Spanish page states the same facts as its English twin: the same numbers,
dates (compared as dates), drug names (the Spanish INN), registry markers and links.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from explainer.content import (
    fill_page,
    load_page,
    load_page_without_facts,
    load_study_bundle,
    load_trial,
    resources_root,
    study_page,
)
from explainer.core.registry_words import MARKER
from explainer.translations import page_header_split, speaking_language
from tests.markdown_blocks import blocks, cited_by_next

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SPANISH = RESOURCES / "i18n" / "es"
STUDY = "trials/NCT04883242/pages"
PAGES = sorted(p.relative_to(SPANISH).as_posix() for p in SPANISH.rglob("*.md"))


def english_raw(relative: str) -> str:
    return (RESOURCES / relative).read_text(encoding="utf-8")


def spanish_raw(relative: str) -> str:
    return page_header_split((SPANISH / relative).read_text(encoding="utf-8"))[1]


# --- loading in the current language ----------------------------------------------------

# (what is loaded, how, the page file it comes from, how it is filled: None = not at all
# (a page drawn before the study opens), else with or without the registry's markers)
LOADERS = [
    ("load_page: a page of the study", lambda: load_page("status", load_trial()), f"{STUDY}/status.md", False),
    ("load_page: an app page", lambda: load_page("about", load_trial()), "pages/about.md", False),
    ("load_page with registry links", lambda: load_page("study", load_trial(), registry_links=True),
     f"{STUDY}/study.md", True),
    ("load_page_without_facts: the study's welcome", lambda: load_page_without_facts("welcome"),
     f"{STUDY}/welcome.md", None),
    ("load_page_without_facts: the app's welcome (a trial without its folder)",
     lambda: load_page_without_facts("welcome", study=resources_root()), "pages/welcome.md", None),
    ("study_page: a page of the bundle", lambda: study_page(load_study_bundle(), "medicines"),
     f"{STUDY}/medicines.md", False),
    ("study_page: an app page the bundle lacks", lambda: study_page(load_study_bundle(), "who-can-join"),
     "pages/who-can-join.md", False),
    ("study_page: the bundle's own help page", lambda: study_page(load_study_bundle(), "help", registry_links=True),
     f"{STUDY}/help.md", True),
]


def expected(raw: str, relative: str, links: bool | None) -> str:
    return raw if links is None else fill_page(raw, relative, load_trial(), registry_links=links)


@pytest.mark.parametrize(("what", "load", "relative", "links"), LOADERS, ids=[row[0] for row in LOADERS])
def test_a_spanish_window_reads_the_spanish_page(what, load, relative, links) -> None:
    with speaking_language("es"):
        loaded = load()
        want = expected(spanish_raw(relative), relative, links)
    assert loaded == want
    assert loaded.splitlines()[0] != english_raw(relative).splitlines()[0]  # really another page


@pytest.mark.parametrize(("what", "load", "relative", "links"), LOADERS, ids=[row[0] for row in LOADERS])
def test_english_reads_the_english_page_and_looks_for_no_translation(what, load, relative, links,
                                                                     monkeypatch) -> None:
    import explainer.translations

    def looked(*_args):
        raise AssertionError("English looked for a translation")

    monkeypatch.setattr(explainer.translations, "translated_page", looked)
    loaded = load()
    assert loaded == expected(english_raw(relative), relative, links)


def test_a_spanish_window_holds_the_spanish_pages_in_its_bundle() -> None:
    with speaking_language("es"):
        spanish = load_study_bundle()
    english = load_study_bundle()
    assert spanish.pages == {name: spanish_raw(f"{STUDY}/{name}.md") for name in english.pages}
    assert english.pages == {name: english_raw(f"{STUDY}/{name}.md") for name in english.pages}


def test_a_page_without_a_translation_stays_english(tmp_path: Path) -> None:
    """A study folder from outside the app has no translation: its own words, never nothing."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "about.md").write_text("# Mine\n\nStudy {{ nct_id }}.\n", encoding="utf-8")
    with speaking_language("es"):
        assert load_page("about", load_trial(), root=tmp_path) == "# Mine\n\nStudy NCT04883242.\n"


# --- the same facts in both languages ---------------------------------------------------

MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre")
_DATE_EN = re.compile(r"\b(" + "|".join(MONTHS_EN) + r")\s+(\d{1,2}),\s+(\d{4})\b", re.IGNORECASE)
_DATE_ES = re.compile(r"\b(\d{1,2})\s+de\s+(" + "|".join(MONTHS_ES) + r")\s+de\s+(\d{4})\b", re.IGNORECASE)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")  # 150,000 = 150.000 = 150 000; 1.5 = 1,5
_LINK = re.compile(r"\]\(([a-z]+:[^)\s]*)\)")  # page:ID, glossary:ID (web addresses are not facts)
_PLACEHOLDER = re.compile(r"\{\{\s*[a-z_]+\s*\}\}")

# Each medicine's English name (and the brand names, the same in both) -> its Spanish INN.
DRUGS = {"isatuximab": "isatuximab", "carfilzomib": "carfilzomib", "pomalidomide": "pomalidomida",
         "dexamethasone": "dexametasona", "lenalidomide": "lenalidomida", "thalidomide": "talidomida",
         "daratumumab": "daratumumab", "bortezomib": "bortezomib", "acetaminophen": "acetaminofén",
         "diphenhydramine": "difenhidramina", "aspirin": "aspirina", "sarclisa": "sarclisa",
         "kyprolis": "kyprolis", "pomalyst": "pomalyst", "revlimid": "revlimid"}


def dates_in(text: str) -> tuple[set[dt.date], str]:
    """The dates a text states, in either language, and the text without them."""
    found: set[dt.date] = set()

    def english(m: re.Match[str]) -> str:
        found.add(dt.date(int(m.group(3)), MONTHS_EN.index(m.group(1).lower()) + 1, int(m.group(2))))
        return " "

    def spanish(m: re.Match[str]) -> str:
        found.add(dt.date(int(m.group(3)), MONTHS_ES.index(m.group(2).lower()) + 1, int(m.group(1))))
        return " "

    def iso(m: re.Match[str]) -> str:
        found.add(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        return " "

    rest = _DATE_ISO.sub(iso, _DATE_ES.sub(spanish, _DATE_EN.sub(english, text)))
    return found, rest


def drugs_in(text: str, spanish: bool) -> set[str]:
    words = set(re.findall(r"\w+", text.lower()))
    return {es for en, es in DRUGS.items() if (es if spanish else en) in words}


def facts(rendered: str, spanish: bool) -> dict[str, object]:
    """What a filled page states: markers and links in order, dates, numbers, drug names."""
    text = re.sub(r"\\(.)", r"\1", rendered)  # a filled fact is Markdown-escaped ("26\, 2025")
    dates, rest = dates_in(MARKER.sub(" ", text))
    return {
        "registry markers": [m.group(1).replace(" ", "") for m in MARKER.finditer(text)],
        "links": _LINK.findall(text),
        "dates": sorted(dates),
        "numbers": sorted({re.sub(r"\D", "", n) for n in _NUMBER.findall(rest)}),
        "drug names": sorted(drugs_in(rest, spanish)),
    }


def rendered(relative: str, language: str) -> str:
    """The page as a window in ``language`` shows it (markers kept), from that language's
    trial data, as the window loads it."""
    raw = spanish_raw(relative) if language == "es" else english_raw(relative)
    with speaking_language(language):
        return fill_page(raw, relative, load_trial(), registry_links=True)


def test_there_are_spanish_pages_for_the_study_and_the_app() -> None:
    wanted = {f"{STUDY}/{p.name}" for p in (RESOURCES / STUDY).glob("*.md")}
    wanted |= {f"pages/{p.name}" for p in (RESOURCES / "pages").glob("*.md")}
    assert sorted(wanted - set(PAGES)) == []


@pytest.mark.parametrize("relative", PAGES)
def test_a_spanish_page_keeps_every_placeholder(relative: str) -> None:
    assert sorted(_PLACEHOLDER.findall(spanish_raw(relative))) == sorted(_PLACEHOLDER.findall(english_raw(relative)))


@pytest.mark.parametrize("relative", PAGES)
def test_a_spanish_page_states_the_same_facts_as_its_english_twin(relative: str) -> None:
    assert facts(rendered(relative, "es"), spanish=True) == facts(rendered(relative, "en"), spanish=False)


@pytest.mark.parametrize(("english", "spanish"), [
    ("On January 5, 2026.", "El 5 de enero de 2026."),
    ("Friday, September 26, 2025", "viernes, 26 de septiembre de 2025"),
    ("150,000/µL and 1.5 mg/dL", "150\u00a0000/µL y 1,5 mg/dL"),
    ("Take pomalidomide and dexamethasone.", "Tome pomalidomida y dexametasona."),
    ("Days 1, 8 and 15. [registry: a, b]", "Los días 1, 8 y 15. [registry: a, b]"),
    ("[Read more](page:medicine-isatuximab)", "[Leer más](page:medicine-isatuximab)"),
])
def test_the_same_facts_in_other_words_compare_equal(english: str, spanish: str) -> None:
    assert facts(spanish, spanish=True) == facts(english, spanish=False)


@pytest.mark.parametrize(("what", "english", "spanish"), [
    ("another date", "On January 5, 2026.", "El 6 de enero de 2026."),
    ("another number", "Days 1, 8 and 15.", "Los días 1, 8 y 16."),
    ("a number lost", "Days 1, 8 and 15.", "Los días 1 y 15."),
    ("a drug name lost", "Take pomalidomide and dexamethasone.", "Tome pomalidomida."),
    ("a drug name in English", "Take pomalidomide.", "Tome pomalidomide."),
    ("a marker lost", "Days 1 and 15. [registry: a]", "Los días 1 y 15."),
    ("markers in another order", "A. [registry: a] B. [registry: b]", "A. [registry: b] B. [registry: a]"),
    ("a link to another page", "[More](page:study)", "[Más](page:status)"),
])
def test_a_changed_fact_is_found(what: str, english: str, spanish: str) -> None:
    assert facts(spanish, spanish=True) != facts(english, spanish=False)


# --- the same standards as the English pages (tests/test_medicine_pages.py) -------------

GUIDE = (Path(__file__).parent / "fixtures" / "writing-guide.md").read_text(encoding="utf-8")
# Doses never appear: a number with a dose unit, or a per-weight/per-area dose.
DOSE = re.compile(r"\d\s*(mg|mcg|µg|microgram|miligramo|unidad(es)?\b|units?\b|mL\b)|/kg|/m2|/m²", re.IGNORECASE)
# Only the study team decides: never "eligible", "qualifies", "is fit", "matches" in Spanish.
NEVER = re.compile(r"\b(elegible|elegibles|elegibilidad|califica\w*|es apt[oa]|apt[oa]s?|coincid\w*)\b", re.IGNORECASE)
DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|gov|ca|uk|mx|sy|net)\b")
PHONE = re.compile(r"\b1-800-[\dA-Z-]+")
MEDICINE_PAGES = [p for p in PAGES if "/medicine-" in p]


@pytest.mark.parametrize("relative", PAGES)
def test_no_spanish_page_decides_shows_a_dose_or_a_web_address(relative: str) -> None:
    page = rendered(relative, "es")
    assert (NEVER.findall(page), DOSE.findall(MARKER.sub("", page))) == ([], [])
    assert "http" not in page and "www." not in page


@pytest.mark.parametrize("relative", PAGES)
def test_a_spanish_page_cites_only_the_writing_guide_s_sources(relative: str) -> None:
    page = rendered(relative, "es")
    assert "(Source:" not in page  # cited in Spanish
    assert len(re.findall(r"\(Fuente:", page)) == len(re.findall(r"\(Source:", rendered(relative, "en")))
    for citation in re.findall(r"\(Fuente:([^)]*)\)", page, re.DOTALL):
        domains = DOMAIN.findall(citation)
        assert domains, f"a source without a site: {citation}"
        assert [d for d in domains if d not in GUIDE] == []


@pytest.mark.parametrize("relative", MEDICINE_PAGES)
def test_every_medical_fact_on_a_spanish_medicine_page_names_its_source(relative: str) -> None:
    found = blocks(rendered(relative, "es").replace("(Fuente:", "(Source:"))
    uncited = [block for index, (section, block) in enumerate(found)
               if not section.endswith("en este estudio") and section != "En resumen"
               and "(Source:" not in block and not block.startswith("(Source:") and "[registry:" not in block
               and not cited_by_next(found, index) and not re.fullmatch(r"\*\*[^*]+\*\*", block)]
    assert uncited == []


def test_the_spanish_help_lines_are_the_guide_s_and_the_nci_answers_in_spanish() -> None:
    numbers = {n for relative in PAGES for n in PHONE.findall(rendered(relative, "es"))}
    assert numbers == {"1-800-955-4572", "1-800-452-2873", "1-800-452-CURE", "1-800-4-CANCER", "1-800-422-6237"}
    assert all(n in GUIDE or n == "1-800-452-CURE" for n in numbers)  # CURE spells 2873 on the keypad
    assert "also in Spanish" in GUIDE  # the guide's word that the NCI line answers in Spanish
    for relative in (f"{STUDY}/help.md", "pages/help.md"):
        page = " ".join(rendered(relative, "es").split())
        assert re.search(r"NCI\), en español\.\*\* Llame al \*\*1-800-4-CANCER\*\* \(1-800-422-6237\) y pida hablar "
                         r"en español\..*?\(Fuente: cancer\.gov/espanol\)", page), relative
