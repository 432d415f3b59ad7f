"""Every write of the returns app: loading a return file into the record."""

from __future__ import annotations

from pathlib import Path

from sightline.core.audit.services import access_record
from sightline.returns.formats import detect
from sightline.returns.models import ReturnLoad
from sightline.returns.report import Report
from sightline.returns.validation import choose_year, validate_read


class ImportNotSupported(Exception):
    pass


def return_load(*, path: Path, la_code: str, year: str | None = None, user=None) -> tuple[ReturnLoad, Report]:
    """Read, validate and load one return file; the load and the validation report.

    The file loads whatever the DfE rules find (the report says what to correct); it is refused
    only when it cannot be read to the end. Rows that cannot go into the record are listed in
    the load's `not_loaded`.
    """
    path = Path(path)
    fmt = detect(path)
    if fmt.load is None:
        raise ImportNotSupported(f"{path.name}: loading {fmt.title} into the record is not supported yet.")
    read = fmt.read(path, path.name)
    year = choose_year(fmt, read, year)
    report = validate_read(fmt, read, year)
    load = fmt.load(read=read, path=path, la_code=la_code, year=year, user=user)
    if user is not None and user.pk:
        access_record(user=user, action="return_load", record=load, reason=f"{fmt.title} {year} for LA {la_code}")
    return load, report
