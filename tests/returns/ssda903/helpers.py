"""Run SSDA903 rules over a sample return changed in a few fields."""

from collections.abc import Callable
from pathlib import Path

from sightline.returns.engine import RulePack, Tables, validate
from sightline.returns.report import Report
from sightline.returns.ssda903.format import period, read_paths, to_return_file
from sightline.returns.ssda903.rules import PACKS
from sightline.returns.ssda903.tables import Return903
from tests.returns.ssda903.sample import YEAR, write_csvs

Edit = Callable[[dict], None]


def edit(table: str, child: str, n: int = 0, **fields: str) -> Edit:
    """Set fields on the n-th row of `child` in `table`."""
    def apply(tables: dict) -> None:
        rows = [r for r in tables[table] if r["CHILD"] == child]
        rows[n].update(fields)
    return apply


def add(table: str, **row: str) -> Edit:
    def apply(tables: dict) -> None:
        tables[table].append(row)
    return apply


def drop(table: str, child: str | None = None) -> Edit:
    """Remove `child`'s rows from `table` (every row when no child is named)."""
    def apply(tables: dict) -> None:
        tables[table] = [r for r in tables[table] if child is not None and r["CHILD"] != child]
    return apply


def copy_row(table: str, child: str, new_child: str | None = None, **fields: str) -> Edit:
    """Append a copy of the first row of `child` in `table` (as another child, or the same)."""
    def apply(tables: dict) -> None:
        row = dict(next(r for r in tables[table] if r["CHILD"] == child))
        row.update({"CHILD": new_child or child, **fields})
        tables[table].append(row)
    return apply


def run(tables: dict, folder: Path, codes: list[str] | None = None) -> Report:
    return validate_tables(read_paths(write_csvs(tables, folder)), codes)


def validate_tables(read: Return903, codes: list[str] | None = None) -> Report:
    ret = to_return_file(read, "sample")
    pack = PACKS[YEAR]
    if codes is not None:
        pack = RulePack("selected", [r for r in pack if r.code in codes])
    start, end = period(YEAR)
    t = Tables(ret.tables, start=start, end=end)
    try:
        return validate(t, pack, file="sample", problems=ret.problems)
    finally:
        t.close()


def flagged(report: Report, code: str) -> set[tuple[str, str]]:
    hits = report.issues.filter(report.issues["rule"] == code)
    return set(zip(hits["table"].to_list(), hits["LAchildID"].to_list()))
