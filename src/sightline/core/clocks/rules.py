"""How long a clock runs: an amount of a unit, and the due date or time it gives from a start."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sightline.core.calendar import add_months, add_working_days, is_working_day

LONDON = ZoneInfo("Europe/London")
# Operation Encompass: schools are assumed to open at 09:00; the notification is due before then.
SCHOOL_DAY_STARTS = time(9, 0)


class Unit(StrEnum):
    WORKING_DAYS = "working_days"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    NEXT_SCHOOL_DAY = "next_school_day"


_UNIT_WORDS = {Unit.WORKING_DAYS: "working day", Unit.DAYS: "calendar day", Unit.WEEKS: "week", Unit.MONTHS: "month"}


@dataclass(frozen=True)
class Rule:
    """A clock's allowance, e.g. Rule(45, Unit.WORKING_DAYS). NEXT_SCHOOL_DAY takes amount 1."""

    amount: int
    unit: Unit

    def __post_init__(self) -> None:
        if self.amount < 1 or (self.unit is Unit.NEXT_SCHOOL_DAY and self.amount != 1):
            raise ValueError(f"{self.amount} is not a usable amount of {self.unit}.")

    @property
    def has_time(self) -> bool:
        """Whether the clock is due at a moment (a datetime) rather than by the end of a date."""
        return self.unit is Unit.NEXT_SCHOOL_DAY

    def __str__(self) -> str:
        if self.unit is Unit.NEXT_SCHOOL_DAY:
            return f"before the next school day starts ({SCHOOL_DAY_STARTS:%H:%M})"
        word = _UNIT_WORDS[self.unit]
        return f"{self.amount} {word}{'' if self.amount == 1 else 's'}"

    def due_date(self, start: date, closures: Set[date] | None = None) -> date:
        """The last date on which the clock is still met, counting from `start` (day 0).

        Working days roll forward from a non-working start (see sightline.core.calendar);
        calendar days, weeks and months do not, and a month rule that lands on a weekend is left
        there: the statutory limit is the date, and the work is best done before it.
        """
        match self.unit:
            case Unit.WORKING_DAYS:
                return add_working_days(start, self.amount, closures)
            case Unit.DAYS:
                return start + timedelta(days=self.amount)
            case Unit.WEEKS:
                return start + timedelta(weeks=self.amount)
            case Unit.MONTHS:
                return add_months(start, self.amount)
        raise ValueError(f"A {self.unit} clock is due at a time: use due_moment().")

    def due_moment(self, start: datetime, school_closures: Set[date] | None = None) -> datetime:
        """The start of the first school day after `start`, in London time.

        A school day is a working day (weekday, not a bank holiday) that is not one of the
        `school_closures` (term holidays, training days). The partnership's own closure days do
        not close schools, so they do not count here.
        """
        local = as_london(start)
        day = local.date()
        while True:
            opens = datetime.combine(day, SCHOOL_DAY_STARTS, tzinfo=LONDON)
            if opens > local and is_working_day(day) and day not in (school_closures or ()):
                return opens
            day += timedelta(days=1)


def as_london(moment: datetime) -> datetime:
    """An aware datetime in London time; a naive one is taken to be London time already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=LONDON)
    return moment.astimezone(LONDON)


def local_date(value: date | datetime) -> date:
    """The London date of a datetime, or the date itself."""
    return as_london(value).date() if isinstance(value, datetime) else value
