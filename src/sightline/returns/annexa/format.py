"""Ofsted Annex A as a return format: `sightline returns validate` reads a workbook and reports what
could not be read (Ofsted publishes no validation rules, so the pack is empty), and `sightline
returns export annexa --la CODE --year 2025-26` writes the lists for that year from the record."""

import datetime as dt
from pathlib import Path

import polars as pl

from sightline.returns.annexa.read import read_annex_a
from sightline.returns.engine import RulePack
from sightline.returns.formats import ReturnFile, ReturnFormat, file_sha256
from sightline.returns.ssda903.format import problems_frame, period
from sightline.returns.ssda903.read_csv import ReturnFileError
from sightline.returns.ssda903.tables import Return903

PACKS = {"2025-26": RulePack("Annex A 2025-26", [])}


def sniff(head: bytes, filename: str) -> bool:
    return filename.lower().endswith(".xlsx") and head.startswith(b"PK")


def read(path: Path, name: str | None = None) -> ReturnFile:
    path = Path(path)
    name = name or path.name
    try:
        book = read_annex_a(path, name=name)
    except ReturnFileError as exc:
        return ReturnFile(name=name, format="annexa", tables={}, unreadable=str(exc), sha256=file_sha256(path))
    key = {number: "Individual adopter identifier" if number == 11 else "Child Unique ID" for number in book.lists}
    tables = {f"List {n}": frame.with_columns(LAchildID=pl.col(key[n])) for n, frame in book.lists.items()}
    problems = problems_frame(Return903(problems=book.problems))
    return ReturnFile(name=name, format="annexa", tables=tables, problems=problems, sha256=file_sha256(path))


def export(*, la_code: str, year: str, out: Path) -> Path:
    """Lists 1 to 11 for the collection year (1 April to 31 March) as Annex_A_<LA>_<year>.xlsx in `out`."""
    from sightline.returns.annexa.lists import annex_a_lists
    from sightline.returns.annexa.write import write_annex_a

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    start, end = period(year)
    return write_annex_a(annex_a_lists(start=start, end=min(end, dt.date.today())),
                         out / f"Annex_A_{la_code}_{year}.xlsx")


FORMAT = ReturnFormat(name="annexa", title="Ofsted Annex A workbook", sniff=sniff, read=read, packs=PACKS,
                      period=period, export=export)
