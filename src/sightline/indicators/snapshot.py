"""A columnar snapshot of the record: the tables the indicators read, exported set-based to Parquet.

The table list is plain data (models named by label), so the engine can read a snapshot without
Django. Each table is read with one SQL statement through Django's connection and fetched in chunks into
Arrow, so memory stays bounded and no model instance is ever built. Dates are typed here once
(SQLite hands back text, PostgreSQL dates); moments are turned into London local dates, because a
working-day clock counts the days as the front door lived them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from sightline.core.calendar import working_days_sql_table

CHUNK_ROWS = 50_000
LOCAL_TIME_ZONE = "Europe/London"
# The calendar table spans every year the indicators can ask about.
CALENDAR_FROM, CALENDAR_TO = date(2000, 1, 1), date(2060, 12, 31)


@dataclass(frozen=True)
class Column:
    name: str       # the name in the snapshot
    source: str     # the model field's name
    type: pa.DataType
    # For a moment (datetime): also write its London local date under this name.
    local_date_as: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    model: str  # "app_label.ModelName"
    columns: tuple[Column, ...]


def _c(name, source=None, kind=pa.int64(), local_date_as=""):
    return Column(name, source or name, kind, local_date_as)


DATE, TEXT, FLAG, MOMENT = pa.date32(), pa.string(), pa.bool_(), pa.timestamp("us", tz="UTC")

TABLES: tuple[Table, ...] = (
    Table("agencies", "organisations.Agency", (_c("id"), _c("code", kind=TEXT))),
    Table("children", "people.Person", (_c("id"), _c("date_of_birth", kind=DATE), _c("sex", kind=TEXT))),
    Table("contacts", "frontdoor.Contact", (_c("id"), _c("received_at", kind=MOMENT, local_date_as="received_on"),
                                _c("decided_at", kind=MOMENT, local_date_as="decided_on"),
                                _c("source_agency_id"), _c("rating", kind=TEXT))),
    Table("need_descriptors", "frontdoor.LevelOfNeedDescriptor", (_c("id"), _c("level"))),
    Table("decisions", "frontdoor.Decision", (_c("id"), _c("contact_id"), _c("descriptor_id"), _c("outcome", kind=TEXT),
                                              _c("early_help_provider", kind=TEXT), _c("early_help_agency_id"),
                                              _c("signed_off_at", kind=MOMENT, local_date_as="signed_off_on"))),
    # The early help episodes a front door decision opened (Django's table behind Decision.early_help_episodes).
    Table("decision_early_help", "frontdoor.Decision_early_help_episodes",
          (_c("decision_id"), _c("early_help_id", "earlyhelpepisode_id"))),
    Table("contact_concerns", "frontdoor.ContactConcern", (_c("contact_id"), _c("concern", kind=TEXT))),
    Table("early_help", "casework.EarlyHelpEpisode", (_c("id"), _c("child_id", "person_id"),
                                                      _c("start_date", kind=DATE), _c("end_date", kind=DATE),
                                                      _c("lead_agency_id"), _c("level_of_need"))),
    Table("referrals", "casework.Referral", (_c("id"), _c("child_id", "person_id"), _c("referral_date", kind=DATE),
                                  _c("referral_source", kind=TEXT), _c("referral_nfa", kind=FLAG),
                                  _c("closure_date", kind=DATE))),
    Table("assessments", "casework.Assessment", (_c("id"), _c("referral_id"), _c("start_date", kind=DATE),
                                      _c("authorisation_date", kind=DATE))),
    Table("section47s", "casework.Section47", (_c("id"), _c("referral_id"), _c("start_date", kind=DATE),
                                    _c("icpc_date", kind=DATE), _c("icpc_not_required", kind=FLAG))),
    Table("conferences", "casework.ChildProtectionConference", (_c("id"), _c("referral_id"), _c("plan_id"),
                                                     _c("kind", kind=TEXT), _c("date", kind=DATE),
                                                     _c("plan_decided", kind=FLAG))),
    Table("conference_attendance", "casework.ConferenceAttendance", (_c("conference_id"), _c("attendee", kind=TEXT),
                                                          _c("agency_id"), _c("invited", kind=FLAG),
                                                          _c("attended", kind=FLAG))),
    Table("cp_plans", "casework.ChildProtectionPlan", (_c("id"), _c("child_id", "person_id"),
                                                       _c("start_date", kind=DATE), _c("end_date", kind=DATE),
                                                       _c("initial_category", kind=TEXT),
                                                       _c("latest_category", kind=TEXT),
                                                       _c("number_of_previous_plans"))),
    Table("cla_episodes", "care.LookedAfterEpisode", (_c("id"), _c("child_id", "person_id"),
                                                      _c("start_date", kind=DATE), _c("end_date", kind=DATE),
                                                      _c("legal_status", kind=TEXT),
                                                      _c("reason_new_episode", kind=TEXT),
                                                      _c("reason_ceased", kind=TEXT))),
    Table("cla_reviews", "care.LookedAfterReview", (_c("id"), _c("child_id", "person_id"), _c("date", kind=DATE))),
    Table("da_incidents", "panels.DomesticAbuseIncident", (_c("id"), _c("occurred_at", kind=MOMENT,
                                                                      local_date_as="occurred_on"),
                                                                   _c("is_crime", kind=FLAG),
                                                                   _c("dash_risk_level", kind=TEXT))),
    Table("da_referrals", "panels.DomesticAbuseReferral", (_c("id"), _c("victim_id"), _c("route", kind=TEXT),
                                                           _c("referral_date", kind=DATE),
                                                           _c("is_repeat", kind=FLAG))),
    Table("panels", "panels.Panel", (_c("id"), _c("kind", kind=TEXT))),
    Table("panel_cases", "panels.PanelCase", (_c("id"), _c("panel_id"), _c("child_id", "person_id"),
                                              _c("referral_date", kind=DATE), _c("risk_level", kind=TEXT),
                                              _c("exploitation_type", kind=TEXT), _c("closed_date", kind=DATE))),
    Table("training_sessions", "assurance.TrainingSession", (_c("id"), _c("course_id"), _c("date", kind=DATE))),
    Table("training_attendance", "assurance.TrainingAttendance", (_c("session_id"), _c("agency_id"),
                                                                  _c("attended", kind=FLAG), _c("feedback_score"),
                                                                  _c("confidence_before"),
                                                                  _c("confidence_after"))),
    Table("serious_incidents", "assurance.SeriousIncident", (_c("id"), _c("la_aware_date", kind=DATE),
                                                             _c("notification_due", kind=DATE),
                                                             _c("notified_date", kind=DATE))),
    Table("rapid_reviews", "assurance.RapidReview", (_c("id"), _c("started_date", kind=DATE),
                                                     _c("due_date", kind=DATE), _c("completed_date", kind=DATE))),
    Table("case_reviews", "assurance.CaseReview", (_c("id"), _c("kind", kind=TEXT), _c("decision_date", kind=DATE),
                                                   _c("due_date", kind=DATE), _c("published_date", kind=DATE))),
    Table("care_leavers", "care.CareLeaver", (_c("id"), _c("child_id", "person_id"), _c("year_ending", kind=DATE),
                                       _c("activity", kind=TEXT), _c("in_touch", kind=TEXT))),
    Table("health_presentations", "agencyfeeds.HealthPresentation", (_c("id"), _c("child_id", "person_id"),
                                                                     _c("provider_id"), _c("kind", kind=TEXT),
                                                                     _c("presented_on", kind=DATE),
                                                                     _c("discharged_on", kind=DATE))),
    Table("school_attendance", "agencyfeeds.SchoolAttendance", (_c("id"), _c("child_id", "person_id"),
                                                                _c("school_id"), _c("academic_year"),
                                                                _c("term", kind=TEXT), _c("sessions_possible"),
                                                                _c("sessions_missed"),
                                                                _c("persistent_absence", kind=FLAG))),
)


def snapshot_schema(table: Table) -> pa.Schema:
    fields = []
    for column in table.columns:
        fields.append(pa.field(column.name, column.type))
        if column.local_date_as:
            fields.append(pa.field(column.local_date_as, DATE))
    return pa.schema(fields)


def _typed(values: list, kind: pa.DataType) -> pa.Array:
    raw = pa.array(values)
    if raw.type == kind:
        return raw
    if pa.types.is_timestamp(kind) and pa.types.is_timestamp(raw.type) and raw.type.tz is None:
        return pc.assume_timezone(raw, "UTC")
    if pa.types.is_timestamp(kind) and pa.types.is_string(raw.type):
        # SQLite keeps moments as UTC text, sometimes with an explicit offset.
        return pc.assume_timezone(pc.cast(pc.replace_substring(raw, "+00:00", ""), pa.timestamp("us")), "UTC")
    if pa.types.is_null(raw.type):
        return pa.nulls(len(values), kind)
    return pc.cast(raw, kind)


def _chunk(table: Table, rows: list[tuple]) -> pa.RecordBatch:
    columns = list(zip(*rows)) if rows else [[] for _ in table.columns]
    arrays = []
    for column, values in zip(table.columns, columns):
        array = _typed(list(values), column.type)
        arrays.append(array)
        if column.local_date_as:
            local = pc.local_timestamp(array.cast(pa.timestamp("us", tz=LOCAL_TIME_ZONE)))
            arrays.append(local.cast(DATE))
    return pa.RecordBatch.from_arrays(arrays, schema=snapshot_schema(table))


def _select(table: Table) -> str:
    from django.apps import apps
    from django.db import connection

    meta = apps.get_model(table.model)._meta
    quote = connection.ops.quote_name
    names = [quote(meta.get_field(c.source).column) for c in table.columns]
    return f"select {', '.join(names)} from {quote(meta.db_table)}"


def table_export(table: Table, path: Path) -> int:
    """Write one table to `path` as Parquet; return its row count."""
    from django.db import connection

    count = 0
    with pq.ParquetWriter(path, snapshot_schema(table)) as writer, connection.cursor() as cursor:
        cursor.execute(_select(table))
        while rows := cursor.fetchmany(CHUNK_ROWS):
            writer.write_batch(_chunk(table, rows))
            count += len(rows)
    return count


def calendar_export(path: Path, closures: frozenset[date]) -> int:
    calendar = working_days_sql_table(CALENDAR_FROM, CALENDAR_TO, closures)
    pq.write_table(calendar, path)
    return calendar.num_rows


def snapshot_write(directory: Path, *, closures: frozenset[date] = frozenset()) -> dict[str, int]:
    """Export every snapshot table and the working-day calendar into `directory`; return row counts."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {table.name: table_export(table, directory / f"{table.name}.parquet") for table in TABLES}
    counts["calendar"] = calendar_export(directory / "calendar.parquet", closures)
    return counts
