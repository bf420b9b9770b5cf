"""A clinical read of the Spanish (issue 19 item 5): the kinds of error that would
change a medical meaning, each checked by a table over every Spanish text against
its English source (the content tables, core.json, the interface's .ts files and the
pages):

- an inequality word keeps its direction ("at least" -> "al menos", "no more than"
  -> "como máximo", "less than" -> "menos de"), counted, so one lost or flipped is found;
- a lab name, a unit, a status word ("Seems met", "Not sure", "not taking new people")
  and a drug's name (Spanish INN) in the English has its required Spanish;
- nothing Spanish says someone is eligible, qualifies, is fit or matches;
- a source, a help-line number or a web site in the English is in the Spanish too,
  and each Spanish page cites the same sources as its English twin.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from explainer.content import fill_page, load_trial
from explainer.translations import page_header_split, speaking_language

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SPANISH = RESOURCES / "i18n" / "es"
PAGES = sorted(p.relative_to(SPANISH).as_posix() for p in SPANISH.rglob("*.md"))
_TS_MESSAGE = re.compile(r"<source>(.*?)</source>\s*(?:<comment>.*?</comment>\s*)?<translation[^>]*>(.*?)</translation>",
                         re.DOTALL)


def table_pairs() -> list[tuple[str, str, str]]:
    """(where, English, Spanish) for every translated text of the tables and the .ts files."""
    pairs = []
    for table in sorted(SPANISH.rglob("*.json")):
        strings = json.loads(table.read_text(encoding="utf-8")).get("strings", {})
        pairs += [(table.relative_to(SPANISH).as_posix(), english, spanish) for english, spanish in strings.items()]
    for ts in sorted((SPANISH / "ui").glob("*.ts")):
        pairs += [(ts.name, html.unescape(source), html.unescape(translation))
                  for source, translation in _TS_MESSAGE.findall(ts.read_text(encoding="utf-8"))]
    return pairs


PAIRS = table_pairs()


def rendered(relative: str, language: str) -> str:
    """A page as shown, its facts filled in, without the registry's quoted words."""
    if language == "es":
        raw = page_header_split((SPANISH / relative).read_text(encoding="utf-8"))[1]
    else:
        raw = (RESOURCES / relative).read_text(encoding="utf-8")
    with speaking_language(language):
        return fill_page(raw, relative, load_trial(), registry_links=False)


def test_the_tables_hold_the_texts_this_test_reads() -> None:
    wheres = {where for where, _, _ in PAIRS}
    for needed in ("core.json", "questions.json", "trials/NCT04883242/trial.json", "glossary-general.json",
                   "trials/NCT04883242/glossary.json", "timeline.json", "pdf/summary.json", "answer_inputs.ts"):
        assert needed in wheres
    assert len(PAIRS) > 3000
    assert len(PAGES) == 16


# --- inequalities: the same directions, counted ------------------------------------------

# Each phrase says one direction; "no more than" is taken before "more than" can see it.
ENGLISH_DIRECTIONS = [
    (">=", r"\bat least\b|\bor more\b|\bor older\b|\bno fewer than\b|\bno less than\b"),
    ("<=", r"\bno more than\b|\bat most\b|\bor less\b|\bor fewer\b|\bno worse than\b|\bor younger\b"),
    (">", r"(?<!\bno )\bmore than\b|(?<!\bno )\bhigher than\b|\babove \d"),
    ("<", r"(?<!\bno )\bless than\b|(?<!\bno )\bfewer than\b|\bunder \d|\bbelow \d|\blower than\b"),
]
SPANISH_DIRECTIONS = [
    (">=", r"\bal menos\b|\bpor lo menos\b|\bo más\b|\bcomo mínimo\b"),
    ("<=", r"\bcomo máximo\b|\bno más de\b|\bno pasan? de\b|(?<!\bmás )\bo menos\b|\bno (?:es|sea) peor que\b"),
    (">", r"(?<!\bno )(?<!\bo )\bmás del?\b(?! lo que| sus\b)|\bmayor del?\b|(?<!\bno )\bmás alt[oa] que\b"),
    ("<", r"\bmenos del?\b|\bmenor(?: del?| que)\b|\bmás baj[oa] que\b"),
]


def directions(text: str, table: list[tuple[str, str]]) -> list[str]:
    return sorted(direction for direction, phrase in table for _ in re.findall(phrase, text, re.IGNORECASE))


def _with_a_limit(english: str) -> bool:
    """A text with a number or a {placeholder}: where a limit is (words like "more of"
    without one are no threshold, and Spanish says them with "más de" too)."""
    return bool(re.search(r"\d|\{", english))


@pytest.mark.parametrize(("english", "spanish", "same"), [
    ("The study needs at least {limit}.", "El estudio pide al menos {limit}.", True),
    ("The study needs no more than 2.", "El estudio pide como máximo 2.", True),
    ("The study needs no more than 2.", "El estudio pide no más de 2.", True),
    ("an ejection fraction under 40%", "una fracción de eyección menor del 40 %", True),
    ("30% or more of your bone marrow", "el 30 % o más de su médula ósea", True),
    ("more than 12 hours late", "han pasado más de 12 horas", True),
    ("about 1 month", "más o menos 1 mes", True),
    ("The study needs at least 2.", "El estudio pide como máximo 2.", False),  # flipped
    ("The study needs no more than 2.", "El estudio pide más de 2.", False),  # "no" lost
    ("The study needs no more than 2.", "El estudio pide menos de 2.", False),  # strict for not strict
    ("less than 1 in 100", "más de 1 de cada 100", False),
    ("at least 1 year; at least 6 months", "al menos 1 año; 6 meses", False),  # one lost
    ("Phase 4 learns more about its risks.", "La fase 4 busca saber más de sus riesgos.", True),  # no limit
])
def test_the_direction_check_tells_kept_from_changed(english: str, spanish: str, same: bool) -> None:
    assert (directions(english, ENGLISH_DIRECTIONS) == directions(spanish, SPANISH_DIRECTIONS)) is same


@pytest.mark.parametrize(("where", "english", "spanish"),
                         [pair for pair in PAIRS if _with_a_limit(pair[1])], ids=lambda value: value[:40])
def test_each_limit_keeps_its_direction(where: str, english: str, spanish: str) -> None:
    assert directions(spanish, SPANISH_DIRECTIONS) == directions(english, ENGLISH_DIRECTIONS), where


@pytest.mark.parametrize("relative", PAGES)
def test_each_page_keeps_the_directions_of_its_limits(relative: str) -> None:
    english, spanish = rendered(relative, "en"), rendered(relative, "es")
    assert directions(spanish, SPANISH_DIRECTIONS) == directions(english, ENGLISH_DIRECTIONS)


def test_the_core_s_limit_words_are_the_plain_spanish_ones() -> None:
    """The self-check's reasons say "El estudio pide {op} {limit}": each op in its one
    Spanish phrase (as máximo, never the ambiguous "no más de" in a reason)."""
    core = json.loads((SPANISH / "core.json").read_text(encoding="utf-8"))["strings"]
    assert {op: core[op] for op in ("at least", "more than", "no more than", "less than")} == {
        "at least": "al menos", "more than": "más de", "no more than": "como máximo", "less than": "menos de"}


# --- the words a meaning hangs on ----------------------------------------------------------

# English phrase -> the Spanish it needs (case is ignored on both sides, except for
# the short lab names, which are matched as written).
REQUIRED = [
    # the self-check's answers and results: "Not sure" is an answer; no result decides
    (r'"Not sure"|^Not sure$|: not sure\b', r"no lo sé"),
    (r"\bseems? met\b|\bseem met\b", r"parecen? cumplirse"),
    (r"\bseems? not met\b", r"parecen? no cumplirse"),
    (r"\bseems? not to fit\b", r"parecen? no ajustarse"),
    (r"\bseems? to fit\b", r"parecen? ajustarse"),
    (r"\bDoes not seem to apply to you\b", r"no parece (?:aplicarse a usted|ser su caso)"),
    (r"\bOnly the study team\b", r"solo el equipo del estudio"),
    (r"\bcannot join\b", r"no pued\w+ (?:participar|entrar)"),
    # the study's status
    (r"\bnot (?:yet )?taking (?:new )?people\b", r"(?:no|sin) acept\w* (?:todavía |aún )?(?:participantes|personas)"
                                                 r"|(?:aún|todavía) no acepta|cerrado a participantes nuevos"
                                                 r"|sin abrir a participantes nuevos"),
    (r"(?<!not )(?<!not yet )\btaking new people\b", r"acept\w* participantes nuevos|abierto a participantes nuevos"),
    # units and limits
    (r"\bper microliter\b", r"por microlitro"),
    (r"/µL", r"/µL"), (r"\bg/dL\b", r"g/dL"), (r"\bmg/dL\b", r"mg/dL"), (r"\bmL/min\b", r"mL/min"),
    (r"\bU/L\b", r"U/L"), (r"×10⁹/L", r"×10⁹/L"), (r"1\.73 m²", r"1,73 m²"), (r"× ULN", r"× LSN"),
    (r"\bupper limit of normal\b", r"límite (?:superior|alto) (?:normal|de lo normal|de la normalidad)"),
    # lab names
    (r"\beGFR\b", r"eGFR|TFGe"), (r"\bcreatinine clearance\b", r"depuración de creatinina"),
    (r"\bANC\b", r"\bRAN\b|\bANC\b"), (r"\bALT\b", r"\bALT\b"), (r"\bAST\b", r"\bAST\b"),
    (r"\bplatelets?\b", r"plaquetas?"), (r"\bhemoglobin\b", r"hemoglobina"),
    (r"\bneutrophils?\b", r"neutrófilos?|neutrophils"), (r"\bbilirubin\b", r"bilirrubina"),
    (r"\bM protein\b", r"proteína M|M protein"), (r"\bfree light chains?\b", r"cadenas? ligeras? libres?"),
    (r"kappa/lambda", r"kappa/lambda"), (r"\bplasma cells?\b", r"células? plasmáticas?"),
    (r"\bejection fraction\b", r"fracción de eyección"), (r"\bNYHA\b", r"NYHA"),
    (r"\bhepatitis B\b", r"hepatitis B"), (r"\bhepatitis C\b", r"hepatitis C"),
    (r"\bgrowth factor\b", r"factor(?:es)? de crecimiento"), (r"\btransfusions?\b", r"transfusi"),
    # drugs: the Spanish INN (NCI Spanish dictionary)
    (r"\bisatuximab\b", r"isatuximab"), (r"\bcarfilzomib\b", r"carfilzomib"), (r"\bpomalidomide\b", r"pomalidomida"),
    (r"\bdexamethasone\b", r"dexametasona"), (r"\blenalidomide\b", r"lenalidomida"),
    (r"\bthalidomide\b", r"talidomida"), (r"\bdiphenhydramine\b", r"difenhidramina"),
    (r"\bacetaminophen\b", r"acetaminofén"), (r"\baspirin\b", r"aspirina"),
]
_CASED = re.compile(r"[A-Z]{2,}")  # ALT, AST, ANC, NYHA: matched as written


def needs(english: str) -> list[str]:
    """The Spanish phrases an English text needs."""
    return [spanish for phrase, spanish in REQUIRED
            if re.search(phrase, english, 0 if _CASED.search(phrase.replace("×", "")) else re.IGNORECASE)]


def missing(english: str, spanish: str) -> list[str]:
    return [wanted for wanted in needs(english) if not re.search(wanted, spanish, re.IGNORECASE)]


@pytest.mark.parametrize(("english", "spanish", "lost"), [
    ('You answered "Not sure".', 'Usted respondió "No lo sé".', []),
    ("Seems not met", "Parece cumplirse", [r"parecen? no cumplirse"]),  # negation lost
    ("at least 50,000 per microliter", "al menos 50 000 por mililitro", [r"por microlitro"]),
    ("Your ALT and AST", "Su ALT", [r"\bAST\b"]),
    ("Take pomalidomide.", "Tome pomalidomide.", [r"pomalidomida"]),
    ("3 × ULN", "3 × ULN", [r"× LSN"]),
    ("The study is not taking new people.", "El estudio acepta participantes nuevos.",
     [r"(?:no|sin) acept\w* (?:todavía |aún )?(?:participantes|personas)|(?:aún|todavía) no acepta"
      r"|cerrado a participantes nuevos|sin abrir a participantes nuevos"]),
])
def test_the_word_check_finds_a_lost_word(english: str, spanish: str, lost: list[str]) -> None:
    assert missing(english, spanish) == lost


@pytest.mark.parametrize(("where", "english", "spanish"),
                         [pair for pair in PAIRS if needs(pair[1])], ids=lambda value: value[:40])
def test_each_medical_word_has_its_spanish(where: str, english: str, spanish: str) -> None:
    assert missing(english, spanish) == [], where


ENGLISH_NAMES = re.compile(r"\b(pomalidomide|dexamethasone|lenalidomide|thalidomide|diphenhydramine|acetaminophen)\b",
                           re.IGNORECASE)


@pytest.mark.parametrize("relative", PAGES)
def test_each_page_names_the_same_medicines_by_their_spanish_names(relative: str) -> None:
    english, spanish = rendered(relative, "en"), rendered(relative, "es")
    for phrase, wanted in REQUIRED[-9:]:
        count = len(re.findall(phrase, english, re.IGNORECASE))
        assert (count > 0) == bool(re.search(wanted, spanish, re.IGNORECASE)), phrase
    # a link's target (page:medicine-pomalidomide) and a quote labelled English are no names shown
    shown = re.sub(r"\(page:[^)]*\)|\(en inglés\):[^\n]*", "", spanish)
    assert ENGLISH_NAMES.findall(shown) == []


# --- nothing decides ------------------------------------------------------------------------

DECIDES = re.compile(r"\b(elegibles?|elegibilidad|califica\w*|apt[oa]s?|coincid\w*|compatibles?)\b", re.IGNORECASE)


@pytest.mark.parametrize(("spanish", "decides"), [
    ("Usted es elegible.", True), ("Usted califica para el estudio.", True), ("Es apta.", True),
    ("Sus respuestas coinciden con el estudio.", True), ("Es compatible con el estudio.", True),
    ("Solo el equipo del estudio decide quién puede participar.", False),
    ("Los criterios de inclusión.", False),
])
def test_the_deciding_words_are_found(spanish: str, decides: bool) -> None:
    assert bool(DECIDES.search(spanish)) is decides


def test_no_spanish_text_says_someone_is_eligible_or_a_match() -> None:
    said = [(where, spanish) for where, _, spanish in PAIRS if DECIDES.search(spanish)]
    said += [(relative, word) for relative in PAGES for word in DECIDES.findall(rendered(relative, "es"))]
    assert said == []


# --- sources, help lines and web sites ------------------------------------------------------

SITE = re.compile(r"\b(?:[\w-]+\.)+(?:com|org|gov|ca|uk|net)\b", re.IGNORECASE)
PHONE = re.compile(r"\b1-800-[\dA-Z-]*[\dA-Z]")


def sources(text: str) -> Counter:
    return Counter([site.lower() for site in SITE.findall(text)] + PHONE.findall(text))


@pytest.mark.parametrize(("english", "spanish", "same"), [
    ("(Source: cancer.gov)", "(Fuente: cancer.gov/espanol)", True),
    ("Call 1-800-955-4572. (Source: lls.org)", "Llame al 1-800-955-4572. (Fuente: lls.org)", True),
    ("Call 1-800-955-4572. (Source: lls.org)", "Llame al 1-800-955-4527. (Fuente: lls.org)", False),
    ("(Source: pomalyst.com and sarclisa.com)", "(Fuente: pomalyst.com)", False),
])
def test_the_source_check_finds_a_changed_source(english: str, spanish: str, same: bool) -> None:
    assert (sources(english) == sources(spanish)) is same


@pytest.mark.parametrize(("where", "english", "spanish"),
                         [pair for pair in PAIRS if sources(pair[1])], ids=lambda value: value[:40])
def test_each_text_keeps_its_sources_and_help_lines(where: str, english: str, spanish: str) -> None:
    assert sources(spanish) == sources(english), where


@pytest.mark.parametrize("relative", PAGES)
def test_each_page_cites_the_same_sources_as_its_english_twin(relative: str) -> None:
    """The same sites and help-line numbers, as often; the NCI line may come first in
    Spanish (it answers in Spanish), so the order is free."""
    english, spanish = rendered(relative, "en"), rendered(relative, "es")
    assert sources(spanish) == sources(english)
    cited = [sorted(sources(citation)) for citation in re.findall(r"\(Fuente:([^)]*)\)", spanish)]
    wanted = [sorted(sources(citation)) for citation in re.findall(r"\(Source:([^)]*)\)", english)]
    assert sorted(cited) == sorted(wanted)


# --- the clinic days: which day, said once --------------------------------------------------

def test_the_clinic_days_in_spanish_name_the_same_days_once() -> None:
    """'On days 1, 8 and 15' is ': los días 1, 8 y 15' (not 'En los los días', nor
    'En los el día 22'): the days word brings its own article."""
    from explainer.core.clinic_days import clinic_day_guide
    from explainer.core.schedule import build_timeline
    from explainer.timeline_text import timeline_text_for

    def when() -> list[str]:
        trial = load_trial()
        guide = clinic_day_guide(build_timeline(trial), timeline_text_for(trial).clinic_days)
        return [line for kind in guide.kinds for line in kind.when]

    english = when()
    with speaking_language("es"):
        spanish = when()
    assert english[:2] == ["Induction cycle 1. On days 1, 8 and 15.", "Induction cycles 2 to 6. On days 1 and 15."]
    assert spanish[:2] == ["Inducción, ciclo 1: los días 1, 8 y 15.", "Inducción, ciclos 2 a 6: los días 1 y 15."]
    assert "Inducción, ciclo 1: el día 22." in spanish
    assert [re.findall(r"\d+", line) for line in spanish] == [re.findall(r"\d+", line) for line in english]
    assert [line for line in spanish if re.search(r"\b(los|el) (los|el)\b", line)] == []
