"""The CIN census tables of one local authority and collection year, taken from the record.

The reverse of `loader`: the same field mapping, read set-based (one query per table).
Episodes in the return are those open at any time in the year: referred on or before its last
day and not closed before its first (a no-further-action referral with no closure date belongs to
the year it was made in).
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
from django.db.models import Q

from sightline.casework.models import (
    Assessment,
    AssessmentFactor,
    ChildProtectionConference,
    ChildProtectionPlan,
    CINPlan,
    ConferenceKind,
    Referral,
    Section47,
)
from sightline.people.models import Person, PersonDisability
from sightline.returns.cin.format import period
from sightline.returns.cin.loader import la_agency
from sightline.returns.cin.schema import COLUMNS, DATES, KEYS, NUMBERS
from sightline.returns.cin.writer import write_cin


_FLAGS = ("ReferralNFA", "ICPCnotRequired")


def _frame(queryset, columns: dict[str, str], table: str) -> pl.DataFrame:
    """The queryset's values renamed to the census columns, with every column of the table."""
    rows = list(queryset.values_list(*columns.values()))
    schema = {c: pl.Date if c in DATES else pl.Int64 if c in KEYS | NUMBERS else pl.Boolean if c in _FLAGS
              else pl.String for c in columns}
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    missing = [c for c in COLUMNS[table] if c not in frame.columns]
    return frame.with_columns([pl.lit(None, pl.String).alias(c) for c in missing])


def _yes_no(col: str) -> pl.Expr:
    return pl.when(pl.col(col)).then(pl.lit("1")).otherwise(pl.lit("0")).alias(col)


def _blank_as_null(*cols: str) -> list[pl.Expr]:
    return [pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c) for c in cols]


def cin_tables(*, la_code: str, year: str) -> dict[str, pl.DataFrame]:
    start, end = period(year)
    agency = la_agency(la_code)
    referrals = Referral.objects.filter(owning_agency=agency, referral_date__lte=end).filter(
        Q(closure_date__gte=start) | Q(closure_date__isnull=True, referral_nfa=False)
        | Q(closure_date__isnull=True, referral_date__gte=start))
    t = {}
    t["CINdetails"] = _frame(referrals, {
        "LAchildID": "person__la_child_id", "CINdetailsID": "pk", "CINreferralDate": "referral_date",
        "ReferralSource": "referral_source", "PrimaryNeedCode": "primary_need", "CINclosureDate": "closure_date",
        "ReasonForClosure": "reason_for_closure", "ReferralNFA": "referral_nfa"}, "CINdetails")
    episode_conferences = _frame(ChildProtectionConference.objects.filter(
        referral__in=referrals, kind=ConferenceKind.INITIAL, section47__isnull=True),
        {"CINdetailsID": "referral_id", "DateOfInitialCPC": "date"}, "CINdetails").select(
        "CINdetailsID", "DateOfInitialCPC").group_by("CINdetailsID").agg(pl.col("DateOfInitialCPC").min())
    t["CINdetails"] = t["CINdetails"].drop("DateOfInitialCPC").join(episode_conferences, on="CINdetailsID",
                                                                   how="left").with_columns(
        _yes_no("ReferralNFA"), *_blank_as_null("PrimaryNeedCode", "ReasonForClosure"))
    people = Person.objects.filter(pk__in=referrals.values("person_id"))
    t["ChildIdentifiers"] = _frame(people, {
        "LAchildID": "la_child_id", "UPN": "upn", "FormerUPN": "former_upn", "UPNunknown": "upn_unknown",
        "PersonBirthDate": "date_of_birth", "ExpectedPersonBirthDate": "expected_date_of_birth", "Sex": "sex",
        "PersonDeathDate": "date_of_death"}, "ChildIdentifiers").with_columns(
        *_blank_as_null("UPN", "FormerUPN", "UPNunknown"))
    t["ChildCharacteristics"] = _frame(people, {"LAchildID": "la_child_id", "Ethnicity": "ethnicity"},
                                       "ChildCharacteristics")
    t["Disabilities"] = _frame(PersonDisability.objects.filter(person__in=people),
                               {"LAchildID": "person__la_child_id", "Disability": "code"}, "Disabilities")
    t["Assessments"] = _frame(Assessment.objects.filter(referral__in=referrals), {
        "LAchildID": "referral__person__la_child_id", "CINdetailsID": "referral_id", "AssessmentID": "pk",
        "AssessmentActualStartDate": "start_date", "AssessmentInternalReviewDate": "internal_review_date",
        "AssessmentAuthorisationDate": "authorisation_date"}, "Assessments")
    t["AssessmentFactorsList"] = _frame(AssessmentFactor.objects.filter(assessment__referral__in=referrals), {
        "LAchildID": "assessment__referral__person__la_child_id", "CINdetailsID": "assessment__referral_id",
        "AssessmentID": "assessment_id", "AssessmentFactor": "code"}, "AssessmentFactorsList")
    t["CINplanDates"] = _frame(CINPlan.objects.filter(referral__in=referrals), {
        "LAchildID": "referral__person__la_child_id", "CINdetailsID": "referral_id",
        "CINPlanStartDate": "start_date", "CINPlanEndDate": "end_date"}, "CINplanDates")
    t["Section47"] = _frame(Section47.objects.filter(referral__in=referrals), {
        "LAchildID": "referral__person__la_child_id", "CINdetailsID": "referral_id",
        "S47ActualStartDate": "start_date", "InitialCPCtarget": "icpc_target_date",
        "DateOfInitialCPC": "icpc_date", "ICPCnotRequired": "icpc_not_required"}, "Section47").with_columns(
        _yes_no("ICPCnotRequired"))
    t["ChildProtectionPlans"] = _frame(ChildProtectionPlan.objects.filter(referral__in=referrals), {
        "LAchildID": "person__la_child_id", "CINdetailsID": "referral_id", "CPPID": "pk",
        "CPPstartDate": "start_date", "CPPendDate": "end_date", "InitialCategoryOfAbuse": "initial_category",
        "LatestCategoryOfAbuse": "latest_category", "NumberOfPreviousCPP": "number_of_previous_plans"},
        "ChildProtectionPlans")
    t["Reviews"] = _frame(ChildProtectionConference.objects.filter(
        referral__in=referrals, kind=ConferenceKind.REVIEW, plan__isnull=False), {
        "LAchildID": "referral__person__la_child_id", "CINdetailsID": "referral_id", "CPPID": "plan_id",
        "CPPreviewDate": "date"}, "Reviews")
    t["Header"] = pl.DataFrame([{"Collection": "CIN", "Year": str(end.year), "ReferenceDate": end,
                                 "SourceLevel": "L", "LEA": la_code, "SoftwareCode": "Sightline"}],
                               schema={"Collection": pl.String, "Year": pl.String, "ReferenceDate": pl.Date,
                                       "SourceLevel": pl.String, "LEA": pl.String, "SoftwareCode": pl.String})
    return {name: t[name] for name in COLUMNS}


def cin_export(*, la_code: str, year: str, out: Path) -> Path:
    """Write the LA's CIN census for the year into the folder `out`; the file's path."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"CIN_census_{la_code}_{year}.xml"
    write_cin(cin_tables(la_code=la_code, year=year), path)
    return path

