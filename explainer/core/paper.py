"""Which paper size people use where: Letter in the Americas' Letter countries and
the Philippines, A4 everywhere else. Takes a territory code (from the locale), so
the command line and the app decide the same way."""

from __future__ import annotations

from typing import Literal

Paper = Literal["letter", "a4"]

# The territories whose locales default to Letter (glibc's LC_PAPER data).
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PR", "PH", "CL", "CO", "CR", "GT", "NI", "PA", "SV",
                                "VE", "DO"})


def paper_for_territory(territory: str | None) -> Paper:
    return "letter" if (territory or "").upper() in LETTER_TERRITORIES else "a4"


def territory_from_locale(name: str | None) -> str | None:
    """'en_US.UTF-8' -> 'US'; 'C', 'POSIX' or nothing -> None."""
    if not name:
        return None
    base = name.split(".", 1)[0].split("@", 1)[0]
    if "_" not in base:
        return None
    territory = base.split("_", 1)[1]
    return territory.upper() if territory.isalpha() and len(territory) == 2 else None


def paper_for_environment(environ: dict[str, str] | None) -> Paper:
    """POSIX order: LC_ALL overrides LC_PAPER, which overrides LANG; A4 when none says."""
    environ = environ or {}
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        if environ.get(variable):
            return paper_for_territory(territory_from_locale(environ[variable]))
    return "a4"
