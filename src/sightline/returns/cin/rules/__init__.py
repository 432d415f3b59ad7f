"""The CIN census validation rules, one module per part of the return, and the packs by year."""

from sightline.returns.engine.rules import Rule


def collect(namespace: dict) -> tuple[Rule, ...]:
    """The rules a module declares, in the order it declares them."""
    return tuple(v for v in namespace.values() if isinstance(v, Rule))


def latest_start_more_than(working_days: int, end):
    """The latest date from which more than `working_days` working days pass before `end`.

    Working days are counted as sightline.core.calendar counts them (day 0 is the start day), so
    a start on or before this date is "more than n working days before the end".
    """
    from datetime import timedelta

    from sightline.core.calendar import working_days_between

    day = end
    while working_days_between(day, end) <= working_days:
        day -= timedelta(days=1)
    return day
