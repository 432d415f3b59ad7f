"""The statutory and local clocks: a catalogue of data (`catalogue.CLOCKS`), the rules that give
a due date or time, and `read_clock`, which says where a clock stands. The working days come from
sightline.core.calendar; docs/clocks.md lists every clock with its source."""

from sightline.core.clocks.catalogue import CLOCKS, Clock
from sightline.core.clocks.reading import ClockReading, Override, Rating, State, effective_rule, read_clock
from sightline.core.clocks.rules import SCHOOL_DAY_STARTS, Rule, Unit

__all__ = [
    "CLOCKS",
    "SCHOOL_DAY_STARTS",
    "Clock",
    "ClockReading",
    "Override",
    "Rating",
    "Rule",
    "State",
    "Unit",
    "effective_rule",
    "read_clock",
]
