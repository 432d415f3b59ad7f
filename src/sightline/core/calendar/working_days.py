"""Working days in England and Wales, one date at a time.

A working day is Monday to Friday, not an England and Wales bank holiday, and not one of the
partnership's local closure days (passed in as `closures`, so that these functions stay pure;
`selectors.local_closure_days()` reads them from the database).

Conventions (docs/clocks.md states them for users):

* Day 0. `working_days_between(start, end)` counts the working days d with start <= d < end,
  as numpy.busday_count does: the same day is 0, Friday to Monday is 1, and an end before the
  start gives the negative count. A start on a non-working day counts from the next working
  day (Saturday to Monday is 0; Saturday to Tuesday is 1). This reproduces the DfE assessment
  bands, where "started and finished the same day" is its own band before "1-10".
* Rolling forward. `add_working_days(d, n)` first moves a non-working `d` forward to the next
  working day, then steps n working days (numpy.busday_offset with roll="forward"): Friday + 1
  is Monday; Saturday + 0 is Monday; Saturday + 1 is Tuesday; Saturday - 1 is Friday.
  The two agree: `end <= add_working_days(start, n)` exactly when
  `working_days_between(start, end) <= n`, which is the test of a clock being met.
* End of month. `add_months(d, n)` keeps the day of the month, or takes the last day of the
  target month when it is shorter: 31 January + 1 month is 28 (or 29) February.
"""

from __future__ import annotations

import calendar
from collections.abc import Set
from datetime import date, datetime
from functools import lru_cache

import numpy as np

from sightline.core.calendar.bank_holidays import COVERED_YEARS, bank_holiday_array

NO_CLOSURES: frozenset[date] = frozenset()


@lru_cache(maxsize=32)
def working_calendar(closures: frozenset[date] = NO_CLOSURES) -> np.busdaycalendar:
    """The numpy business-day calendar for England and Wales plus `closures`, built once each."""
    holidays = bank_holiday_array()
    if closures:
        holidays = np.union1d(holidays, np.array(sorted(closures), dtype="datetime64[D]"))
    return np.busdaycalendar(weekmask="1111100", holidays=holidays)


def _covered(d: date) -> date:
    # Outside the covered years the bank holidays are unknown: refuse rather than guess.
    if d.year not in COVERED_YEARS:
        raise ValueError(f"{d} is outside the years the working-day calendar knows "
                         f"({COVERED_YEARS.start}-{COVERED_YEARS.stop - 1}).")
    return d


def _day(d: date) -> np.datetime64:
    # A datetime would need a time zone decision (UTC or London?) that belongs to the caller.
    if isinstance(d, datetime):
        raise TypeError(f"Pass a date, not a datetime ({d!r}): take the local date first.")
    return np.datetime64(_covered(d), "D")


def _closures(closures: Set[date] | None) -> frozenset[date]:
    return frozenset(closures) if closures else NO_CLOSURES


def is_working_day(d: date, closures: Set[date] | None = None) -> bool:
    """Whether `d` is a weekday that is neither a bank holiday nor a local closure day."""
    return bool(np.is_busday(_day(d), busdaycal=working_calendar(_closures(closures))))


def add_working_days(d: date, n: int, closures: Set[date] | None = None) -> date:
    """The working day `n` working days after `d` (before, if n is negative).

    A non-working `d` is first moved forward to the next working day, so the answer is always a
    working day: Friday + 1 is Monday, Saturday + 0 is Monday, Saturday + 1 is Tuesday.
    """
    moved = np.busday_offset(_day(d), n, roll="forward", busdaycal=working_calendar(_closures(closures)))
    return _covered(moved.item())


def working_days_between(start: date, end: date, closures: Set[date] | None = None) -> int:
    """Working days from `start` to `end`, with the start as day 0.

    The same day is 0; Friday to Monday is 1; an end before the start gives a negative count.
    """
    start_day, end_day = _day(start), _day(end)
    calendar = working_calendar(_closures(closures))
    # numpy counts a backward span as (end, start]; swapping keeps the count exactly the negative
    # of the forward one, so that a - b == -(b - a) as in the SQL table's numbering.
    if end_day < start_day:
        return -int(np.busday_count(end_day, start_day, busdaycal=calendar))
    return int(np.busday_count(start_day, end_day, busdaycal=calendar))


def add_months(d: date, n: int) -> date:
    """`d` moved by `n` calendar months (back, if negative).

    The day of the month is kept where the target month has it; otherwise the month's last day is
    taken: 31 January + 1 month is 28 February (29 in a leap year), and 29 February 2024 + 12
    months is 28 February 2025.
    """
    month_index = d.year * 12 + d.month - 1 + n
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))
