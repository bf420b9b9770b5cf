"""The short labels the printed summary and its web page share: table headings, the
key to the timeline's marks. Defined once so the PDF (explainer/pdf/) and the web
page (explainer/webpage/) say the same thing. Pure: words only."""

from __future__ import annotations

from explainer.core.summary_grids import DatedCycle, short_date

KIND_HEADINGS = {"inclusion": "What the study needs", "exclusion": "Things that would keep you out"}
CHECK_COLUMNS = ("Status", "The rule", "Your answer and why")
REGISTRY_WORDING = "Registry wording:"
ALSO_ANSWERED = "Also answered:"
NOTE = "Note:"
DATES_HEADING = "Your dates"
DATES_COLUMNS = ("Cycle", "Starts on", "Clinic days")
MAYBE_CLINIC = "if by drip also"  # "Mon Feb 1, Mon Feb 8; if by drip also Mon Feb 22"
CHECKBOX = "☐"
JOURNEY_STARTS = "Starts"  # "Starts March 1, 2027" under a stage of the journey

# The key to the grid's marks: (kind, words). The route kinds match core.model.Route.
LEGEND = (("iv", "Drip (IV) at the clinic"), ("po", "Capsule by mouth at home"),
          ("either", "By mouth or by drip: ask which"), ("ring", "Clinic day"),
          ("dashed", "Clinic day only if given by drip"))


def clinic_words(cycle: DatedCycle) -> str:
    """'Mon Jan 4, Mon Jan 11; if by drip also Mon Jan 25': a dated cycle's clinic days."""
    words = ", ".join(short_date(d) for d in cycle.clinic_dates)
    if cycle.maybe_clinic_dates:
        words += f"; {MAYBE_CLINIC} " + ", ".join(short_date(d) for d in cycle.maybe_clinic_dates)
    return words
