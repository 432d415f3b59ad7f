"""Read an Ofsted Annex A workbook: one frame per list, headings matched however they are written.

The workbook is opened read-only and formulas are read as the text of the formula, never
calculated: a cell "=HYPERLINK(...)" is the string "=HYPERLINK(...)", which is not a date or a
number, so it is reported like any other wrong value.
"""

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from openpyxl import load_workbook

from sightline.returns.annexa.spec import LISTS, SYNONYMS, normalise, sheet_list_number
from sightline.returns.ssda903.read_csv import MAX_FILE_BYTES, ReturnFileError
from sightline.returns.ssda903.tables import DATE_FORMATS, PROBLEMS_LISTED, Problem

# How far down a sheet the heading row may be (templates put a title and notes above it).
HEADING_SEARCH_ROWS = 12
# A zip that inflates beyond this is a bomb, not a workbook.
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass
class AnnexA:
    """The lists read, by number: each frame has the template's headings, plus row_id and line."""

    lists: dict[int, pl.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    if isinstance(value, str):
        for fmt in DATE_FORMATS:
            try:
                return dt.datetime.strptime(value.strip(), fmt).date()
            except ValueError:
                continue
    return None


def _as_int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _match_headings(row: tuple, number: int) -> dict[int, str]:
    """Column index -> template heading, for the cells of `row` that name a column of list `number`."""
    known = {normalise(name): name for name, _ in LISTS[number][1]}
    found = {}
    for i, cell in enumerate(row):
        if cell is None:
            continue
        key = normalise(cell)
        name = known.get(key) or SYNONYMS.get(key)
        if name in known.values() and name not in found.values():
            found[i] = name
    return found


def _check_zip(path: Path, file: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise ReturnFileError(f"{file} is not an Excel workbook (.xlsx); save it as one and try again.") from exc
    if inflated > MAX_UNZIPPED_BYTES:
        raise ReturnFileError(f"{file} unpacks to more than {MAX_UNZIPPED_BYTES // 2**30} GB; it was not read.")


def _read_sheet(sheet, number: int, file: str, result: AnnexA) -> None:
    title, columns = LISTS[number]
    heading_line, headings = 0, {}
    for line, row in enumerate(sheet.iter_rows(max_row=HEADING_SEARCH_ROWS, values_only=True), start=1):
        found = _match_headings(row, number)
        if len(found) > len(headings):
            heading_line, headings = line, found
        if len(found) == len(columns):
            break
    if len(headings) < 2:
        result.problems.append(Problem(file=file, table=sheet.title, message=(
            f"{file}, sheet {sheet.title}: no heading row of List {number} ({title}) was found in the first "
            f"{HEADING_SEARCH_ROWS} rows.")))
        return
    for name, _ in columns:
        if name not in headings.values():
            result.problems.append(Problem(file=file, table=sheet.title, field=name, severity="query", message=(
                f"{file}, sheet {sheet.title}: there is no column '{name}'; it is left blank.")))
    cells: dict[str, list] = {name: [] for name, _ in columns}
    index = {name: i for i, name in headings.items()}
    lines = []
    for line, row in enumerate(sheet.iter_rows(min_row=heading_line + 1, values_only=True), start=heading_line + 1):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        lines.append(line)
        for name, values in cells.items():
            i = index.get(name)
            values.append(row[i] if i is not None and i < len(row) else None)
    kinds = dict(columns)
    converters = {"date": (_as_date, pl.Date), "int": (_as_int, pl.Int64), "text": (_as_text, pl.Utf8)}
    data = {}
    for name, values in cells.items():
        convert, dtype = converters[kinds[name]]
        expected = "date" if dtype == pl.Date else "whole number"
        converted = [convert(v) for v in values]
        bad = [(lines[i], v) for i, (v, c) in enumerate(zip(values, converted))
               if c is None and _as_text(v) is not None]
        for line, value in bad[:PROBLEMS_LISTED]:
            result.problems.append(Problem(file=file, table=sheet.title, line=line, field=name, value=_as_text(value),
                                           message=f"{file}, sheet {sheet.title}, row {line}: {name} "
                                                   f"'{_as_text(value)}' is not a {expected}."))
        if len(bad) > PROBLEMS_LISTED:
            result.problems.append(Problem(file=file, table=sheet.title, field=name, message=(
                f"{file}, sheet {sheet.title}: {len(bad) - PROBLEMS_LISTED:,} more rows have a {name} that is not "
                f"a {expected}.")))
        data[name] = pl.Series(name, converted, dtype=dtype)
    frame = pl.DataFrame(data).with_columns(row_id=pl.int_range(pl.len(), dtype=pl.Int64),
                                            line=pl.Series(lines, dtype=pl.Int64))
    result.lists[number] = frame


def read_annex_a(path: Path | str, *, name: str | None = None) -> AnnexA:
    path = Path(path)
    file = name or path.name
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ReturnFileError(f"{file} is larger than {MAX_FILE_BYTES // 2**20} MB; check it is the right file.")
    _check_zip(path, file)
    book = load_workbook(path, read_only=True, data_only=False)
    result = AnnexA()
    numbered = [(sheet, sheet_list_number(sheet.title)) for sheet in book.worksheets]
    try:
        for sheet, number in numbered:
            if number is None:
                continue
            if number in result.lists:
                result.problems.append(Problem(file=file, table=sheet.title, message=(
                    f"{file}: sheet {sheet.title} is a second List {number}; it was ignored.")))
                continue
            _read_sheet(sheet, number, file, result)
    finally:
        book.close()
    if all(number is None for _, number in numbered):
        result.problems.append(Problem(file=file, message=f"{file} has no sheets named List 1 to List 11."))
    return result
