"""Validate a return file of any registered format against its collection year's rule pack."""

from __future__ import annotations

from pathlib import Path

from sightline.returns.engine import Tables, validate
from sightline.returns.formats import ReturnFile, ReturnFormat, detect
from sightline.returns.report import Report


def choose_year(fmt: ReturnFormat, read: ReturnFile, year: str | None) -> str:
    """The year asked for; else the year the file gives, when there is a pack for it; else the latest."""
    if year:
        if year not in fmt.packs:
            known = ", ".join(sorted(fmt.packs))
            raise ValueError(f"There are no {fmt.title} rules for {year}; there are for {known}.")
        return year
    return read.year if read.year in fmt.packs else fmt.latest_year


def validate_read(fmt: ReturnFormat, read: ReturnFile, year: str | None = None) -> Report:
    year = choose_year(fmt, read, year)
    start, end = fmt.period(year)
    tables = Tables(read.tables, start=start, end=end, lookups=fmt.lookups())
    try:
        report = validate(tables, fmt.packs[year], file=read.name, problems=read.problems)
    finally:
        tables.close()
    report.unreadable = read.unreadable
    return report


def validate_file(path: Path, *, year: str | None = None, name: str | None = None) -> tuple[ReturnFile, Report]:
    fmt = detect(path)
    read = fmt.read(path, name or path.name)
    return read, validate_read(fmt, read, year)
