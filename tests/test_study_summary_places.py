"""The places in the summary of any record (PDF and web page): "Places near you" for
the country, state or city the patient chose, those taking new people first, at
most MAX_SITES, then how many more; with no place chosen, how many places in which
countries, and how to choose. All ten sample records, one with no places and one
with 1,148."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from explainer.core.study_pages import Item, ItemList, Paragraph, Place, Section
from explainer.core.study_summary import MAX_SITES, TAKING, build_study_summary
from explainer.records_io import read_record
from explainer.study_words_io import study_summary_words, study_words

SAMPLES = sorted((Path(__file__).parent / "fixtures" / "ctgov").glob("NCT*.json"))
TODAY = dt.date(2026, 1, 15)
W = study_summary_words()


def study(nct_id: str):
    return read_record(Path(__file__).parent / "fixtures" / "ctgov" / f"{nct_id}.json").studies[0]


def places(record, place: Place | None = None) -> Section:
    summary = build_study_summary(record, study_words(), W, TODAY, place)
    where = next(page for page in summary.pages if page.id == "where")
    return next(section for section in where.sections if section.id == "where-places")


def listed(section: Section) -> list[Item]:
    return [item for block in section.blocks if isinstance(block, ItemList) for item in block.items]


def texts(section: Section) -> list[str]:
    return [block.text for block in section.blocks if isinstance(block, Paragraph)]


def site(record, item: Item):
    return record.sites[int(item.id.removeprefix("site-"))]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_with_no_place_chosen_a_long_list_becomes_counts_by_country(path: Path) -> None:
    record = read_record(path).studies[0]
    section = places(record)
    by_country = Counter(s.country for s in record.sites)
    if len(record.sites) > MAX_SITES:
        assert listed(section) == []   # the record's first few places are near no one
        line = next(block for block in section.blocks if isinstance(block, Paragraph)
                    and block.label == W.by_country_label)
        for country, count in by_country.items():
            one = W.country_count_one.format(country=country)
            assert (one if count == 1 else W.country_count.format(country=country, count=f"{count:,}")) in line.text
        assert W.choose_place in texts(section)
    else:
        assert len(listed(section)) == len(record.sites)
        assert W.choose_place not in texts(section)
    assert section.heading == study_words().where.places_heading   # "near you" only for a chosen place


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_a_chosen_country_lists_its_places_near_you_taking_people_first(path: Path) -> None:
    record = read_record(path).studies[0]
    if not record.sites:
        section = places(record, Place(country="United States"))
        assert texts(section) == [study_words().where.no_sites.format(nct_id=record.nct_id)]
        return
    country, count = Counter(s.country for s in record.sites).most_common(1)[0]
    section = places(record, Place(country=country.upper()))   # typed in capitals: the record's spelling shows
    assert section.heading == W.near_heading.format(place=country)
    items = listed(section)
    assert len(items) == min(count, MAX_SITES)
    assert all(site(record, item).country == country for item in items)
    taking = [site(record, item).status in TAKING for item in items]
    assert taking == sorted(taking, reverse=True)   # every place taking new people before any other
    rest = count - len(items)
    more = (W.more_places_one if rest == 1 else W.more_places.format(count=f"{rest:,}")) if rest > 0 else None
    assert (more in texts(section)) if more else not any("more place" in t for t in texts(section))


def test_the_1148_place_study_in_one_state_puts_the_open_places_first() -> None:
    record = study("NCT04267848")
    section = places(record, Place(country="United States", state="ohio"))
    ohio = [(i, s) for i, s in enumerate(record.sites) if s.state == "Ohio"]
    assert len(ohio) == 76
    assert section.heading == "Places near you: Ohio, United States"
    items = listed(section)
    assert len(items) == MAX_SITES
    open_first = [i for i, s in ohio if s.status in TAKING][:MAX_SITES]
    assert [int(item.id.removeprefix("site-")) for item in items] == open_first
    assert W.near_order in texts(section)
    assert W.more_places.format(count="66") in texts(section)
    lines = [line.text for line in items[0].lines]
    first = record.sites[open_first[0]]
    assert first.facility in lines and any(first.city in line for line in lines)
    assert study_words().status.overall[first.status].short in lines


def test_a_place_in_the_record_order_already_says_nothing_about_order() -> None:
    record = study("NCT03475563")   # 3 places in Spain, all recruiting
    section = places(record, Place(country="Spain"))
    assert len(listed(section)) == 3 and W.near_order not in texts(section)


def test_a_place_the_record_does_not_have_says_so_and_lists_nothing() -> None:
    record = study("NCT04267848")
    section = places(record, Place(country="Iceland"))
    assert listed(section) == []
    assert section.heading == study_words().where.places_heading
    assert study_words().where.none_in_filter.format(place="Iceland") in texts(section)
