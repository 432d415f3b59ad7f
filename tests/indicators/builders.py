"""Hand-built snapshots: a few rows per table, written as the snapshot would write them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sightline.indicators.catalogue import CATALOGUE
from sightline.indicators.engine import compute, members
from sightline.indicators.periods import Period, year_ending_31_march
from sightline.indicators.snapshot import TABLES, snapshot_schema

SCHEMAS = {table.name: snapshot_schema(table) for table in TABLES}


def snapshot_dir(path: Path, **tables: list[dict]) -> Path:
    """Write each named table (a list of row dicts; missing columns are null) into `path`."""
    for name, rows in tables.items():
        schema = SCHEMAS[name]
        columns = {field.name: pa.array([row.get(field.name) for row in rows], field.type) for field in schema}
        pq.write_table(pa.table(columns, schema=schema), path / f"{name}.parquet")
    return path


def figure(path: Path, indicator_id: str, periods: list[Period] | None = None, breakdown: str = "",
           population: list[int | None] | None = None) -> dict:
    """The one result row of an indicator for the (first) period and breakdown."""
    periods = periods or [year_ending_31_march(2021)]
    frame = compute(snapshot_dir=path, la_code="371", periods=periods, indicators=[indicator_id],
                    population=population or [60_000] * len(periods))
    rows = frame.filter((frame["breakdown"] == breakdown) & (frame["period_label"] == periods[0].label)).to_dicts()
    assert len(rows) == 1, rows
    if breakdown == "":
        members_agree(path, indicator_id, periods, rows[0])
    return rows[0]


def members_agree(path: Path, indicator_id: str, periods: list[Period], row: dict) -> None:
    """Every fixture that computes a figure also checks that its list of members has as many rows as
    the figure counts: the numerator, or the rest of the denominator."""
    indicator = CATALOGUE[indicator_id]
    if indicator.members is None:
        return
    listed = members(snapshot_dir=path, indicator_id=indicator_id, periods=periods)
    counted = row["numerator"] if indicator.members_of == "numerator" else row["denominator"] - row["numerator"]
    assert listed.filter(listed["period_id"] == 0).height == counted, (indicator_id, listed, row)


def referral(id: int, child: int, on: date, **extra) -> dict:
    return {"id": id, "child_id": child, "referral_date": on, "referral_nfa": False, **extra}


def plan(id: int, child: int, start: date, end: date | None = None, category: str = "NEG", previous: int = 0) -> dict:
    return {"id": id, "child_id": child, "start_date": start, "end_date": end, "initial_category": category,
            "latest_category": category, "number_of_previous_plans": previous}


def episode(id: int, child: int, start: date, end: date | None = None, *, rne: str = "S", legal_status: str = "C2",
            ceased: str | None = None) -> dict:
    return {"id": id, "child_id": child, "start_date": start, "end_date": end, "legal_status": legal_status,
            "reason_new_episode": rne, "reason_ceased": ceased or ("E8" if end else None)}
