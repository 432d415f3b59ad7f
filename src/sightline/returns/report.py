"""A validation report at the grain users know: one row per rule, row and field at fault.

Written as CSV and as an Excel workbook (issues and a summary by rule). Any text cell that a
spreadsheet would read as a formula (= + - @, or a tab or carriage return first) gets a leading
apostrophe, so a hostile value in a return cannot run in the reader's spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from sightline.core.spreadsheet import neutralised

if TYPE_CHECKING:
    from sightline.returns.engine.rules import RulePack

ISSUE_SCHEMA = {"file": pl.String, "LAchildID": pl.String, "table": pl.String, "row": pl.Int64, "line": pl.Int64,
                "field": pl.String, "rule": pl.String, "severity": pl.String, "message": pl.String,
                "value": pl.String}
READ_RULE = "read"
@dataclass
class Report:
    file: str
    pack: RulePack | None
    issues: pl.DataFrame
    not_run: dict[str, str] = field(default_factory=dict)
    # Set when the file could not be read to the end: the reason, naming the line.
    unreadable: str = ""

    def __post_init__(self):
        if self.file:
            self.issues = self.issues.with_columns(file=pl.lit(self.file))

    @property
    def errors(self) -> int:
        return self.issues.filter(pl.col("severity") == "error").height

    @property
    def queries(self) -> int:
        return self.issues.filter(pl.col("severity") == "query").height

    def summary(self) -> pl.DataFrame:
        """One row per rule of the pack (and one for reading problems), with its status and counts."""
        counts = self.issues.group_by("rule").agg(issues=pl.len(), children=pl.col("LAchildID").drop_nulls().n_unique())
        declared = [(READ_RULE, "error", "Problems reading the file (see each row's message).", "ran")]
        for r in self.pack or ():
            status = f"could not run: {self.not_run[r.code]}" if r.code in self.not_run else "ran"
            declared.append((r.code, r.severity, r.message, status))
        rules = pl.DataFrame(declared, schema=["rule", "severity", "message", "status"], orient="row")
        return (rules.join(counts, on="rule", how="left")
                .with_columns(pl.col("issues").fill_null(0), pl.col("children").fill_null(0)))

    def with_rules_not_run(self) -> pl.DataFrame:
        """The issues, then one row per rule that could not run, so a CSV reader sees the gap too."""
        not_run = pl.DataFrame([{"file": self.file or None, "rule": code, "severity": "not run",
                                 "message": f"This rule could not run, so the return was not checked for it: {why}"}
                                for code, why in self.not_run.items()], schema=ISSUE_SCHEMA)
        return pl.concat([self.issues, not_run])

    def write_csv(self, path: Path) -> None:
        # CSV is opened in spreadsheets too, so it gets the same neutralising as Excel.
        risky = pl.col(pl.String).str.contains(r"^[=+\-@\t\r]")
        safe = pl.when(risky).then(pl.lit("'") + pl.col(pl.String)).otherwise(pl.col(pl.String)).name.keep()
        self.with_rules_not_run().with_columns(safe).write_csv(path)

    def write_xlsx(self, path: Path) -> None:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        for title, frame in (("Issues", self.with_rules_not_run()), ("Summary by rule", self.summary())):
            sheet = book.create_sheet(title)
            sheet.append(frame.columns)
            for row in frame.iter_rows():
                sheet.append([neutralised(v) for v in row])
        book.save(path)


def combine(reports: list[Report]) -> pl.DataFrame:
    return pl.concat([r.issues for r in reports]) if reports else pl.DataFrame(schema=ISSUE_SCHEMA)
