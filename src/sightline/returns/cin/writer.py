"""Write CIN census XML from the tables (the same tables the reader makes).

Streamed with lxml's incremental writer, one Child at a time, in the element order of the DfE
schema, so that the file validates against CIN_schema_2025/2026.xsd (2024 for GenderCurrent).
`sightline.returns.cin.export` builds the tables from the record.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import polars as pl
from lxml import etree

CHILD_IDENTIFIERS = ("LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
                     "GenderCurrent", "Sex", "PersonDeathDate")
CIN_DETAILS_HEAD = ("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure",
                    "DateOfInitialCPC")
ASSESSMENT = ("AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate")
CIN_PLAN = ("CINPlanStartDate", "CINPlanEndDate")
SECTION47 = ("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired")
CPP = ("CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP")


_YES_NO = {"true": "1", "1": "1", "false": "0", "0": "0"}


def _text(name: str, value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if name in ("ReferralNFA", "ICPCnotRequired"):
        # The schema takes 1 and 0; the reader also accepts true and false.
        return _YES_NO.get(str(value).strip().lower(), str(value))
    return str(value)


def _element(xf, name: str):
    # One element per line, so that a report on a file we wrote can name a useful line.
    xf.write("\n")
    return xf.element(name)


def _leaves(xf, row: dict, names) -> None:
    for name in names:
        value = row.get(name)
        if value is not None:
            with _element(xf, name):
                xf.write(_text(name, value))


def _grouped(frame: pl.DataFrame, key: str, order: list[str]) -> dict:
    groups = defaultdict(list)
    for row in frame.sort(order, nulls_last=True).iter_rows(named=True):
        groups[row[key]].append(row)
    return groups


def write_cin(tables: dict[str, pl.DataFrame], out: Path) -> None:
    """Write the tables as one CIN census XML file."""
    header = tables["Header"].row(0, named=True) if tables["Header"].height else {}
    details = _grouped(tables["CINdetails"], "LAchildID", ["LAchildID", "CINreferralDate", "CINdetailsID"])
    assessments = _grouped(tables["Assessments"], "CINdetailsID", ["AssessmentActualStartDate", "AssessmentID"])
    factors = _grouped(tables["AssessmentFactorsList"], "AssessmentID", ["AssessmentFactor"])
    plans = _grouped(tables["CINplanDates"], "CINdetailsID", ["CINPlanStartDate"])
    enquiries = _grouped(tables["Section47"], "CINdetailsID", ["S47ActualStartDate"])
    cpps = _grouped(tables["ChildProtectionPlans"], "CINdetailsID", ["CPPstartDate", "CPPID"])
    reviews = _grouped(tables["Reviews"], "CPPID", ["CPPreviewDate"])
    ethnicity = dict(tables["ChildCharacteristics"].select("LAchildID", "Ethnicity").iter_rows())
    disabilities = _grouped(tables["Disabilities"], "LAchildID", ["Disability"])
    with etree.xmlfile(str(out), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            with _element(xf, "Header"):
                with _element(xf, "CollectionDetails"):
                    _leaves(xf, header, ("Collection", "Year", "ReferenceDate"))
                with _element(xf, "Source"):
                    _leaves(xf, header, ("SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime"))
            with _element(xf, "Children"):
                for child in tables["ChildIdentifiers"].sort("LAchildID").iter_rows(named=True):
                    la_child_id = child["LAchildID"]
                    with _element(xf, "Child"):
                        with _element(xf, "ChildIdentifiers"):
                            _leaves(xf, child, CHILD_IDENTIFIERS)
                        with _element(xf, "ChildCharacteristics"):
                            _leaves(xf, {"Ethnicity": ethnicity.get(la_child_id)}, ("Ethnicity",))
                            if disabilities.get(la_child_id):
                                with _element(xf, "Disabilities"):
                                    for d in disabilities[la_child_id]:
                                        _leaves(xf, d, ("Disability",))
                        for episode in details.get(la_child_id, ()):
                            _write_episode(xf, episode, assessments, factors, plans, enquiries, cpps, reviews)


def _write_episode(xf, episode, assessments, factors, plans, enquiries, cpps, reviews) -> None:
    key = episode["CINdetailsID"]
    with _element(xf, "CINdetails"):
        _leaves(xf, episode, CIN_DETAILS_HEAD)
        for a in assessments.get(key, ()):
            with _element(xf, "Assessments"):
                _leaves(xf, a, ASSESSMENT)
                if factors.get(a["AssessmentID"]):
                    with _element(xf, "FactorsIdentifiedAtAssessment"):
                        for f in factors[a["AssessmentID"]]:
                            with _element(xf, "AssessmentFactors"):
                                xf.write(f["AssessmentFactor"])
        for p in plans.get(key, ()):
            with _element(xf, "CINPlanDates"):
                _leaves(xf, p, CIN_PLAN)
        for s in enquiries.get(key, ()):
            with _element(xf, "Section47"):
                _leaves(xf, s, SECTION47)
        _leaves(xf, episode, ("ReferralNFA",))
        for cpp in cpps.get(key, ()):
            with _element(xf, "ChildProtectionPlans"):
                _leaves(xf, cpp, CPP)
                if reviews.get(cpp["CPPID"]):
                    with _element(xf, "Reviews"):
                        for r in reviews[cpp["CPPID"]]:
                            _leaves(xf, r, ("CPPreviewDate",))
