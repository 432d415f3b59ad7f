"""Who is behind a figure: the person ids an indicator counts, computed on demand from a snapshot.

Figures are stored as totals; the list is worked out only when someone allowed to see it asks, by
the same engine over the same Parquet files, so it always matches the figure of that snapshot.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sightline.indicators import engine
from sightline.indicators.catalogue import CATALOGUE
from sightline.indicators.models import Snapshot
from sightline.indicators.periods import between


def has_members(indicator_id: str) -> bool:
    indicator = CATALOGUE.get(indicator_id)
    return indicator is not None and indicator.members is not None


def member_ids(*, indicator_id: str, period_start: date, period_end: date, snapshot: Snapshot) -> list[int]:
    """The distinct person ids the indicator counts for the period in `snapshot`, ascending."""
    frame = engine.members(snapshot_dir=Path(snapshot.path), indicator_id=indicator_id,
                           periods=[between(period_start, period_end)])
    return sorted(frame.get_column("child_id").drop_nulls().unique().to_list())
