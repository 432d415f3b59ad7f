"""The Annex A lists drawn from the record for an inspection period, as frames with the template's headings.

Ages are in whole years on the last day of the period. Lists 10 and 11 (adoption and adopters),
and the columns the record does not hold (allocated team and worker, disability answers, visits),
are written with their headings and left blank.
"""

import datetime as dt

import polars as pl
from django.conf import settings
from django.db import models
from django.db.models import Q

from sightline.care.models import CareLeaver, LookedAfterEpisode, LookedAfterReview, MissingEpisode
from sightline.casework.models import Assessment, ChildProtectionPlan, EarlyHelpEpisode, Referral, Section47
from sightline.frontdoor.models import ContactPerson
from sightline.people.models import Person
from sightline.returns.annexa.options import ETHNICITY, GENDER, SOURCE, YES_NO
from sightline.returns.annexa.spec import LISTS
from sightline.returns.ssda903.mapping import frame_of

CHUNK = 900
PLACEMENT_STARTS = ["S", "P", "T", "B", "U"]


def _dtype(model, path: str):
    """The polars type of an ORM path such as "referral__person_id"."""
    *hops, last = path.split("__")
    for hop in hops:
        model = model._meta.get_field(hop).related_model
    kind = model._meta.get_field(last)
    if isinstance(kind, models.DateTimeField):
        return pl.Datetime("us", "UTC")
    if isinstance(kind, models.DateField):
        return pl.Date
    if isinstance(kind, models.BooleanField):
        return pl.Boolean
    if isinstance(kind, (models.ForeignKey, models.IntegerField, models.AutoField)):
        return pl.Int64
    return pl.Utf8


def _frame(queryset, columns: dict) -> pl.DataFrame:
    """Query `columns` (ORM path -> name) into a typed frame."""
    schema = {name: _dtype(queryset.model, path) for path, name in columns.items()}
    return frame_of(list(queryset.values_list(*columns)), schema)


def _common(person_ids: list[int], end: dt.date) -> pl.DataFrame:
    rows = [r for i in range(0, len(person_ids), CHUNK) for r in Person.objects.filter(
        pk__in=person_ids[i:i + CHUNK]).values_list("id", "la_child_id", "sex", "ethnicity", "date_of_birth")]
    people = frame_of(rows, {"person_id": pl.Int64, "la_child_id": pl.Utf8, "sex": pl.Utf8, "ethnicity": pl.Utf8,
                             "dob": pl.Date})
    before_birthday = (pl.lit(end).dt.strftime("%m%d") < pl.col("dob").dt.strftime("%m%d")).cast(pl.Int64)
    return people.select(
        "person_id",
        pl.when(pl.col("la_child_id") != "").then("la_child_id")
        .otherwise(pl.lit("P") + pl.col("person_id").cast(pl.Utf8)).alias("Child Unique ID"),
        pl.col("sex").replace_strict(GENDER, default=None).alias("Gender"),
        pl.col("ethnicity").replace_strict(ETHNICITY, default=None).alias("Ethnicity"),
        pl.col("dob").alias("Date of Birth"),
        (pl.lit(end.year) - pl.col("dob").dt.year() - before_birthday).alias("Age of Child (Years)"))


def _finish(number: int, frame: pl.DataFrame, end: dt.date) -> pl.DataFrame:
    """Add the common columns, fill the list's other headings with blanks and put them in template order."""
    people = _common(frame["person_id"].unique().to_list(), end)
    frame = frame.join(people, on="person_id", how="left")
    columns = LISTS[number][1]
    kinds = {"date": pl.Date, "int": pl.Int64, "text": pl.Utf8}
    # The record's blank text is an empty cell in the workbook.
    blank = {"text": lambda c: c.replace("", None)}
    return frame.select([blank.get(kind, lambda c: c)(pl.col(name).cast(kinds[kind])) if name in frame.columns
                         else pl.lit(None, kinds[kind]).alias(name) for name, kind in columns]).sort(
        ["Child Unique ID", *[n for n, k in columns if k == "date"][1:2]], nulls_last=True)


def _yes_no(column: str) -> pl.Expr:
    return pl.col(column).replace_strict(YES_NO, default=None, return_dtype=pl.Utf8)


def _in_last_year(frame: pl.DataFrame, date: str, end: dt.date, name: str) -> pl.DataFrame:
    """Per person, how many `date`s fall in the 12 months up to `end`."""
    # 29 February has no twin a year earlier; 28 February stands in.
    year_before = dt.date(end.year - 1, end.month, 28 if (end.month, end.day) == (2, 29) else end.day)
    return (frame.filter(pl.col(date).is_between(year_before, end, closed="right"))
            .group_by("person_id").agg(pl.len().cast(pl.Int64).alias(name)))


def _open_between(start: dt.date, end: dt.date, first: str, last: str) -> Q:
    return Q(**{f"{first}__lte": end}) & (Q(**{f"{last}__isnull": True}) | Q(**{f"{last}__gte": start}))


def list_1(start, end):
    contacts = _frame(ContactPerson.objects.filter(is_subject=True, contact__received_at__date__range=(start, end)),
                      {"person_id": "person_id", "contact__received_at": "received",
                       "contact__referral_source": "source"})
    local = pl.col("received").dt.convert_time_zone(settings.TIME_ZONE).dt.date()
    return contacts.select("person_id", local.alias("Date of Contact"),
                           pl.col("source").replace_strict(SOURCE, default=pl.col("source")).alias("Contact Source"))


def list_2(start, end):
    help_ = _frame(EarlyHelpEpisode.objects.filter(_open_between(start, end, "start_date", "end_date")),
                   {"person_id": "person_id", "start_date": "Assessment start date",
                    "end_date": "Assessment completion date",
                    "lead_agency__name": "Organisation completing assessment"})
    return help_


def list_3(start, end):
    referrals = _frame(Referral.objects.filter(referral_date__lte=end),
                       {"person_id": "person_id", "referral_date": "referral_date", "referral_source": "source",
                        "referral_nfa": "nfa"})
    counts = _in_last_year(referrals, "referral_date", end, "Number of Referrals in Last 12 Months")
    return referrals.filter(pl.col("referral_date") >= start).join(counts, on="person_id", how="left").select(
        "person_id", "Number of Referrals in Last 12 Months", pl.col("referral_date").alias("Date of referral"),
        pl.col("source").replace_strict(SOURCE, default=pl.col("source")).alias("Referral Source"),
        _yes_no("nfa").alias("Referral NFA?"))


def list_4(start, end):
    return _frame(Assessment.objects.filter(_open_between(start, end, "start_date", "authorisation_date")),
                  {"referral__person_id": "person_id", "start_date": "Continuous Assessment Start Date",
                   "authorisation_date": "Continuous Assessment Date of Authorisation"})


def list_5(start, end):
    enquiries = _frame(Section47.objects.filter(start_date__lte=end),
                       {"referral__person_id": "person_id", "start_date": "start_date",
                        "icpc_not_required": "not_required",
                        "icpc_date": "icpc_date"})
    s47s = _in_last_year(enquiries, "start_date", end, "Number of Section 47 Enquiries in the last 12 months")
    icpcs = _in_last_year(enquiries, "icpc_date", end, "Number of ICPCs in the last 12 months")
    return (enquiries.filter(pl.col("start_date") >= start).join(s47s, on="person_id", how="left")
            .join(icpcs, on="person_id", how="left").with_columns(
                pl.col("Number of ICPCs in the last 12 months").fill_null(0))
            .rename({"start_date": "Strategy discussion initiating Section 47 Enquiry Start Date",
                     "icpc_date": "Date of Initial Child Protection Conference"})
            .with_columns(_yes_no("not_required").alias(
                "Was an Initial Child Protection Conference deemed unnecessary?")))


def list_6(start, end):
    episodes = _frame(Referral.objects.filter(_open_between(start, end, "referral_date", "closure_date")),
                      {"person_id": "person_id", "referral_date": "CIN Start Date", "primary_need": "Primary Need Code",
                       "closure_date": "CIN Closure Date", "reason_for_closure": "Reason for Closure"})
    return episodes.with_columns(pl.when(pl.col("CIN Closure Date").is_null() | (pl.col("CIN Closure Date") > end))
                                 .then(pl.lit("Open")).otherwise(pl.lit("Closed")).alias("Case Status"))


def list_7(start, end):
    return _frame(ChildProtectionPlan.objects.filter(_open_between(start, end, "start_date", "end_date")),
                  {"person_id": "person_id", "start_date": "Child Protection Plan Start Date",
                   "initial_category": "Initial Category of Abuse", "latest_category": "Latest Category of Abuse",
                   "end_date": "Child Protection Plan End Date",
                   "number_of_previous_plans": "Number of Previous Child Protection Plans"})


def list_8(start, end):
    """One row per child looked after in the period, described by their latest episode."""
    columns = {"person_id": "person_id", "start_date": "start_date", "end_date": "end_date",
               "reason_new_episode": "rne", "legal_status": "Child's Legal Status",
               "category_of_need": "Child's Category of Need", "placement_type": "Placement Type",
               "placement_provider": "Placement Provider", "placement_postcode": "Placement postcode",
               "urn": "URN of Placement", "reason_ceased": "rec"}
    episodes = _frame(LookedAfterEpisode.objects.filter(start_date__lte=end), columns).sort("person_id", "start_date")
    in_period = episodes.filter(pl.col("end_date").is_null() | (pl.col("end_date") >= start))
    latest = in_period.group_by("person_id", maintain_order=True).last()
    periods = episodes.filter(pl.col("rne") == "S").group_by("person_id").agg(
        pl.col("start_date").max().alias("Date Started to be Looked After"))
    placements = episodes.filter(pl.col("rne").is_in(PLACEMENT_STARTS))
    last_move = placements.group_by("person_id").agg(pl.col("start_date").max().alias(
        "Start Date of Most Recent Placement"))
    moves = _in_last_year(placements, "start_date", end, "Number of Placements in the Last 12 months")
    reviews = _frame(LookedAfterReview.objects.filter(date__lte=end), {"person_id": "person_id", "date": "date"})
    latest_review = reviews.group_by("person_id").agg(pl.col("date").max().alias("Date of Latest Statutory Review"))
    missing = _frame(MissingEpisode.objects.filter(start_date__lte=end),
                     {"person_id": "person_id", "kind": "kind", "start_date": "start_date",
                      "return_interview_offered": "offered", "return_interview_accepted": "accepted"})
    away = [_in_last_year(missing.filter(pl.col("kind") == kind), "start_date", end, name)
            for kind, name in (("M", "Number of Episodes 'Missing' in last 12 months"),
                               ("A", "Number of Episodes 'Absent' in last 12 months"))]
    last_missing = missing.sort("start_date").group_by("person_id").last().select(
        "person_id",
        _yes_no("offered").alias("Was the child offered a Return Interview after their last missing episode (Y/N)?"),
        _yes_no("accepted").alias("Did the child accept a Return Interview after their last missing episode "
                                     "(Y/N)?"))
    frame = latest
    for extra in (periods, last_move, moves, latest_review, *away, last_missing):
        frame = frame.join(extra, on="person_id", how="left")
    ceased = pl.col("end_date").is_not_null() & (pl.col("rec") != "X1") & (pl.col("end_date") <= end)
    return frame.with_columns(
        pl.when(ceased).then("end_date").alias("Date Ceased to be Looked After"),
        pl.when(ceased).then("rec").alias("Reason Ceased to be Looked After"),
        *[pl.col(n).fill_null(0) for n in ("Number of Placements in the Last 12 months",
                                           "Number of Episodes 'Missing' in last 12 months",
                                           "Number of Episodes 'Absent' in last 12 months")])


def list_9(start, end):
    return _frame(CareLeaver.objects.filter(year_ending__range=(start, end)),
                  {"person_id": "person_id", "in_touch": "LA in Touch", "accommodation": "Type of Accommodation",
                   "activity": "Activity Status"})


BUILDERS = {1: list_1, 2: list_2, 3: list_3, 4: list_4, 5: list_5, 6: list_6, 7: list_7, 8: list_8, 9: list_9}


def annex_a_lists(*, start: dt.date, end: dt.date) -> dict[int, pl.DataFrame]:
    """Lists 1 to 11 for the period `start` to `end` (both included), whole-authority (for the inspectors)."""
    lists = {number: _finish(number, build(start, end), end) for number, build in BUILDERS.items()}
    kinds = {"date": pl.Date, "int": pl.Int64, "text": pl.Utf8}
    for number in (10, 11):
        lists[number] = pl.DataFrame(schema={name: kinds[kind] for name, kind in LISTS[number][1]})
    return dict(sorted(lists.items()))
