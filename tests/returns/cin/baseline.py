"""A small valid CIN census return for 2025-26 (1 April 2025 to 31 March 2026) as table rows.

Three children: A1 (a closed episode with an assessment, a section 47 enquiry, an initial
conference, a child protection plan with a review, then a CIN plan), B2 (an open episode with an
assessment under way) and C3 (unborn, a referral with no further action). Between them they use
ten disability codes and B2 has two, so the return-level queries are quiet. Every date in A1's
episode is a weekday and inside the year.
"""

import copy
from datetime import date

import polars as pl

from sightline.returns.cin.format import lookups
from sightline.returns.cin.schema import COLUMNS, DATES, KEYS, NUMBERS
from sightline.returns.engine import Tables

D = date.fromisoformat
START, END = date(2025, 4, 1), date(2026, 3, 31)

BASELINE = {
    "Header": [dict(Collection="CIN", Year="2026", ReferenceDate=D("2026-03-31"), SourceLevel="L", LEA="371",
                    SoftwareCode="Sightline", Release="1", SerialNo="001", DateTime="2026-04-10T09:00:00")],
    "ChildIdentifiers": [
        dict(LAchildID="A1", UPN="B371123456781", PersonBirthDate=D("2015-06-10"), Sex="F"),
        dict(LAchildID="B2", UPN="J371987654321", PersonBirthDate=D("2010-01-15"), Sex="M"),
        dict(LAchildID="C3", UPNunknown="UN7", ExpectedPersonBirthDate=D("2026-06-01"), Sex="U"),
    ],
    "ChildCharacteristics": [dict(LAchildID="A1", Ethnicity="WBRI"), dict(LAchildID="B2", Ethnicity="AIND"),
                             dict(LAchildID="C3", Ethnicity="NOBT")],
    "Disabilities": [dict(LAchildID="A1", Disability=code)
                     for code in ("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS")]
    + [dict(LAchildID="B2", Disability="BEH"), dict(LAchildID="B2", Disability="AUT"),
       dict(LAchildID="C3", Disability="NONE")],
    "CINdetails": [
        dict(LAchildID="A1", CINdetailsID=1, CINreferralDate=D("2025-05-01"), ReferralSource="6", PrimaryNeedCode="N1",
             CINclosureDate=D("2026-02-02"), ReasonForClosure="RC7", ReferralNFA="0"),
        dict(LAchildID="B2", CINdetailsID=2, CINreferralDate=D("2026-01-05"), ReferralSource="2A", PrimaryNeedCode="N2",
             ReferralNFA="0"),
        dict(LAchildID="C3", CINdetailsID=3, CINreferralDate=D("2026-03-10"), ReferralSource="3B", ReferralNFA="1"),
    ],
    "Assessments": [
        dict(LAchildID="A1", CINdetailsID=1, AssessmentID=1, AssessmentActualStartDate=D("2025-05-02"),
             AssessmentAuthorisationDate=D("2025-06-02")),
        dict(LAchildID="B2", CINdetailsID=2, AssessmentID=2, AssessmentActualStartDate=D("2026-03-02")),
    ],
    "AssessmentFactorsList": [dict(LAchildID="A1", CINdetailsID=1, AssessmentID=1, AssessmentFactor="2A"),
                              dict(LAchildID="A1", CINdetailsID=1, AssessmentID=1, AssessmentFactor="3A")],
    "CINplanDates": [dict(LAchildID="A1", CINdetailsID=1, CINPlanStartDate=D("2025-11-03"),
                          CINPlanEndDate=D("2026-02-02"))],
    "Section47": [dict(LAchildID="A1", CINdetailsID=1, S47ActualStartDate=D("2025-05-06"),
                       InitialCPCtarget=D("2025-05-27"), DateOfInitialCPC=D("2025-05-27"), ICPCnotRequired="0")],
    "ChildProtectionPlans": [dict(LAchildID="A1", CINdetailsID=1, CPPID=1, CPPstartDate=D("2025-05-27"),
                                  CPPendDate=D("2025-11-03"), InitialCategoryOfAbuse="NEG",
                                  LatestCategoryOfAbuse="NEG", NumberOfPreviousCPP=0)],
    "Reviews": [dict(LAchildID="A1", CINdetailsID=1, CPPID=1, CPPreviewDate=D("2025-08-20"))],
}


def baseline() -> dict[str, list[dict]]:
    return copy.deepcopy(BASELINE)


def frames(rows: dict[str, list[dict]]) -> dict[str, pl.DataFrame]:
    out = {}
    for table, columns in COLUMNS.items():
        schema = {"row_id": pl.Int64, "line": pl.Int64, "LAchildID": pl.String}
        schema.update({c: pl.Date if c in DATES else pl.Int64 if c in KEYS | NUMBERS else pl.String for c in columns})
        data = [{"row_id": i, "line": i + 1, **{c: r.get(c) for c in schema if c not in ("row_id", "line")}}
                for i, r in enumerate(rows.get(table, []))]
        out[table] = pl.DataFrame(data, schema=schema, orient="row")
    return out


def tables(rows: dict[str, list[dict]]) -> Tables:
    return Tables(frames(rows), start=START, end=END, lookups=lookups())
