"""The short labels the printed summary and its web page share: table headings, the
key to the timeline's marks. Defined once so the PDF (explainer/pdf/) and the web
page (explainer/webpage/) say the same thing. Pure: words only."""

from __future__ import annotations

from collections.abc import Iterable

from explainer.core.language import say
from explainer.core.model import Form, Route
from explainer.core.facts import short_date
from explainer.core.summary_grids import CycleGrid, DatedCycle, GridRow

CHECKBOX = "☐"
ROUTE_KINDS = {Route.IV: "iv", Route.PO: "po", Route.PO_OR_IV: "either", Route.SC: "sc"}
LEGEND_KINDS = ("iv", "po", "either", "sc", "ring", "dashed")  # the key's order


# Functions, not constants: the words are said in the language of the moment (a
# Spanish window may print an English PDF for the doctor).
def kind_headings() -> dict[str, str]:
    return {"inclusion": say("What the study needs"), "exclusion": say("Things that would keep you out")}


def check_columns() -> tuple[str, str, str]:
    return (say("Status"), say("The rule"), say("Your answer and why"))


def registry_wording() -> str:
    """The label before a rule's registry words; in Spanish it says they stay English."""
    return say("Registry wording:")


def also_answered() -> str:
    return say("Also answered:")


def note() -> str:
    return say("Note:")


def dates_heading() -> str:
    return say("Your dates")


def dates_columns() -> tuple[str, str, str]:
    return (say("Cycle"), say("Starts on"), say("Clinic days"))


def journey_starts() -> str:
    """'Starts' in 'Starts March 1, 2027' under a stage of the journey."""
    return say("Starts")


def legend_words() -> dict[str, str]:
    """The key to the grid's marks, every kind there is; ``legend_for`` keeps the ones a
    schedule uses. A mark goes by route (ROUTE_KINDS), never by medicine."""
    return {"iv": say("Drip (IV) at the clinic"), "po": say("By mouth at home"),
            "either": say("By mouth or by drip: ask which"), "sc": say("Shot under the skin at the clinic"),
            "ring": say("Clinic day"), "dashed": say("Clinic day only if given by drip")}


def form_legend(form: Form) -> str:
    """By mouth names the form where every medicine taken by mouth has the same one."""
    return {Form.CAPSULE: say("Capsule by mouth at home"), Form.TABLET: say("Tablet by mouth at home"),
            Form.LIQUID: say("Liquid by mouth at home")}[form]


def row_words(row: GridRow) -> str:
    """What one row's mark means, in the legend's words ('Capsule by mouth at home')."""
    if row.route is Route.PO and row.form is not None:
        return form_legend(row.form)
    return legend_words()[ROUTE_KINDS[row.route]]


def legend_for(grids: Iterable[CycleGrid]) -> tuple[tuple[str, str], ...]:
    """The key for these grids: the marks they use, in LEGEND_KINDS's order."""
    grids = tuple(grids)
    rows = [row for grid in grids for row in grid.rows]
    used = {ROUTE_KINDS[row.route] for row in rows}
    if any(grid.clinic_days for grid in grids):
        used.add("ring")
    if any(grid.maybe_clinic_days for grid in grids):
        used.add("dashed")
    by_mouth = {row.form for row in rows if row.route is Route.PO}
    words = legend_words()
    if len(by_mouth) == 1 and None not in by_mouth:
        words["po"] = form_legend(next(iter(by_mouth)))  # type: ignore[arg-type]
    return tuple((kind, words[kind]) for kind in LEGEND_KINDS if kind in used)


def clinic_words(cycle: DatedCycle) -> str:
    """'Mon Jan 4, Mon Jan 11; if by drip also Mon Jan 25': a dated cycle's clinic days."""
    words = ", ".join(short_date(d) for d in cycle.clinic_dates)
    if cycle.maybe_clinic_dates:
        words += f"; {say('if by drip also')} " + ", ".join(short_date(d) for d in cycle.maybe_clinic_dates)
    return words
