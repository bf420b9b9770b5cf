"""A ClinicalTrials.gov API v2 record, as the app uses it: a strict, frozen model.

``from_registry_json(data)`` takes JSON that is already parsed (a bare study, or a
``{"studies": [...]}`` search response) and returns the studies in it. The record is
text no one here wrote, so:

- every module may be missing (real records lack some; a ``fields=`` download holds
  only what was asked for): the model says what is missing in ``gaps``;
- keys the app does not use are ignored; keys it uses must have the registry's types
  (text is text, a count is a whole number, a status is one of the registry's words);
- every text and list has a size limit, named in the message when it is passed;
- anything else is ONE error type, ``RegistryRecordError``, whose text is one plain
  sentence that names the field (never its value: records hold staff contact details).

Dates keep the registry's precision: "2004-05" stays a month, never becomes the 1st.
No Qt, no files, no clock here.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AliasPath, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError

CURRENT_FORMAT_ADDRESS = "https://clinicaltrials.gov/api/v2/studies/"

# Size limits. The registry's own limits are lower (a criteria text is at most about
# 20,000 characters); these leave room and still keep a hostile file small in memory.
MAX_SHORT = 1_000        # names, titles, identifiers, cities
MAX_LONG = 60_000        # summaries, descriptions, the eligibility criteria
MAX_SITES = 5_000
MAX_ITEMS = 500          # arms, interventions, conditions, IDs, contacts of a study
MAX_SITE_CONTACTS = 50
MAX_STUDIES = 1_000      # studies in one search response

ShortText = Annotated[str, StringConstraints(strict=True, max_length=MAX_SHORT)]
LongText = Annotated[str, StringConstraints(strict=True, max_length=MAX_LONG)]
Count = Annotated[int, Field(strict=True, ge=0, le=100_000_000)]
Flag = Annotated[bool, Field(strict=True)]


class RegistryRecordError(ValueError):
    """A record the app cannot read; ``str()`` is one plain sentence."""


class Status(StrEnum):
    """The registry's overall status words (also used for each site)."""

    NOT_YET_RECRUITING = "NOT_YET_RECRUITING"
    RECRUITING = "RECRUITING"
    ENROLLING_BY_INVITATION = "ENROLLING_BY_INVITATION"
    ACTIVE_NOT_RECRUITING = "ACTIVE_NOT_RECRUITING"
    SUSPENDED = "SUSPENDED"
    TERMINATED = "TERMINATED"
    COMPLETED = "COMPLETED"
    WITHDRAWN = "WITHDRAWN"
    UNKNOWN = "UNKNOWN"
    # Expanded-access records use these four; WITHHELD is for a record not yet shown.
    AVAILABLE = "AVAILABLE"
    NO_LONGER_AVAILABLE = "NO_LONGER_AVAILABLE"
    TEMPORARILY_NOT_AVAILABLE = "TEMPORARILY_NOT_AVAILABLE"
    APPROVED_FOR_MARKETING = "APPROVED_FOR_MARKETING"
    WITHHELD = "WITHHELD"


class Gap(StrEnum):
    """Something a record does not say; the screens say it plainly (words live there)."""

    TITLE = "title"
    STATUS = "status"
    STATUS_DATE = "status_date"
    DESIGN = "design"
    ARMS = "arms"
    INTERVENTIONS = "interventions"
    CONDITIONS = "conditions"
    SPONSOR = "sponsor"
    CRITERIA = "criteria"
    AGES = "ages"
    SEX = "sex"
    CONTACTS = "contacts"
    SITES = "sites"
    ENROLLMENT = "enrollment"
    START_DATE = "start_date"
    SUMMARY = "summary"


Phase = Literal["NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4"]
StudyType = Literal["EXPANDED_ACCESS", "INTERVENTIONAL", "OBSERVATIONAL"]
DateType = Literal["ACTUAL", "ESTIMATED"]
Allocation = Literal["RANDOMIZED", "NON_RANDOMIZED", "NA"]
InterventionModel = Literal["SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL"]
Masking = Literal["NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"]
WhoMasked = Literal["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR", "OUTCOMES_ASSESSOR"]
ArmType = Literal["EXPERIMENTAL", "ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR",
                  "NO_INTERVENTION", "OTHER"]
InterventionType = Literal["BEHAVIORAL", "BIOLOGICAL", "COMBINATION_PRODUCT", "DEVICE",
                           "DIAGNOSTIC_TEST", "DIETARY_SUPPLEMENT", "DRUG", "GENETIC", "PROCEDURE",
                           "RADIATION", "OTHER"]
ContactRole = Literal["STUDY_CHAIR", "STUDY_DIRECTOR", "PRINCIPAL_INVESTIGATOR", "SUB_INVESTIGATOR",
                      "CONTACT"]
Sex = Literal["FEMALE", "MALE", "ALL"]
StdAge = Literal["CHILD", "ADULT", "OLDER_ADULT"]
AgencyClass = Literal["NIH", "FED", "OTHER_GOV", "INDIV", "INDUSTRY", "NETWORK", "AMBIG", "OTHER",
                      "UNKNOWN"]
EnrollmentType = Literal["ACTUAL", "ESTIMATED"]


class _Part(BaseModel):
    """Keys the app does not use are ignored; the ones it uses are typed."""

    # defer_build: a record is read whole, and its validator holds its parts'; a part
    # gets its own only if it is made by itself (PartialDate: a page's dates).
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=False, defer_build=True)


# ---------------------------------------------------------------- dates and ages

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class PartialDate(_Part):
    """A date as precise as the registry gives it: a year, a month, or a day."""

    model_config = ConfigDict(defer_build=False)  # made by itself for dates on pages: built once, used in a record's

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def text(self) -> str:
        """The registry's own form: 2004, 2004-05 or 2004-05-17."""
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)


def _partial_date(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _PARTIAL_DATE.fullmatch(value)
    if not match:
        raise ValueError("should be a date written as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:  # checks the month and the day against the calendar
        dt.date(year, month or 1, day or 1)  # type: ignore[arg-type]
    except ValueError:
        raise ValueError("is not a real date") from None
    return {"year": year, "month": month, "day": day}


RegistryDate = Annotated[PartialDate, BeforeValidator(_partial_date)]


class DateWithType(_Part):
    date: RegistryDate
    type: DateType | None = None  # missing in some records (e.g. an old start date)

    @property
    def estimated(self) -> bool | None:
        return None if self.type is None else self.type == "ESTIMATED"


_AGE = re.compile(r"(\d{1,4}) (Year|Years|Month|Months|Week|Weeks|Day|Days|Hour|Hours|Minute|Minutes)")


class Age(_Part):
    value: int
    unit: Literal["years", "months", "weeks", "days", "hours", "minutes"]

    @property
    def text(self) -> str:
        return f"{self.value} {self.unit}"


def _age(value: object) -> object:
    if not isinstance(value, str):
        return value
    match = _AGE.fullmatch(value.strip())
    if not match:
        raise ValueError('should be an age such as "18 Years"')
    unit = match.group(2).lower()
    return {"value": int(match.group(1)), "unit": unit if unit.endswith("s") else unit + "s"}


RegistryAge = Annotated[Age, BeforeValidator(_age)]


# ---------------------------------------------------------------- parts of a study

class OtherId(_Part):
    id: ShortText
    type: ShortText | None = None
    domain: ShortText | None = None


class Sponsor(_Part):
    name: ShortText
    agency_class: AgencyClass | None = Field(None, alias="class")


class Contact(_Part):
    name: ShortText | None = None
    role: ContactRole | None = None
    phone: ShortText | None = None
    phone_ext: ShortText | None = Field(None, alias="phoneExt")
    email: ShortText | None = None


class Official(_Part):
    name: ShortText | None = None
    affiliation: ShortText | None = None
    role: ContactRole | None = None


class Site(_Part):
    facility: ShortText | None = None
    status: Status | None = None
    city: ShortText | None = None
    state: ShortText | None = None
    zip: ShortText | None = None
    country: ShortText | None = None
    contacts: tuple[Contact, ...] = Field((), max_length=MAX_SITE_CONTACTS)


class Arm(_Part):
    label: ShortText
    type: ArmType | None = None  # observational groups have none
    description: LongText | None = None
    intervention_names: tuple[ShortText, ...] = Field((), alias="interventionNames", max_length=MAX_ITEMS)


class Intervention(_Part):
    name: ShortText
    type: InterventionType | None = None
    description: LongText | None = None
    arm_group_labels: tuple[ShortText, ...] = Field((), alias="armGroupLabels", max_length=MAX_ITEMS)
    other_names: tuple[ShortText, ...] = Field((), alias="otherNames", max_length=MAX_ITEMS)


class Enrollment(_Part):
    count: Count | None = None
    type: EnrollmentType | None = None


class Design(_Part):
    allocation: Allocation | None = None
    intervention_model: InterventionModel | None = Field(None, alias="interventionModel")
    primary_purpose: ShortText | None = Field(None, alias="primaryPurpose")
    masking: Masking | None = Field(None, validation_alias=AliasPath("maskingInfo", "masking"))
    who_masked: tuple[WhoMasked, ...] = Field((), validation_alias=AliasPath("maskingInfo", "whoMasked"),
                                             max_length=4)


def _path(module: str, *keys: str) -> AliasPath:
    return AliasPath("protocolSection", module, *keys)


def _field(module: str, *keys: str, default: Any = None, **kw: Any) -> Any:
    return Field(default, validation_alias=_path(module, *keys), **kw)


class RegistryStudy(_Part):
    """What the app uses from one study record, flat; each field names its JSON path."""

    nct_id: Annotated[str, StringConstraints(strict=True, pattern=r"^NCT\d{8}$")] = Field(
        validation_alias=_path("identificationModule", "nctId"))
    brief_title: ShortText | None = _field("identificationModule", "briefTitle")
    official_title: ShortText | None = _field("identificationModule", "officialTitle")
    acronym: ShortText | None = _field("identificationModule", "acronym")
    org_study_id: ShortText | None = _field("identificationModule", "orgStudyIdInfo", "id")
    organization: ShortText | None = _field("identificationModule", "organization", "fullName")
    other_ids: tuple[OtherId, ...] = _field("identificationModule", "secondaryIdInfos", default=(),
                                            max_length=MAX_ITEMS)

    overall_status: Status | None = _field("statusModule", "overallStatus")
    last_known_status: Status | None = _field("statusModule", "lastKnownStatus")
    status_verified: RegistryDate | None = _field("statusModule", "statusVerifiedDate")
    why_stopped: LongText | None = _field("statusModule", "whyStopped")
    start: DateWithType | None = _field("statusModule", "startDateStruct")
    primary_completion: DateWithType | None = _field("statusModule", "primaryCompletionDateStruct")
    completion: DateWithType | None = _field("statusModule", "completionDateStruct")
    first_posted: DateWithType | None = _field("statusModule", "studyFirstPostDateStruct")
    last_update_posted: DateWithType | None = _field("statusModule", "lastUpdatePostDateStruct")

    lead_sponsor: Sponsor | None = _field("sponsorCollaboratorsModule", "leadSponsor")
    collaborators: tuple[Sponsor, ...] = _field("sponsorCollaboratorsModule", "collaborators", default=(),
                                                max_length=MAX_ITEMS)

    brief_summary: LongText | None = _field("descriptionModule", "briefSummary")
    detailed_description: LongText | None = _field("descriptionModule", "detailedDescription")

    conditions: tuple[ShortText, ...] = _field("conditionsModule", "conditions", default=(),
                                               max_length=MAX_ITEMS)
    keywords: tuple[ShortText, ...] = _field("conditionsModule", "keywords", default=(), max_length=MAX_ITEMS)

    study_type: StudyType | None = _field("designModule", "studyType")
    phases: tuple[Phase, ...] = _field("designModule", "phases", default=(), max_length=6)
    design: Design | None = _field("designModule", "designInfo")
    enrollment: Enrollment | None = _field("designModule", "enrollmentInfo")

    arms: tuple[Arm, ...] = _field("armsInterventionsModule", "armGroups", default=(), max_length=MAX_ITEMS)
    interventions: tuple[Intervention, ...] = _field("armsInterventionsModule", "interventions", default=(),
                                                     max_length=MAX_ITEMS)

    criteria: LongText | None = _field("eligibilityModule", "eligibilityCriteria")
    healthy_volunteers: Flag | None = _field("eligibilityModule", "healthyVolunteers")
    sex: Sex | None = _field("eligibilityModule", "sex")
    gender_based: Flag | None = _field("eligibilityModule", "genderBased")
    gender_description: LongText | None = _field("eligibilityModule", "genderDescription")
    minimum_age: RegistryAge | None = _field("eligibilityModule", "minimumAge")
    maximum_age: RegistryAge | None = _field("eligibilityModule", "maximumAge")
    std_ages: tuple[StdAge, ...] = _field("eligibilityModule", "stdAges", default=(), max_length=3)
    study_population: LongText | None = _field("eligibilityModule", "studyPopulation")

    central_contacts: tuple[Contact, ...] = _field("contactsLocationsModule", "centralContacts", default=(),
                                                   max_length=MAX_ITEMS)
    officials: tuple[Official, ...] = _field("contactsLocationsModule", "overallOfficials", default=(),
                                             max_length=MAX_ITEMS)
    sites: tuple[Site, ...] = _field("contactsLocationsModule", "locations", default=(), max_length=MAX_SITES)

    record_date: RegistryDate | None = Field(
        None, validation_alias=AliasPath("derivedSection", "miscInfoModule", "versionHolder"))
    has_results: Flag | None = Field(None, alias="hasResults")

    @property
    def title(self) -> str | None:
        return self.brief_title or self.official_title

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """What this record does not say, in a fixed order, for the screens to say plainly."""
        missing = {
            Gap.TITLE: self.title is None,
            Gap.STATUS: self.overall_status is None,
            Gap.STATUS_DATE: self.status_verified is None,
            Gap.DESIGN: self.study_type is None,
            Gap.ARMS: not self.arms,
            Gap.INTERVENTIONS: not self.interventions,
            Gap.CONDITIONS: not self.conditions,
            Gap.SPONSOR: self.lead_sponsor is None,
            Gap.CRITERIA: not (self.criteria or "").strip(),
            Gap.AGES: self.minimum_age is None and self.maximum_age is None,
            Gap.SEX: self.sex is None,
            Gap.CONTACTS: not self.central_contacts and not any(s.contacts for s in self.sites),
            Gap.SITES: not self.sites,
            Gap.ENROLLMENT: self.enrollment is None or self.enrollment.count is None,
            Gap.START_DATE: self.start is None,
            Gap.SUMMARY: not (self.brief_summary or "").strip(),
        }
        return tuple(gap for gap, is_missing in missing.items() if is_missing)


# ---------------------------------------------------------------- reading a record

_STUDY_SECTIONS = ("protocolSection", "derivedSection")
_OLD_JSON_KEYS = ("FullStudiesResponse", "StudyFieldsResponse", "FullStudy", "Study", "ProtocolSection",
                  "clinical_study", "clinical_studies", "search_results")


def from_registry_json(data: object) -> list[RegistryStudy]:
    """The studies in parsed API v2 JSON: a bare study or ``{"studies": [...]}``."""
    if isinstance(data, (str, bytes)):
        raise RegistryRecordError(_text_message(data))
    if isinstance(data, list):
        raise RegistryRecordError(
            "This file is a list, not a ClinicalTrials.gov study record; a record is one study "
            'or a search response with "studies".')
    if not isinstance(data, dict):
        raise RegistryRecordError("This file is not a ClinicalTrials.gov study record.")
    _refuse_old_format(data)
    if "studies" in data:
        studies = data["studies"]
        if not isinstance(studies, list):
            raise RegistryRecordError('This file is not a study record the app can read: "studies" should be a list.')
        if not studies:
            raise RegistryRecordError("This search response holds no studies: its list of studies is empty.")
        if len(studies) > MAX_STUDIES:
            raise RegistryRecordError(
                f"This search response holds more than {MAX_STUDIES:,} studies; the app reads at most {MAX_STUDIES:,}.")
        return [_one_study(study, f"studies[{index}].") for index, study in enumerate(studies)]
    return [_one_study(data, "")]


def _one_study(data: object, where: str) -> RegistryStudy:
    if not isinstance(data, dict) or "protocolSection" not in data:
        if isinstance(data, dict):
            _refuse_old_format(data)
        raise RegistryRecordError(
            "This file is not a ClinicalTrials.gov study record: it has no protocol section." if not where else
            f"The search response's {where.rstrip('.')} is not a study record: it has no protocol section.")
    _check_modules(data, where)
    try:
        return RegistryStudy.model_validate(data)
    except ValidationError as error:
        raise RegistryRecordError(_plain(error, where)) from None


def _check_modules(data: dict[str, Any], where: str) -> None:
    """A module that is not an object would otherwise read as missing: say it is wrong instead."""
    for section in _STUDY_SECTIONS:
        part = data.get(section)
        if part is None:
            continue
        if not isinstance(part, dict):
            raise RegistryRecordError(f"This study record cannot be read: {where}{section} should be a group of fields.")
        for name, module in part.items():
            if name.endswith("Module") and not isinstance(module, dict):
                raise RegistryRecordError(
                    f"This study record cannot be read: {where}{section}.{name} should be a group of fields.")
    # Intermediate objects the flat model reaches through.
    inner = (("identificationModule", "orgStudyIdInfo"), ("identificationModule", "organization"),
             ("designModule", "designInfo"), ("designModule", "designInfo", "maskingInfo"))
    protocol = data["protocolSection"]
    for path in inner:
        node: object = protocol
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if node is not None and not isinstance(node, dict):
            raise RegistryRecordError(
                f"This study record cannot be read: {where}protocolSection.{'.'.join(path)} should be a group of fields.")


def _refuse_old_format(data: dict[str, Any]) -> None:
    old = [key for key in _OLD_JSON_KEYS if key in data]
    if old:
        raise RegistryRecordError(
            f"This is the old ClinicalTrials.gov format; get the current one (API version 2) from "
            f"{CURRENT_FORMAT_ADDRESS}{_old_nct_id(data) or 'NCT…'}.")


def _old_nct_id(data: object) -> str | None:
    """The study number somewhere in an old record (the first 10,000 values looked at)."""
    pending: list[object] = [data]
    for _ in range(10_000):
        if not pending:
            break
        node = pending.pop()
        if isinstance(node, dict):
            pending.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            pending.extend(reversed(node))
        elif isinstance(node, str) and (match := re.fullmatch(r"\s*(NCT\d{8})\s*", node[:40])):
            return match.group(1)
    return None


def _text_message(data: str | bytes) -> str:
    head = (data[:2000].decode("utf-8", "replace") if isinstance(data, bytes) else data[:2000]).lstrip().lower()
    if "<clinical_study" in head or ("<?xml" in head and "clinical" in head):
        nct = re.search(r"nct\d{8}", head)
        number = nct.group(0).upper() if nct else "NCT…"
        return ("This is the old ClinicalTrials.gov format (XML); get the current one (API version 2) from "
                f"{CURRENT_FORMAT_ADDRESS}{number}.")
    if head.startswith(("<!doctype html", "<html")) or "<html" in head[:500]:
        return "This is a saved web page, not a ClinicalTrials.gov study record."
    return "This is plain text, not a ClinicalTrials.gov study record."


_PROBLEMS = {
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_from_float": "should be a whole number",
    "bool_type": "should be true or false",
    "tuple_type": "should be a list",
    "list_type": "should be a list",
    "model_type": "should be a group of fields",
    "model_attributes_type": "should be a group of fields",
    "dict_type": "should be a group of fields",
    "literal_error": "has a value the app does not know",
    "enum": "has a value the app does not know",
    "missing": "is missing",
    "string_pattern_mismatch": "is not in the expected form",
    "greater_than_equal": "is below zero",
    "less_than_equal": "is too large",
}


def _plain(error: ValidationError, where: str) -> str:
    """The first problem as one sentence naming the field (never its value)."""
    first = error.errors(include_url=False)[0]
    field = _dotted(first["loc"])
    path = where + field
    kind = first["type"]
    if kind in ("too_long", "string_too_long"):
        limit = (first.get("ctx") or {}).get("max_length", 0)
        problem = (f"is longer than {limit:,} characters" if isinstance(first.get("input"), str)
                   else f"has more than {limit:,} items; the app reads at most {limit:,}")
    elif kind == "value_error":
        problem = str((first.get("ctx") or {}).get("error", "is not valid"))
    else:
        problem = _PROBLEMS.get(kind, "is not valid")
    if field == "protocolSection.identificationModule.nctId" and kind == "missing":
        return "This study record has no study number (NCT number), so the app cannot use it."
    return f"This study record cannot be read: {path} {problem}."


def _dotted(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
