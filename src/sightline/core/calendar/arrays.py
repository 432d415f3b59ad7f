"""Working days over whole columns: numpy arrays for Python, a calendar table for SQL.

The same conventions as `working_days` (day 0, rolling forward), computed by numpy's
busday_count and busday_offset over the cached busdaycalendar, so one million dates take a few
hundredths of a second. Missing dates are NaT: a due date from NaT is NaT; a count involving NaT
is masked (a numpy masked array), so medians and sums leave it out rather than count it as 0.
"""

from __future__ import annotations

from collections.abc import Set
from datetime import date

import numpy as np
import pyarrow as pa

from sightline.core.calendar.bank_holidays import COVERED_YEARS
from sightline.core.calendar.working_days import NO_CLOSURES, working_calendar

_FIRST = np.datetime64(f"{COVERED_YEARS.start}-01-01", "D")
_LAST = np.datetime64(f"{COVERED_YEARS.stop - 1}-12-31", "D")
# Stands in for NaT while numpy counts (busday_count refuses NaT); the result there is masked.
_PLACEHOLDER = _FIRST


def _dates(values: np.ndarray | list) -> np.ndarray:
    days = np.asarray(values, dtype="datetime64[D]")
    known = days[~np.isnat(days)]
    if known.size and (known.min() < _FIRST or known.max() > _LAST):
        raise ValueError(f"Dates from {known.min()} to {known.max()} go outside the years the "
                         f"working-day calendar knows ({COVERED_YEARS.start}-{COVERED_YEARS.stop - 1}).")
    return days


def _calendar(closures: Set[date] | None) -> np.busdaycalendar:
    return working_calendar(frozenset(closures) if closures else NO_CLOSURES)


def working_days_between_array(starts: np.ndarray | list, ends: np.ndarray | list,
                               closures: Set[date] | None = None) -> np.ma.MaskedArray:
    """Working days from each start to each end (day 0 = same day), as int64.

    Where either date is NaT the result is masked.
    """
    starts, ends = np.broadcast_arrays(_dates(starts), _dates(ends))
    missing = np.isnat(starts) | np.isnat(ends)
    if missing.any():
        starts, ends = np.where(missing, _PLACEHOLDER, starts), np.where(missing, _PLACEHOLDER, ends)
    # numpy counts a backward span as (end, start]; counting every span forwards and restoring
    # the sign keeps the result the exact negative of the forward count, as the scalar form does.
    backward = ends < starts
    counts = np.busday_count(np.where(backward, ends, starts), np.where(backward, starts, ends),
                             busdaycal=_calendar(closures)).astype(np.int64)
    np.negative(counts, out=counts, where=backward)
    return np.ma.MaskedArray(counts, mask=missing)


def add_working_days_array(starts: np.ndarray | list, n: int | np.ndarray,
                           closures: Set[date] | None = None) -> np.ndarray:
    """Each start moved by n working days (rolling a non-working start forward), as datetime64[D].

    NaT stays NaT.
    """
    moved = np.busday_offset(_dates(starts), n, roll="forward", busdaycal=_calendar(closures))
    return _dates(moved)


def working_days_sql_table(start: date, end: date, closures: Set[date] | None = None) -> pa.Table:
    """One row per date from `start` to `end`: date, is_working_day, working_day_number.

    `working_day_number` counts the working days before the date since `start`, so in SQL
    (DuckDB reads the Arrow table directly; Polars via `pl.from_arrow`):

    * working days between a and b (day 0) = b.working_day_number - a.working_day_number;
    * the date n working days after a = the working day whose number is
      a.working_day_number + n (a non-working a rolls forward, as in `add_working_days`).
    """
    days = _dates(np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1))
    calendar = _calendar(closures)
    working = np.is_busday(days, busdaycal=calendar)
    numbers = np.concatenate(([0], np.cumsum(working)[:-1])).astype(np.int32)
    return pa.table({"date": pa.array(days), "is_working_day": working, "working_day_number": numbers})
