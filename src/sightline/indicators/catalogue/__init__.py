"""The catalogue: every indicator, defined once, by id."""

from sightline.indicators.catalogue import (assurance, children_in_need, child_protection, early_help, front_door,
                                            looked_after, mental_health, panels, participation, school_attendance)
from sightline.indicators.catalogue.base import Indicator, sql

_MODULES = (front_door, early_help, children_in_need, child_protection, looked_after, participation, panels,
            mental_health, school_attendance, assurance)

CATALOGUE: dict[str, Indicator] = {}
for _module in _MODULES:
    for _indicator in _module.INDICATORS:
        if _indicator.id in CATALOGUE:
            raise ValueError(f"Indicator {_indicator.id} is defined twice.")
        CATALOGUE[_indicator.id] = _indicator

__all__ = ["CATALOGUE", "Indicator", "sql"]
