"""``trial-explainer validate``: a content author's check of a trial file and the pages."""

from __future__ import annotations

from pathlib import Path

from explainer.content import (
    TRIAL_FILE,
    ContentError,
    UnknownFact,
    builtin_study_folder,
    load_study_bundle,
    load_trial,
    study_page,
)
from explainer.core.registry_words import marker_ids
from explainer.core.model import Trial
from explainer.timeline_text import load_timeline_text, timeline_text_for
from explainer.validate_links import check_links


def _schedule_words(trial: Trial) -> str:
    """'2 treatment phases'; per group where groups differ; or that the record gives none."""
    if not trial.regimens:
        return "no treatment schedule (the record gives none)"
    if trial.arms_differ:
        return "treatment phases per group: " + ", ".join(str(len(r.phases)) for r in trial.regimens)
    return f"{len(trial.regimens[0].phases)} treatment phases"


def validate_all(source: Path | None) -> list[str]:
    """Lines to print on success; a broken file raises ContentError naming file and field.

    ``source``: a study folder, a single trial file (checked with the pages
    load_study_bundle gives it: the app's own, unless it is the built-in study's file),
    or None for the built-in study."""
    study = load_study_bundle(source)
    trial = study.trial
    folder = source is None or source.is_dir()
    trial_source = (builtin_study_folder() if source is None else source) / TRIAL_FILE if folder else source
    lines = [f"ok  {trial_source}: {trial.nct_id}, {len(trial.criteria)} criteria, {_schedule_words(trial)}"]
    sentences = study.sentences.sentences if study.sentences is not None else {}
    # A study's own folder is checked across its files; so is a trial file of the built-in study.
    own_pages = folder or load_trial().nct_id == trial.nct_id
    if own_pages:
        lines.append(check_links(study, trial_source))
    for name in study.page_names:
        try:
            page = study_page(study, name, registry_links=True)
        except UnknownFact as err:
            if own_pages:  # the pages are this study's: there a missing fact is a typo
                raise
            lines.append(f"--  page {name}: written for the built-in study, not this one ({err})")
            continue
        unknown = sorted({i for ids in marker_ids(page) for i in ids} - set(sentences))
        if unknown:
            where = study.page_source(name) if name in study.pages else f"pages/{name}.md"
            raise ContentError(f"{where}: unknown registry sentence {unknown[0]!r} "
                               f"(see {study.folder}/registry_sentences.json)")
        lines.append(f"ok  page {name}")
    from explainer.summary_source import check_summary_words

    check_summary_words(trial)
    lines.append("ok  PDF summary words (resources/pdf/summary.json)")
    load_timeline_text()
    timeline_text_for(trial)  # the study's own words, laid over the generic ones
    lines.append("ok  timeline words")
    lines.append(f"ok  glossary: {len(study.glossary.terms)} terms; registry sentences: {len(sentences)}")
    return lines
