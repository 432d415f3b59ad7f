"""Reading a clock at a moment: when it is due, whether it is running, met, missed or stopped,
how much time is left, and its red/amber/green rating."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sightline.core.calendar import working_days_between
from sightline.core.clocks.catalogue import CLOCKS, Clock
from sightline.core.clocks.rules import Rule, Unit, as_london, local_date


class State(StrEnum):
    RUNNING = "running"
    MET = "met"
    MISSED = "missed"
    STOPPED = "stopped"


class Rating(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


@dataclass(frozen=True)
class Override:
    """A partnership's own rule (overridable clocks only) and thresholds; None keeps the catalogue's."""

    amount: int | None = None
    unit: str | None = None
    amber_at: float | None = None
    red_at: float | None = None


@dataclass(frozen=True)
class ClockReading:
    """Where a clock stands. `due` is a date (met if done on or before it) or, for Operation
    Encompass, an aware London datetime. The time left is given only while the work is still to
    do; it is negative once overdue."""

    clock: Clock
    rule: Rule
    due: date | datetime
    state: State
    working_days_left: int | None
    hours_left: float | None
    rating: Rating | None


def effective_rule(clock: Clock, override: Override | None) -> Rule:
    if override is None or override.amount is None:
        return clock.rule
    if not clock.overridable:
        raise ValueError(f"{clock.title} is set by {clock.source}; its rule cannot be overridden.")
    return Rule(override.amount, Unit(override.unit))


def _working_days_left(on: date, due: date, closures: Set[date] | None) -> int:
    # The working days after `on` up to and including `due`: 0 on the due date, and 0 on the
    # Friday before a due date that falls on a Sunday (no working day is left in which to act).
    day = timedelta(days=1)
    return working_days_between(on + day, due + day, closures)


def _rate(share_left: float, amber_at: float, red_at: float | None) -> Rating:
    if red_at is not None and share_left <= red_at:
        return Rating.RED
    return Rating.AMBER if share_left <= amber_at else Rating.GREEN


def read_clock(clock_id: str, *, start: date | datetime, as_of: date | datetime,
               completed: date | datetime | None = None, stopped: date | datetime | None = None,
               override: Override | None = None, closures: Set[date] | None = None,
               school_closures: Set[date] | None = None) -> ClockReading:
    """The clock `clock_id` started at `start`, read at `as_of`.

    `completed` is when the work was done (met if on or before the due date); `stopped` is when
    the clock stopped applying (the child left care, no conference was needed): stopped before
    it fell due it is neither met nor missed. `closures` are the partnership's closure days;
    `school_closures` the dates schools are shut (Operation Encompass only). Clocks due by a date
    compare London dates; Operation Encompass compares moments and needs datetimes.
    """
    clock = CLOCKS[clock_id]
    rule = effective_rule(clock, override)
    amber_at = clock.amber_at if override is None or override.amber_at is None else override.amber_at
    red_at = clock.red_at if override is None or override.red_at is None else override.red_at

    if rule.has_time:
        if not all(isinstance(v, datetime) for v in (start, as_of, completed, stopped) if v is not None):
            raise TypeError(f"{clock.title} is due at a time of day: give datetimes, not dates.")
        due = rule.due_moment(start, school_closures)
        start, as_of = as_london(start), as_london(as_of)
        completed, stopped = (as_london(v) if v is not None else None for v in (completed, stopped))
    else:
        start, as_of = local_date(start), local_date(as_of)
        completed, stopped = (local_date(v) if v is not None else None for v in (completed, stopped))
        due = rule.due_date(start, closures)

    if completed is not None:
        state = State.MET if completed <= due else State.MISSED
    elif stopped is not None:
        state = State.MISSED if stopped > due else State.STOPPED
    else:
        state = State.MISSED if as_of > due else State.RUNNING

    # Time left means something only while the work is still to do.
    if completed is not None or state is State.STOPPED:
        rating = {State.MET: Rating.GREEN, State.MISSED: Rating.RED}.get(state)
        return ClockReading(clock, rule, due, state, None, None, rating)

    if rule.has_time:
        hours_left = (due - as_of).total_seconds() / 3600
        share_left = hours_left / ((due - start).total_seconds() / 3600)
        days_left = _working_days_left(as_of.date(), due.date(), closures)
    else:
        hours_left = None
        days_left = _working_days_left(as_of, due, closures)
        allowed = _working_days_left(start, due, closures)
        share_left = days_left / allowed if allowed > 0 else 0.0
    rating = Rating.RED if state is State.MISSED else _rate(share_left, amber_at, red_at)
    return ClockReading(clock, rule, due, state, days_left, hours_left, rating)
