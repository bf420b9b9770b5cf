"""``validate``'s checks across the files of a study bundle: every name one file gives
must exist in another.

Each file is valid on its own (its loader checks that, and the trial model checks
that every rule asks a question the answers file has, of its kind and in a unit it
can be given in: explainer.core.rules.rule_fits_answers). Here, across files: every
rule's question is in the question bank (questions.json) and takes the rule's unit,
every page the app shows is found, every page's ``{{ fact }}`` is a fact of the
trial, every ``[registry: id]`` marker names one of the study's registry sentences
(copied from this study's record), and every ``glossary:id`` link names a term of
its glossary. Every problem is one plain line naming the file and the item (or
line), and all of them are reported at once, so an author fixes them in one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from explainer.content import (
    _PLACEHOLDER,
    GLOSSARY_FILE,
    SECTIONS_FILE,
    SENTENCES_FILE,
    ContentError,
    Source,
    load_questions,
    read_text,
    resources_root,
)
from explainer.core.facts import trial_facts
from explainer.core.registry_words import MARKER
from explainer.core.rules import AllOf, AnyOf, Compare
from explainer.core.units import ULN

if TYPE_CHECKING:
    from explainer.core.bundle import StudyBundle
    from explainer.core.model import Trial
    from explainer.core.questions import Question, Questionnaire

GLOSSARY_LINK = re.compile(r"\]\(\s*glossary:([^)\s]*)\s*\)")
# The app's word files whose texts may carry glossary links besides the pages.
WORD_FILES = ("questions.json", "timeline.json", "pdf/summary.json")
QUESTIONS_FILE = "questions.json"


def check_links(study: StudyBundle, trial_source: Source | str, root: Source | None = None) -> str:
    """The line ``validate`` prints when every reference resolves; otherwise a
    ContentError with one line per problem."""
    problems = link_problems(study, trial_source, root or resources_root())
    if problems:
        head = [] if len(problems) == 1 else [f"{len(problems)} problems:"]
        raise ContentError("\n".join(head + problems))
    return "ok  references across files: rule questions and units, pages, page facts, registry markers, glossary links"


def link_problems(study: StudyBundle, trial_source: Source | str, root: Source) -> list[str]:
    app_pages = root / "pages"
    pages = {name: (study.page_source(name), text) for name, text in study.pages.items()}
    for name in study.page_names:  # a page the study does not have comes from the app's own pages
        if name not in pages and (app_pages / f"{name}.md").is_file():
            pages[name] = (app_pages / f"{name}.md", read_text(app_pages / f"{name}.md"))
    words = {name: (root / name, read_text(root / name)) for name in WORD_FILES}
    return [*rule_problems(study.trial, trial_source, load_questions(root / QUESTIONS_FILE), root / QUESTIONS_FILE),
            *page_problems(study, set(pages), app_pages),
            *placeholder_problems(study.trial, pages.values()),
            *marker_problems(study, pages.values()),
            *glossary_link_problems(study, [*pages.values(), *words.values()])]


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _leaves(rule: object) -> Iterator[object]:
    stack = [rule] if rule is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, (AllOf, AnyOf)):
            stack.extend(reversed(node.of))
        else:
            yield node


def units_taken(question: Question) -> tuple[str, ...]:
    """The units a rule may compare this question in: the units the bank offers it in
    (and "times the upper limit of normal" where it has one); none for a plain number."""
    if question.kind != "lab":
        return ("",)
    return (*question.units, ULN) if question.takes_uln else question.units


def rule_problems(trial: Trial, trial_source: Source | str, questions: Questionnaire,
                  questions_source: Source | str) -> list[str]:
    problems = []
    for criterion in trial.criteria:
        for leaf in _leaves(criterion.rule):
            key = getattr(leaf, "question", "")
            question = questions.question(key)
            if question is None:
                problems.append(f"{trial_source}: the rule of criterion {criterion.id!r} asks {key!r}, "
                                f"which is not a question in {questions_source}")
            elif isinstance(leaf, Compare) and leaf.unit not in units_taken(question):
                taken = ", ".join(repr(u) for u in units_taken(question) if u) or "no unit"
                problems.append(f"{trial_source}: the rule of criterion {criterion.id!r} compares {key!r} in "
                                f"{leaf.unit or 'no unit'!r}, which {questions_source} does not take for it "
                                f"(it takes {taken})")
    return problems


def page_problems(study: StudyBundle, found: set[str], app_pages: Source) -> list[str]:
    """Every page the app shows is found; every page of the study is one the app shows;
    the registry sentences are copied from this study's record."""
    missing = [f"{study.folder}/{SECTIONS_FILE}: the page {name!r} is in neither {study.folder}/pages nor {app_pages}"
               for name in study.page_names if name not in found]
    unused = [f"{study.page_source(name)}: not a page the app shows (it is not in {study.folder}/{SECTIONS_FILE})"
              for name in study.pages if name not in study.page_names]
    record = study.sentences.record if study.sentences is not None else study.trial.nct_id
    other = [] if record == study.trial.nct_id else [
        f"{study.folder}/{SENTENCES_FILE}: copied from the record of {record}, but the trial is {study.trial.nct_id}"]
    return [*missing, *unused, *other]


def placeholder_problems(trial: Trial, pages: Iterable[tuple[Source | str, str]]) -> list[str]:
    facts = trial_facts(trial)
    return [f"{source} line {_line(text, match.start())}: {match.group(0)} is not a fact of the trial"
            for source, text in pages for match in _PLACEHOLDER.finditer(text) if match.group(1) not in facts]


def marker_problems(study: StudyBundle, pages: Iterable[tuple[Source | str, str]]) -> list[str]:
    known = study.sentences.sentences if study.sentences is not None else {}
    sentences_source = f"{study.folder}/{SENTENCES_FILE}"
    return [f"{source} line {_line(text, match.start())}: [registry: {sentence}] is not in {sentences_source}"
            for source, text in pages for match in MARKER.finditer(text)
            for sentence in (part.strip() for part in match.group(1).split(",")) if sentence not in known]


def glossary_link_problems(study: StudyBundle, files: Iterable[tuple[Source | str, str]]) -> list[str]:
    known = {term.id for term in study.glossary.terms}
    glossary_source = f"{study.folder}/{GLOSSARY_FILE}"
    return [f"{source} line {_line(text, match.start())}: glossary:{match.group(1)} is not a term in {glossary_source}"
            for source, text in files for match in GLOSSARY_LINK.finditer(text) if match.group(1) not in known]
