"""The Ofsted Annex A (ILACS) lists: each list's sheet, columns and column types.

Columns follow the Ofsted template as LIIA's annex-a-merge spec records it. Types: "date",
"int" or "text". Headings are matched after `normalise` (case, punctuation and spacing ignored),
and SYNONYMS maps the variants seen in real workbooks (from LIIA's annexa_datamap.yml and the
2023 template) onto the template's heading.
"""

import re

COMMON = (("Child Unique ID", "text"), ("Gender", "text"), ("Ethnicity", "text"), ("Date of Birth", "date"),
          ("Age of Child (Years)", "int"))
TEAM = (("Allocated Team", "text"), ("Allocated Worker", "text"))

LISTS: dict[int, tuple[str, tuple[tuple[str, str], ...]]] = {
    1: ("Contacts", (*COMMON, ("Date of Contact", "date"), ("Contact Source", "text"))),
    2: ("Early help", (*COMMON, ("Assessment start date", "date"), ("Assessment completion date", "date"),
                       ("Organisation completing assessment", "text"))),
    3: ("Referrals", (*COMMON, ("Date of referral", "date"), ("Referral Source", "text"), ("Referral NFA?", "text"),
                      ("Number of Referrals in Last 12 Months", "int"), *TEAM)),
    4: ("Assessments", (*COMMON, ("Does the Child have a Disability", "text"),
                        ("Continuous Assessment Start Date", "date"),
                        ("Child Seen During Continuous Assessment", "text"),
                        ("Continuous Assessment Date of Authorisation", "date"),
                        ("Was the child assessed as requiring LA children's social care support?", "text"), *TEAM)),
    5: ("Section 47 enquiries", (*COMMON, ("Does the Child have a Disability", "text"),
                                 ("Strategy discussion initiating Section 47 Enquiry Start Date", "date"),
                                 ("Was an Initial Child Protection Conference deemed unnecessary?", "text"),
                                 ("Date of Initial Child Protection Conference", "date"),
                                 ("Did the Initial Child Protection Conference Result in a Child Protection Plan",
                                  "text"),
                                 ("Number of Section 47 Enquiries in the last 12 months", "int"),
                                 ("Number of ICPCs in the last 12 months", "int"), *TEAM)),
    6: ("Children in need", (*COMMON, ("Does the Child have a Disability", "text"), ("CIN Start Date", "date"),
                             ("Primary Need Code", "text"), ("Date Child Was Last Seen", "date"),
                             ("CIN Closure Date", "date"), ("Reason for Closure", "text"), ("Case Status", "text"),
                             *TEAM)),
    7: ("Child protection", (*COMMON, ("Does the Child have a Disability", "text"),
                             ("Child Protection Plan Start Date", "date"), ("Initial Category of Abuse", "text"),
                             ("Latest Category of Abuse", "text"), ("Date of the Last Statutory Visit", "date"),
                             ("Was the Child Seen Alone?", "text"), ("Date of latest review conference", "date"),
                             ("Child Protection Plan End Date", "date"),
                             ("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six "
                              "Months (Y/N)", "text"),
                             ("Number of Previous Child Protection Plans", "int"), *TEAM)),
    8: ("Children in care", (*COMMON, ("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
                                       "text"),
                             ("Does the Child have a Disability", "text"), ("Date Started to be Looked After", "date"),
                             ("Child's Category of Need", "text"),
                             ("Is this a second or subsequent period of being a Looked After Child within the last "
                              "12 months (Y/N)", "text"),
                             ("Start date of current legal status", "date"), ("Child's Legal Status", "text"),
                             ("Date of Latest Statutory Review", "date"), ("Date of Last Social Work Visit", "date"),
                             ("What is the permanence plan for this child?", "text"),
                             ("Date of Last IRO Visit / Contact to the Child", "date"),
                             ("Date of Last Health Assessment", "date"), ("Date of Last Dental Check", "date"),
                             ("Number of Placements in the Last 12 months", "int"),
                             ("Date Ceased to be Looked After", "date"), ("Reason Ceased to be Looked After", "text"),
                             ("Start Date of Most Recent Placement", "date"), ("Placement Type", "text"),
                             ("Placement Provider", "text"), ("Placement postcode", "text"),
                             ("URN of Placement", "text"), ("Placement Location", "text"), ("LA of Placement", "text"),
                             ("Number of Episodes 'Missing' in last 12 months", "int"),
                             ("Number of Episodes 'Absent' in last 12 months", "int"),
                             ("Was the child offered a Return Interview after their last missing episode (Y/N)?",
                              "text"),
                             ("Did the child accept a Return Interview after their last missing episode (Y/N)?",
                              "text"), *TEAM)),
    9: ("Care leavers", (*COMMON, ("Does the Child have a Disability", "text"), *TEAM,
                         ("Eligibility Category", "text"), ("LA in Touch", "text"),
                         ("Type of Accommodation", "text"), ("Suitability of Accommodation", "text"),
                         ("Activity Status", "text"))),
    10: ("Adoption", (("Child Unique ID", "text"), ("Family identifier", "text"), ("Gender", "text"),
                      ("Ethnicity", "text"), ("Date of Birth", "date"), ("Age of Child (Years)", "int"),
                      ("Does the Child have a Disability", "text"), ("Date the Child Entered Care", "date"),
                      ("Date of Decision that Child Should be Placed for Adoption", "date"),
                      ("Date of Placement Order", "date"),
                      ("Date of Matching Child and Prospective Adopters", "date"),
                      ("Date Placed for Adoption", "date"), ("Date of Adoption Order", "date"),
                      ("Date of Decision that Child Should No Longer be Placed for Adoption", "date"),
                      ("Reason Why Child No Longer Placed for Adoption", "text"),
                      ("Date the child was placed for fostering in FFA or concurrent planning placement", "date"))),
    11: ("Adopters", (("Individual adopter identifier", "text"), ("Family identifier", "text"), ("Gender", "text"),
                      ("Ethnicity", "text"), ("Disability", "text"),
                      ("Is the (prospective) adopter fostering for adoption?", "text"),
                      ("Date enquiry received", "date"), ("Date Stage 1 started", "date"),
                      ("Date Stage 1 ended", "date"), ("Date Stage 2 started", "date"),
                      ("Date Stage 2 ended", "date"), ("Date application submitted", "date"),
                      ("Date application approved", "date"), ("Date adopter matched with child(ren)", "date"),
                      ("Date child/children placed with adopter(s)", "date"),
                      ("No. of children placed", "int"), ("Date of Adoption Order", "date"),
                      ("Date of leaving adoption process", "date"),
                      ("Reason for leaving adoption process", "text"))),
}


def normalise(heading: str) -> str:
    """Lower case, letters and digits only, single spaces: 'Child  Unique-ID ' -> 'child unique id'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(heading).lower()).split())


# Variant heading (normalised) -> the template's heading.
SYNONYMS = {normalise(k): v for k, v in {
    "Disability": "Does the Child have a Disability",
    "Child ID": "Child Unique ID",
    "Unique ID": "Child Unique ID",
    "DOB": "Date of Birth",
    "Sex": "Gender",
    "Age": "Age of Child (Years)",
    "Age of Child": "Age of Child (Years)",
    "Eligibity Category": "Eligibility Category",          # as misspelt in LIIA's datamap and some templates
    "Suitability of Accomodation": "Suitability of Accommodation",
    "Type of accommodation": "Type of Accommodation",
    "Case status": "Case Status",
    "Referral NFA": "Referral NFA?",
    "Date of referral": "Date of referral",
    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months": (
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"),
}.items()}


def sheet_list_number(title: str) -> int | None:
    """'List 3', 'list_3 Referrals', 'LIST3' -> 3."""
    found = re.match(r"\s*list[\s_-]*(\d{1,2})\b", title, re.IGNORECASE)
    return int(found.group(1)) if found and int(found.group(1)) in LISTS else None
