"""Every patient-facing text reads at US grade 8 or lower, and grade 7 or lower on
average (writing guide §3.2): each page, the glossary, the questions, the entry
rules in plain words, and the self-check's result wording. The registry's own
words are exempt: the app always shows them under the label "Registry wording,
word for word"."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

from explainer.content import PAGE_NAMES, load_glossary, load_page, load_questions, load_trial
from explainer.core.answers import new_answers_file
from explainer.core.eligibility import DISCLAIMER, evaluate
from explainer.core.facts import closed_notice, for_people_in_it
from tests.readability import MAX_GRADE, MAX_MEAN_GRADE, grade, plain_words

TRIAL = load_trial()
QUESTIONS = load_questions()
Answers = QUESTIONS.answers_model  # answers keyed by the shared question bank's questions
AS_OF = dt.date(2026, 11, 23)

# Answers that reach every kind of result wording: met, not met, open, unit conversions, dates.
_SAMPLE_ANSWERS = (
    {},
    {"age_years": 64, "can_consent": "yes", "relapsed_or_refractory": "yes", "prior_treatment_lines": 2,
     "prior_lenalidomide": "unsure", "serum_m_protein": {"value": 12, "unit": "g/L"}, "ecog": 1,
     "platelets": {"value": 40, "unit": "10^9/L"}, "heart_disease": "unsure",
     "ast": {"value": 50, "unit": "U/L", "uln": 40}, "prior_asct": "yes", "asct_date": dt.date(2026, 9, 10),
     "egfr": {"value": 25, "unit": "mL/min/1.73m2"}, "hemoglobin": {"value": 9, "unit": "g/dL"}},
)


def _result_wording() -> str:
    parts = [DISCLAIMER]
    for answers in _SAMPLE_ANSWERS:
        report = evaluate(TRIAL, new_answers_file(TRIAL.nct_id, AS_OF, Answers.model_validate(answers)), QUESTIONS)
        parts.append(report.overall_words)
        parts.extend(f"{c.reason} {c.ask_doctor}" for c in report.criteria)
        parts.extend(n.plain for n in report.notes)
    return "\n\n".join(parts)


def _texts() -> dict[str, str]:
    texts = {f"pages/{name}.md": plain_words(load_page(name, TRIAL)) for name in PAGE_NAMES if name != "glossary"}
    glossary = load_glossary()
    texts["glossary.json definitions"] = "\n".join(t.definition for t in glossary.terms)
    texts["pages/glossary.md (intro)"] = plain_words(load_page("glossary", TRIAL))
    for field in ("text", "hint", "ask_doctor"):
        texts[f"questions.json {field}"] = "\n".join(getattr(q, field) for q in QUESTIONS.questions)
    texts["questions.json group intros"] = "\n".join(g.intro for g in QUESTIONS.groups if g.intro)
    texts["trial criteria, plain words"] = "\n".join(c.plain for c in TRIAL.criteria)
    texts["self-check result wording"] = _result_wording()
    texts["questions.json choices"] = "\n".join(f"{c.label}." for q in QUESTIONS.questions for c in q.choices)
    texts["the study's status notice (facts.py)"] = " ".join((*closed_notice(TRIAL), for_people_in_it(TRIAL)))
    return texts


TEXTS = _texts()


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_each_text_reads_at_grade_8_or_lower(name: str) -> None:
    assert TEXTS[name].strip(), f"{name} is empty"
    assert grade(TEXTS[name]) <= MAX_GRADE, f"{name}: grade {grade(TEXTS[name]):.1f}"


def test_average_grade_is_7_or_lower() -> None:
    assert statistics.mean(grade(t) for t in TEXTS.values()) <= MAX_MEAN_GRADE


def test_every_page_is_scored() -> None:
    scored = {name.split("/")[1].split(".")[0] for name in TEXTS if name.startswith("pages/")}
    assert scored == set(PAGE_NAMES)


@pytest.mark.parametrize(("text", "too_hard"), [
    ("You take it by mouth. It is a capsule.", False),
    ("Pomalidomide and dexamethasone are taken together.", False),  # drug names are allow-listed
    ("Concurrent administration of immunomodulatory pharmacotherapeutic agents necessitates "
     "comprehensive haematological surveillance and individualised anticoagulation prophylaxis.", True),
])
def test_the_score_tells_plain_from_hard(text: str, too_hard: bool) -> None:
    assert (grade(plain_words(text)) > MAX_GRADE) is too_hard



@pytest.mark.parametrize("term", load_glossary().terms, ids=lambda t: t.id)
def test_each_definition_reads_at_grade_8_or_lower(term) -> None:
    """One hard definition would hide in the glossary's average: each is scored alone too."""
    assert grade(plain_words(term.definition)) <= MAX_GRADE
