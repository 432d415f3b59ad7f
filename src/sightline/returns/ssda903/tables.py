"""What a read SSDA903 return is: typed tables plus what the reader found wrong with the files."""

from dataclasses import dataclass, field

import polars as pl

from sightline.returns.ssda903.schema import DATE_COLUMNS, TABLES

# Dates the reader understands, tried in order; the first is the DfE's own.
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M:%S")
# Problems listed one by one per file and field; beyond this, one line says how many more.
PROBLEMS_LISTED = 20
INVALID_DATES_SCHEMA = {"table": pl.Utf8, "row_id": pl.Int64, "CHILD": pl.Utf8, "field": pl.Utf8, "value": pl.Utf8}


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    # "error" stops the file being loaded; "query" is worth a look (the engine's two severities).
    severity: str = "error"
    table: str | None = None
    row: int | None = None
    line: int | None = None
    field: str | None = None
    value: str | None = None


@dataclass
class Return903:
    """One SSDA903 return as read: a frame per table, with `row_id` (0-based) and `line` in its file."""

    tables: dict[str, pl.DataFrame] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Values in date columns that are not dates: table, row_id, CHILD, field, value.
    invalid_dates: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=INVALID_DATES_SCHEMA))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def parse_dates(column: str) -> pl.Expr:
    return pl.coalesce([pl.col(column).str.strptime(pl.Date, fmt, strict=False) for fmt in DATE_FORMATS])


def typed_table(name: str, frame: pl.DataFrame, file: str, result: Return903) -> pl.DataFrame:
    """Trim text, blank to null, dates to Date; record every value that is not a date (by row)."""
    columns = TABLES[name]
    frame = frame.with_columns([pl.col(c).str.strip_chars().replace("", None) if c in frame.columns
                                else pl.lit(None, dtype=pl.Utf8).alias(c) for c in columns])
    frame = frame.select(["row_id", "line", *columns])
    dates = [c for c in columns if c in DATE_COLUMNS]
    parsed = frame.with_columns([parse_dates(c) for c in dates])
    bad = [frame.filter(pl.col(c).is_not_null() & parsed[c].is_null())
           .select(pl.lit(name).alias("table"), "row_id", "CHILD", pl.lit(c).alias("field"), pl.col(c).alias("value"))
           for c in dates]
    bad = pl.concat([b for b in bad if b.height], how="vertical") if any(b.height for b in bad) else None
    if bad is not None:
        result.invalid_dates = pl.concat([result.invalid_dates, bad.cast(result.invalid_dates.schema)])
        for (col,), rows in bad.group_by(["field"], maintain_order=True):
            for r in rows.head(PROBLEMS_LISTED).iter_rows(named=True):
                row = r["row_id"] + 1
                result.problems.append(Problem(
                    file=file, table=name, row=row, field=col, value=r["value"],
                    message=f"Row {row:,} of {file}: {col} '{r['value']}' is not a date "
                            f"(write dates as dd/mm/yyyy)."))
            if rows.height > PROBLEMS_LISTED:
                result.problems.append(Problem(
                    file=file, table=name, field=col,
                    message=f"{file}: {rows.height - PROBLEMS_LISTED:,} more rows have a {col} that is not a date."))
    return parsed

