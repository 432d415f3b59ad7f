"""The CIN census tables (named as the DfE and the open-source validators name them) and code lists.

Each table holds the values as written in the file (text), except the fields in DATES (dates)
and NUMBERS (integers). Every table also carries `row_id` (its position in the table), `line`
(the line of the file it came from) and `LAchildID`; the synthetic keys CINdetailsID,
AssessmentID and CPPID tie a child's rows together as the XML nests them.
"""

COLUMNS: dict[str, tuple[str, ...]] = {
    "Header": ("Collection", "Year", "ReferenceDate", "SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo",
               "DateTime"),
    "ChildIdentifiers": ("LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate",
                         "GenderCurrent", "Sex", "PersonDeathDate"),
    "ChildCharacteristics": ("LAchildID", "Ethnicity"),
    "Disabilities": ("LAchildID", "Disability"),
    "CINdetails": ("LAchildID", "CINdetailsID", "CINreferralDate", "ReferralSource", "PrimaryNeedCode",
                   "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA"),
    "Assessments": ("LAchildID", "CINdetailsID", "AssessmentID", "AssessmentActualStartDate",
                    "AssessmentInternalReviewDate", "AssessmentAuthorisationDate"),
    "AssessmentFactorsList": ("LAchildID", "CINdetailsID", "AssessmentID", "AssessmentFactor"),
    "CINplanDates": ("LAchildID", "CINdetailsID", "CINPlanStartDate", "CINPlanEndDate"),
    "Section47": ("LAchildID", "CINdetailsID", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC",
                  "ICPCnotRequired"),
    "ChildProtectionPlans": ("LAchildID", "CINdetailsID", "CPPID", "CPPstartDate", "CPPendDate",
                             "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP"),
    "Reviews": ("LAchildID", "CINdetailsID", "CPPID", "CPPreviewDate"),
}
KEYS = frozenset({"CINdetailsID", "AssessmentID", "CPPID"})
DATES = frozenset({"ReferenceDate", "PersonBirthDate", "ExpectedPersonBirthDate", "PersonDeathDate",
                   "CINreferralDate", "CINclosureDate", "DateOfInitialCPC", "AssessmentActualStartDate",
                   "AssessmentInternalReviewDate", "AssessmentAuthorisationDate", "CINPlanStartDate",
                   "CINPlanEndDate", "S47ActualStartDate", "InitialCPCtarget", "CPPstartDate", "CPPendDate",
                   "CPPreviewDate"})
NUMBERS = frozenset({"NumberOfPreviousCPP"})

YES_NO = ("true", "false", "TRUE", "FALSE", "0", "1")
ETHNICITY = ("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
             "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT")
DISABILITY = ("NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA")
REFERRAL_SOURCE = ("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D",
                   "6", "7", "8", "9", "10")
PRIMARY_NEED = tuple(f"N{i}" for i in range(10))
REASON_FOR_CLOSURE = tuple(f"RC{i}" for i in range(1, 10))
CATEGORY_OF_ABUSE = ("NEG", "PHY", "SAB", "EMO", "MUL")
SEX = ("M", "F", "U")
GENDER_CURRENT = ("1", "2", "0", "9")


def sql_list(values) -> str:
    """A code list as an SQL IN list (the values are our own constants, never user input)."""
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"
