"""The schedule engine against every day rule of the registry record."""

from __future__ import annotations

import datetime as dt

import pytest

from explainer.core.model import Route
from explainer.core.schedule import Place, build_timeline, journey

WEEKLY = (1, 8, 15, 22)
POM = tuple(range(1, 22))

# (cycle across the whole treatment, drug, treatment days in that cycle). From the record:
# INDUCTION isatuximab "days 1, 8, 15, and 22 of cycle 1 and days 1 and 15 of subsequent
# cycles", carfilzomib "days 1, 8, and 15", pomalidomide "days 1-21", dexamethasone
# "days 1,8, 15, and 22", "for 6 cycles"; MAINTENANCE isatuximab and carfilzomib
# "days 1 and 15", pomalidomide "days 1-21", dexamethasone "days 1, 8, 15, and 22".
DAY_TABLE = [
    (1, "isatuximab", WEEKLY), (1, "carfilzomib", (1, 8, 15)), (1, "pomalidomide", POM), (1, "dexamethasone", WEEKLY),
    (2, "isatuximab", (1, 15)), (2, "carfilzomib", (1, 8, 15)), (2, "pomalidomide", POM), (2, "dexamethasone", WEEKLY),
    (6, "isatuximab", (1, 15)), (6, "carfilzomib", (1, 8, 15)), (6, "pomalidomide", POM), (6, "dexamethasone", WEEKLY),
    (7, "isatuximab", (1, 15)), (7, "carfilzomib", (1, 15)), (7, "pomalidomide", POM), (7, "dexamethasone", WEEKLY),
    (32, "isatuximab", (1, 15)), (32, "carfilzomib", (1, 15)), (32, "pomalidomide", POM), (32, "dexamethasone", WEEKLY),
]


@pytest.fixture(scope="module")
def timeline(trial):
    return build_timeline(trial, dt.date(2026, 12, 28))


@pytest.mark.parametrize(("cycle", "drug", "days"), DAY_TABLE)
def test_each_drug_on_the_record_s_days(timeline, cycle, drug, days) -> None:
    got = tuple(d.day for d in timeline.cycle(cycle).days if d.dose_of(drug))
    assert got == days


def test_phases_and_cycle_counts(timeline) -> None:
    assert [(c.phase_id, c.number_in_phase) for c in timeline.cycles[5:7]] == [("induction", 6), ("maintenance", 1)]
    assert len(timeline.phase_cycles("induction")) == 6
    # "up to 24 months" of 28-day cycles: 730.5 days is 26 whole cycles, and says it is an estimate.
    assert len(timeline.phase_cycles("maintenance")) == 26
    maintenance = timeline.phases[1]
    assert maintenance.cycles_estimated and maintenance.max_months == 24
    assert not timeline.phases[0].cycles_estimated
    assert all(len(c.days) == 28 for c in timeline.cycles)


def test_totals_match_the_outline(timeline) -> None:
    assert timeline.doses_per_drug("induction") == {
        "isatuximab": 14, "carfilzomib": 18, "pomalidomide": 126, "dexamethasone": 24}
    assert [len(c.clinic_days) for c in timeline.cycles[:8]] == [4, 3, 3, 3, 3, 3, 2, 2]
    # The pomalidomide rest week: cycle 1 days 23-28 have no treatment at all.
    assert [d.day for d in timeline.cycle(1).rest_days] == [23, 24, 25, 26, 27, 28]
    assert [d.day for d in timeline.cycle(2).rest_days] == [23, 24, 25, 26, 27, 28]


def test_routes_and_places(timeline) -> None:
    day8 = timeline.cycle(1).days[7]
    assert day8.dose_of("isatuximab").place is Place.CLINIC
    assert day8.dose_of("carfilzomib").infusion_minutes == 30
    assert day8.dose_of("pomalidomide").place is Place.HOME
    assert day8.dose_of("dexamethasone").route is Route.PO_OR_IV
    assert day8.dose_of("dexamethasone").place is Place.ASK
    # Cycle 2 day 22: only dexamethasone, which may be a drip: not certain, so "may be".
    day22 = timeline.cycle(2).days[21]
    assert not day22.is_clinic_day and day22.may_be_clinic_day


def test_description_for_screen_readers(timeline) -> None:
    text = timeline.cycle(1).days[7].describe()
    assert text.startswith("Cycle 1, day 8, Monday, January 4, 2027: isatuximab by drip at the clinic")
    assert "carfilzomib by drip over 30 minutes" in text and "pomalidomide capsule" in text
    assert "dexamethasone by mouth or by drip" in text and "clinic day" in text
    assert "Cycle 7 (maintenance cycle 1), day 1," in timeline.cycle(7).days[0].describe()
    assert "no treatment" in timeline.cycle(1).days[25].describe()


@pytest.mark.parametrize(("start", "cycle", "day", "expected"), [
    (dt.date(2026, 12, 28), 1, 5, dt.date(2027, 1, 1)),     # across a year end
    (dt.date(2027, 1, 20), 1, 12, dt.date(2027, 1, 31)),    # last day of a month
    (dt.date(2027, 1, 20), 1, 13, dt.date(2027, 2, 1)),     # across a month end
    (dt.date(2028, 2, 15), 1, 15, dt.date(2028, 2, 29)),    # a leap day exists in 2028
    (dt.date(2028, 2, 15), 1, 16, dt.date(2028, 3, 1)),
    (dt.date(2027, 2, 15), 1, 15, dt.date(2027, 3, 1)),     # and not in 2027
    (dt.date(2028, 1, 1), 2, 1, dt.date(2028, 1, 29)),      # cycle 2 starts 28 days later
    (dt.date(2028, 1, 1), 7, 1, dt.date(2028, 6, 17)),      # maintenance: 168 days later
])
def test_dates_across_month_year_ends_and_leap_days(trial, start, cycle, day, expected) -> None:
    assert build_timeline(trial, start).cycle(cycle).days[day - 1].date == expected


def test_a_delay_moves_that_cycle_and_every_later_one(trial) -> None:
    start = dt.date(2027, 1, 4)
    plain = build_timeline(trial, start)
    delayed = build_timeline(trial, start, delays={3: 7})
    assert delayed.cycle(2).start == plain.cycle(2).start
    assert delayed.cycle(3).start == plain.cycle(3).start + dt.timedelta(days=7)
    assert delayed.end == plain.end + dt.timedelta(days=7)


def test_without_a_start_there_are_no_dates(trial) -> None:
    timeline = build_timeline(trial)
    assert timeline.end is None and all(d.date is None for d in timeline.cycle(1).days)


def test_what_the_record_leaves_open_is_asked_not_guessed(timeline) -> None:
    asked = " ".join(timeline.open_questions)
    assert "24 months of maintenance start" in asked
    assert "Will I take dexamethasone by mouth, or get it by drip?" in asked


def test_journey_strip(trial) -> None:
    stages = journey(trial)
    assert [s.id for s in stages] == ["screening", "induction", "maintenance", "follow_up"]
    assert stages[1].cycles == 6 and stages[1].days == 168
    assert stages[2].up_to_months == 24 and stages[2].cycles_estimated
    assert stages[3].first_visit_days == 30 and stages[3].up_to_years == 5


def _timelines(trial) -> list:
    """The built-in study's and a two-group study's, each group, with and without dates and delays."""
    from explainer.content import load_trial
    from tests.conftest import FIXTURES

    two = load_trial(FIXTURES / "made_up_two_arm_study.json")
    return [build_timeline(t, start, delays, arm) for t in (trial, two) for arm in range(len(t.regimens))
            for start, delays in ((None, None), (dt.date(2027, 2, 27), {2: 3, 5: 1}))]


def test_doses_given_are_the_days_doses_in_the_order_first_given(trial) -> None:
    for timeline in _timelines(trial):
        from_days = dict.fromkeys(dose for day in timeline.days for dose in day.doses)
        assert from_days and dict.fromkeys(timeline.doses_given()) == from_days
        assert list(dict.fromkeys(timeline.doses_given())) == list(from_days)


def test_a_cycle_s_days_follow_its_start_and_its_doses(trial) -> None:
    for timeline in _timelines(trial):
        for cycle in timeline.cycles:
            assert [d.day for d in cycle.days] == list(range(1, len(cycle.doses_by_day) + 1))
            assert [d.doses for d in cycle.days] == list(cycle.doses_by_day)
            assert {(d.cycle, d.cycle_in_phase, d.phase_id) for d in cycle.days} == {
                (cycle.number, cycle.number_in_phase, cycle.phase_id)}
            dates = [d.date for d in cycle.days]
            assert dates == ([cycle.start + dt.timedelta(days=n) for n in range(len(dates))] if cycle.start
                             else [None] * len(dates))


def test_the_summary_makes_the_days_of_only_the_cycles_it_reads(trial) -> None:
    """A timeline's days are made when first read: the summary reads a few cycles' of 32."""
    from explainer.content import load_summary_text
    from explainer.core.summary import SummaryOptions, build_summary

    timeline = build_timeline(trial, dt.date(2027, 1, 4))
    assert not any("days" in vars(cycle) for cycle in timeline.cycles)
    build_summary(trial, None, timeline, dt.date(2026, 12, 1), SummaryOptions(), load_summary_text())
    made = sum("days" in vars(cycle) for cycle in timeline.cycles)
    assert 0 < made <= len(timeline.cycles) // 3
