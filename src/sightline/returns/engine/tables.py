"""A return's tables, open to SQL (DuckDB over Arrow, no copy)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import duckdb
import polars as pl


class Tables:
    """The tables of one return plus the dates of its collection period.

    In a rule's SQL, `$start` and `$end` stand for the first and last day of the collection
    period; `date_literal` writes any other date a rule computes.
    """

    def __init__(self, frames: Mapping[str, pl.DataFrame], *, start: date, end: date,
                 lookups: Mapping[str, pl.DataFrame] | None = None):
        self.frames = dict(frames)
        self.start, self.end = start, end
        self.con = duckdb.connect(":memory:", config={"enable_external_access": False, "threads": 2})
        for name, frame in {**self.frames, **(lookups or {})}.items():
            self.con.register(name, frame.to_arrow())
        # The census writes yes/no as true/false/1/0 in any case.
        self.con.execute("create macro is_yes(x) as lower(trim(x)) in ('true', '1')")
        self.con.execute("create macro is_no(x) as lower(trim(x)) in ('false', '0')")

    @staticmethod
    def date_literal(d: date) -> str:
        return f"date '{d.isoformat()}'"

    def sql(self, query: str) -> pl.DataFrame:
        query = query.replace("$start", self.date_literal(self.start)).replace("$end", self.date_literal(self.end))
        return self.con.sql(query).pl()

    def close(self) -> None:
        self.con.close()
