"""The pages of any study, built from its registry record (explainer/core/study_pages.py).

The sample records (tests/fixtures/ctgov/) hold real contact details of study staff:
these tests assert on counts, ids and the app's own words, never on objects whose
failure message would print a name, a phone number or an e-mail address.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from explainer.core.registry_record import Gap, RegistryStudy, Status, from_registry_json
from explainer.core.study_pages import (
    FINAL,
    Intake,
    ItemList,
    Paragraph,
    Place,
    StudyPage,
    app_words,
    build_study_pages,
    cities,
    countries,
    filter_sites,
    format_date,
    grouping_sentences,
    intake,
    paragraphs,
    states,
)
from explainer.study_words_io import study_words

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))
WORDS = study_words()
TODAY = dt.date(2026, 12, 5)


def sample(nct_id: str) -> RegistryStudy:
    return from_registry_json(json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8")))[0]


def record(**modules: object) -> RegistryStudy:
    """A small made-up record: the identification module plus the modules given."""
    protocol: dict[str, object] = {"identificationModule": {"nctId": "NCT00000001", "briefTitle": "A study"}}
    protocol.update(modules)
    return from_registry_json({"protocolSection": protocol})[0]


def page(pages: list[StudyPage], page_id: str) -> StudyPage:
    return next(p for p in pages if p.id == page_id)


def app_texts(pages: list[StudyPage]) -> list[str]:
    return [p.text for p in paragraphs(pages) if p.voice == "app"]


def section_texts(pages: list[StudyPage], section_id: str) -> list[str]:
    section = next(s for p in pages for s in p.sections if s.id == section_id)
    return [p.text for p in paragraphs([StudyPage("x", "x", (section,))])]


# ---------------------------------------------------------------- every sample

@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_every_sample_builds_six_pages_status_first_and_dated(nct_id: str) -> None:
    study = sample(nct_id)
    pages = build_study_pages(study, WORDS, TODAY)
    assert [p.id for p in pages] == ["status", "about", "what_happens", "who_can_join", "where", "details"]
    status_texts = section_texts(pages, "status-answer")
    if study.status_verified:
        assert WORDS.status.verified.format(date=format_date(study.status_verified, WORDS)) in status_texts
    else:
        assert WORDS.status.not_verified in status_texts
    # Every criterion of the record is its own item, with its id, in the who-can-join page.
    ids = [item.id for s in page(pages, "who_can_join").sections for b in s.blocks if isinstance(b, ItemList)
           for item in b.items]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"(inc|exc)-\d+", i) for i in ids)


FULL = json.loads((SAMPLES / "NCT05147467.json").read_text(encoding="utf-8"))["studies"][0]
MODULES = sorted(FULL["protocolSection"])


@pytest.mark.parametrize("module", MODULES)
def test_a_record_missing_any_one_module_still_builds_and_says_what_is_missing(module: str) -> None:
    data = json.loads(json.dumps(FULL))
    del data["protocolSection"][module]
    if module == "identificationModule":
        data["protocolSection"][module] = {"nctId": "NCT05147467"}
    study = from_registry_json(data)[0]
    pages = build_study_pages(study, WORDS, TODAY)
    missing = [WORDS.details.gaps[g][0].upper() + WORDS.details.gaps[g][1:] + "." for g in study.gaps]
    assert section_texts(pages, "details-gaps")[1:] == missing


@pytest.mark.parametrize("field", ["type", "description", "interventionNames"])
def test_arms_missing_a_field_still_build(field: str) -> None:
    data = json.loads(json.dumps(FULL))
    for arm in data["protocolSection"]["armsInterventionsModule"]["armGroups"]:
        arm.pop(field, None)
    study = from_registry_json(data)[0]
    assert build_study_pages(study, WORDS, TODAY)[2].id == "what_happens"


def test_there_are_ten_samples() -> None:
    assert len(SAMPLE_IDS) == 10


# ---------------------------------------------------------------- status

# Whether the study takes new people comes only from the record's overall status.
INTAKES = {
    Status.RECRUITING: Intake.YES,
    Status.NOT_YET_RECRUITING: Intake.NOT_YET,
    Status.ENROLLING_BY_INVITATION: Intake.INVITATION,
    Status.ACTIVE_NOT_RECRUITING: Intake.NO,
    Status.COMPLETED: Intake.NO,
    Status.SUSPENDED: Intake.PAUSED,
    Status.TERMINATED: Intake.NO,
    Status.WITHDRAWN: Intake.NO,
    Status.UNKNOWN: Intake.UNKNOWN,
    Status.AVAILABLE: Intake.YES,
    Status.NO_LONGER_AVAILABLE: Intake.NO,
    Status.TEMPORARILY_NOT_AVAILABLE: Intake.PAUSED,
    Status.APPROVED_FOR_MARKETING: Intake.NO,
    Status.WITHHELD: Intake.UNKNOWN,
}


def test_the_table_covers_every_status_the_registry_knows() -> None:
    assert set(INTAKES) == set(Status)


@pytest.mark.parametrize("status", list(Status), ids=str)
def test_each_status_is_said_in_plain_words_with_its_next_steps(status: Status) -> None:
    study = record(statusModule={"overallStatus": status.value, "statusVerifiedDate": "2026-03"})
    assert intake(study) is INTAKES[status]
    pages = build_study_pages(study, WORDS, TODAY)
    answer = section_texts(pages, "status-answer")
    assert answer[:2] == [WORDS.status.overall[status].answer, WORDS.status.overall[status].meaning]
    assert "The study team last checked this status: March 2026." in answer
    assert section_texts(pages, "status-next") == list(getattr(WORDS.status.next, INTAKES[status].value))


def test_unknown_shows_the_last_known_status_but_never_answers_yes() -> None:
    study = sample("NCT03475563")
    assert study.overall_status is Status.UNKNOWN and study.last_known_status is Status.RECRUITING
    assert intake(study) is Intake.UNKNOWN
    answer = section_texts(build_study_pages(study, WORDS, TODAY), "status-answer")
    assert "The last status in the record was: taking new people." in answer
    assert WORDS.status.overall[Status.RECRUITING].answer not in answer


def test_a_record_without_a_status_says_so_and_whom_to_ask() -> None:
    pages = build_study_pages(sample("NCT03453554"), WORDS, TODAY)
    assert section_texts(pages, "status-answer")[0] == WORDS.status.missing
    assert section_texts(pages, "status-next") == list(WORDS.status.next.unknown)


@pytest.mark.parametrize(("status", "verified", "as_of", "warned"), [
    ("RECRUITING", "2025-11", dt.date(2026, 11, 30), False),     # Nov 30, 2025 is within a year
    ("RECRUITING", "2025-11", dt.date(2026, 12, 1), True),
    ("RECRUITING", "2025-11-15", dt.date(2026, 11, 16), True),
    ("RECRUITING", "2025", dt.date(2026, 12, 31), False),          # a year alone can mean Dec 31
    ("RECRUITING", "2019-11", None, False),                         # no today given: no claim
    *((final.value, "2015-08", TODAY, False) for final in FINAL),  # a final status does not go stale
    ("ACTIVE_NOT_RECRUITING", "2015-08", TODAY, True),
])
def test_an_old_status_check_is_said_only_when_it_is_more_than_a_year_old(
        status: str, verified: str, as_of: dt.date | None, warned: bool) -> None:
    study = record(statusModule={"overallStatus": status, "statusVerifiedDate": verified})
    answer = section_texts(build_study_pages(study, WORDS, as_of), "status-answer")
    old = [t for t in answer if t.startswith("That was more than a year before today")]
    assert bool(old) is warned
    if warned:
        assert WORDS.status.old.format(today=format_date(_partial(as_of), WORDS)) in answer


def _partial(day: dt.date):  # noqa: ANN202 - a PartialDate
    from explainer.core.registry_record import PartialDate

    return PartialDate(year=day.year, month=day.month, day=day.day)


def test_each_site_status_is_counted_from_the_sites_own_statuses() -> None:
    study = sample("NCT04267848")
    texts = section_texts(build_study_pages(study, WORDS), "status-sites")
    expected = {s: sum(1 for site in study.sites if site.status is s) for s in Status}
    for status, count in expected.items():
        line = f"At {count:,} places, the record says: {WORDS.status.overall[status].short}."
        assert (line in texts) is (count > 1)
    assert sum(expected.values()) == 1148


def test_a_places_status_is_said_as_the_records_even_when_the_study_is_out_of_date() -> None:
    """NCT03475563's own status is 'Unknown' (not checked since 2019), while its 3 places
    still say 'Recruiting': the page must not say flatly that they are taking new people."""
    study = sample("NCT03475563")
    assert study.overall_status is Status.UNKNOWN
    texts = section_texts(build_study_pages(study, WORDS, TODAY), "status-sites")
    assert "At 3 places, the record says: taking new people." in texts
    assert "At 3 places: taking new people." not in texts


def test_a_single_site_without_a_status_is_said_in_the_singular() -> None:
    texts = section_texts(build_study_pages(sample("NCT00973089"), WORDS), "status-sites")
    assert WORDS.status.sites_without_status_one in texts


def test_the_withdrawn_study_says_no_one_took_part() -> None:
    pages = build_study_pages(sample("NCT00973089"), WORDS, TODAY)
    assert section_texts(pages, "status-answer")[0] == WORDS.status.overall[Status.WITHDRAWN].answer
    assert "0 people took part." in section_texts(pages, "details-size")
    assert not any(t.startswith("That was more than a year") for t in app_texts(pages))


@pytest.mark.parametrize("status", [s for s, i in INTAKES.items() if i is Intake.NO], ids=str)
def test_a_closed_study_never_supposes_the_reader_is_in_it(status: Status) -> None:
    """The 'no' steps follow sentences such as 'No one took part' (withdrawn) and 'People
    who were in it no longer get study care' (ended): they must not suppose the reader is in it."""
    study = record(statusModule={"overallStatus": status.value, "statusVerifiedDate": "2026-03"})
    steps = section_texts(build_study_pages(study, WORDS, TODAY), "status-next")
    assert steps and not any(re.search(r"\bin (this|the) study now\b|\bare in (this|the) study\b", t) for t in steps)
    assert "If you have questions about this study, ask the study team." in steps


# ---------------------------------------------------------------- what the study is

def test_the_brief_summary_is_quoted_as_the_registrys_words() -> None:
    study = sample("NCT05147467")
    summary = [p for p in paragraphs(build_study_pages(study, WORDS)) if p.label == WORDS.about.summary_label]
    assert len(summary) == 1 and summary[0].voice == "registry"
    assert summary[0].text == study.brief_summary.strip()


def test_a_treatment_groups_dosing_plan_is_not_shown_and_the_page_says_whom_to_ask() -> None:
    """The app never shows doses: an interventional arm's description (its plan, with
    amounts) is left out, and the group says the record has it and to ask the study team."""
    for number in ("NCT04267848", "NCT04431453", "NCT05147467"):
        study = sample(number)
        described = [arm for arm in study.arms if arm.description and arm.description.strip()]
        assert described, number
        shown = list(paragraphs(build_study_pages(study, WORDS)))
        texts = "\n".join(p.text for p in shown)
        for arm in described:
            assert arm.description.replace("\\", "").strip()[:60] not in texts
        assert sum(p.text == WORDS.what_happens.arm_plan_in_record for p in shown) == len(described)
    assert not re.search(r"\bamounts?\b.*\b(mg|mcg)\b", WORDS.what_happens.arm_plan_in_record)


def test_the_words_about_a_groups_hidden_plan_do_not_claim_it_holds_medicine() -> None:
    """The sentence stands for every described arm, and some plans hold no medicine at all
    (NCT06388018's Cohort A1 is watched, with scans): it may not say the plan has amounts."""
    study = sample("NCT06388018")
    watched = next(arm for arm in study.arms if arm.label == "Cohort A1")
    assert "observation" in watched.description and not re.search(r"\d", watched.description)
    shown = [p.text for p in paragraphs(build_study_pages(study, WORDS))]
    assert WORDS.what_happens.arm_plan_in_record in shown
    assert not re.search(r"\bwith amounts of medicine\b", WORDS.what_happens.arm_plan_in_record)
    assert re.search(r"\bmay give amounts of medicine\b", WORDS.what_happens.arm_plan_in_record)


def test_registry_escapes_are_undone_in_quotes() -> None:
    study = sample("NCT04267848")
    raw = study.brief_summary or ""
    summary = next(p for p in paragraphs(build_study_pages(study, WORDS)) if p.label == WORDS.about.summary_label)
    assert summary.voice == "registry"
    assert summary.text == raw.replace("\\*", "*").replace("\\>", ">").replace("\\<", "<").strip() or "\\" not in raw


@pytest.mark.parametrize(("title", "shown"), [
    ("Plain title ", "Plain title"),
    ("A \\[B\\] study \\>= 18", "A [B] study >= 18"),
    ("Two  spaces\tand a tab", "Two spaces and a tab"),
    ("No\u00a0break", "No break"),
    ("Line one\nLine two", "Line one\nLine two"),
])
def test_registry_words_are_shown_as_the_registry_shows_them(title: str, shown: str) -> None:
    study = record(identificationModule={"nctId": "NCT00000001", "briefTitle": title})
    quoted = next(p for p in paragraphs(build_study_pages(study, WORDS)) if p.label == WORDS.about.short_title)
    assert (quoted.text, quoted.voice) == (shown, "registry")


@pytest.mark.parametrize(("phases", "expected"), [
    (["PHASE2"], ["PHASE2"]),
    (["PHASE2", "PHASE3"], ["PHASE2", "PHASE3", "several"]),
    (["EARLY_PHASE1"], ["EARLY_PHASE1"]),
    (["NA"], ["NA"]),
    ([], ["none"]),
])
def test_each_phase_is_explained(phases: list[str], expected: list[str]) -> None:
    study = record(designModule={"studyType": "INTERVENTIONAL", "phases": phases})
    texts = section_texts(build_study_pages(study, WORDS), "about-kind")
    words = {"several": WORDS.about.several_phases, "none": WORDS.about.no_phase, **WORDS.about.phase}
    assert texts[1:] == [words[key] for key in expected]


def test_an_observational_study_is_explained_without_a_phase_or_a_draw() -> None:
    study = sample("NCT03475563")
    pages = build_study_pages(study, WORDS)
    assert section_texts(pages, "about-kind") == [WORDS.about.study_type["OBSERVATIONAL"]]
    assert grouping_sentences(study, WORDS) == (WORDS.what_happens.observational,)
    assert not any("computer picks" in t for t in app_texts(pages))


# ---------------------------------------------------------------- groups, chance and blinding

def _design(allocation: str | None, arms: int, masking: str | None, who: list[str]) -> RegistryStudy:
    design: dict[str, object] = {"studyType": "INTERVENTIONAL", "designInfo": {}}
    if allocation:
        design["designInfo"]["allocation"] = allocation  # type: ignore[index]
    if masking:
        design["designInfo"]["maskingInfo"] = {"masking": masking, "whoMasked": who}  # type: ignore[index]
    groups = [{"label": f"Group {n}", "type": "EXPERIMENTAL"} for n in range(arms)]
    return record(designModule=design, armsInterventionsModule={"armGroups": groups})


BLIND_WHY = "This is called blinding. It keeps what people hope or expect from changing the results."


@pytest.mark.parametrize(("allocation", "arms", "masking", "who", "expected"), [
    ("RANDOMIZED", 3, "DOUBLE", ["PARTICIPANT", "CARE_PROVIDER"], [
        "A computer picks which of the 3 groups you are in, by chance, like a coin toss. "
        "You and your doctor cannot choose.",
        "Neither you nor your doctors and nurses will know which group you are in.", BLIND_WHY]),
    ("RANDOMIZED", 2, "NONE", [], [
        "A computer picks which of the 2 groups you are in, by chance, like a coin toss. "
        "You and your doctor cannot choose.",
        "Everyone knows which group you are in: you, your doctor and the study team. This is called open label."]),
    ("RANDOMIZED", 2, "SINGLE", ["PARTICIPANT"], [
        "A computer picks which of the 2 groups you are in, by chance, like a coin toss. "
        "You and your doctor cannot choose.",
        "You will not know which group you are in.", BLIND_WHY]),
    ("RANDOMIZED", 2, "SINGLE", ["OUTCOMES_ASSESSOR"], [
        "A computer picks which of the 2 groups you are in, by chance, like a coin toss. "
        "You and your doctor cannot choose.",
        "The people who check the results will not know which group you are in.", BLIND_WHY]),
    ("RANDOMIZED", 4, "QUADRUPLE", ["OUTCOMES_ASSESSOR", "INVESTIGATOR", "CARE_PROVIDER", "PARTICIPANT"], [
        "A computer picks which of the 4 groups you are in, by chance, like a coin toss. "
        "You and your doctor cannot choose.",
        "You, your doctors and nurses, the study doctors and the people who check the results will not know "
        "which group you are in.", BLIND_WHY]),
    ("RANDOMIZED", 2, "TRIPLE", ["PARTICIPANT", "INVESTIGATOR", "CARE_PROVIDER"], [
        "A computer picks which of the 2 groups you are in, by chance, like a coin toss. "
        "You and your doctor cannot choose.",
        "You, your doctors and nurses and the study doctors will not know which group you are in.", BLIND_WHY]),
    ("RANDOMIZED", 2, "DOUBLE", [], [
        "A computer picks which of the 2 groups you are in, by chance, like a coin toss. "
        "You and your doctor cannot choose.",
        "Some people in the study will not know which group you are in. The record does not say who.", BLIND_WHY]),
    ("RANDOMIZED", 0, None, [], [
        "A computer picks which group you are in, by chance, like a coin toss.",
        "The record does not say who knows which group you are in."]),
    ("NON_RANDOMIZED", 8, "NONE", [], [
        "People are not put in one of the 8 groups by chance. Ask the study team how they decide which group "
        "you would be in.",
        "Everyone knows which group you are in: you, your doctor and the study team. This is called open label."]),
    ("NA", 1, "NONE", [], [
        "Everyone knows which group you are in: you, your doctor and the study team. This is called open label."]),
    ("NA", 3, "NONE", [], [
        "The record does not say how people are put into groups.",
        "Everyone knows which group you are in: you, your doctor and the study team. This is called open label."]),
    (None, 2, None, [], [
        "The record does not say how people are put into groups.",
        "The record does not say who knows which group you are in."]),
])
def test_chance_and_blinding_are_said_for_this_study(
        allocation: str | None, arms: int, masking: str | None, who: list[str], expected: list[str]) -> None:
    assert list(grouping_sentences(_design(allocation, arms, masking, who), WORDS)) == expected


def test_the_samples_say_their_own_design() -> None:
    assert grouping_sentences(sample("NCT04267848"), WORDS)[:2] == (
        "A computer picks which of the 3 groups you are in, by chance, like a coin toss. "
        "You and your doctor cannot choose.", WORDS.what_happens.model["PARALLEL"])
    # Eight cohorts that the record calls a "single group" design: no sentence says "one group".
    assert not any("one group" in t for t in grouping_sentences(sample("NCT04431453"), WORDS))
    assert grouping_sentences(sample("NCT00973089"), WORDS)[-2] == "The study doctors will not know which group you are in."


@pytest.mark.parametrize(("arm_types", "interventions", "randomized", "expected"), [
    (["EXPERIMENTAL", "PLACEBO_COMPARATOR"], [], True, ["placebo", "chance_of_placebo"]),
    (["EXPERIMENTAL", "PLACEBO_COMPARATOR"], [], False, ["placebo"]),
    (["EXPERIMENTAL", "EXPERIMENTAL"], ["Drug: Placebo oral tablet"], True, ["placebo", "chance_of_placebo"]),
    (["EXPERIMENTAL", "SHAM_COMPARATOR"], [], True, ["sham", "chance_of_placebo"]),
    (["EXPERIMENTAL", "ACTIVE_COMPARATOR"], [], True, ["no_placebo"]),
])
def test_a_placebo_is_said_only_where_the_record_names_one(
        arm_types: list[str], interventions: list[str], randomized: bool, expected: list[str]) -> None:
    study = record(
        designModule={"studyType": "INTERVENTIONAL",
                      "designInfo": {"allocation": "RANDOMIZED" if randomized else "NON_RANDOMIZED"}},
        armsInterventionsModule={"armGroups": [{"label": f"G{n}", "type": t} for n, t in enumerate(arm_types)],
                                 "interventions": [{"name": name} for name in interventions]})
    texts = section_texts(build_study_pages(study, WORDS), "what-groups")
    said = [key for key in ("placebo", "sham", "chance_of_placebo", "no_placebo")
            if getattr(WORDS.what_happens, key) in texts]
    assert said == expected


def test_each_arm_is_an_item_with_its_kind_and_what_it_gets() -> None:
    study = sample("NCT04267848")
    groups = next(s for s in page(build_study_pages(study, WORDS), "what_happens").sections if s.id == "what-groups")
    arms = next(b for b in groups.blocks if isinstance(b, ItemList)).items
    assert [item.lines[0].text for item in arms] == [arm.label for arm in study.arms]
    assert [len(item.items) for item in arms] == [len(arm.intervention_names) for arm in study.arms]
    assert all(item.lines[1].label == WORDS.what_happens.arm_type_label for item in arms)


def test_no_arms_is_said_plainly() -> None:
    pages = build_study_pages(sample("NCT02576665"), WORDS)
    assert WORDS.what_happens.no_groups in section_texts(pages, "what-groups")


# ---------------------------------------------------------------- who can take part

@pytest.mark.parametrize(("ages", "expected"), [
    ({"minimumAge": "18 Years", "maximumAge": "75 Years"}, ["Age: from 18 years to 75 years."]),
    ({"minimumAge": "18 Years"}, ["Age: 18 years or older.", "The record gives no highest age."]),
    ({"maximumAge": "1 Year"}, ["Age: up to 1 year.", "The record gives no lowest age."]),
    ({"minimumAge": "6 Months", "maximumAge": "17 Years"}, ["Age: from 6 months to 17 years."]),
    ({}, ["The record does not say how old people must be. Ask the study team."]),
])
def test_ages_are_said_with_the_missing_one_named(ages: dict[str, str], expected: list[str]) -> None:
    study = record(eligibilityModule={"sex": "FEMALE", "healthyVolunteers": True, **ages})
    assert section_texts(build_study_pages(study, WORDS), "who-basics") == [
        *expected, "Sex: only females can take part.", WORDS.who_can_join.healthy_yes]


def test_every_criterion_is_its_own_item_in_the_registrys_words() -> None:
    from explainer.core.criteria import split_criteria

    study = sample("NCT06388018")
    criteria = split_criteria(study.criteria or "")
    pages = build_study_pages(study, WORDS)
    for section_id, items in (("who-inclusion", criteria.inclusion), ("who-exclusion", criteria.exclusion)):
        section = next(s for s in page(pages, "who_can_join").sections if s.id == section_id)
        listed = next(b for b in section.blocks if isinstance(b, ItemList)).items
        assert [(i.id, i.lines[0].text, i.lines[0].voice) for i in listed] == [
            (c.id, c.text, "registry") for c in items]


def test_an_inclusion_only_text_says_there_is_no_list_of_what_keeps_people_out() -> None:
    pages = build_study_pages(sample("NCT04267848"), WORDS)
    assert section_texts(pages, "who-exclusion") == [WORDS.who_can_join.no_exclusion]


def test_no_criteria_is_said_with_whom_to_ask() -> None:
    pages = build_study_pages(sample("NCT03453554"), WORDS)
    assert section_texts(pages, "who-rules") == [WORDS.who_can_join.no_criteria]


# ---------------------------------------------------------------- where and whom to ask

def test_the_1148_sites_filter_by_country_state_and_city() -> None:
    study = sample("NCT04267848")
    assert len(countries(study.sites)) == 2
    us = filter_sites(study.sites, Place(country="United States"))
    assert 0 < len(us) < 1148
    assert filter_sites(study.sites, Place(country="  united STATES ")) == us
    alaska = filter_sites(study.sites, Place(country="United States", state="Alaska"))
    assert alaska and all(site.state == "Alaska" for _, site in alaska)
    assert "Alaska" in states(study.sites, "United States")
    anchorage = filter_sites(study.sites, Place(country="United States", state="Alaska", city="Anchorage"))
    assert 0 < len(anchorage) < len(alaska)
    assert "Anchorage" in cities(study.sites, "United States", "Alaska")
    assert [index for index, _ in anchorage] == sorted(index for index, _ in anchorage)
    assert all(study.sites[index] is site for index, site in anchorage)
    assert filter_sites(study.sites, Place()) == list(enumerate(study.sites))


def test_the_where_page_lists_only_the_chosen_places_and_says_how_many() -> None:
    study = sample("NCT04267848")
    chosen = filter_sites(study.sites, Place(country="united states", state="alaska"))
    pages = build_study_pages(study, WORDS, place=Place(country="united states", state="alaska"))
    places = next(s for s in page(pages, "where").sections if s.id == "where-places")
    listed = next(b for b in places.blocks if isinstance(b, ItemList)).items
    assert [item.id for item in listed] == [f"site-{index}" for index, _ in chosen]
    texts = [b.text for b in places.blocks if isinstance(b, Paragraph)]
    assert texts == ["The record lists 1,148 places in 2 countries.",
                     f"Here are {len(chosen)} of the 1,148 places: the ones in Alaska, United States."]
    # Each place says its own status, from its own entry.
    for (index, site), item in zip(chosen, listed, strict=True):
        status = [line for line in item.lines if line.label == WORDS.where.status_label]
        assert [line.text for line in status] == [WORDS.status.overall[site.status].short]


def test_a_place_with_no_site_says_so() -> None:
    pages = build_study_pages(sample("NCT04267848"), WORDS, place=Place(country="Atlantis"))
    assert "The record lists no place in Atlantis. Try a wider choice, such as the whole country." in \
        section_texts(pages, "where-places")


def test_central_contacts_come_first_then_sites() -> None:
    study = sample("NCT05147467")
    where = page(build_study_pages(study, WORDS), "where")
    assert [s.id for s in where.sections][0] == "where-contacts"
    contacts = next(b for b in where.sections[0].blocks if isinstance(b, ItemList)).items
    assert len(contacts) == len(study.central_contacts)
    assert all(line.voice == "registry" for item in contacts for line in item.lines
               if line.label in (WORDS.where.phone_label, WORDS.where.email_label, WORDS.where.name_label))


@pytest.mark.parametrize(("nct_id", "expected"), [
    ("NCT03453554", ["no_contacts", "no_sites"]),
    ("NCT00184067", ["no_contacts"]),
    ("NCT04267848", ["no_central_contacts"]),
])
def test_missing_contacts_and_sites_are_said_with_whom_to_ask(nct_id: str, expected: list[str]) -> None:
    texts = app_texts(build_study_pages(sample(nct_id), WORDS))
    for key in expected:
        text = getattr(WORDS.where, key)
        assert text.format(nct_id=nct_id) in texts


# ---------------------------------------------------------------- dates, size, sponsor, gaps

def test_month_only_dates_are_shown_as_months() -> None:
    texts = [(p.label, p.text) for p in paragraphs(build_study_pages(sample("NCT00184067"), WORDS))]
    assert (WORDS.details.start, "May 2004") in texts
    assert WORDS.details.dates_note in [t for _, t in texts]


@pytest.mark.parametrize(("completion", "as_of", "said"), [
    ({"date": "2024-12", "type": "ESTIMATED"}, dt.date(2025, 1, 1), True),
    ({"date": "2024-12", "type": "ESTIMATED"}, dt.date(2024, 12, 31), False),   # December is not over
    ({"date": "2024-12", "type": "ACTUAL"}, dt.date(2026, 1, 1), False),
    ({"date": "2024-12", "type": "ESTIMATED"}, None, False),
])
def test_a_planned_date_that_is_past_is_said(completion: dict[str, str], as_of: dt.date | None, said: bool) -> None:
    study = record(statusModule={"completionDateStruct": completion})
    texts = section_texts(build_study_pages(study, WORDS, as_of), "details-dates")
    assert (WORDS.details.past_plans in texts) is said


@pytest.mark.parametrize(("enrollment", "expected"), [
    ({"count": 1210, "type": "ESTIMATED"}, "The study plans to take about 1,210 people."),
    ({"count": 59, "type": "ACTUAL"}, "59 people took part."),
    ({"count": 21}, "The record gives the number 21. It does not say if this is a plan or the final count."),
    ({}, "The record does not say how many people the study takes."),
])
def test_size_says_planned_or_actual(enrollment: dict[str, object], expected: str) -> None:
    study = record(designModule={"enrollmentInfo": enrollment})
    assert section_texts(build_study_pages(study, WORDS), "details-size") == [expected]


def test_the_trimmed_record_says_everything_it_leaves_out() -> None:
    study = sample("NCT03453554")
    assert len(study.gaps) == len(Gap) - 1   # it has a title
    texts = section_texts(build_study_pages(study, WORDS), "details-gaps")
    assert texts == [WORDS.details.gaps_intro, *(WORDS.details.gaps[g][0].upper() + WORDS.details.gaps[g][1:] + "."
                                                  for g in study.gaps)]


def test_a_full_record_says_it_leaves_nothing_out() -> None:
    texts = section_texts(build_study_pages(sample("NCT05147467"), WORDS), "details-gaps")
    assert texts == [WORDS.details.no_gaps]


# ---------------------------------------------------------------- words and safety

FORBIDDEN = re.compile(r"\b(eligib\w*|match\w*)\b", re.IGNORECASE)


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_no_page_says_eligible_or_match_in_the_apps_words(nct_id: str) -> None:
    found = [t for t in app_words(build_study_pages(sample(nct_id), WORDS, TODAY)) if FORBIDDEN.search(t)]
    assert found == []


def test_the_words_file_never_says_eligible_or_match() -> None:
    texts = [t for part in WORDS.all_prose().values() for t in part]
    assert texts and [t for t in texts if FORBIDDEN.search(t)] == []


def test_every_page_named_in_the_words_is_a_real_page_title() -> None:
    texts = [t for part in WORDS.all_prose().values() for t in part]
    named = {name for t in texts for name in re.findall(r'the page "([^"]+)"', t)}
    titles = set(WORDS.pages.model_dump().values())
    assert named and named <= titles


def test_registry_text_stays_plain_data_in_the_pages() -> None:
    hostile = '<script>alert(1)</script> **bold** [link](http://x) # heading'
    study = record(descriptionModule={"briefSummary": hostile})
    summary = next(p for p in paragraphs(build_study_pages(study, WORDS)) if p.label == WORDS.about.summary_label)
    assert summary.voice == "registry"
    assert "<script>" in summary.text     # kept as text; the renderers escape it


def test_nothing_about_one_study_is_in_the_code() -> None:
    source = (Path(__file__).parents[1] / "explainer" / "core" / "study_pages.py").read_text(encoding="utf-8")
    assert not re.search(r"NCT\d{8}", source)
    for nct_id in SAMPLE_IDS:
        study = sample(nct_id)
        for name in [*(i.name for i in study.interventions), *study.conditions][:20]:
            if len(name) > 6:
                assert name.casefold() not in source.casefold()


# ---------------------------------------------------------------- the status where people decide

# (status, last checked, the lines a page where people decide starts with)
STATUS_FIRST = [
    ("COMPLETED", "2023-11", ["No. The study has ended.", "The study team last checked this status: November 2023."]),
    ("RECRUITING", "2025-08", ["Yes. The study is taking new people.",
                               "The study team last checked this status: August 2025.",
                               "That was more than a year before today, December 5, 2026. "
                               "The status may have changed since then."]),
    ("RECRUITING", "2026-10", ["Yes. The study is taking new people.",
                               "The study team last checked this status: October 2026."]),
    ("WITHDRAWN", None, ["No. The study stopped before anyone joined.",
                         "The record does not say when the study team last checked its status."]),
    (None, None, ["The record does not give the study's status. Ask the study team if it is taking new people.",
                  "The record does not say when the study team last checked its status."]),
]


@pytest.mark.parametrize(("status", "verified", "expected"), STATUS_FIRST)
def test_the_status_first_says_it_and_when_it_was_checked(status, verified, expected) -> None:
    from explainer.core.study_pages import status_first

    module = {key: value for key, value in (("overallStatus", status), ("statusVerifiedDate", verified)) if value}
    study = record(statusModule=module) if module else record()
    assert list(status_first(study, WORDS, TODAY)) == expected


def test_the_status_first_names_the_last_known_status_when_it_is_unknown() -> None:
    from explainer.core.study_pages import status_first

    study = record(statusModule={"overallStatus": "UNKNOWN", "lastKnownStatus": "RECRUITING",
                                 "statusVerifiedDate": "2019-11"})
    assert status_first(study, WORDS, TODAY)[:2] == ("No one knows for sure. The record is out of date.",
                                                      "The last status in the record was: taking new people.")


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_each_page_built_alone_is_the_page_built_with_the_others(nct_id) -> None:
    from explainer.core.study_pages import PAGE_IDS, Place, build_study_page, build_study_pages, page_title
    from explainer.records_io import read_studies

    study = read_studies(SAMPLES / f"{nct_id}.json")[0]
    as_of = dt.date(2026, 12, 5)
    together = build_study_pages(study, WORDS, as_of)
    assert [page.id for page in together] == list(PAGE_IDS)
    for page in together:
        assert build_study_page(study, WORDS, page.id, as_of) == page
        assert page_title(WORDS, page.id) == page.title
    place = Place("United States")
    assert build_study_page(study, WORDS, "where", as_of, place) == build_study_pages(study, WORDS, as_of, place)[4]
    with pytest.raises(KeyError):
        build_study_page(study, WORDS, "nowhere", as_of)
