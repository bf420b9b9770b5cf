"""How old a kept copy of a record is (explainer.core.copy_age): the status with the
record's last-change date, the copy's date, and the warning once the copy is more
than 30 days old; a partial date is old only once its last day is; no clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from explainer.core.copy_age import OLD_AFTER_DAYS, describe_copy
from explainer.core.registry_record import PartialDate, Status
from explainer.records_io import read_record
from explainer.study_words_io import study_words

W = study_words()
K = W.kept
JUNE_16 = PartialDate(year=2025, month=6, day=16)
MAY_2014 = PartialDate(year=2014, month=5, day=21)
JUNE = PartialDate(year=2025, month=6)
SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"


@pytest.mark.parametrize(("copy", "last", "today", "warning"), [
    (JUNE_16, MAY_2014, dt.date(2025, 7, 16), None),                               # 30 days: still recent
    (JUNE_16, MAY_2014, dt.date(2025, 7, 17), K.old_copy.format(date="June 16, 2025")),  # 31 days
    (JUNE_16, None, dt.date(2026, 12, 5), K.old_copy.format(date="June 16, 2025")),
    (JUNE, None, dt.date(2025, 7, 30), None),                                       # June 30 + 30 days
    (JUNE, None, dt.date(2025, 7, 31), K.old_copy.format(date="June 2025")),
    (None, JUNE_16, dt.date(2025, 7, 1), None),                                      # changed lately: the copy is newer still
    (None, JUNE_16, dt.date(2025, 8, 1), K.undated_copy.format(date="June 16, 2025")),
    (None, None, dt.date(2025, 8, 1), K.undated_copy_no_update),                    # no date at all: always said
])
def test_the_warning_comes_after_30_days(copy, last, today, warning) -> None:
    age = describe_copy(Status.RECRUITING, last, copy, today, W)
    assert age.warning == warning and age.old is (warning is not None)
    assert OLD_AFTER_DAYS == 30


@pytest.mark.parametrize(("status", "last", "expected"), [
    (Status.RECRUITING, MAY_2014, K.status_dated.format(status=W.status.overall[Status.RECRUITING].short,
                                                        date="May 21, 2014")),
    (Status.WITHDRAWN, None, K.status_undated.format(status=W.status.overall[Status.WITHDRAWN].short)),
    (None, MAY_2014, K.status_dated.format(status=K.no_status, date="May 21, 2014")),
])
def test_the_status_comes_with_the_date_the_record_last_changed(status, last, expected) -> None:
    assert describe_copy(status, last, JUNE_16, dt.date(2025, 6, 20), W).status == expected


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("NCT*.json")), ids=lambda p: p.stem)
def test_every_sample_is_described_with_its_own_dates(path: Path) -> None:
    study = read_record(path).studies[0]
    last = study.last_update_posted.date if study.last_update_posted else None
    fresh = describe_copy(study.overall_status, last, study.record_date, dt.date(2000, 1, 1), W)
    late = describe_copy(study.overall_status, last, study.record_date, dt.date(2100, 1, 1), W)
    assert late.old   # a hundred years on, every copy is old
    assert fresh.old is (study.record_date is None and last is None)
    if study.record_date:
        assert fresh.copy_date[-4:] == str(study.record_date.year) and fresh.copy_date in late.warning
    else:
        assert fresh.copy_date == K.no_date
