"""The SSDA903 tables: their columns, which are dates, and the code lists (collection years 2024-2026).

Column lists follow the DfE CSV layout the Data to Insight validator reads; the XML return uses the
same names except CHILDID (for CHILD) and PL (for PLACE).
"""

TABLES: dict[str, tuple[str, ...]] = {
    "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "Episodes": ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                 "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"),
    "Reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "UASC": ("CHILD", "SEX", "DOB", "DUC"),
    "OC2": ("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
            "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED"),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "AD1": ("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"),
    "PlacedAdoption": ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    "PrevPerm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
    "Missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
}

DATE_COLUMNS = frozenset({"DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DUC", "DATE_INT", "DATE_MATCH",
                          "DATE_PLACED", "DATE_PLACED_CEASED", "MIS_START", "MIS_END"})
# DATE_PERM is often returned as "Z1" or a partial date, so it stays text; rule 632 checks it.

DATE_FORMAT = "%d/%m/%Y"

# A table whose file has every column but these still counts as that table (D2I's files often
# leave out the optional columns added in later years).
OPTIONAL_COLUMNS = {"Episodes": frozenset({"PLACE_PROVIDER", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}),
                    "PrevPerm": frozenset({"LA_PERM"})}


def _codes(*codes: str) -> frozenset[str]:
    return frozenset(codes)


PLACE_2024 = _codes("A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
                    "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1")


def place_codes(collection_year: int) -> frozenset[str]:
    """Placement types valid in the collection year ending 31 March `collection_year`."""
    codes = set(PLACE_2024)
    if collection_year >= 2025:
        codes |= {"K3"}
        codes -= {"H5", "P2"}
    if collection_year >= 2026:
        codes |= {"Z11", "Z12", "Z13", "Z14"}
    return frozenset(codes)


def sex_codes(collection_year: int) -> frozenset[str]:
    # From 2024/25 the DfE collects sex as M/F/U, as the CIN census does; before, 1 (male) or 2 (female).
    return _codes("M", "F", "U") if collection_year >= 2025 else _codes("1", "2")


CODES: dict[str, frozenset[str]] = {
    "RNE": _codes("S", "L", "P", "T", "B", "U"),
    "LS": _codes("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"),
    "CIN": _codes("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"),
    "PLACE_PROVIDER": _codes("PR0", "PR1", "PR2", "PR3", "PR4", "PR5"),
    "REC": _codes("X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5",
                  "E6", "E7", "E9", "E14", "E15", "E16", "E17", "E8"),
    "REASON_PLACE_CHANGE": _codes("CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD",
                                  "LAREQ", "PLACE", "CUSTOD", "OTHER"),
    "ETHNIC": _codes("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
                     "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"),
    "MOTHER": _codes("0", "1"),
    "MISSING": _codes("M", "A"),
    "REVIEW_CODE": _codes("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"),
    "SDQ_REASON": _codes("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"),
    "IN_TOUCH": _codes("YES", "NO", "DIED", "REFU", "NREQ", "RHOM"),
    "ACTIV": _codes("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"),
    "PREV_PERM": _codes("P1", "P2", "P3", "P4", "Z1"),
    "REASON_PLACED_CEASED": _codes("RD1", "RD2", "RD3", "RD4"),
    "SEX_ADOPTR": _codes("M1", "F1", "MM", "FF", "MF"),
    "LS_ADOPTR": _codes("L0", "L11", "L12", "L2", "L3", "L4"),
    "UPN_UNKNOWN": _codes("UN1", "UN2", "UN3", "UN4", "UN5"),
}

# Temporary placements (holiday, hospital, other): rules 380, 381 and 226 treat them apart.
TEMPORARY_PLACEMENTS = _codes("T0", "T1", "T2", "T3", "T4")

