"""Write a generated partnership as Parquet (one file per record table) and agency feeds as CSV."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from sightline.core.spreadsheet import neutralised_frame
from sightline.synth.partnership import Tables


def parquet_write(tables: Tables, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        path = out / f"{name}.parquet"
        frame.write_parquet(path, compression="zstd", statistics=True)
        written.append(path)
    return written


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
        neutralised_frame(frame).write_csv(path)
        written.append(path)
    return written
