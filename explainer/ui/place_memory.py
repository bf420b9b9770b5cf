"""The place the patient chose in a study record's window (country, state, city),
kept in the settings file, so the next study opens on the places near them and the
PDF and web page list those ("Places near you").

One place for every study: where the patient lives does not change with the study.
A study with no site in the remembered country opens on "any country"; the choice
stays remembered for the next study. Settings are text no one checked: a value
that is not a short string is read as no choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explainer.core.study_pages import Place

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from explainer.ui.record_window import PlaceFilter

KEYS = ("place/country", "place/state", "place/city")
LONGEST = 200   # no place name is this long; a longer value is not ours


def _value(settings: QSettings, key: str) -> str | None:
    value = settings.value(key, "")
    if not isinstance(value, str) or len(value) > LONGEST or not value.strip():
        return None
    return value.strip()


def remembered_place(settings: QSettings | None) -> Place:
    if settings is None:
        return Place()
    return Place(*(_value(settings, key) for key in KEYS))


def remember_place(settings: QSettings | None, place: Place) -> None:
    if settings is None:
        return
    for key, value in zip(KEYS, (place.country, place.state, place.city), strict=True):
        settings.setValue(key, value or "")
    settings.sync()


def choose(place_filter: PlaceFilter, place: Place) -> Place:
    """Set the filter's boxes to ``place`` as far as this study's sites go (a country
    it has, then a state there, then a city there); what was set, as the boxes say.
    The filter stays quiet meanwhile: the caller shows the place once."""
    place_filter.quiet = True
    try:
        for box, name in ((place_filter.country, place.country), (place_filter.state, place.state),
                          (place_filter.city, place.city)):
            index = _find(box, name)
            if index <= 0:
                break
            box.setCurrentIndex(index)  # each box refills the next one's choices
    finally:
        place_filter.quiet = False
    return place_filter.place()


def _find(box, name: str | None) -> int:  # noqa: ANN001 - a QComboBox
    if not name:
        return -1
    wanted = name.casefold()
    for index in range(1, box.count()):
        if str(box.itemData(index)).casefold() == wanted:
            return index
    return -1
