"""A ClinicalTrials.gov API v2 record becomes the strict model, or one plain error.

The sample records (tests/fixtures/ctgov/, see SOURCES.md there) hold real contact
details of study staff: these tests assert on counts and flags, never on objects that
would print a name, a phone number or an e-mail address when an assertion fails.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from explainer.core.registry_record import (
    MAX_SITES,
    Gap,
    RegistryRecordError,
    RegistryStudy,
    from_registry_json,
)

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
SAMPLE_IDS = sorted(path.stem for path in SAMPLES.glob("NCT*.json"))


def sample(nct_id: str) -> object:
    return json.loads((SAMPLES / f"{nct_id}.json").read_text(encoding="utf-8"))


def one(nct_id: str) -> RegistryStudy:
    studies = from_registry_json(sample(nct_id))
    assert len(studies) == 1
    return studies[0]


def test_there_are_ten_samples() -> None:
    assert len(SAMPLE_IDS) == 10


@pytest.mark.parametrize("nct_id", SAMPLE_IDS)
def test_every_sample_record_parses_with_its_own_number(nct_id: str) -> None:
    study = one(nct_id)
    assert study.nct_id == nct_id
    assert study.title


def test_the_record_with_1148_sites_keeps_every_site_with_its_status_and_place() -> None:
    study = one("NCT04267848")
    assert len(study.sites) == 1148
    assert all(site.country for site in study.sites)
    assert sum(1 for site in study.sites if site.status is not None) == 1148
    assert sum(1 for site in study.sites if site.contacts) == 659
    assert len(study.interventions) == 12
    assert sum(1 for i in study.interventions if i.other_names) == 11
    assert study.gaps == ()


def test_month_only_dates_stay_months_and_a_missing_date_type_stays_unknown() -> None:
    study = one("NCT00184067")
    assert study.start is not None
    assert (study.start.date.year, study.start.date.month, study.start.date.day) == (2004, 5, None)
    assert study.start.date.text == "2004-05"
    assert study.start.type is None and study.start.estimated is None
    assert study.maximum_age is None and study.minimum_age is not None
    assert (study.minimum_age.value, study.minimum_age.unit) == (18, "years")


def test_a_search_response_wrapper_gives_its_study() -> None:
    study = one("NCT05147467")
    assert study.overall_status == "RECRUITING"
    assert study.completion is not None and study.completion.date.text.count("-") == 1
    assert study.completion.estimated is True
    assert len(study.central_contacts) >= 1


def test_design_arms_masking_and_sex() -> None:
    study = one("NCT06388018")
    assert study.sex == "FEMALE"
    assert study.phases == ("PHASE2",)
    assert study.study_type == "INTERVENTIONAL"
    assert len(study.arms) == 3 and all(arm.type for arm in study.arms)
    assert len(study.other_ids) == 4
    assert study.design is not None and study.design.allocation is not None


def test_two_phases_results_and_no_minimum_age() -> None:
    study = one("NCT04431453")
    assert study.phases == ("PHASE2", "PHASE3")
    assert study.has_results is True
    assert study.minimum_age is None
    assert study.maximum_age is not None and study.maximum_age.text == "18 years"
    assert len(study.arms) == 8


def test_a_withdrawn_study_with_no_one_enrolled_and_an_arm_without_interventions() -> None:
    study = one("NCT00973089")
    assert study.overall_status == "WITHDRAWN"
    assert study.enrollment is not None and (study.enrollment.count, study.enrollment.type) == (0, "ACTUAL")
    assert study.healthy_volunteers is True
    assert any(arm.type == "NO_INTERVENTION" and not arm.intervention_names for arm in study.arms)


def test_an_observational_study_with_unknown_status_keeps_the_last_known_one() -> None:
    study = one("NCT03475563")
    assert (study.overall_status, study.last_known_status) == ("UNKNOWN", "RECRUITING")
    assert study.study_type == "OBSERVATIONAL" and study.phases == ()
    assert study.arms and all(arm.type is None for arm in study.arms)


def test_a_fields_subset_without_derived_section_or_arms() -> None:
    study = one("NCT02576665")
    assert study.record_date is None and study.has_results is None
    assert study.arms == () and all(i.type is None for i in study.interventions)
    assert study.enrollment is not None and study.enrollment.type is None
    assert len(study.conditions) == 12
    assert Gap.ARMS in study.gaps


def test_the_hand_trimmed_record_parses_and_says_what_is_missing() -> None:
    study = one("NCT03453554")
    assert study.overall_status is None and study.criteria is None and study.sites == ()
    for gap in (Gap.STATUS, Gap.CRITERIA, Gap.SITES, Gap.CONTACTS, Gap.DESIGN, Gap.AGES):
        assert gap in study.gaps


def test_the_model_is_frozen() -> None:
    study = one("NCT00973089")
    with pytest.raises(Exception):
        study.nct_id = "NCT00000000"  # type: ignore[misc]


def test_a_response_with_several_studies_gives_them_all_in_order() -> None:
    first, second = sample("NCT00973089"), sample("NCT03475563")
    studies = from_registry_json({"studies": [first, second], "nextPageToken": "x"})
    assert [s.nct_id for s in studies] == ["NCT00973089", "NCT03475563"]


def _bad(data: object) -> str:
    with pytest.raises(RegistryRecordError) as caught:
        from_registry_json(data)
    message = str(caught.value)
    assert message.count(".") >= 1 and "\n" not in message
    return message


def _with(path: tuple[str | int, ...], value: object, base: str = "NCT00973089") -> object:
    data = copy.deepcopy(sample(base))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


@pytest.mark.parametrize(("data", "expected"), [
    ({"studies": []}, "holds no studies"),
    ({"FullStudiesResponse": {"FullStudies": [{"Study": {"ProtocolSection": {
        "IdentificationModule": {"NCTId": "NCT01234567"}}}}]}}, "old ClinicalTrials.gov format"),
    ({"StudyFieldsResponse": {"StudyFields": []}}, "old ClinicalTrials.gov format"),
    ('<?xml version="1.0"?><clinical_study><id_info><nct_id>NCT01234567</nct_id></id_info></clinical_study>',
     "old ClinicalTrials.gov format (XML)"),
    ("<!DOCTYPE html><html><head><title>Study</title></head></html>", "saved web page"),
    ("NCT ID,Title\nNCT01234567,A study", "plain text"),
    ({"name": "not a study"}, "no protocol section"),
    ([1, 2, 3], "is a list"),
    (42, "not a ClinicalTrials.gov study record"),
    (None, "not a ClinicalTrials.gov study record"),
    ({"studies": "NCT01234567"}, '"studies" should be a list'),
    ({"studies": [{"protocolSection": {}}]}, "no study number"),
    ({"protocolSection": {"identificationModule": {"nctId": "12345"}}}, "nctId is not in the expected form"),
    ({"protocolSection": []}, "protocolSection should be a group of fields"),
    ({"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}, "statusModule": "RECRUITING"}},
     "statusModule should be a group of fields"),
])
def test_bad_input_gives_one_plain_sentence(data: object, expected: str) -> None:
    message = _bad(data)
    assert expected in message


def test_the_old_format_message_says_where_to_get_the_current_one() -> None:
    message = _bad({"FullStudiesResponse": {"FullStudies": [{"Study": {"ProtocolSection": {
        "IdentificationModule": {"NCTId": "NCT01234567"}}}}]}})
    assert "https://clinicaltrials.gov/api/v2/studies/NCT01234567" in message


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("protocolSection", "designModule", "enrollmentInfo", "count"), "0",
     "protocolSection.designModule.enrollmentInfo.count should be a whole number"),
    (("protocolSection", "designModule", "enrollmentInfo", "count"), -1,
     "protocolSection.designModule.enrollmentInfo.count is below zero"),
    (("protocolSection", "statusModule", "overallStatus"), "OPEN",
     "protocolSection.statusModule.overallStatus has a value the app does not know"),
    (("protocolSection", "designModule", "phases"), "PHASE2", "protocolSection.designModule.phases should be a list"),
    (("protocolSection", "eligibilityModule", "healthyVolunteers"), "yes",
     "protocolSection.eligibilityModule.healthyVolunteers should be true or false"),
    (("protocolSection", "eligibilityModule", "minimumAge"), "five years",
     'protocolSection.eligibilityModule.minimumAge should be an age such as "18 Years"'),
    (("protocolSection", "statusModule", "startDateStruct", "date"), "2010-13",
     "protocolSection.statusModule.startDateStruct.date is not a real date"),
    (("protocolSection", "statusModule", "startDateStruct", "date"), "May 2010",
     "startDateStruct.date should be a date written as YYYY, YYYY-MM or YYYY-MM-DD"),
    (("protocolSection", "identificationModule", "briefTitle"), "x" * 1001,
     "protocolSection.identificationModule.briefTitle is longer than 1,000 characters"),
    (("protocolSection", "armsInterventionsModule", "armGroups", 0, "interventionNames"), [1],
     "armGroups[0].interventionNames[0] should be text"),
])
def test_wrong_types_and_values_name_the_field(path: tuple, value: object, expected: str) -> None:
    message = _bad(_with(path, value))  # outside the assert: a failure must not print the record
    assert expected in message


def test_too_many_sites_names_the_field_and_the_limit() -> None:
    site = {"facility": "A clinic", "city": "Town", "country": "Nowhere"}
    data = _with(("protocolSection", "contactsLocationsModule", "locations"), [site] * (MAX_SITES + 1))
    message = _bad(data)
    assert "protocolSection.contactsLocationsModule.locations has more than 5,000 items" in message


def test_a_message_never_repeats_the_value_it_refused() -> None:
    secret = "someone.private@example.org"
    data = _with(("protocolSection", "contactsLocationsModule", "locations"),
                 [{"facility": "A clinic", "contacts": [{"name": "Dr A", "email": ["x", secret]}]}])
    message = _bad(data)
    assert "locations[0].contacts[0].email should be text" in message
    assert secret not in message and "Dr A" not in message


def test_a_bad_study_inside_a_response_is_named_by_its_place() -> None:
    good = sample("NCT00973089")
    message = _bad({"studies": [good, {"protocolSection": {"identificationModule": {"nctId": 7}}}]})
    assert "studies[1].protocolSection.identificationModule.nctId should be text" in message


def test_unknown_keys_are_ignored() -> None:
    data = _with(("protocolSection", "statusModule", "somethingNew"), {"deep": [1, 2, 3]})
    assert from_registry_json(data)[0].nct_id == "NCT00973089"
