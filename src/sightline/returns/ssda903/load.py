"""Load an SSDA903 return into the record: set-based, in one transaction, and idempotent.

For each child in the return, the rows of the collection year (episodes and missing periods open
in the year, reviews in it, the year's care leaver row) are made to match the return: rows the
return no longer has are removed, rows it adds are inserted in bulk, and identical rows are left
alone, so loading the same return twice changes nothing the second time.
"""

import datetime as dt
import gzip
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
from django.db import models, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from sightline.care.models import LookedAfterEpisode
from sightline.core.models import LegalBasis
from sightline.people.models import Ethnicity, Person
from sightline.returns.cin.loader import la_agency
from sightline.returns.formats import ReturnFile, ReturnNotLoadable
from sightline.returns.models import LoadedRecord, ReturnLoad
from sightline.returns.ssda903.format import period
from sightline.returns.ssda903.mapping import (ORDERED, RECORD_TABLES, REQUIRED, SEX_TO_RECORD, UPN_UNKNOWN, frame_of,
                                               polars_schema)

CHUNK = 900  # keeps every IN (...) under SQLite's parameter limit
BATCH = 2000
PERSON_FIELDS = ("sex", "date_of_birth", "ethnicity", "upn", "upn_unknown")


@dataclass
class LoadResult:
    people_created: int = 0
    people_updated: int = 0
    inserted: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    # Rows not loaded, with why: "Episodes: 3 rows not loaded (DEC before DECOM)".
    skipped: list[str] = field(default_factory=list)
    # (model label, primary key) of every record this load created or changed.
    made: list[tuple[str, int]] = field(default_factory=list)


def _chunks(values: list) -> list[list]:
    return [values[i:i + CHUNK] for i in range(0, len(values), CHUNK)]


def _people(header: pl.DataFrame, result: LoadResult, user) -> pl.DataFrame:
    """Create or update a Person per Header child; returns CHILD -> person_id."""
    longest = Person._meta.get_field("la_child_id").max_length
    header = _skip(header, pl.col("CHILD").is_not_null() & (pl.col("CHILD").str.len_chars() <= longest),
                   f"no CHILD, or one longer than {longest} characters", "Header", result)
    header = header.unique("CHILD", keep="first", maintain_order=True)
    upn = pl.col("UPN").str.to_uppercase()
    incoming = header.select(
        la_child_id=pl.col("CHILD"),
        sex=pl.col("SEX").replace_strict(SEX_TO_RECORD, default="U"),
        date_of_birth=pl.col("DOB"),
        ethnicity=pl.when(pl.col("ETHNIC").is_in(list(Ethnicity.values))).then("ETHNIC").otherwise(pl.lit("NOBT")),
        upn=pl.when(upn.str.contains(r"^[A-Z][0-9]{11}[0-9A-Z]$")).then(upn).otherwise(pl.lit("")),
        upn_unknown=pl.when(upn.is_in(UPN_UNKNOWN)).then(upn).otherwise(pl.lit("")))
    ids = incoming["la_child_id"].to_list()
    schema = {"id": pl.Int64, "la_child_id": pl.Utf8, "sex": pl.Utf8, "date_of_birth": pl.Date,
              "ethnicity": pl.Utf8, "upn": pl.Utf8, "upn_unknown": pl.Utf8}
    existing = frame_of([r for chunk in _chunks(ids) for r in Person.objects.filter(la_child_id__in=chunk)
                       .values(*schema)], schema)
    new = incoming.join(existing, on="la_child_id", how="anti")
    bulk_create_with_history([Person(forename="", surname="", **row) for row in new.iter_rows(named=True)], Person,
                             batch_size=BATCH, default_user=user)
    # Only people whose details differ are fetched and saved again.
    differ = incoming.join(existing, on="la_child_id", how="inner").join(
        existing, on=["la_child_id", *PERSON_FIELDS], how="anti", nulls_equal=True)
    wanted = {row["la_child_id"]: row for row in differ.iter_rows(named=True)}
    changed = [p for chunk in _chunks(list(wanted)) for p in Person.objects.filter(la_child_id__in=chunk)]
    for person in changed:
        for f in PERSON_FIELDS:
            setattr(person, f, wanted[person.la_child_id][f])
    if changed:
        bulk_update_with_history(changed, Person, list(PERSON_FIELDS), batch_size=BATCH, default_user=user)
    result.people_created, result.people_updated = new.height, len(changed)
    touched = set(new["la_child_id"].to_list()) | {p.la_child_id for p in changed}
    rows = [r for chunk in _chunks(ids)
            for r in Person.objects.filter(la_child_id__in=chunk).values("la_child_id", "id")]
    result.made += [("people.Person", r["id"]) for r in rows if r["la_child_id"] in touched]
    return frame_of(rows, {"la_child_id": pl.Utf8, "id": pl.Int64}).rename({"la_child_id": "CHILD", "id": "person_id"})


def _in_year(table: str, start: dt.date, end: dt.date) -> tuple[pl.Expr, models.Q]:
    """The rows of `table` this year's return speaks for, as a frame filter and as a query."""
    if table in ORDERED:
        first, last = ORDERED[table]
        return ((pl.col(last).is_null() | (pl.col(last) >= start)) & (pl.col(first) <= end),
                (models.Q(end_date__isnull=True) | models.Q(end_date__gte=start)) & models.Q(start_date__lte=end))
    if table == "Reviews":
        return pl.col("REVIEW").is_between(start, end), models.Q(date__range=(start, end))
    return pl.lit(True), models.Q(year_ending=end)


def _skip(frame: pl.DataFrame, keep: pl.Expr, why: str, table: str, result: LoadResult) -> pl.DataFrame:
    dropped = frame.height - frame.filter(keep).height
    if dropped:
        result.skipped.append(f"{table}: {dropped:,} {'row' if dropped == 1 else 'rows'} not loaded ({why})")
    return frame.filter(keep)


def _sync(table: str, frame: pl.DataFrame, people: pl.DataFrame, start: dt.date, end: dt.date, *, agency, user,
          result: LoadResult) -> None:
    model, columns = RECORD_TABLES[table]
    fields = list(columns.values())
    frame = frame.join(people, on="CHILD", how="left")
    frame = _skip(frame, pl.col("person_id").is_not_null(), "a child not in the Header", table, result)
    frame = _skip(frame, pl.all_horizontal([pl.col(c).is_not_null() for c in REQUIRED[table]]),
                  f"one of {', '.join(REQUIRED[table])} is blank", table, result)
    if table in ORDERED:
        first, last = ORDERED[table]
        frame = _skip(frame, pl.col(last).is_null() | (pl.col(last) >= pl.col(first)), f"{last} before {first}",
                      table, result)
    # A value longer than its field is not a code the record knows; the database would refuse it.
    lengths = {c: model._meta.get_field(f).max_length for c, f in columns.items()
               if getattr(model._meta.get_field(f), "max_length", None)}
    frame = _skip(frame, pl.all_horizontal([pl.col(c).str.len_chars().fill_null(0) <= n for c, n in lengths.items()]),
                  "a value too long to be a valid code", table, result)
    in_year, query = _in_year(table, start, end)
    frame = _skip(frame, in_year, f"outside the collection year {start:%d/%m/%Y} to {end:%d/%m/%Y}", table,
                  result)
    schema = {"person_id": pl.Int64} | polars_schema(model, fields)
    text = [f for f, kind in schema.items() if kind == pl.Utf8]
    incoming = frame.select("person_id", *[pl.col(c).alias(f) for c, f in columns.items()])
    incoming = incoming.with_columns([pl.col(f).fill_null("") for f in text]).cast(schema)
    keys = list(schema)
    if table == "OC3":
        incoming = incoming.with_columns(year_ending=pl.lit(end))
        keys = [*keys, "year_ending"]
    ids = people["person_id"].to_list()
    existing = frame_of([r for chunk in _chunks(ids) for r in model.objects.filter(query, person_id__in=chunk)
                       .values("id", *keys)],
                      {"id": pl.Int64} | schema | ({"year_ending": pl.Date} if table == "OC3" else {}))
    to_insert = incoming.join(existing.drop("id"), on=keys, how="anti", nulls_equal=True)
    to_remove = existing.join(incoming, on=keys, how="anti", nulls_equal=True)["id"].to_list()
    for chunk in _chunks(to_remove):
        model.objects.filter(pk__in=chunk).delete()
    objects = [model(owning_agency=agency, recorded_by=user, legal_basis=LegalBasis.CA1989_S20, **row)
               for row in to_insert.iter_rows(named=True)]
    if model is LookedAfterEpisode:
        made = bulk_create_with_history(objects, model, batch_size=BATCH, default_user=user)
    else:
        made = model.objects.bulk_create(objects, batch_size=BATCH)
    result.made += [(model._meta.label, o.pk) for o in made]
    result.inserted[table], result.removed[table] = len(objects), len(to_remove)
    result.unchanged[table] = incoming.height - to_insert.height


def record_sync(*, tables: dict[str, pl.DataFrame], year: str, agency, user=None) -> LoadResult:
    """Make the record agree with an SSDA903 return for the collection year `year` ("2025-26")."""
    if "Header" not in tables:
        raise ValueError("The return has no Header table, so its children cannot be matched to the record.")
    start, end = period(year)
    result = LoadResult()
    with transaction.atomic():
        people = _people(tables["Header"], result, user)
        for table in RECORD_TABLES:
            if table in tables:
                _sync(table, tables[table], people, start, end, agency=agency, user=user, result=result)
    return result


def ssda903_load(*, read: ReturnFile, path: Path, la_code: str, year: str, user=None) -> ReturnLoad:
    """Load one SSDA903 return as the current return for the LA and year (the returns app's entry point).

    The same file again changes nothing; a different file for the year supersedes the current
    load, which stays (with its file) as the history of what that return said.
    """
    if read.unreadable:
        raise ReturnNotLoadable(f"{read.unreadable} Nothing was loaded.")
    agency = la_agency(la_code)
    scope = {"format": "ssda903", "la_code": la_code, "collection_year": year}
    current = ReturnLoad.objects.filter(is_current=True, **scope).first()
    if current is not None and read.sha256 and current.sha256 == read.sha256:
        return current
    loaded_by = user if user is not None and user.pk else None
    with transaction.atomic():
        if current is not None:
            current.is_current = False
            current.save(update_fields=["is_current"])
        result = record_sync(tables=read.tables, year=year, agency=agency, user=loaded_by)
        source = Path(path).read_bytes() if Path(path).is_file() else b""
        load = ReturnLoad.objects.create(
            file_name=read.name, sha256=read.sha256, source=gzip.compress(source), loaded_by=loaded_by,
            owning_agency=agency, not_loaded=result.skipped,
            loaded_counts={t: result.inserted[t] + result.unchanged[t] for t in result.inserted}, **scope)
        if current is not None:
            current.superseded_by = load
            current.save(update_fields=["superseded_by"])
        LoadedRecord.objects.bulk_create([LoadedRecord(load=load, model=label, object_id=pk)
                                          for label, pk in result.made], batch_size=BATCH)
    return load
