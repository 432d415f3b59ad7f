"""Every write of the indicators app: take a snapshot, compute and store the figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sightline.core.calendar.selectors import local_closure_days
from sightline.indicators import engine
from sightline.indicators.models import IndicatorResult, Snapshot
from sightline.indicators.periods import Period, between, months_to, years_to
from sightline.indicators.snapshot import snapshot_write

SNAPSHOT_ROOT = Path(settings.VAR_DIR) / "snapshots"


def snapshot_take(*, directory: Path | None = None) -> Snapshot:
    """Export the record's tables to Parquet and register the snapshot."""
    snapshot = Snapshot(taken_at=timezone.now())
    path = Path(directory) if directory is not None else SNAPSHOT_ROOT / str(snapshot.id)
    snapshot.path = str(path)
    snapshot.row_counts = snapshot_write(path, closures=local_closure_days())
    snapshot.full_clean()
    snapshot.save()
    return snapshot


def periods_for(*, as_of: date | None = None, date_from: date | None = None,
                date_to: date | None = None) -> list[Period]:
    """One range (from and to together); or, up to `as_of` (default today), the four years ending
    31 March before it and the year to it, and the 48 months before it, for the dashboard's trends."""
    if (date_from is None) != (date_to is None):
        raise ValueError("Give both a from date and a to date, or neither.")
    if date_from is not None:
        if as_of is not None:
            raise ValueError("Give either an as-of date or a from and to date, not both.")
        return [between(date_from, date_to)]
    as_of = as_of or timezone.localdate()
    return years_to(as_of) + months_to(as_of)


def results_store(*, frame: pl.DataFrame, snapshot: Snapshot) -> list[IndicatorResult]:
    """Save the engine's frame as IndicatorResult rows, in one bulk insert."""
    now = timezone.now()
    results = [IndicatorResult(snapshot=snapshot, computed_at=now, **row) for row in frame.iter_rows(named=True)]
    with transaction.atomic():
        return IndicatorResult.objects.bulk_create(results, batch_size=1000)


def indicators_compute(*, as_of: date | None = None, date_from: date | None = None, date_to: date | None = None,
                       la_code: str, snapshot: Snapshot | None = None) -> list[IndicatorResult]:
    """Take a snapshot (unless given one), compute every indicator on it and store the results."""
    periods = periods_for(as_of=as_of, date_from=date_from, date_to=date_to)
    snapshot = snapshot or snapshot_take()
    frame = engine.compute(snapshot_dir=Path(snapshot.path), la_code=la_code, periods=periods)
    return results_store(frame=frame, snapshot=snapshot)
