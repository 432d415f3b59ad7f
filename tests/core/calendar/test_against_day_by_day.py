"""The fast functions against a plain day-by-day count, over 2015-2030.

The reference takes its bank holidays straight from the `holidays` package, not from the frozen
table, so the table and the numpy calendar are both under test.
"""

from datetime import date, timedelta

import holidays
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sightline.core.calendar import (
    add_months,
    add_working_days,
    add_working_days_array,
    is_working_day,
    working_days_between,
    working_days_between_array,
)

# Steps of up to 300 working days from 2015-2030 reach back into 2013 and forward into 2032.
BANK_HOLIDAYS = frozenset(holidays.country_holidays("GB", subdiv="ENG", years=range(2013, 2033)))
ONE_DAY = timedelta(days=1)

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
closure_sets = st.frozensets(days, max_size=5)
steps = st.integers(min_value=-300, max_value=300)


def reference_is_working_day(d: date, closures=frozenset()) -> bool:
    return d.weekday() < 5 and d not in BANK_HOLIDAYS and d not in closures


def reference_between(start: date, end: date, closures=frozenset()) -> int:
    low, high, sign = (start, end, 1) if start <= end else (end, start, -1)
    count, d = 0, low
    while d < high:
        count += reference_is_working_day(d, closures)
        d += ONE_DAY
    return sign * count


def reference_add(d: date, n: int, closures=frozenset()) -> date:
    while not reference_is_working_day(d, closures):
        d += ONE_DAY
    step = ONE_DAY if n >= 0 else -ONE_DAY
    for _ in range(abs(n)):
        d += step
        while not reference_is_working_day(d, closures):
            d += step
    return d


@given(days, closure_sets)
def test_is_working_day_matches_reference(d, closures):
    assert is_working_day(d, closures) == reference_is_working_day(d, closures)


@given(days, days, closure_sets)
def test_working_days_between_matches_reference(start, end, closures):
    assert working_days_between(start, end, closures) == reference_between(start, end, closures)


@given(days, steps, closure_sets)
def test_add_working_days_matches_reference(d, n, closures):
    assert add_working_days(d, n, closures) == reference_add(d, n, closures)


@given(days, days, st.integers(min_value=0, max_value=120))
def test_a_clock_is_met_exactly_when_the_count_is_within_the_allowance(start, end, n):
    # The two functions must agree, or a clock's due date and its "met" test would disagree.
    assert (end <= add_working_days(start, n)) == (working_days_between(start, end) <= n)


@settings(max_examples=50)
@given(st.lists(st.tuples(days, days), min_size=1, max_size=60), closure_sets)
def test_working_days_between_array_matches_reference(pairs, closures):
    starts = np.array([s for s, _ in pairs], dtype="datetime64[D]")
    ends = np.array([e for _, e in pairs], dtype="datetime64[D]")
    got = working_days_between_array(starts, ends, closures)
    assert got.tolist() == [reference_between(s, e, closures) for s, e in pairs]


@settings(max_examples=50)
@given(st.lists(st.tuples(days, steps), min_size=1, max_size=60), closure_sets)
def test_add_working_days_array_matches_reference(cases, closures):
    starts = np.array([d for d, _ in cases], dtype="datetime64[D]")
    ns = np.array([n for _, n in cases])
    got = add_working_days_array(starts, ns, closures)
    assert got.astype(object).tolist() == [reference_add(d, n, closures) for d, n in cases]


@settings(max_examples=50)
@given(st.lists(st.one_of(st.none(), days), min_size=1, max_size=40), days)
def test_missing_dates_stay_missing(maybe_starts, end):
    starts = np.array([np.datetime64("NaT") if d is None else d for d in maybe_starts], dtype="datetime64[D]")
    counts = working_days_between_array(starts, np.datetime64(end))
    due = add_working_days_array(starts, 10)
    for d, count, due_date in zip(maybe_starts, counts.tolist(), due, strict=True):
        if d is None:
            assert count is None and np.isnat(due_date)
        else:
            assert count == reference_between(d, end) and due_date == reference_add(d, 10)


@given(days, st.integers(min_value=-240, max_value=240))
def test_add_months_keeps_the_day_or_takes_the_months_last_day(d, n):
    result = add_months(d, n)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n
    assert result.day == d.day or (result.day < d.day and (result + ONE_DAY).month != result.month)


def test_a_long_step_back_crosses_christmas_2013_as_the_reference_does():
    # Found by hypothesis: 257 working days back from 1 January 2015 lands before Christmas 2013;
    # 25 and 26 December 2013 are bank holidays, so the day reached is Tuesday 24 December.
    assert add_working_days(date(2015, 1, 1), -257) == reference_add(date(2015, 1, 1), -257) == date(2013, 12, 24)
