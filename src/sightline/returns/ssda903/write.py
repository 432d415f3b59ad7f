"""Write the SSDA903 return from the record: the DfE's CSV tables, dates as dd/mm/yyyy.

This is the whole authority's return, for the statutory submission, so it reads the record
directly rather than through one user's view of it; the command that calls it is for analysts.
"""

import zipfile
from pathlib import Path

import polars as pl
from django.db import models

from sightline.people.models import Person
from sightline.returns.cin.loader import la_agency
from sightline.returns.ssda903.format import period
from sightline.returns.ssda903.mapping import RECORD_TABLES, frame_of, polars_schema
from sightline.returns.ssda903.schema import DATE_FORMAT, TABLES

# Each table's sort order, so the same record always gives byte-identical files.
ORDER = {"Header": ["CHILD"], "Episodes": ["CHILD", "DECOM"], "Reviews": ["CHILD", "REVIEW"],
         "Missing": ["CHILD", "MIS_START"], "OC3": ["CHILD"]}


def _scope(table: str, start, end) -> models.Q:
    if table in ("Episodes", "Missing"):
        return (models.Q(end_date__isnull=True) | models.Q(end_date__gte=start)) & models.Q(start_date__lte=end)
    if table == "Reviews":
        return models.Q(date__range=(start, end))
    return models.Q(year_ending=end)


def export_tables(*, year: str, agency=None) -> dict[str, pl.DataFrame]:
    """The return for collection year `year` ("2025-26") as typed frames, one per table the record holds.

    With `agency`, only the records that agency owns (one local authority's return).
    """
    start, end = period(year)
    owned = models.Q(owning_agency=agency) if agency is not None else models.Q()
    frames = {}
    for table, (model, columns) in RECORD_TABLES.items():
        fields = list(columns.values())
        schema = {"CHILD": pl.Utf8, "DOB": pl.Date} | dict(zip(columns, polars_schema(model, fields).values()))
        rows = (model.objects.filter(_scope(table, start, end), owned).exclude(person__la_child_id="")
                .values_list("person__la_child_id", "person__date_of_birth", *fields))
        frame = frame_of(list(rows), schema)
        frame = frame.with_columns([pl.col(c).replace("", None) for c, t in schema.items() if t == pl.Utf8])
        frames[table] = frame.select([pl.col(c) if c in frame.columns else pl.lit(None, pl.Utf8).alias(c)
                                      for c in TABLES[table]])
        frames[table] = frames[table].sort(list(dict.fromkeys([*ORDER[table], *TABLES[table]])), nulls_last=True)
    children = sorted({c for f in frames.values() for c in f["CHILD"].to_list()})
    people = [p for i in range(0, len(children), 900) for p in Person.objects.filter(
        la_child_id__in=children[i:i + 900]).values_list("la_child_id", "sex", "date_of_birth", "ethnicity", "upn",
                                                        "upn_unknown")]
    header = frame_of(people, {"CHILD": pl.Utf8, "SEX": pl.Utf8, "DOB": pl.Date, "ETHNIC": pl.Utf8, "upn": pl.Utf8,
                             "upn_unknown": pl.Utf8})
    upn = pl.when(pl.col("upn") != "").then("upn").otherwise("upn_unknown").replace("", None)
    header = header.with_columns(UPN=upn,
                                 MOTHER=pl.lit(None, pl.Utf8), MC_DOB=pl.lit(None, pl.Date))
    frames["Header"] = header.select(TABLES["Header"]).sort("CHILD")
    return {name: frames[name] for name in TABLES if name in frames}


def write_csv(frame: pl.DataFrame, path: Path) -> Path:
    frame.write_csv(path, date_format=DATE_FORMAT, line_terminator="\n")
    return path


def export_csv(*, year: str, folder: Path, agency=None) -> list[Path]:
    """Write the year's return as one CSV per table into `folder`; returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_csv(frame, folder / f"{name.lower()}.csv")
            for name, frame in export_tables(year=year, agency=agency).items()]


def ssda903_export(*, la_code: str, year: str, out: Path) -> Path:
    """The LA's return for the year as one zip of CSVs in the folder `out` (the returns app's entry point)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"SSDA903_{la_code}_{year}.zip"
    frames = export_tables(year=year, agency=la_agency(la_code))
    # A fixed timestamp keeps the same record's zip byte-identical from one export to the next.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, frame in frames.items():
            info = zipfile.ZipInfo(f"{name.lower()}.csv", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, frame.write_csv(date_format=DATE_FORMAT, line_terminator="\n"))
    return path
