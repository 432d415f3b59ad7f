"""Load a CIN census into the safeguarding record, in bulk, for one local authority and year.

Idempotent: a file already loaded as the current return for its LA and year changes nothing.
Replacing: a different file for the same LA and year supersedes the current load. Episodes it
gives exactly as the older return did (compared by a fingerprint of the episode and everything
under it) are left alone; the older load's other referrals (with everything under them) are
removed and the newer return's new or changed episodes created; children are updated in place.
The older ReturnLoad stays, with its file, and the people's and referrals' history tables
(django-simple-history) record each change.
Atomic: the whole load is one transaction; if any part fails the record is as it was.

The mapping from census fields to the record is here and in `export`, and nowhere else.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

import polars as pl
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

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
from sightline.organisations.models import Agency, AgencyKind
from sightline.people.models import Person, PersonDisability
from sightline.returns.cin.loadable import loadable
from sightline.returns.formats import ReturnFile, ReturnNotLoadable
from sightline.returns.models import LoadedRecord, ReturnLoad

BATCH = 2000
_GENDER_TO_SEX = {"1": "M", "2": "F"}
PERSON_FIELDS = ["upn", "former_upn", "upn_unknown", "date_of_birth", "expected_date_of_birth", "sex",
                 "date_of_death", "ethnicity"]


def la_agency(la_code: str) -> Agency:
    agency = Agency.objects.filter(la_code=la_code, kind__in=[AgencyKind.LOCAL_AUTHORITY,
                                                              AgencyKind.CHILDRENS_SERVICES]).first()
    if agency is None:
        raise ReturnNotLoadable(f"No local authority or children's services agency has DfE LA code {la_code}; "
                                f"add it (or correct the code) and load again.")
    return agency


def _yes(col: str) -> pl.Expr:
    return pl.col(col).str.strip_chars().str.to_lowercase().is_in(["true", "1"])


def _chunks(values: list, size: int = 10_000) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _people(t: dict[str, pl.DataFrame]) -> dict[str, int]:
    """Create or update the children; their LA child ID to primary key."""
    ids = t["ChildIdentifiers"].join(t["ChildCharacteristics"].select("LAchildID", "Ethnicity"), on="LAchildID",
                                     how="left")
    ids = ids.with_columns(sex=pl.coalesce(pl.col("Sex"), pl.col("GenderCurrent").replace_strict(
        _GENDER_TO_SEX, default="U", return_dtype=pl.String), pl.lit("U")))
    wanted = ids["LAchildID"].to_list()
    existing = {}
    for chunk in _chunks(wanted):
        existing.update({p.la_child_id: p for p in Person.objects.filter(la_child_id__in=chunk)})
    new, changed, people = [], [], {}
    for row in ids.iter_rows(named=True):
        values = {"upn": row["UPN"] or "", "former_upn": row["FormerUPN"] or "",
                  "upn_unknown": row["UPNunknown"] or "", "date_of_birth": row["PersonBirthDate"],
                  "expected_date_of_birth": row["ExpectedPersonBirthDate"], "sex": row["sex"],
                  "date_of_death": row["PersonDeathDate"], "ethnicity": row["Ethnicity"] or "NOBT"}
        person = existing.get(row["LAchildID"])
        if person is None:
            new.append(Person(la_child_id=row["LAchildID"], forename="", surname="", **values))
            continue
        people[person.la_child_id] = person.pk
        # Only children whose details changed are written (and get a history entry).
        if any(getattr(person, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(person, f, v)
            changed.append(person)
    bulk_create_with_history(new, Person, batch_size=BATCH)
    if changed:
        bulk_update_with_history(changed, Person, PERSON_FIELDS, batch_size=BATCH)
    people.update({p.la_child_id: p.pk for p in new})
    if any(pk is None for pk in people.values()):
        people = dict(Person.objects.filter(la_child_id__in=wanted).values_list("la_child_id", "pk"))
    PersonDisability.objects.filter(person_id__in=list(people.values())).delete()
    disabilities = t["Disabilities"].unique(["LAchildID", "Disability"], maintain_order=True)
    PersonDisability.objects.bulk_create(
        [PersonDisability(person_id=people[c], code=d) for c, d in disabilities.select("LAchildID", "Disability")
         .iter_rows()], batch_size=BATCH)
    return people


_EPISODE_PARTS = ("Assessments", "AssessmentFactorsList", "CINplanDates", "Section47", "ChildProtectionPlans",
                  "Reviews")
_NOT_CONTENT = {"row_id", "line", "CINdetailsID", "AssessmentID", "CPPID"}


def _content(frame: pl.DataFrame) -> pl.Expr:
    cols = sorted(c for c in frame.columns if c not in _NOT_CONTENT)
    return pl.concat_str([pl.col(c).cast(pl.String).fill_null("") for c in cols], separator="\x1f")


def fingerprints(t: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Per episode (CINdetailsID): a hash of its values and of everything under it, and its rank among
    episodes with the same hash (so that two identical episodes are matched one to one).

    Rows under an episode are identified by their content, not by the file's synthetic keys, so the
    same episode written in another order or with other keys has the same fingerprint.
    """
    episodes = t["CINdetails"].select("CINdetailsID", text=_content(t["CINdetails"]))
    parts = []
    for table in _EPISODE_PARTS:
        frame = t[table]
        # Factors and reviews belong to an assessment or plan: prefix them with its content.
        if table == "AssessmentFactorsList":
            owner = t["Assessments"].select("AssessmentID", owner=_content(t["Assessments"]))
            frame = frame.join(owner, on="AssessmentID", how="left")
        elif table == "Reviews":
            owner = t["ChildProtectionPlans"].select("CPPID", owner=_content(t["ChildProtectionPlans"]))
            frame = frame.join(owner, on="CPPID", how="left")
        parts.append(frame.select("CINdetailsID", text=pl.lit(table + ":") + _content(frame)))
    under = (pl.concat(parts).group_by("CINdetailsID").agg(pl.col("text").sort().str.join("\x1e"))
             if parts else pl.DataFrame(schema={"CINdetailsID": pl.Int64, "text": pl.String}))
    # Polars' hash may change between Polars versions; then a reload replaces every episode once,
    # which is correct, only slower.
    whole = episodes.join(under.rename({"text": "under"}), on="CINdetailsID", how="left").select(
        "CINdetailsID", fingerprint=pl.concat_str([pl.col("text"), pl.col("under").fill_null("")], separator="\x1d")
        .hash(seed=4).cast(pl.String))
    return whole.with_columns(rank=pl.col("fingerprint").cum_count().over("fingerprint"))


def _created(model, objs: list, history: bool) -> list[int]:
    if history:
        made = bulk_create_with_history(objs, model, batch_size=BATCH)
    else:
        made = model.objects.bulk_create(objs, batch_size=BATCH)
    return [o.pk for o in made]


def _casework(t: dict[str, pl.DataFrame], people: dict[str, int], agency: Agency) -> list[int]:
    """Create the episodes and everything under them; the new referrals' primary keys."""
    shared = {"owning_agency": agency}
    episodes = t["CINdetails"].with_columns(nfa=_yes("ReferralNFA"))
    referral_pks = _created(Referral, [Referral(
        person_id=people[r["LAchildID"]], referral_date=r["CINreferralDate"], referral_source=r["ReferralSource"],
        primary_need=r["PrimaryNeedCode"] or "", referral_nfa=r["nfa"], closure_date=r["CINclosureDate"],
        reason_for_closure=r["ReasonForClosure"] or "", **shared) for r in episodes.iter_rows(named=True)], True)
    referral = dict(zip(episodes["CINdetailsID"].to_list(), referral_pks))

    assessments = t["Assessments"]
    assessment_pks = _created(Assessment, [Assessment(
        referral_id=referral[r["CINdetailsID"]], start_date=r["AssessmentActualStartDate"],
        internal_review_date=r["AssessmentInternalReviewDate"], authorisation_date=r["AssessmentAuthorisationDate"],
        **shared) for r in assessments.iter_rows(named=True)], True)
    assessment = dict(zip(assessments["AssessmentID"].to_list(), assessment_pks))
    factors = t["AssessmentFactorsList"].unique(["AssessmentID", "AssessmentFactor"], maintain_order=True)
    AssessmentFactor.objects.bulk_create([AssessmentFactor(assessment_id=assessment[a], code=c) for a, c in
                                          factors.select("AssessmentID", "AssessmentFactor").iter_rows()],
                                         batch_size=BATCH)
    CINPlan.objects.bulk_create([CINPlan(referral_id=referral[k], start_date=s, end_date=e, **shared) for k, s, e in
                                 t["CINplanDates"].select("CINdetailsID", "CINPlanStartDate", "CINPlanEndDate")
                                 .iter_rows()], batch_size=BATCH)
    enquiries = t["Section47"].with_columns(not_required=_yes("ICPCnotRequired"))
    enquiry_pks = _created(Section47, [Section47(
        referral_id=referral[r["CINdetailsID"]], start_date=r["S47ActualStartDate"],
        icpc_target_date=r["InitialCPCtarget"], icpc_date=r["DateOfInitialCPC"], icpc_not_required=r["not_required"],
        **shared) for r in enquiries.iter_rows(named=True)], False)
    enquiries = enquiries.with_columns(pk=pl.Series(enquiry_pks, dtype=pl.Int64))
    plans = t["ChildProtectionPlans"]
    plan_pks = _created(ChildProtectionPlan, [ChildProtectionPlan(
        referral_id=referral[r["CINdetailsID"]], person_id=people[r["LAchildID"]], start_date=r["CPPstartDate"],
        end_date=r["CPPendDate"], initial_category=r["InitialCategoryOfAbuse"],
        latest_category=r["LatestCategoryOfAbuse"], number_of_previous_plans=r["NumberOfPreviousCPP"], **shared)
        for r in plans.iter_rows(named=True)], True)
    plan = dict(zip(plans["CPPID"].to_list(), plan_pks))

    # Initial conferences: on the enquiry, or on the episode when the enquiry is not in the return.
    plan_days = plans.select("CINdetailsID", held=pl.col("CPPstartDate"), plan_decided=pl.lit(True)).unique()
    initial = pl.concat([
        enquiries.filter(pl.col("DateOfInitialCPC").is_not_null()).select(
            "CINdetailsID", held=pl.col("DateOfInitialCPC"), section47=pl.col("pk")),
        episodes.filter(pl.col("DateOfInitialCPC").is_not_null()).select(
            "CINdetailsID", held=pl.col("DateOfInitialCPC"), section47=pl.lit(None, pl.Int64)),
    ]).join(plan_days, on=["CINdetailsID", "held"], how="left")
    conferences = [ChildProtectionConference(referral_id=referral[k], section47_id=s, kind=ConferenceKind.INITIAL,
                                             date=d, plan_decided=bool(p), **shared)
                   for k, d, s, p in initial.select("CINdetailsID", "held", "section47", "plan_decided").iter_rows()]
    conferences += [ChildProtectionConference(referral_id=referral[k], plan_id=plan[c], kind=ConferenceKind.REVIEW,
                                              date=d, **shared)
                    for k, c, d in t["Reviews"].select("CINdetailsID", "CPPID", "CPPreviewDate").iter_rows()]
    ChildProtectionConference.objects.bulk_create(conferences, batch_size=BATCH)
    return referral_pks


def cin_load(*, read: ReturnFile, path: Path, la_code: str, year: str, user=None) -> ReturnLoad:
    """Load one CIN census file as the current return for the LA and year."""
    if read.unreadable:
        raise ReturnNotLoadable(f"{read.unreadable} Nothing was loaded.")
    agency = la_agency(la_code)
    scope = {"format": "cin", "la_code": la_code, "collection_year": year}
    current = ReturnLoad.objects.filter(is_current=True, **scope).first()
    if current is not None and current.sha256 == read.sha256:
        return current
    tables, refused = loadable(read.tables, read.problems)
    episodes = fingerprints(tables)
    kept = pl.DataFrame(schema={"CINdetailsID": pl.Int64, "object_id": pl.Int64, "fingerprint": pl.String})
    with transaction.atomic():
        if current is not None:
            earlier = pl.DataFrame(list(LoadedRecord.objects.filter(load=current, model="casework.Referral")
                                        .values_list("object_id", "fingerprint")),
                                   schema={"object_id": pl.Int64, "fingerprint": pl.String}, orient="row")
            earlier = earlier.with_columns(rank=pl.col("fingerprint").cum_count().over("fingerprint"))
            # Episodes the newer return gives unchanged stay as they are; the rest are replaced.
            kept = episodes.join(earlier, on=["fingerprint", "rank"]).select("CINdetailsID", "object_id",
                                                                             "fingerprint")
            gone = earlier.join(kept, on="object_id", how="anti")["object_id"].to_list()
            for chunk in _chunks(gone):
                Referral.objects.filter(pk__in=chunk).delete()
            current.is_current = False
            current.save(update_fields=["is_current"])
        load = ReturnLoad.objects.create(
            file_name=read.name, sha256=read.sha256, source=gzip.compress(Path(path).read_bytes()),
            loaded_by=user if user is not None and user.pk else None, owning_agency=agency,
            loaded_counts={t: f.height for t, f in tables.items() if t != "Header"},
            not_loaded=refused.to_dicts(), **scope)
        if current is not None:
            current.superseded_by = load
            current.save(update_fields=["superseded_by"])
        people = _people(tables)
        new = {name: (frame.join(kept.select("CINdetailsID"), on="CINdetailsID", how="anti")
                      if "CINdetailsID" in frame.columns else frame) for name, frame in tables.items()}
        made = pl.DataFrame({"CINdetailsID": new["CINdetails"]["CINdetailsID"],
                             "object_id": pl.Series(_casework(new, people, agency), dtype=pl.Int64)})
        made = made.join(episodes.select("CINdetailsID", "fingerprint"), on="CINdetailsID")
        LoadedRecord.objects.bulk_create(
            [LoadedRecord(load=load, model="people.Person", object_id=pk) for pk in people.values()]
            + [LoadedRecord(load=load, model="casework.Referral", object_id=pk, fingerprint=fp)
               for pk, fp in pl.concat([kept, made.select(kept.columns)]).select("object_id", "fingerprint")
               .iter_rows()], batch_size=BATCH)
    return load
