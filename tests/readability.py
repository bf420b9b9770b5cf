"""Readability scoring for patient-facing text (writing guide §3.2).

Markdown is reduced to the words a reader sees; drug and brand names (an allow-list,
as the guide says) become a short word so their syllables do not count; citations
("Source: sarclisa.com") and the registry's own words are left out, being quoted,
not written by us.
"""

from __future__ import annotations

import re
import warnings

from explainer.core.registry_words import strip_markers

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
    import textstat

MAX_GRADE = 8.0
MAX_MEAN_GRADE = 7.0

DRUG_NAMES = ("isatuximab", "carfilzomib", "pomalidomide", "dexamethasone", "lenalidomide", "thalidomide",
              "acetaminophen", "aspirin", "Sarclisa", "Kyprolis", "Pomalyst", "Revlimid")
_DRUGS = re.compile(r"\b(" + "|".join(DRUG_NAMES) + r")\b", re.IGNORECASE)
_CITATION = re.compile(r"\(Source:[^)]*\)|\(These questions follow[^)]*\)", re.DOTALL)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain_words(markdown: str) -> str:
    """What a reader reads, one sentence per heading or list item."""
    text = _CITATION.sub("", strip_markers(markdown))
    text = _LINK.sub(r"\1", text)
    lines = []
    for block in re.split(r"\n\s*\n|\n(?=\s*- )|\n(?=#)", text):
        block = re.sub(r"^\s*(#+|-|>)\s*", "", block.strip())
        block = re.sub(r"[*_`]", "", " ".join(block.split()))
        if block:
            lines.append(block if block[-1] in ".?!:" else f"{block}.")
    return _DRUGS.sub("drug", "\n".join(lines))


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


# Spanish (issue 19): Fernández-Huerta (textstat 0.7.4, Spanish syllables from pyphen's es
# dictionary): 60 or more is "normal", 70 or more "fairly easy"; each file at least 60,
# at least 65 on average. The same preparation as the English: Markdown reduced to what
# a reader sees, citations ("Fuente: ...") and the registry's words left out, drug and
# brand names made one short word.
MIN_FERNANDEZ_HUERTA = 60.0
MIN_MEAN_FERNANDEZ_HUERTA = 65.0

SPANISH_DRUG_NAMES = ("isatuximab", "carfilzomib", "pomalidomida", "dexametasona", "lenalidomida", "talidomida",
                      "daratumumab", "bortezomib", "acetaminofén", "difenhidramina", "aspirina",
                      "Sarclisa", "Kyprolis", "Pomalyst", "Revlimid")
_SPANISH_DRUGS = re.compile(r"\b(" + "|".join(SPANISH_DRUG_NAMES) + r")\b", re.IGNORECASE)
_SPANISH_CITATION = re.compile(r"\(Fuente:[^)]*\)", re.DOTALL)


def plain_words_es(markdown: str) -> str:
    """What a reader of a Spanish page reads, prepared as ``plain_words`` prepares English."""
    return plain_words(_SPANISH_DRUGS.sub("droga", _SPANISH_CITATION.sub("", markdown)))


def fernandez_huerta(text: str) -> float:
    """The Spanish score; textstat's language is global, so English is set back at once."""
    textstat.set_lang("es")
    try:
        return textstat.fernandez_huerta(text)
    finally:
        textstat.set_lang("en_US")
