"""Reads of the partnership's calendar adjustments, shaped for the pure functions."""

from __future__ import annotations

from datetime import date

from sightline.core.calendar.models import ClockOverride, LocalClosureDay
from sightline.core.clocks import Override


def local_closure_days() -> frozenset[date]:
    """Every local closure day, to pass as `closures` to the working-day functions."""
    return frozenset(LocalClosureDay.objects.values_list("date", flat=True))


def clock_overrides() -> dict[str, Override]:
    """The partnership's overrides by clock id, to pass to `clocks.read_clock`."""
    return {
        row.clock_id: Override(amount=row.amount, unit=row.unit or None, amber_at=row.amber_at, red_at=row.red_at)
        for row in ClockOverride.objects.all()
    }
