"""SSDA903 as a return format: how the returns CLI, upload page and imports find it."""

import datetime as dt
from pathlib import Path

import polars as pl

from sightline.returns.formats import ReturnFile, ReturnFormat, file_sha256
from sightline.returns.report import ISSUE_SCHEMA, READ_RULE
from sightline.returns.ssda903.read_csv import (ReturnFileError, decode, identify, normalise_heading, read_csv_files,
                                               read_zip)
from sightline.returns.ssda903.read_xml import read_xml_file
from sightline.returns.ssda903.rules import PACKS
from sightline.returns.ssda903.tables import Return903

INVALID_DATES = "_invalid_dates"


def period(year: str) -> tuple[dt.date, dt.date]:
    """'2025-26' is 1 April 2025 to 31 March 2026."""
    first = int(year[:4])
    return dt.date(first, 4, 1), dt.date(first + 1, 3, 31)


def sniff(head: bytes, filename: str) -> bool:
    if b"EXPSSDA903" in head[:4096]:
        return True
    if filename.lower().endswith(".zip"):
        return head.startswith(b"PK") and b".csv" in head.lower()
    if not filename.lower().endswith(".csv"):
        return False
    try:
        first_line = decode(head.split(b"\n", 1)[0].rstrip(b"\r"), filename)[0]
    except ReturnFileError:
        return False
    table, _ = identify([normalise_heading(h) for h in first_line.split(",")], filename)
    return table is not None


def problems_frame(ret: Return903) -> pl.DataFrame:
    rows = [{"file": p.file, "LAchildID": None, "table": p.table, "row": p.row, "line": p.line, "field": p.field,
             "rule": READ_RULE, "severity": p.severity, "message": p.message, "value": p.value}
            for p in ret.problems]
    return pl.DataFrame(rows, schema=ISSUE_SCHEMA) if rows else pl.DataFrame(schema=ISSUE_SCHEMA)


def to_return_file(ret: Return903, name: str, sha256: str = "") -> ReturnFile:
    # The engine names the child in every finding by LAchildID, the CIN census's name for it.
    tables = {table: frame.with_columns(LAchildID=pl.col("CHILD")) for table, frame in ret.tables.items()}
    tables[INVALID_DATES] = ret.invalid_dates
    return ReturnFile(name=name, format="ssda903", tables=tables, problems=problems_frame(ret), sha256=sha256)


def read_paths(paths: list[Path]) -> Return903:
    """One return from its files: one XML file, CSV files (one table each), a folder or a zip of them."""
    files = [f for p in paths for f in (sorted(p.glob("*.csv")) + sorted(p.glob("*.xml")) if p.is_dir() else [p])]
    if len(files) == 1 and files[0].suffix.lower() == ".zip":
        return read_zip(files[0])
    xml = [f for f in files if f.suffix.lower() == ".xml"]
    if xml:
        if len(files) > 1:
            raise ReturnFileError("Give one SSDA903 XML file, or CSV files, not both.")
        return read_xml_file(xml[0])
    return read_csv_files(files)


def read(path: Path, name: str | None = None) -> ReturnFile:
    path = Path(path)
    name = name or path.name
    sha256 = file_sha256(path) if path.is_file() else ""
    try:
        return to_return_file(read_paths([path]), name, sha256)
    except ReturnFileError as exc:
        return ReturnFile(name=name, format="ssda903", tables={}, unreadable=str(exc), sha256=sha256)


def _load(**kwargs):
    from sightline.returns.ssda903.load import ssda903_load

    return ssda903_load(**kwargs)


def _export(**kwargs):
    from sightline.returns.ssda903.write import ssda903_export

    return ssda903_export(**kwargs)


FORMAT = ReturnFormat(name="ssda903", title="SSDA903 (children looked after)", sniff=sniff, read=read, packs=PACKS,
                      period=period, load=_load, export=_export)
