"""The short labels the printed summary and its web page share: table headings, the
key to the timeline's marks. Defined once so the PDF (explainer/pdf/) and the web
page (explainer/webpage/) say the same thing. Pure: words only."""

from __future__ import annotations

from collections.abc import Iterable

from explainer.core.model import Form, Route
from explainer.core.summary_grids import CycleGrid, DatedCycle, GridRow, short_date

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

# The key to the grid's marks: (kind, words), every kind there is; ``legend_for`` keeps
# the ones a schedule uses. A mark goes by route (ROUTE_KINDS), never by medicine.
LEGEND = (("iv", "Drip (IV) at the clinic"), ("po", "By mouth at home"),
          ("either", "By mouth or by drip: ask which"), ("sc", "Shot under the skin at the clinic"),
          ("ring", "Clinic day"), ("dashed", "Clinic day only if given by drip"))
ROUTE_KINDS = {Route.IV: "iv", Route.PO: "po", Route.PO_OR_IV: "either", Route.SC: "sc"}
# By mouth names the form where every medicine taken by mouth has the same one.
FORM_LEGEND = {Form.CAPSULE: "Capsule by mouth at home", Form.TABLET: "Tablet by mouth at home",
               Form.LIQUID: "Liquid by mouth at home"}


def row_words(row: GridRow) -> str:
    """What one row's mark means, in the legend's words ('Capsule by mouth at home')."""
    if row.route is Route.PO and row.form is not None:
        return FORM_LEGEND[row.form]
    return dict(LEGEND)[ROUTE_KINDS[row.route]]


def legend_for(grids: Iterable[CycleGrid]) -> tuple[tuple[str, str], ...]:
    """The key for these grids: the marks they use, in LEGEND's order."""
    grids = tuple(grids)
    rows = [row for grid in grids for row in grid.rows]
    used = {ROUTE_KINDS[row.route] for row in rows}
    if any(grid.clinic_days for grid in grids):
        used.add("ring")
    if any(grid.maybe_clinic_days for grid in grids):
        used.add("dashed")
    by_mouth = {row.form for row in rows if row.route is Route.PO}
    words = dict(LEGEND)
    if len(by_mouth) == 1 and None not in by_mouth:
        words["po"] = FORM_LEGEND[next(iter(by_mouth))]  # type: ignore[index]
    return tuple((kind, words[kind]) for kind, _ in LEGEND if kind in used)


def clinic_words(cycle: DatedCycle) -> str:
    """'Mon Jan 4, Mon Jan 11; if by drip also Mon Jan 25': a dated cycle's clinic days."""
    words = ", ".join(short_date(d) for d in cycle.clinic_dates)
    if cycle.maybe_clinic_dates:
        words += f"; {MAYBE_CLINIC} " + ", ".join(short_date(d) for d in cycle.maybe_clinic_dates)
    return words
