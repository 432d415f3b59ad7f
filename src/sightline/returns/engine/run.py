"""Run a rule pack over a return's tables."""

from __future__ import annotations

import duckdb
import polars as pl

from sightline.returns.engine.rules import Rule, RulePack
from sightline.returns.engine.tables import Tables
from sightline.returns.report import ISSUE_SCHEMA, Report


def _issues_for(r: Rule, found: pl.DataFrame, t: Tables) -> list[pl.DataFrame]:
    if "row_id" not in found.columns:
        raise ValueError("the rule's query did not return row_id")
    if "tbl" not in found.columns:
        found = found.with_columns(tbl=pl.lit(r.tables[0]))
    if "value" not in found.columns:
        found = found.with_columns(value=pl.lit(None, pl.String))
    found = found.select(pl.col("tbl").cast(pl.String), pl.col("row_id").cast(pl.Int64),
                         pl.col("value").cast(pl.String)).unique(maintain_order=True)
    parts = []
    for (table,), rows in found.group_by("tbl", maintain_order=True):
        frame = t.frames[table]
        fields = [f for f in r.fields if f in frame.columns]
        values = [pl.col(f).cast(pl.String) for f in fields]
        keyed = rows.join(frame.select("row_id", "line", pl.col("LAchildID").alias("_child"), *values),
                          on="row_id", how="left")
        if fields and rows["value"].null_count() == rows.height:
            long = keyed.drop("value").unpivot(on=fields, index=["tbl", "row_id", "line", "_child"],
                                                variable_name="field", value_name="value")
        else:
            long = keyed.select("tbl", "row_id", "line", "_child", "value",
                                field=pl.lit(", ".join(fields) if fields else ""))
        parts.append(long.select(
            pl.lit(None, pl.String).alias("file"), pl.col("_child").cast(pl.String).alias("LAchildID"),
            pl.col("tbl").alias("table"),
            (pl.col("row_id") + 1).alias("row"), pl.col("line").cast(pl.Int64), pl.col("field").cast(pl.String),
            pl.lit(r.code).alias("rule"), pl.lit(r.severity).alias("severity"), pl.lit(r.message).alias("message"),
            pl.col("value").cast(pl.String)))
    return parts


def validate(t: Tables, pack: RulePack, *, file: str = "", problems: pl.DataFrame | None = None) -> Report:
    """Every rule of the pack over the tables; a rule that cannot run is reported as such."""
    parts: list[pl.DataFrame] = [] if problems is None else [problems.select(list(ISSUE_SCHEMA))]
    not_run: dict[str, str] = {}
    for r in pack:
        try:
            parts.extend(_issues_for(r, r.check(t), t))
        except (duckdb.Error, pl.exceptions.PolarsError, KeyError, ValueError) as exc:
            not_run[r.code] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    issues = pl.concat([p.cast(ISSUE_SCHEMA) for p in parts]) if parts else pl.DataFrame(schema=ISSUE_SCHEMA)
    return Report(file=file, pack=pack, issues=issues, not_run=not_run)
