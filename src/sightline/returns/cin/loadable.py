"""Which rows of a CIN census can go into the record, and why the others cannot.

A row is left out when reading it failed (an error in the read problems), when it breaks a rule
the record itself enforces (an end before a start, a code too long for its field), or when the
row it belongs to was left out (an episode of a child who was, a review of a plan that was).
Everything here is over whole columns.
"""

from __future__ import annotations

import polars as pl

from sightline.returns.cin.schema import YES_NO

_YES_NO = list(YES_NO)


def _longer(col: str, n: int) -> pl.Expr:
    return pl.col(col).str.len_chars() > n


# (table, fault, reason): a row where `fault` is true cannot be loaded. Nulls count as no fault.
CHECKS = [
    ("ChildIdentifiers", pl.col("LAchildID").is_null(), "it has no LA child ID"),
    ("ChildIdentifiers", _longer("LAchildID", 36), "the LA child ID is longer than 36 characters"),
    ("ChildIdentifiers", pl.col("LAchildID").is_duplicated() & pl.col("LAchildID").is_not_null(),
     "another child in the file has the same LA child ID"),
    ("ChildIdentifiers", _longer("UPN", 13) | _longer("FormerUPN", 13), "a UPN is longer than 13 characters"),
    ("ChildIdentifiers", _longer("UPNunknown", 3), "the UPN unknown reason is not a code"),
    ("ChildIdentifiers", pl.col("PersonDeathDate") < pl.col("PersonBirthDate"), "the child died before birth"),
    ("ChildCharacteristics", _longer("Ethnicity", 4), "the ethnicity is not a code"),
    ("Disabilities", pl.col("Disability").is_null() | _longer("Disability", 4), "the disability is not a code"),
    ("CINdetails", pl.col("CINreferralDate").is_null(), "it has no referral date"),
    ("CINdetails", pl.col("ReferralSource").is_null() | _longer("ReferralSource", 2),
     "the referral source is not a code"),
    ("CINdetails", _longer("PrimaryNeedCode", 2) | _longer("ReasonForClosure", 3), "a code is too long"),
    ("CINdetails", pl.col("CINclosureDate") < pl.col("CINreferralDate"), "it closes before its referral date"),
    ("CINdetails", ~pl.col("ReferralNFA").is_in(_YES_NO) | pl.col("ReferralNFA").is_null(),
     "the no-further-action flag is not 1 or 0"),
    ("Assessments", pl.col("AssessmentActualStartDate").is_null(), "it has no start date"),
    ("Assessments", pl.col("AssessmentAuthorisationDate") < pl.col("AssessmentActualStartDate"),
     "it is authorised before it starts"),
    ("AssessmentFactorsList", pl.col("AssessmentFactor").is_null() | _longer("AssessmentFactor", 3),
     "the factor is not a code"),
    ("CINplanDates", pl.col("CINPlanStartDate").is_null(), "it has no start date"),
    ("CINplanDates", pl.col("CINPlanEndDate") < pl.col("CINPlanStartDate"), "it ends before it starts"),
    ("Section47", pl.col("S47ActualStartDate").is_null(), "it has no start date"),
    ("Section47", pl.col("DateOfInitialCPC") < pl.col("S47ActualStartDate"), "its conference is before its start"),
    ("Section47", ~pl.col("ICPCnotRequired").is_in(_YES_NO), "the conference-not-required flag is not 1 or 0"),
    ("ChildProtectionPlans", pl.col("CPPstartDate").is_null(), "it has no start date"),
    ("ChildProtectionPlans", pl.col("CPPendDate") <= pl.col("CPPstartDate"), "it ends on or before the day it starts"),
    ("ChildProtectionPlans", pl.col("InitialCategoryOfAbuse").is_null() | pl.col("LatestCategoryOfAbuse").is_null()
     | _longer("InitialCategoryOfAbuse", 3) | _longer("LatestCategoryOfAbuse", 3), "a category of abuse is not a code"),
    ("ChildProtectionPlans", pl.col("NumberOfPreviousCPP").is_null() | (pl.col("NumberOfPreviousCPP") > 32767),
     "the number of previous plans is missing or too large"),
    ("Reviews", pl.col("CPPreviewDate").is_null(), "it has no date"),
]

# A row is left out with the row it belongs to: (table, key, parent table).
PARENTS = [
    ("ChildCharacteristics", "LAchildID", "ChildIdentifiers"),
    ("Disabilities", "LAchildID", "ChildIdentifiers"),
    ("CINdetails", "LAchildID", "ChildIdentifiers"),
    ("Assessments", "CINdetailsID", "CINdetails"),
    ("CINplanDates", "CINdetailsID", "CINdetails"),
    ("Section47", "CINdetailsID", "CINdetails"),
    ("ChildProtectionPlans", "CINdetailsID", "CINdetails"),
    ("AssessmentFactorsList", "AssessmentID", "Assessments"),
    ("Reviews", "CPPID", "ChildProtectionPlans"),
]


def loadable(tables: dict[str, pl.DataFrame], problems: pl.DataFrame) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """The tables cut to the rows that can be loaded, and a frame of the rows left out and why."""
    left_out = []
    unread = problems.filter(pl.col("severity") == "error").select("table", row_id=pl.col("row") - 1)
    for table, frame in tables.items():
        bad = unread.filter(pl.col("table") == table).select("row_id")
        left_out.append(frame.join(bad, on="row_id", how="semi").select(
            "row_id", "line", "LAchildID", table=pl.lit(table), reason=pl.lit("a value in it could not be read")))
    for table, fault, reason in CHECKS:
        frame = tables[table]
        left_out.append(frame.filter(fault.fill_null(False)).select(
            "row_id", "line", "LAchildID", table=pl.lit(table), reason=pl.lit(reason)))
    refused = pl.concat(left_out).unique(subset=["table", "row_id"], keep="first", maintain_order=True)
    kept = {t: f.join(refused.filter(pl.col("table") == t).select("row_id"), on="row_id", how="anti")
            for t, f in tables.items()}
    for table, key, parent in PARENTS:
        orphans = kept[table].join(kept[parent].select(key), on=key, how="anti")
        if orphans.height:
            refused = pl.concat([refused, orphans.select("row_id", "line", "LAchildID", table=pl.lit(table),
                                                         reason=pl.lit(f"its {parent} row was not loaded"))])
            kept[table] = kept[table].join(orphans.select("row_id"), on="row_id", how="anti")
    return kept, refused.select("table", pl.col("row_id") + 1, "line", "LAchildID", "reason").rename({"row_id": "row"})
