"""Load a generated partnership into the record in bulk: COPY on PostgreSQL, executemany on SQLite.

Rows go straight into the tables, set-based, one statement stream per table inside one
transaction. Ids from the generator are shifted past the ids already in each table, so a
partnership can be loaded beside the demo users and anything else already there. Change
history (django-simple-history) starts from the load: the generated past is not replayed
through it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timezone

import polars as pl
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction

from sightline.frontdoor.models import LevelOfNeedDescriptor, ThresholdDocument
from sightline.organisations.models import Agency, Team, User
from sightline.people.models import Person
from sightline.synth.organisations import partner_codes
from sightline.synth.partnership import Tables
from sightline.synth.profile import DONCASTER, profile_for

# Parents before children, as the foreign keys need.
LOAD_ORDER = [
    "people_person", "people_household", "people_householdmember", "people_address", "people_relationship",
    "frontdoor_contact", "frontdoor_contactperson", "frontdoor_contactconcern",
    "casework_referral", "casework_earlyhelpepisode", "frontdoor_decision", "frontdoor_decision_referrals",
    "frontdoor_decision_early_help_episodes", "casework_assessment", "casework_cinplan",
    "casework_strategydiscussion", "casework_strategydiscussion_agencies", "casework_section47",
    "casework_childprotectionplan", "casework_childprotectionconference", "casework_conferenceattendance",
    "care_placement", "care_lookedafterepisode", "care_lookedafterreview", "care_missingepisode", "care_careleaver",
    "panels_domesticabuseincident", "panels_domesticabuseincidentchild", "panels_domesticabusereferral",
    "panels_operationencompassnotification", "agencyfeeds_schoolattendance", "agencyfeeds_healthpresentation",
    "panels_panel", "panels_panelmeeting", "panels_panelcase", "panels_panelcasereview", "panels_panelaction",
    "assurance_seriousincident", "assurance_rapidreview", "assurance_casereview", "assurance_ladoallegation",
    "assurance_trainingcourse", "assurance_trainingsession", "assurance_trainingattendance",
    "assurance_multiagencyaudit", "assurance_auditcase", "assurance_auditagencygrading", "assurance_learningaction",
]


def already_loaded(la_code: int) -> bool:
    return Person.objects.filter(la_child_id__startswith=f"SYN{la_code:03d}-").exists()


def _models_by_table() -> dict[str, type[models.Model]]:
    return {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}


def _agencies(tables: Tables, la_code: int) -> dict[str, int]:
    if la_code == DONCASTER:
        from sightline.organisations.demo import demo_agencies_ensure

        demo_agencies_ensure()
    frame = tables["organisations_agency"]
    existing = set(Agency.objects.filter(code__in=frame["code"].to_list()).values_list("code", flat=True))
    Agency.objects.bulk_create([Agency(**row) for row in frame.filter(~pl.col("code").is_in(existing)).to_dicts()])
    return dict(Agency.objects.filter(code__in=frame["code"].to_list()).values_list("code", "id"))


def _staff(tables: Tables, agency_ids: dict[str, int]) -> None:
    teams = {}
    for row in tables["organisations_team"].iter_rows(named=True):
        teams[(row["agency_code"], row["name"])], _ = Team.objects.get_or_create(
            agency_id=agency_ids[row["agency_code"]], name=row["name"], defaults={"kind": row["kind"]})
    users = tables["organisations_user"]
    existing = set(User.objects.filter(username__in=users["username"].to_list()).values_list("username", flat=True))
    User.objects.bulk_create([
        User(username=u["username"], first_name=u["first_name"], last_name=u["last_name"], role=u["role"],
             agency_id=agency_ids[u["agency_code"]], team=teams[(u["agency_code"], u["team_name"])],
             password="!")  # an unusable password: synthetic staff never sign in
        for u in users.filter(~pl.col("username").is_in(existing)).to_dicts()], batch_size=1000)


def partnership_load(tables: Tables, *, la_code: int) -> dict[str, int]:
    """Insert every record table; returns rows loaded per table (empty if already loaded)."""
    if already_loaded(la_code):
        return {}
    by_table = _models_by_table()
    # Records without an owner of their own belong to the local authority, as when its returns are loaded
    # (sightline.returns: the agency with the DfE LA code).
    owner = partner_codes(profile_for(la_code))["council"]
    loaded = {}
    with transaction.atomic():
        agency_ids = _agencies(tables, la_code)
        _staff(tables, agency_ids)
        ids = _lookups(agency_ids, owner)
        offsets: dict[str, int] = {}
        for name in LOAD_ORDER:
            model = by_table[name]
            frame = tables[name]
            if "id" in frame.columns:
                offsets[name] = model.objects.aggregate(m=models.Max("id"))["m"] or 0
            if "owning_agency_code" not in frame.columns:
                frame = frame.with_columns(pl.lit(owner).alias("owning_agency_code"))
            frame = _prepare(frame, model, offsets, ids)
            _insert(model._meta.db_table, frame)
            loaded[name] = frame.height
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [by_table[n] for n in LOAD_ORDER]):
                    cursor.execute(sql)
    return loaded


@dataclass
class Lookups:
    """Ids the generated tables refer to by name: agencies by code, staff by username, and so on."""

    agencies: dict[str, int]
    users: dict[str, int]
    teams: dict[str, int]
    descriptors: dict[int, int]
    threshold_version: str


def _lookups(agency_ids: dict[str, int], owner: str) -> Lookups:
    document = ThresholdDocument.objects.order_by("-effective_from").first()
    descriptors = dict(LevelOfNeedDescriptor.objects.filter(document=document).values_list("level", "id"))
    return Lookups(agency_ids, dict(User.objects.filter(username__startswith="syn").values_list("username", "id")),
                   dict(Team.objects.filter(agency_id=agency_ids[owner]).values_list("name", "id")), descriptors,
                   document.version if document else "")


def _named(frame: pl.DataFrame, column: str, ids: Lookups) -> pl.Expr | None:
    """The expression giving a foreign key the generated table names rather than numbers."""
    stem = column[:-3]
    for suffix, mapping in (("_code", ids.agencies), ("_username", ids.users), ("_name", ids.teams),
                            ("_level", ids.descriptors)):
        if f"{stem}{suffix}" in frame.columns:
            source = pl.col(f"{stem}{suffix}")
            source = source.cast(pl.Int64) if suffix == "_level" else source.cast(pl.String)
            return source.replace_strict(mapping, default=None, return_dtype=pl.Int64)
    return None


def _prepare(frame: pl.DataFrame, model, offsets: dict[str, int], ids: Lookups) -> pl.DataFrame:
    now = datetime.now(timezone.utc)
    if "descriptor_level" in frame.columns:
        frame = frame.with_columns(pl.lit(ids.threshold_version).alias("threshold_version"))
    columns = []
    for field in model._meta.concrete_fields:
        if field.generated:  # computed by the database (e.g. persistent absence)
            continue
        column = field.column
        named = _named(frame, column, ids) if column.endswith("_id") else None
        if column in frame.columns:
            expr = pl.col(column)
        elif named is not None:
            expr = named
        elif field.primary_key:
            continue
        elif getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
            expr = pl.lit(now)
        elif field.has_default():
            expr = pl.lit(field.get_default())
        elif field.null:
            expr = pl.lit(None)
        else:
            expr = pl.lit("")
        if field.is_relation and column in frame.columns:
            expr = expr + offsets.get(field.related_model._meta.db_table, 0)
        if field.primary_key:
            expr = expr + offsets[model._meta.db_table]
        columns.append(expr.alias(column))
    return frame.select(columns)


def _insert(table: str, frame: pl.DataFrame) -> None:
    if frame.is_empty():
        return
    names = ", ".join(connection.ops.quote_name(c) for c in frame.columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buffer = io.BytesIO()
            frame.write_csv(buffer, include_header=False, null_value="\\N", datetime_format="%Y-%m-%dT%H:%M:%S%z")
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN "
                                    "WITH (FORMAT csv, NULL '\\N')") as copy:
                copy.write(buffer.getvalue())
        else:
            text = frame.with_columns(
                [pl.col(c).dt.strftime("%Y-%m-%d %H:%M:%S") for c, t in frame.schema.items()
                 if isinstance(t, pl.Datetime)]
                + [pl.col(c).cast(pl.String) for c, t in frame.schema.items() if t == pl.Date])
            placeholders = ", ".join(["%s"] * len(frame.columns))
            cursor.executemany(f"INSERT INTO {connection.ops.quote_name(table)} ({names}) VALUES ({placeholders})",
                               text.iter_rows())
