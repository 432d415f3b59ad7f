"""Read SSDA903 CSV files: each file's table is known by its columns, whatever the file is called."""

import difflib
import io
import re
import zipfile
from pathlib import Path

import polars as pl

from sightline.returns.ssda903.schema import OPTIONAL_COLUMNS, TABLES
from sightline.returns.ssda903.tables import Problem, Return903, typed_table

# A real return for a large authority is a few MB; anything far bigger is a mistake or an attack.
MAX_FILE_BYTES = 200 * 1024 * 1024
ENCODINGS = (("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252 (Excel's usual CSV encoding)"))


class ReturnFileError(Exception):
    """A file that cannot be read at all; the message names the file and says what to do."""


def decode(data: bytes, file: str) -> tuple[str, str]:
    for codec, name in ENCODINGS:
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    raise ReturnFileError(f"{file} is neither UTF-8 nor Windows-1252 text; save it as CSV (UTF-8) and try again.")


def normalise_heading(heading: str) -> str:
    return re.sub(r"\s+", "", heading.replace("\ufeff", "")).upper()


def identify(headings: list[str], file: str) -> tuple[str | None, list[Problem]]:
    """The table these headings belong to, or None with messages naming what is missing."""
    found = set(headings)

    def missing(name: str) -> list[str]:
        return [c for c in TABLES[name] if c not in found and c not in OPTIONAL_COLUMNS.get(name, ())]

    # Several tables share CHILD and DOB: the table meant is the one whose columns the file has most of.
    best = max(TABLES, key=lambda name: (not missing(name), len(found & set(TABLES[name])), -len(TABLES[name])))
    absent = missing(best)
    if not absent:
        return best, [Problem(file=file, severity="query", field=h,
                              message=f"{file}: column {h} is not part of the {best} table and was ignored.")
                      for h in headings if h not in TABLES[best]]
    if len(found & set(TABLES[best])) <= len(TABLES[best]) // 2:
        return None, [Problem(file=file, message=f"{file} is not an SSDA903 table: its columns "
                                                 f"({', '.join(headings[:8])}) match none of the tables.")]
    problems = []
    for column in absent:
        near = difflib.get_close_matches(column, [h for h in headings if h not in TABLES[best]], n=1, cutoff=0.6)
        hint = f" (there is a column {near[0]}: is it misspelt?)" if near else ""
        problems.append(Problem(file=file, field=column,
                                message=f"{file} looks like the {best} table but has no {column} column{hint}."))
    return None, problems


def read_csv_file(path: Path | str, result: Return903, *, name: str | None = None) -> str | None:
    """Add one CSV file to `result`; returns the table it held, or None (the reason is in result.problems)."""
    path = Path(path)
    file = name or path.name
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ReturnFileError(f"{file} is larger than {MAX_FILE_BYTES // 2**20} MB; check it is the right file.")
    return read_csv_bytes(path.read_bytes(), file, result)


def read_csv_bytes(data: bytes, file: str, result: Return903) -> str | None:
    text, encoding = decode(data, file)
    if encoding != "UTF-8":
        result.problems.append(Problem(file=file, severity="query",
                                       message=f"{file} was read as {encoding}, not UTF-8."))
    try:
        frame = pl.read_csv(io.StringIO(text), infer_schema=False, truncate_ragged_lines=True)
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as exc:
        result.problems.append(Problem(file=file, message=f"{file} could not be read as CSV ({exc})."))
        return None
    headings = [normalise_heading(h) for h in frame.columns]
    frame.columns = [f"{h}__{i}" if headings.index(h) != i else h for i, h in enumerate(headings)]
    table, problems = identify(headings, file)
    result.problems.extend(problems)
    if table is None:
        return None
    if table in result.tables:
        result.problems.append(Problem(file=file, message=f"{file} holds the {table} table, which was already "
                                                          f"read from {result.sources[table]}; it was ignored."))
        return None
    # The heading is line 1, so data row n (from 0) is on line n + 2.
    frame = frame.with_row_index("row_id").with_columns(pl.col("row_id").cast(pl.Int64))
    frame = frame.with_columns(line=pl.col("row_id") + 2)
    result.tables[table] = typed_table(table, frame, file, result)
    result.sources[table] = file
    return table


def read_csv_files(paths: list[Path | str]) -> Return903:
    result = Return903()
    for path in paths:
        read_csv_file(path, result)
    return result


def read_zip(path: Path | str, *, name: str | None = None) -> Return903:
    """The CSV tables of a return sent as one .zip (how a folder of CSVs travels as one file)."""
    path = Path(path)
    file = name or path.name
    result = Return903()
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ReturnFileError(f"{file} is not a zip file.") from exc
    with archive:
        members = [m for m in archive.infolist() if m.filename.lower().endswith(".csv") and not m.is_dir()]
        if not members:
            raise ReturnFileError(f"{file} holds no CSV files.")
        total = 0
        for member in members:
            # Read at most the limit: the sizes a zip declares can lie (zip bombs).
            with archive.open(member) as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            total += len(data)
            if len(data) > MAX_FILE_BYTES or total > MAX_FILE_BYTES:
                raise ReturnFileError(f"{file} unpacks to more than {MAX_FILE_BYTES // 2**20} MB; it was not read.")
            read_csv_bytes(data, f"{file}/{Path(member.filename).name}", result)
    return result
