"""Every CIN census rule of 2025-26, pinned: silent on the valid baseline return, firing on a one-change fault.

Each entry changes the baseline (see baseline.py) in one way that the rule exists to catch; the
comment says why the rule must fire, with the dates worked by hand.
"""

from datetime import date

import pytest

from sightline.returns.cin.packs import CIN_2025_26
from sightline.returns.engine import validate
from sightline.returns.engine.rules import RulePack
from tests.returns.cin.baseline import baseline, tables

D = date.fromisoformat
A, B, C = 0, 1, 2  # children A1, B2, C3 and their episodes (CINdetails 1, 2, 3)


def child(b, i):
    return b["ChildIdentifiers"][i]


def episode(b, i):
    return b["CINdetails"][i]


def add(b, table, **row):
    b[table].append(row)


def set_(row, **values):
    row.update(values)


def only(b, table, rows):
    b[table] = rows


FAULTS = {
    "100": lambda b: set_(b["Header"][0], ReferenceDate=D("2025-03-31")),  # last year's reference date
    "1103": lambda b: set_(b["Assessments"][A], AssessmentActualStartDate=D("2025-04-30")),  # referral 1 May
    "1104": lambda b: set_(b["Section47"][0], DateOfInitialCPC=D("2025-04-29")),  # referral 1 May
    "1105": lambda b: set_(b["ChildProtectionPlans"][0], CPPstartDate=D("2025-04-30")),  # referral 1 May
    "1510": lambda b: set_(child(b, A), UPN="C371123456781"),  # check letter of 371123456781 is B
    "1520": lambda b: set_(child(b, B), UPN="B371123456781"),  # A1's UPN
    "1530": lambda b: set_(child(b, A), UPN="B999123456781"),  # 999 is no LA's code
    "1540": lambda b: set_(child(b, A), UPN="B3711234X6781"),  # X in characters 5-12
    "1550": lambda b: set_(child(b, A), UPN="B37112345678I"),  # I is not a UPN letter
    "1560Q": lambda b: set_(child(b, A), FormerUPN="12345"),
    "1570": lambda b: set_(child(b, A), LAchildID="A" * 21),
    "1580": lambda b: set_(child(b, A), LAchildID="A-1"),
    # Two plans start in the year on episode 1, one initial conference (27 May).
    "2883": lambda b: add(b, "ChildProtectionPlans", LAchildID="A1", CINdetailsID=1, CPPID=2,
                          CPPstartDate=D("2025-12-01"), InitialCategoryOfAbuse="NEG", LatestCategoryOfAbuse="NEG",
                          NumberOfPreviousCPP=1),
    "2884": lambda b: set_(episode(b, A), DateOfInitialCPC=D("2025-05-27")),  # also on the section 47
    "2885": lambda b: set_(b["ChildProtectionPlans"][0], CPPstartDate=D("2025-05-28")),  # conference 27 May
    "2886Q": lambda b: set_(child(b, A), Sex="U"),  # 1 of 2 born children = 50% > 2%
    "2887Q": lambda b: only(b, "Disabilities", b["Disabilities"][8:]),  # BEH, AUT, NONE: 2 codes < 8
    "2888Q": lambda b: only(b, "Disabilities", [dict(LAchildID="A1", Disability="MOB"),
                                                dict(LAchildID="B2", Disability="BEH"),
                                                dict(LAchildID="C3", Disability="NONE")]),
    "2889": lambda b: set_(b["Section47"][0], S47ActualStartDate=D("2025-04-30")),  # referral 1 May
    "2990": lambda b: set_(episode(b, A), ReasonForClosure="RC8"),  # episode 1 has a plan and an enquiry
    "2991Q": lambda b: only(b, "Assessments", b["Assessments"][1:]),  # episode 1 loses its assessment
    "4000": lambda b: add(b, "CINplanDates", LAchildID="C3", CINdetailsID=3, CINPlanStartDate=D("2026-03-11")),
    "4001": lambda b: (add(b, "CINplanDates", LAchildID="B2", CINdetailsID=2, CINPlanStartDate=D("2026-03-03")),
                       add(b, "ChildProtectionPlans", LAchildID="B2", CINdetailsID=2, CPPID=2,
                           CPPstartDate=D("2026-03-03"), InitialCategoryOfAbuse="EMO", LatestCategoryOfAbuse="EMO",
                           NumberOfPreviousCPP=0)),
    "4003": lambda b: set_(b["Reviews"][0], CPPreviewDate=D("2025-12-01")),  # CIN plan 3 Nov to 2 Feb
    "4004": lambda b: (add(b, "CINplanDates", LAchildID="B2", CINdetailsID=2, CINPlanStartDate=D("2026-03-03")),
                       add(b, "CINplanDates", LAchildID="B2", CINdetailsID=2, CINPlanStartDate=D("2026-03-04"))),
    "4008": lambda b: set_(child(b, A), PersonDeathDate=D("2025-10-01")),  # CIN plan starts 3 Nov
    "4009Q": lambda b: set_(child(b, A), PersonDeathDate=D("2026-01-01")),  # CIN plan ends 2 Feb
    "4010": lambda b: set_(b["CINplanDates"][0], CINPlanStartDate=D("2026-04-01")),  # after 31 March
    "4011": lambda b: set_(b["CINplanDates"][0], CINPlanEndDate=D("2025-11-01")),  # starts 3 Nov
    "4012Q": lambda b: set_(b["CINplanDates"][0], CINPlanEndDate=D("2025-11-03")),
    "4013": lambda b: set_(b["CINplanDates"][0], CINPlanEndDate=D("2026-04-02")),
    "4014": lambda b: add(b, "CINplanDates", LAchildID="A1", CINdetailsID=1, CINPlanStartDate=D("2025-12-01"),
                          CINPlanEndDate=D("2026-01-05")),  # inside 3 Nov to 2 Feb
    "4015": lambda b: set_(b["CINplanDates"][0], CINPlanStartDate=D("2025-04-30")),  # referral 1 May
    "4016": lambda b: set_(b["CINplanDates"][0], CINPlanStartDate=D("2025-06-02")),  # plan 27 May to 3 Nov
    "4017": lambda b: set_(b["CINplanDates"][0], CINPlanStartDate=D("2025-05-20")),  # protection plan 27 May
    "4180": lambda b: set_(child(b, B), Sex="X"),
    "4220": lambda b: set_(b["ChildCharacteristics"][A], Ethnicity="WXYZ"),
    "8500": lambda b: set_(child(b, A), LAchildID=None),
    "8510": lambda b: set_(child(b, B), LAchildID="A1"),
    "8520": lambda b: set_(child(b, A), PersonBirthDate=D("2026-04-01")),
    "8525Q": lambda b: set_(child(b, A), ExpectedPersonBirthDate=D("2015-06-10")),  # both dates given
    "8530Q": lambda b: set_(child(b, C), ExpectedPersonBirthDate=D("2027-01-10")),  # after 31 Dec 2026
    "8535Q": lambda b: set_(child(b, A), PersonDeathDate=D("2015-01-01")),  # born 10 June 2015
    "8540": lambda b: set_(b["Disabilities"][0], Disability="XYZ"),
    "8545Q": lambda b: set_(child(b, A), PersonDeathDate=D("2025-03-01")),  # before 1 April 2025
    "8555Q": lambda b: set_(child(b, A), PersonDeathDate=D("2025-04-15")),  # referred 1 May
    "8565": lambda b: set_(b["CINplanDates"][0], CINPlanEndDate=D("2026-02-03")),  # closed 2 Feb
    "8568": lambda b: set_(episode(b, C), ReferralNFA="maybe"),
    # One working day before 1 April 2025 (Tuesday) is Monday 31 March; 20 March is earlier.
    "8569Q": lambda b: set_(episode(b, C), CINreferralDate=D("2025-03-20")),
    "8585Q": lambda b: set_(episode(b, A), ReasonForClosure="RC2"),  # A1 has no date of death
    "8590": lambda b: only(b, "CINdetails", b["CINdetails"][:2]),  # C3 loses its episode
    "8600": lambda b: set_(episode(b, B), CINreferralDate=D("2026-04-01")),
    # Expected 1 June 2026 less 280 days is 25 August 2025; 1 June 2025 is earlier.
    "8606": lambda b: set_(episode(b, C), CINreferralDate=D("2025-06-01")),
    "8608": lambda b: set_(b["Assessments"][A], AssessmentActualStartDate=D("2025-06-03")),  # authorised 2 June
    "8610": lambda b: set_(episode(b, B), PrimaryNeedCode=None),
    "8614": lambda b: add(b, "AssessmentFactorsList", LAchildID="B2", CINdetailsID=2, AssessmentID=2,
                          AssessmentFactor="2A"),  # B2's assessment is not authorised
    "8615": lambda b: set_(b["Section47"][0], S47ActualStartDate=D("2025-05-28")),  # conference 27 May
    "8620": lambda b: set_(episode(b, A), CINclosureDate=D("2026-04-02")),
    "8630": lambda b: set_(episode(b, A), CINclosureDate=D("2025-04-30")),
    "8640": lambda b: set_(episode(b, A), ReasonForClosure="RC10"),
    "8650": lambda b: set_(episode(b, A), PrimaryNeedCode="N12"),
    # 5 Jan 2026 to 31 Mar 2026: Jan 5-30 is 19 working days, Feb 20, Mar 2-30 21: 60 > 45.
    "8670Q": lambda b: set_(b["Assessments"][B], AssessmentActualStartDate=D("2026-01-05")),
    # Started 6 May 2025, far more than 15 working days before 31 March 2026, and no conference.
    "8675Q": lambda b: set_(b["Section47"][0], DateOfInitialCPC=None),
    "8696": lambda b: set_(b["Assessments"][A], AssessmentAuthorisationDate=D("2026-04-01")),
    "8715": lambda b: set_(b["Section47"][0], DateOfInitialCPC=D("2025-03-31")),
    "8720": lambda b: set_(b["ChildProtectionPlans"][0], CPPstartDate=None),
    "8730": lambda b: set_(b["ChildProtectionPlans"][0], NumberOfPreviousCPP=None),
    "8736": lambda b: set_(b["Assessments"][B], AssessmentActualStartDate=D("2025-03-20")),  # open, last year
    "8740": lambda b: add(b, "Section47", LAchildID="B2", CINdetailsID=2, S47ActualStartDate=D("2025-03-03"),
                          ICPCnotRequired="0"),
    "8750": lambda b: set_(child(b, C), Sex="F"),  # C3 is unborn
    "8770Q": lambda b: set_(child(b, A), UPN=None),  # A1 is 9 on 1 April 2025, no UPN and no reason
    "8772": lambda b: set_(child(b, B), UPN=None, UPNunknown="UN7"),  # B2's referral went on to action
    "8775Q": lambda b: set_(child(b, A), PersonBirthDate=D("1990-01-01")),  # 36 on 31 March 2026
    "8790": lambda b: add(b, "Disabilities", LAchildID="C3", Disability="MOB"),  # C3 has NONE
    "8794": lambda b: add(b, "Disabilities", LAchildID="A1", Disability="MOB"),
    "8805": lambda b: set_(episode(b, B), CINclosureDate=D("2026-03-20")),
    "8810": lambda b: set_(episode(b, B), ReasonForClosure="RC7"),
    "8815": lambda b: add(b, "CINdetails", LAchildID="B2", CINdetailsID=4, CINreferralDate=D("2026-02-01"),
                          ReferralSource="6", PrimaryNeedCode="N1", ReferralNFA="0"),
    "8816": lambda b: (set_(episode(b, A), CINclosureDate=None, ReasonForClosure=None),
                       add(b, "CINdetails", LAchildID="A1", CINdetailsID=4, CINreferralDate=D("2026-03-01"),
                           ReferralSource="6", PrimaryNeedCode="N1", CINclosureDate=D("2026-03-05"),
                           ReasonForClosure="RC7", ReferralNFA="0")),
    "8820": lambda b: add(b, "CINdetails", LAchildID="A1", CINdetailsID=4, CINreferralDate=D("2025-06-01"),
                          ReferralSource="6", PrimaryNeedCode="N1", CINclosureDate=D("2025-07-01"),
                          ReasonForClosure="RC7", ReferralNFA="0"),  # inside 1 May to 2 Feb
    "8825Q": lambda b: set_(episode(b, C), CINclosureDate=D("2026-03-10"), ReasonForClosure="RC8"),
    "8831": lambda b: add(b, "Assessments", LAchildID="C3", CINdetailsID=3, AssessmentID=3,
                          AssessmentActualStartDate=D("2026-03-11")),
    "8832": lambda b: add(b, "ChildProtectionPlans", LAchildID="C3", CINdetailsID=3, CPPID=2,
                          CPPstartDate=D("2026-03-12"), InitialCategoryOfAbuse="NEG", LatestCategoryOfAbuse="NEG",
                          NumberOfPreviousCPP=0),
    "8839": lambda b: [add(b, "Section47", LAchildID="B2", CINdetailsID=2, S47ActualStartDate=D(d),
                           ICPCnotRequired="0") for d in ("2026-03-03", "2026-03-10")],
    "8840": lambda b: set_(b["ChildProtectionPlans"][0], CPPendDate=D("2025-05-27")),
    "8841": lambda b: set_(b["Reviews"][0], CPPreviewDate=D("2025-05-27")),
    "8842Q": lambda b: set_(b["Reviews"][0], CPPreviewDate=None),
    "8863Q": lambda b: add(b, "Assessments", LAchildID="B2", CINdetailsID=2, AssessmentID=3,
                           AssessmentActualStartDate=D("2026-03-03"), AssessmentAuthorisationDate=D("2026-03-20")),
    "8866": lambda b: set_(episode(b, A), ReferralSource="11"),
    "8867": lambda b: set_(episode(b, B), CINclosureDate=D("2026-03-20"), ReasonForClosure="RC7"),
    "8868": lambda b: set_(b["Section47"][0], DateOfInitialCPC=None),  # episode 1 is closed
    "8869": lambda b: add(b, "AssessmentFactorsList", LAchildID="A1", CINdetailsID=1, AssessmentID=1,
                          AssessmentFactor="21"),
    "8870Q": lambda b: set_(b["Section47"][0], InitialCPCtarget=D("2025-05-24")),  # a Saturday
    "8873Q": lambda b: only(b, "AssessmentFactorsList", [dict(LAchildID="A1", CINdetailsID=1, AssessmentID=1,
                                                             AssessmentFactor="21")]),  # closed RC7
    "8875": lambda b: set_(b["Section47"][0], DateOfInitialCPC=D("2025-05-24")),  # a Saturday
    "8890": lambda b: [add(b, "Section47", LAchildID="B2", CINdetailsID=2, S47ActualStartDate=D(d),
                           ICPCnotRequired="0") for d in ("2026-01-06", "2026-01-20")],
    "8896": lambda b: add(b, "Assessments", LAchildID="B2", CINdetailsID=2, AssessmentID=3,
                          AssessmentActualStartDate=D("2026-03-04")),
    "8897Q": lambda b: only(b, "AssessmentFactorsList", []),
    "8898": lambda b: add(b, "AssessmentFactorsList", LAchildID="A1", CINdetailsID=1, AssessmentID=1,
                          AssessmentFactor="2A"),
    "8905": lambda b: set_(b["ChildProtectionPlans"][0], InitialCategoryOfAbuse="XXX"),
    "8910": lambda b: set_(b["ChildProtectionPlans"][0], LatestCategoryOfAbuse=None),
    "8915": lambda b: set_(child(b, A), PersonDeathDate=D("2025-05-20")),  # plan starts 27 May
    "8920": lambda b: set_(child(b, A), PersonDeathDate=D("2025-10-01")),  # plan ends 3 Nov
    "8925": lambda b: set_(b["ChildProtectionPlans"][0], CPPendDate=D("2025-05-20")),
    "8930": lambda b: set_(b["ChildProtectionPlans"][0], CPPendDate=D("2026-04-01")),
    "8935": lambda b: (set_(b["ChildProtectionPlans"][0], CPPendDate=None),
                       add(b, "ChildProtectionPlans", LAchildID="A1", CINdetailsID=1, CPPID=2,
                           CPPstartDate=D("2025-12-01"), InitialCategoryOfAbuse="NEG", LatestCategoryOfAbuse="NEG",
                           NumberOfPreviousCPP=1)),
    "8940": lambda b: add(b, "ChildProtectionPlans", LAchildID="A1", CINdetailsID=1, CPPID=2,
                          CPPstartDate=D("2025-06-01"), CPPendDate=D("2025-07-01"), InitialCategoryOfAbuse="NEG",
                          LatestCategoryOfAbuse="NEG", NumberOfPreviousCPP=1),  # inside 27 May to 3 Nov
    "8945Q": lambda b: set_(b["AssessmentFactorsList"][0], AssessmentFactor="18A"),
    "8950Q": lambda b: set_(b["AssessmentFactorsList"][0], AssessmentFactor="19A"),
}


def _run(rows, code):
    report = validate(tables(rows), RulePack("one rule", [CIN_2025_26.rules[code]]))
    assert report.not_run == {}
    return report.issues


def test_every_rule_of_the_pack_has_a_fault_here():
    assert set(FAULTS) == set(CIN_2025_26.rules)


def test_the_baseline_return_passes_every_rule():
    report = validate(tables(baseline()), CIN_2025_26)
    assert report.not_run == {}
    assert report.issues.to_dicts() == []


@pytest.mark.parametrize("code", sorted(FAULTS))
def test_rule_fires_on_its_fault_and_not_on_the_baseline(code):
    assert _run(baseline(), code).height == 0
    rows = baseline()
    FAULTS[code](rows)
    issues = _run(rows, code)
    assert issues.height > 0
    assert set(issues["rule"]) == {code}
