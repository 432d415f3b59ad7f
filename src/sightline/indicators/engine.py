"""Computes every indicator of the catalogue on DuckDB over a Parquet snapshot, set-based.

One DuckDB connection loads the snapshot files once (built-in Parquet reader only; nothing is ever
installed), since some fifty queries then read them, with three small tables beside them: `periods`,
`population` (ONS children aged 0 to 17 for each period, as the DfE divides by them) and, if the
snapshot has none, `calendar`.
Each indicator's numerator and denominator run once for all periods together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa

from sightline.indicators import dfe
from sightline.indicators.catalogue import CATALOGUE, Indicator
from sightline.indicators.catalogue.base import POPULATION_RATES, SCALE
from sightline.indicators.periods import Period
from sightline.indicators.rounding import SUPPRESS_FROM, SUPPRESS_TO, round_half_up_expr
from sightline.indicators.snapshot import CALENDAR_FROM, CALENDAR_TO, TABLES, snapshot_schema

RESULT_SCHEMA = {
    "indicator_id": pl.Utf8, "area_code": pl.Utf8, "period_start": pl.Date, "period_end": pl.Date,
    "period_label": pl.Utf8, "breakdown": pl.Utf8, "numerator": pl.Int64, "denominator": pl.Int64,
    "value": pl.Float64, "unit": pl.Utf8, "suppressed": pl.Boolean,
}


def populations(la_code: str, periods: Sequence[Period]) -> list[int | None]:
    """The ONS 0-17 population the DfE would divide by for each period (None for an unknown area)."""
    try:
        code = dfe.old_la_code(la_code)
    except ValueError:
        return [None] * len(periods)
    return [dfe.population(code, dfe.reporting_year(p.end))[0] for p in periods]


def _connection(snapshot_dir: Path, periods: Sequence[Period], population: Sequence[int | None],
                memory_limit: str, *, load: bool = True) -> duckdb.DuckDBPyConnection:
    """With `load`, each file is read into memory once for the many queries to come; without, the
    tables are views, so one query reads only the files (and columns) it needs."""
    con = duckdb.connect(config={"threads": 2, "memory_limit": memory_limit,
                                 "autoinstall_known_extensions": False, "autoload_known_extensions": False})
    for table in TABLES:
        path = snapshot_dir / f"{table.name}.parquet"
        if path.exists():
            kind = "table" if load else "view"
            con.execute(f"create {kind} {table.name} as select * from read_parquet('{_quoted(path)}')")
        else:
            # A snapshot made without a table (a partnership that keeps no early help record) reads as empty.
            con.register(table.name, snapshot_schema(table).empty_table())
    calendar = snapshot_dir / "calendar.parquet"
    if calendar.exists():
        con.execute(f"create view calendar as select * from read_parquet('{_quoted(calendar)}')")
    else:
        from sightline.core.calendar import working_days_sql_table

        con.register("calendar", working_days_sql_table(CALENDAR_FROM, CALENDAR_TO))
    con.register("periods", pa.table({
        "period_id": pa.array(range(len(periods)), pa.int32()),
        "period_start": pa.array([p.start for p in periods], pa.date32()),
        "period_end": pa.array([p.end for p in periods], pa.date32())}))
    con.register("population", pa.table({
        "period_id": pa.array(range(len(periods)), pa.int32()),
        "population": pa.array(population, pa.int64())}))
    return con


def _quoted(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")


def _counts(con: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame:
    frame = pl.from_arrow(con.sql(query).to_arrow_table())
    return frame.select(pl.col("period_id").cast(pl.Int32), pl.col("breakdown").cast(pl.Utf8).fill_null(""),
                        pl.col("n").cast(pl.Int64))


def indicator_frame(con: duckdb.DuckDBPyConnection, indicator: Indicator, period_ids: pl.DataFrame) -> pl.DataFrame:
    """One indicator for every period: period_id, breakdown, numerator, denominator, value, suppressed."""
    numerator = _counts(con, indicator.numerator)
    totals = period_ids.with_columns(pl.lit("").alias("breakdown"))
    keys = pl.concat([totals, numerator.select("period_id", "breakdown")])
    if indicator.denominator is None:
        frame = keys.unique().join(numerator, on=["period_id", "breakdown"], how="left").with_columns(
            pl.col("n").fill_null(0).alias("numerator"), pl.lit(None, pl.Int64).alias("denominator")).drop("n")
    else:
        denominator = _counts(con, indicator.denominator).rename({"n": "denominator"})
        by_part = (denominator["breakdown"] != "").any()
        if by_part:
            keys = pl.concat([keys, denominator.select("period_id", "breakdown")])
        frame = keys.unique().join(numerator, on=["period_id", "breakdown"], how="left").rename({"n": "numerator"})
        frame = frame.with_columns(pl.col("numerator").fill_null(0))
        if by_part:
            frame = frame.join(denominator, on=["period_id", "breakdown"], how="left").with_columns(
                pl.col("denominator").fill_null(0))
        else:
            frame = frame.join(denominator.filter(pl.col("breakdown") == "").drop("breakdown"), on="period_id",
                               how="left")
            # Counted denominators with no rows are zero; a missing population stays unknown.
            if indicator.unit not in POPULATION_RATES:
                frame = frame.with_columns(pl.col("denominator").fill_null(0))
    scale = SCALE[indicator.unit]
    if scale is None:
        value = pl.col("numerator").cast(pl.Float64)
    else:
        ratio = pl.col("numerator") / pl.col("denominator") * scale
        value = pl.when(pl.col("denominator") > 0).then(
            round_half_up_expr(ratio, indicator.rounding)).otherwise(None)
    small = pl.col("numerator").is_between(SUPPRESS_FROM, SUPPRESS_TO)
    return frame.with_columns(value.alias("value"),
                              (small if indicator.suppress_small else pl.lit(False)).alias("suppressed"))


def compute(*, snapshot_dir: Path | str, la_code: str, periods: Sequence[Period],
            indicators: Iterable[str] | None = None, population: Sequence[int | None] | None = None,
            memory_limit: str = "6GB") -> pl.DataFrame:
    """Every indicator (or those named) for each period, as a frame of RESULT_SCHEMA.

    `population` gives the 0-17 population of each period; by default it is read from the ONS
    file for `la_code` (mid-(Y-1) for the year ending 31 March Y).
    """
    periods = list(periods)
    if not periods:
        raise ValueError("Give at least one period to compute.")
    chosen = [CATALOGUE[i] for i in indicators] if indicators is not None else list(CATALOGUE.values())
    population = list(population) if population is not None else populations(la_code, periods)
    period_ids = pl.DataFrame({"period_id": range(len(periods))}, schema={"period_id": pl.Int32})
    period_table = pl.DataFrame({
        "period_id": list(range(len(periods))), "period_start": [p.start for p in periods],
        "period_end": [p.end for p in periods], "period_label": [p.label for p in periods]},
        schema={"period_id": pl.Int32, "period_start": pl.Date, "period_end": pl.Date, "period_label": pl.Utf8})
    con = _connection(Path(snapshot_dir), periods, population, memory_limit)
    try:
        frames = [indicator_frame(con, indicator, period_ids).with_columns(
            pl.lit(indicator.id).alias("indicator_id"), pl.lit(indicator.unit).alias("unit")) for indicator in chosen]
    finally:
        con.close()
    result = pl.concat(frames, how="diagonal_relaxed").join(period_table, on="period_id")
    result = result.with_columns(pl.lit(la_code).alias("area_code"))
    return result.select([pl.col(name).cast(kind) for name, kind in RESULT_SCHEMA.items()]).sort(
        ["indicator_id", "period_start", "period_end", "breakdown"])


def members(*, snapshot_dir: Path | str, indicator_id: str, periods: Sequence[Period],
            memory_limit: str = "1GB") -> pl.DataFrame:
    """Who an indicator counts in each period: one row (period_id, child_id) per counted thing.

    The numerator's rows (or the rest of the denominator's, see Indicator.members_of); child_id is
    null where the record does not link the thing counted to a child.
    """
    indicator = CATALOGUE[indicator_id]
    if indicator.members is None:
        raise ValueError(f"The indicator {indicator_id} has no list of members.")
    periods = list(periods)
    # A list needs no population: the rates' denominators are not run.
    con = _connection(Path(snapshot_dir), periods, [None] * len(periods), memory_limit, load=False)
    try:
        frame = pl.from_arrow(con.sql(indicator.members).to_arrow_table())
    finally:
        con.close()
    return frame.select(pl.col("period_id").cast(pl.Int32), pl.col("child_id").cast(pl.Int64))
