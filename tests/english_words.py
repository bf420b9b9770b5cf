"""Finding English in a text meant to be Spanish (issue 19), and Spanish in a text
meant to be English: one detector for the window walk (test_spanish_walk.py) and the
files the app writes (test_spanish_outputs.py).

A word that exists in one language only gives the text away. The registry's own
words stay English: a sentence that is the registry's words (word for word, marks
aside) is not flagged, nor are the app's labels around a quote.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "tests" / "fixtures" / "ctgov").glob("NCT*.json"))

# Words that are English and never Spanish: a text holding one is English.
ENGLISH_ONLY = frozenset("""
the and you source sources your of to is are this with for what not will can if or be have has does it on at from how when
who which about more should page open save print help file view answer answers questions question study
yes please choose show these those they their them there here back next start close cancel
day days maybe week weeks cycle cycles treatment screening follow your see read seems met rules rule
year years month months hour hours minutes clinic drip home blood ask call team group groups each every only
after before first last medicine medicines side effects people person taking recruiting enrolling
""".split())
# Words that are Spanish and never English: an English text holding one lets Spanish through.
SPANISH_ONLY = frozenset("""
usted su sus estudio estudios según día días ciclo ciclos pregunta preguntas respuesta respuestas médico
tratamiento equipo registro página que qué cómo cuándo dónde también porque sí
requisitos participar lugares ayuda efectos secundarios enero febrero marzo abril mayo junio julio agosto
septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo
""".split())
# Links the app adds after a registry sentence, labels and source names cited as they are.
NOT_PART_OF_A_QUOTE = re.compile(r"(?:Mostrar|Ver|Ocultar) las palabras del registro"
                                 r"|NCI Dictionary of Cancer Terms|\(texto del registro, en inglés\):?")
# Names and marks that are the same in both languages.
SAME_IN_BOTH = re.compile(r"https?://\S+|\b[\w-]+(?:\.[\w-]+)+/\S*|NCT\d{8}|ClinicalTrials\.gov|[\w.+-]+@[\w.-]+")


def english_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-z']+", SAME_IN_BOTH.sub(" ", text))
    return [word for word in words if word.lower() in ENGLISH_ONLY]


def spanish_words(text: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+", SAME_IN_BOTH.sub(" ", text))
    return [word for word in words if word.lower() in SPANISH_ONLY]


def words_only(text: str) -> str:
    """Letters (any alphabet's) and digits only, lower case, one space between: a quote matches its record
    whatever the marks around it (quote marks, bullets, Markdown escapes, entities)."""
    return " " + " ".join(re.sub(r"[\W_]+", " ", html.unescape(text).lower()).split()) + " "


def strings_in(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in strings_in(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings_in(value)]
    return []


def registry_text(records: Iterable[Path] = SAMPLES) -> str:
    """Every word of the built-in study's record and of ``records``: the registry's words stay English."""
    seed = (ROOT / "tests" / "fixtures" / "registry_record_NCT04883242.txt").read_text(encoding="utf-8")
    texts = [seed.replace("\\", "")]
    for record in records:
        texts += strings_in(json.loads(record.read_text(encoding="utf-8")))
    return words_only(" ".join(texts))


def quoted(sentence: str, registry: str) -> bool:
    """The sentence is the registry's words (a long one may be cut short mid-word)."""
    words = words_only(sentence)
    return words in registry or (len(words) > 40 and words.rsplit(" ", 2)[0] + " " in registry)


RUN = 4  # a run of this many words found in a record is the registry's words


@lru_cache(maxsize=4)
def _registry_runs(registry: str) -> frozenset[tuple[str, ...]]:
    words = registry.split()
    return frozenset(tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1))


def unquoted_words(sentence: str, registry: str) -> list[str]:
    """The sentence's words outside the registry's words: a quote may sit inside the
    app's own sentence (a sponsor's name, a group's name, an item beside its answer)."""
    if quoted(sentence, registry):
        return []
    words, runs = words_only(SAME_IN_BOTH.sub(" ", sentence)).split(), _registry_runs(registry)
    covered = [False] * len(words)
    start = 0
    for piece in SAME_IN_BOTH.sub(" ", sentence).split(","):  # a name between commas: "University of Washington"
        size = len(words_only(piece).split())
        if size >= 2 and quoted(piece, registry):
            covered[start:start + size] = [True] * size
        start += size
    for i in range(len(words) - RUN + 1):
        if tuple(words[i:i + RUN]) in runs:
            covered[i:i + RUN] = [True] * RUN
    return [word for word, inside in zip(words, covered) if not inside]


def sentences(text: str) -> list[str]:
    """A text cut where a quote could start or end: sentences, lines, bullets, quote marks."""
    plain = NOT_PART_OF_A_QUOTE.sub("\n", re.sub(r"</?[A-Za-z][^<>]*>", " ", text))
    cut = re.split(r"(?<=[.!?:;])\s+|\n|\u2022|[\u201c\u201d]", plain)
    return [part for part in (" ".join(piece.split()).strip(" ()") for piece in cut) if part]


def english_outside_quotes(where_texts: list[tuple[str, str]], registry: str) -> list[str]:
    """'where: sentence' for each sentence with English-only words that is not the registry's."""
    flagged = []
    for where, text in where_texts:
        for sentence in sentences(text):
            if english_words(sentence) and english_words(" ".join(unquoted_words(sentence, registry))):
                flagged.append(f"{where}: {sentence[:120]}")
    return flagged


def spanish_outside_quotes(where_texts: list[tuple[str, str]], registry: str) -> list[str]:
    """'where: sentence' for each sentence with Spanish-only words outside the registry's
    words (an English output; a record's place may be "Los Angeles")."""
    return [f"{where}: {sentence[:120]}" for where, text in where_texts for sentence in sentences(text)
            if spanish_words(sentence) and spanish_words(" ".join(unquoted_words(sentence, registry)))]
