"""Write a generated partnership as Parquet (one file per record table) and agency feeds as CSV."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from sightline.synth.partnership import Tables

# CSV cells a spreadsheet would run as a formula start with one of these (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def parquet_write(tables: Tables, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        path = out / f"{name}.parquet"
        frame.write_parquet(path, compression="zstd", statistics=True)
        written.append(path)
    return written


def _safe(frame: pl.DataFrame) -> pl.DataFrame:
    text = [c for c, t in frame.schema.items() if t == pl.String]
    return frame.with_columns([pl.when(pl.any_horizontal([pl.col(c).str.starts_with(s) for s in _FORMULA_START])).then(
        pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c) for c in text]) if text else frame


def feeds_write(tables: Tables, out: Path) -> list[Path]:
    """The agency feeds a real partnership receives: police notifications, school attendance, health presentations."""
    out.mkdir(parents=True, exist_ok=True)
    contacts = tables["frontdoor_contact"].join(
        tables["frontdoor_contactperson"].select("contact_id", "person_id"), left_on="id", right_on="contact_id")
    concern = tables["frontdoor_contactconcern"].select("contact_id", "concern")
    contacts = contacts.join(concern, left_on="id", right_on="contact_id")
    people = tables["people_person"].select(pl.col("id").alias("person_id"), "forename", "surname",
                                            "date_of_birth", "nhs_number")
    police = contacts.filter(pl.col("referral_source") == "6").join(people, on="person_id").select(
        pl.col("id").alias("reference"), pl.col("received_at").dt.strftime("%Y-%m-%dT%H:%M"), "forename",
        "surname", pl.col("date_of_birth").dt.strftime("%Y-%m-%d"), "nhs_number", "concern")
    people = people.join(tables["people_person"].select(pl.col("id").alias("person_id"), "upn"), on="person_id")
    attendance = tables["agencyfeeds_schoolattendance"].join(people, on="person_id").select(
        pl.col("school_code").alias("school"), "upn", "forename", "surname", "date_of_birth", "academic_year",
        "sessions_possible", "sessions_missed")
    health = tables["agencyfeeds_healthpresentation"].join(people, on="person_id").select(
        pl.col("id").alias("reference"), "nhs_number", "forename", "surname", "date_of_birth", "kind",
        "presented_on", "discharged_on")
    written = []
    for name, frame in (("police_notifications.csv", police), ("school_attendance.csv", attendance),
                        ("health_presentations.csv", health)):
        path = out / name
        _safe(frame).write_csv(path)
        written.append(path)
    return written
