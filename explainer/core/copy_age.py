"""How old a kept copy of a study's record is, in words for the list of kept studies.

A record is a copy of the registry on one day: the study may have changed since.
``describe_copy(...)`` gives the status with the record's own last-change date, the
copy's date, and a plain warning when the copy is more than ``OLD_AFTER_DAYS`` old
("This copy is from June 16, 2025. The study may have changed."). The copy's date
is the record's own (the registry stamps the data it sends); a record without one
is warned about once its last change is that old, since the copy is newer than its
last change but how much newer no one can say. No clock: ``today`` is the caller's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from explainer.core.registry_record import PartialDate, Status
from explainer.core.study_pages import _latest_day as last_day  # the one reading of a partial date's last day
from explainer.core.study_pages import format_date
from explainer.core.study_words import StudyWords

OLD_AFTER_DAYS = 30


@dataclass(frozen=True, slots=True)
class CopyAge:
    status: str            # "taking new people (the record was last changed on May 21, 2014)"
    copy_date: str         # "June 16, 2025", or "not given"
    warning: str | None    # None while the copy is recent

    @property
    def old(self) -> bool:
        return self.warning is not None


def _older_than(date: PartialDate, today: dt.date, days: int) -> bool:
    return (today - last_day(date)).days > days


def describe_copy(status: Status | None, last_change: PartialDate | None, copy_date: PartialDate | None,
                  today: dt.date, words: StudyWords, old_after_days: int = OLD_AFTER_DAYS) -> CopyAge:
    w = words.kept
    short = words.status.overall[status].short if status else w.no_status
    status_line = (w.status_dated.format(status=short, date=format_date(last_change, words)) if last_change
                   else w.status_undated.format(status=short))
    if copy_date is not None:
        warning = (w.old_copy.format(date=format_date(copy_date, words))
                   if _older_than(copy_date, today, old_after_days) else None)
        return CopyAge(status_line, format_date(copy_date, words), warning)
    if last_change is None:
        return CopyAge(status_line, w.no_date, w.undated_copy_no_update)
    warning = (w.undated_copy.format(date=format_date(last_change, words))
               if _older_than(last_change, today, old_after_days) else None)
    return CopyAge(status_line, w.no_date, warning)
