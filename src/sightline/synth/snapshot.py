"""A generated partnership as the indicator engine's snapshot, without going through a database.

sightline.indicators.snapshot lists the tables and columns the engine reads, by model and
field; the generated tables are named by the same models (their Django tables) and fields, so
each snapshot table is a selection of one generated table. Agencies, named by code in the
generated tables, are numbered here in the order of `organisations_agency`; levels of need stand
for their descriptors.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from django.apps import apps

from sightline.indicators.snapshot import LOCAL_TIME_ZONE, TABLES, calendar_export, snapshot_schema
from sightline.synth.partnership import Tables


def _source(frame: pl.DataFrame, column: str, agencies: dict[str, int]) -> pl.Expr:
    if column in frame.columns:
        return pl.col(column)
    stem = column[:-3]
    if f"{stem}_code" in frame.columns:
        return pl.col(f"{stem}_code").cast(pl.String).replace_strict(agencies, default=None, return_dtype=pl.Int64)
    if f"{stem}_level" in frame.columns:
        return pl.col(f"{stem}_level").cast(pl.Int64)
    return pl.lit(None)


def snapshot_from_tables(tables: Tables, directory: Path) -> dict[str, int]:
    directory.mkdir(parents=True, exist_ok=True)
    agencies = tables["organisations_agency"].with_row_index("id", offset=1)
    agency_ids = dict(zip(agencies["code"].to_list(), agencies["id"].cast(pl.Int64).to_list()))
    frames = dict(tables)
    frames["organisations_agency"] = agencies.with_columns(pl.col("id").cast(pl.Int64))
    frames["frontdoor_levelofneeddescriptor"] = pl.DataFrame({"id": [1, 2, 3, 4], "level": [1, 2, 3, 4]})
    counts = {}
    for table in TABLES:
        meta = apps.get_model(table.model)._meta
        frame = frames.get(meta.db_table)
        if frame is None:
            continue
        arrays = []
        selected = frame.select([_source(frame, meta.get_field(c.source).column, agency_ids).alias(c.name)
                                 for c in table.columns]).to_arrow()
        for column in table.columns:
            array = selected.column(column.name).combine_chunks()
            array = pa.nulls(len(array), column.type) if pa.types.is_null(array.type) else array.cast(column.type)
            arrays.append(array)
            if column.local_date_as:
                local = pc.local_timestamp(array.cast(pa.timestamp("us", tz=LOCAL_TIME_ZONE)))
                arrays.append(local.cast(pa.date32()))
        pq.write_table(pa.Table.from_arrays(arrays, schema=snapshot_schema(table)), directory / f"{table.name}.parquet")
        counts[table.name] = frame.height
    calendar_export(directory / "calendar.parquet", frozenset())
    return counts
