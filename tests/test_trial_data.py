"""The built-in trial file against the registry record it was built from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explainer.core.model import RecruitmentStatus, Route

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_2223b2a06e5ab2e6.txt"


def test_fixture_copy_matches_shared_seed(registry_text: str) -> None:
    if not SHARED_SEED.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert SHARED_SEED.read_text(encoding="utf-8").replace("\\", "") == registry_text


def test_identity_status_and_dates(trial, registry_text: str) -> None:
    assert trial.nct_id == "NCT04883242"
    assert trial.title in registry_text
    assert [i.id for i in trial.identifiers] == ["NCI-2021-03406", "10690", "RG1121154"]
    assert trial.status is RecruitmentStatus.ACTIVE_NOT_RECRUITING and not trial.status.is_recruiting
    assert trial.last_updated == dt.date(2025, 9, 26)
    assert trial.start_date == dt.date(2021, 7, 29) and trial.completion_date == dt.date(2031, 12, 31)
    assert trial.enrollment == 30 and trial.phase == "PHASE2"
    for text in ("Last Updated: 2025-09-26", "ACTIVE_NOT_RECRUITING", "30 participants",
                 "2021-07-29", "2031-12-31", "NCI-2021-03406", "RG1121154"):
        assert text in registry_text


def test_people_and_places(trial, registry_text: str) -> None:
    assert trial.lead_sponsor.name == "University of Washington"
    assert [s.name for s in trial.sponsors if s.role == "collaborator"] == ["Genzyme, a Sanofi Company"]
    assert trial.investigators[0].name == "Rahul Banerjee, MD"
    site = trial.locations[0]
    assert (site.facility, site.city, site.state) == (
        "Fred Hutch/University of Washington Cancer Consortium", "Seattle", "Washington")
    assert trial.related_studies[0].nct_id == "NCT05911321"
    for text in (trial.lead_sponsor.name, site.facility, trial.related_studies[0].title):
        assert text in registry_text


@pytest.mark.parametrize(("drug", "route", "names"), [
    ("isatuximab", Route.IV, {"Sarclisa", "SAR650984", "Isatuximab-irfc", "Hu 38SB19"}),
    ("carfilzomib", Route.IV, {"Kyprolis", "PR-171", "Carfilnat", "CFZ"}),
    ("pomalidomide", Route.PO, {"Pomalyst", "Imnovid", "CC-4047", "4-Aminothalidomide", "Actimid"}),
    ("dexamethasone", Route.PO_OR_IV, {"Decadron", "Hemady", "Aacidexam", "Aknichthol Dexa", "ZoDex"}),
])
def test_other_names_belong_to_the_right_drug(trial, registry_text, drug, route, names) -> None:
    medicine = trial.intervention(drug)
    assert medicine.route is route
    assert names <= set(medicine.other_names)
    others = {n for m in trial.medicines if m.id != drug for n in m.other_names}
    assert not names & others
    for name in medicine.other_names:
        assert name in registry_text


def test_every_other_name_in_the_record_is_attached_somewhere(trial, registry_text) -> None:
    run = registry_text.split("Other Intervention Names")[1].split("Eligibility Criteria")[0]
    run = run.strip().splitlines()[-1]
    attached = " ".join(n for i in trial.interventions for n in i.other_names)
    assert sorted(run.split()) == sorted(attached.split())


def test_procedures(trial) -> None:
    assert {p.name for p in trial.procedures} == {
        "Bone Marrow Biopsy", "Bone Marrow Aspiration", "Skeletal Survey X-Ray",
        "Computed Tomography", "Positron Emission Tomography", "Magnetic Resonance Imaging"}


# (phase, drug, cycle of that phase, expected days, the registry phrase it comes from)
DAY_RULES = [
    ("induction", "isatuximab", 1, (1, 8, 15, 22), "isatuximab intravenously (IV) on days 1, 8, 15, and 22 of cycle 1"),
    ("induction", "isatuximab", 2, (1, 15), "and days 1 and 15 of subsequent cycles"),
    ("induction", "isatuximab", 6, (1, 15), "and days 1 and 15 of subsequent cycles"),
    ("induction", "carfilzomib", 1, (1, 8, 15), "carfilzomib IV over 30 minutes on days 1, 8, and 15"),
    ("induction", "carfilzomib", 6, (1, 8, 15), "carfilzomib IV over 30 minutes on days 1, 8, and 15"),
    ("induction", "pomalidomide", 1, tuple(range(1, 22)), "pomalidomide orally (PO) once daily (QD) on days 1-21"),
    ("induction", "pomalidomide", 4, tuple(range(1, 22)), "pomalidomide orally (PO) once daily (QD) on days 1-21"),
    ("induction", "dexamethasone", 1, (1, 8, 15, 22), "dexamethasone PO or IV on days 1,8, 15, and 22"),
    ("induction", "dexamethasone", 5, (1, 8, 15, 22), "dexamethasone PO or IV on days 1,8, 15, and 22"),
    ("maintenance", "isatuximab", 1, (1, 15), "isatuximab IV days 1 and 15"),
    ("maintenance", "isatuximab", 26, (1, 15), "isatuximab IV days 1 and 15"),
    ("maintenance", "carfilzomib", 1, (1, 15), "carfilzomib IV over 30 minutes on days 1 and 15"),
    ("maintenance", "pomalidomide", 9, tuple(range(1, 22)), "pomalidomide PO QD on days 1-21"),
    ("maintenance", "dexamethasone", 3, (1, 8, 15, 22), "dexamethasone PO or IV on days 1, 8, 15, and 22"),
]


@pytest.mark.parametrize(("phase", "drug", "cycle", "days", "phrase"), DAY_RULES)
def test_day_rules_match_the_record(trial, registry_text, phase, drug, cycle, days, phrase) -> None:
    assert phrase in registry_text
    schedule = next(d for d in trial.regimen_phase(phase).drugs if d.drug == drug)
    assert schedule.days_in_cycle(cycle) == days
    assert phrase in trial.regimen_phase(phase).source


def test_cycle_lengths_counts_and_routes(trial, registry_text) -> None:
    induction, maintenance = trial.regimen.phases
    assert "Treatment repeats every 28 days for 6 cycles" in registry_text
    assert "Cycles repeat every 28 days for up to 24 months" in registry_text
    assert (induction.cycle_length_days, induction.cycles, induction.max_months) == (28, 6, None)
    assert (maintenance.cycle_length_days, maintenance.cycles, maintenance.max_months) == (28, None, 24)
    for phase in (induction, maintenance):
        routes = {d.drug: d.route for d in phase.drugs}
        assert routes == {"isatuximab": Route.IV, "carfilzomib": Route.IV,
                          "pomalidomide": Route.PO, "dexamethasone": Route.PO_OR_IV}
        minutes = {d.drug: d.infusion_minutes for d in phase.drugs}
        assert minutes == {"isatuximab": None, "carfilzomib": 30, "pomalidomide": None, "dexamethasone": None}
        assert [d.drug for d in phase.drugs if d.once_daily] == ["pomalidomide"]


def test_follow_up(trial, registry_text) -> None:
    follow_up = trial.regimen.follow_up
    assert (follow_up.first_visit_days_after_treatment, follow_up.up_to_years) == (30, 5)
    assert follow_up.source in registry_text


def test_every_criterion_quotes_the_record(trial, registry_text) -> None:
    for criterion in trial.criteria:
        for line in criterion.source.split("\n"):
            assert line.removeprefix("* ") in registry_text, criterion.id


def test_every_bullet_of_the_record_is_a_criterion(trial, registry_text) -> None:
    section = registry_text.split("Inclusion Criteria")[1].split("Minimum Eligible Age")[0]
    bullets = [line[2:] for line in section.splitlines() if line.startswith("* ")]
    quoted = "\n".join(c.source for c in trial.criteria)
    missing = [b for b in bullets if b not in quoted]
    assert not missing
    assert len([c for c in trial.criteria if c.kind == "inclusion"]) == 16
    assert len([c for c in trial.criteria if c.kind == "exclusion"]) == 8


# Where the app says how long induction lasts: (file under resources/, placeholders it must use).
# The length comes from the schedule (6 cycles x 28 days), never typed by hand beside it.
INDUCTION_LENGTH_TEXTS = [("trials/NCT04883242/pages/what-happens.md", "## Part 1: induction (about {{ induction_months }} months)"),
                          ("trials/NCT04883242/pages/what-happens.md", "{{ induction_weeks }} weeks, about {{ induction_months }} months"),
                          # the study's own timeline words, in its trial file since issue 15
                          ("trials/NCT04883242/trial.json", "That is {weeks} weeks, about {about_months} months.")]


@pytest.mark.parametrize(("name", "words"), INDUCTION_LENGTH_TEXTS)
def test_induction_length_in_words_fits_its_days(trial, name: str, words: str) -> None:
    from explainer.core.facts import trial_facts

    facts = trial_facts(trial)
    days = int(facts["induction_cycles"]) * int(facts["cycle_days"])
    assert (days, days // 7) == (168, 24)  # the writing guide: "Induction lasts 168 days, about 5½ months"
    assert (facts["induction_weeks"], facts["induction_months"]) == ("24", "5½")  # to the nearest half month
    text = (Path(__file__).resolve().parents[1] / "resources" / name).read_text(encoding="utf-8")
    assert words in text
    assert "5½" not in text and "about 6 months" not in text


@pytest.mark.parametrize(("days", "words"), [(14, "½"), (28, "1"), (84, "3"), (168, "5½"), (182, "6"), (336, "11")])
def test_about_months_rounds_to_the_nearest_half_month(days: int, words: str) -> None:
    from explainer.core.facts import about_months

    assert about_months(days) == words


def test_the_induction_length_follows_the_number_of_cycles(trial) -> None:
    from explainer.content import load_page
    from explainer.core.schedule import journey
    from explainer.timeline_text import timeline_text
    from explainer.ui.journey_strip import stage_words

    phases = list(trial.regimen.phases)
    phases[0] = phases[0].model_copy(update={"cycles": 3})
    shorter = trial.model_copy(update={"regimen": trial.regimen.model_copy(update={"phases": phases})})
    page = " ".join(load_page("what-happens", shorter).split())
    assert "## Part 1: induction (about 3 months)" in load_page("what-happens", shorter)
    assert "So this part takes 12 weeks, about 3 months." in page
    induction = next(s for s in journey(shorter) if s.id == "induction")
    assert stage_words(induction, timeline_text(), 28).endswith("That is 12 weeks, about 3 months.")
    induction = next(s for s in journey(trial) if s.id == "induction")
    assert stage_words(induction, timeline_text(), 28).endswith("That is 24 weeks, about 5½ months.")


def _limits(rule):
    from explainer.core.rules import AllOf, AnyOf, Compare

    if isinstance(rule, (AllOf, AnyOf)):
        return [limit for child in rule.of for limit in _limits(child)]
    return [rule] if isinstance(rule, Compare) else []


def test_every_limit_a_rule_checks_is_in_its_plain_words(trial) -> None:
    """Issue 12 item 3: the plain words had dropped every measurable-disease threshold."""
    from explainer.core.units import format_number

    for criterion in trial.criteria:
        for compare in _limits(criterion.rule):
            assert format_number(compare.limit) in criterion.plain, (criterion.id, compare.question)


# (criterion, words of the record, what the plain words must say): issue 12 items 2-4, 17 and
# the nurse's reread.
PLAIN_FOLLOWS_THE_RECORD = [
    ("contraception", "Female patients of childbearing potential and male patients", "All men in the study, and women who could get pregnant"),
    ("contraception", "continuously abstain from heterosexual intercourse", "not have sex with a partner of the other sex"),
    ("measurable_disease", "Serum M protein >= 0.5 g/dL", "M protein in your blood is 0.5 g/dL or more"),
    ("measurable_disease", "Urine M protein >= 200 mg/24 hours", "M protein in your urine is 200 mg or more in 24 hours"),
    ("measurable_disease", "free light chain level >= 10 mg/dL with abnormal kappa/lambda ratio",
     "free light chain is 10 mg/dL or more, and your kappa/lambda ratio is abnormal"),
    ("measurable_disease", "biopsy-proven plasmacytomas (>= 1 lesion has a single diameter >= 2 cm)",
     "proven by a biopsy, and at least 1 is 2 cm or more across"),
    ("measurable_disease", "Bone marrow plasma cells >= 30%", "Plasma cells make up 30% or more of your bone marrow"),
    ("other_cancer", "non-melanoma skin cancer", "any skin cancer that is not melanoma"),
    ("other_cancer", "localized prostate cancer", "prostate cancer that has not spread"),
    ("other_cancer", "superficial bladder cancer", "bladder cancer only in the inner lining (superficial)"),
    ("other_cancer", "cervical carcinoma in situ, on biopsy", "early cervical cancer (in situ) found on a biopsy"),
    ("other_cancer", "any prior malignancy with an estimated > 90% 1-year cure rate per sponsor-investigator",
     "any past cancer that the study's lead doctor judges has more than a 90% chance of cure at 1 year"),
    ("heart_disease", "History of clinically significant cardiovascular disease", "have, or have had, serious heart disease"),
    ("heart_disease", "left ventricular ejection fraction < 40%", "ejection fraction under 40%"),
    ("heart_disease", "New York Heart Association (NYHA) class 3-4", "NYHA class 3 or 4"),
    ("ecog", "performance status of 0-2", "ECOG score of 0, 1 or 2"),
    ("prior_toxicities_resolved", "to grade =< 1 or baseline", "become mild (grade 1), or gone back to how you were"),
    ("other_cancer_treatment", "Concurrent use", "while you are in this study"),
]


@pytest.mark.parametrize(("criterion_id", "record", "plain"), PLAIN_FOLLOWS_THE_RECORD)
def test_plain_words_say_what_the_record_says(trial, registry_text, criterion_id, record, plain) -> None:
    criterion = next(c for c in trial.criteria if c.id == criterion_id)
    assert record in " ".join(registry_text.replace("\\", "").split())
    assert plain in criterion.plain


def test_the_birth_control_rule_is_asked_of_every_man() -> None:
    """Issue 12 item 2: the question follows the record (all male patients), and a woman who
    cannot get pregnant has an answer that meets it."""
    from explainer.content import load_questions

    question = load_questions().question("contraception_agreement")
    assert "It is for all men, and for women who could get pregnant" in question.text
    assert "partner could get pregnant" not in question.text
    yes = next(c.label for c in question.choices if c.value == "yes")
    assert "a woman who cannot get pregnant" in yes
