"""A small SSDA903 return for 2025-26 that breaks no rule, to mutate one field at a time in tests.

C1 (13) moved from foster care to a private children's home after a care order; C2 (2) went home;
C3 (16, a mother, formerly UASC) is looked after on s20 and missing now; C4 (19) is a care leaver;
C5 (4) was adopted by her foster carers.
"""

import copy
from pathlib import Path

from sightline.returns.ssda903.schema import TABLES

YEAR = "2025-26"

CLEAN: dict[str, list[dict[str, str]]] = {
    "Header": [
        {"CHILD": "C1", "SEX": "F", "DOB": "15/06/2012", "ETHNIC": "WBRI", "UPN": "A123456789012", "MOTHER": "0"},
        {"CHILD": "C2", "SEX": "M", "DOB": "02/03/2023", "ETHNIC": "MWBC", "UPN": "UN2"},
        {"CHILD": "C3", "SEX": "F", "DOB": "10/01/2009", "ETHNIC": "BAFR", "UPN": "B987654321098", "MOTHER": "1",
         "MC_DOB": "05/05/2025"},
        {"CHILD": "C4", "SEX": "M", "DOB": "20/08/2006", "ETHNIC": "WOTH", "UPN": "C111222333444"},
        {"CHILD": "C5", "SEX": "F", "DOB": "01/05/2021", "ETHNIC": "WBRI", "UPN": "UN2"},
    ],
    "Episodes": [
        {"CHILD": "C1", "DECOM": "01/02/2024", "RNE": "S", "LS": "C1", "CIN": "N1", "PLACE": "U3",
         "PLACE_PROVIDER": "PR1", "DEC": "10/05/2025", "REC": "X1", "HOME_POST": "DN1 2AB", "PL_POST": "S1 4HP"},
        {"CHILD": "C1", "DECOM": "10/05/2025", "RNE": "L", "LS": "C2", "CIN": "N1", "PLACE": "U3",
         "PLACE_PROVIDER": "PR1", "DEC": "01/09/2025", "REC": "X1", "REASON_PLACE_CHANGE": "CARPL",
         "HOME_POST": "DN1 2AB", "PL_POST": "S1 4HP"},
        {"CHILD": "C1", "DECOM": "01/09/2025", "RNE": "P", "LS": "C2", "CIN": "N1", "PLACE": "K2",
         "PLACE_PROVIDER": "PR4", "HOME_POST": "DN1 2AB", "PL_POST": "LS1 3AA", "URN": "SC123456"},
        {"CHILD": "C2", "DECOM": "10/06/2025", "RNE": "S", "LS": "V2", "CIN": "N4", "PLACE": "U6",
         "PLACE_PROVIDER": "PR1", "DEC": "20/12/2025", "REC": "E4A", "HOME_POST": "DN2 3CD", "PL_POST": "DN4 5EF"},
        {"CHILD": "C3", "DECOM": "03/04/2023", "RNE": "S", "LS": "V2", "CIN": "N2", "PLACE": "U1",
         "PLACE_PROVIDER": "PR1", "HOME_POST": "DN5 1AA", "PL_POST": "DN6 2BB"},
        {"CHILD": "C5", "DECOM": "01/03/2024", "RNE": "S", "LS": "C2", "CIN": "N1", "PLACE": "U4",
         "PLACE_PROVIDER": "PR1", "DEC": "01/07/2025", "REC": "X1", "REASON_PLACE_CHANGE": "APPRR",
         "HOME_POST": "DN7 3CC", "PL_POST": "DN8 4DD"},
        {"CHILD": "C5", "DECOM": "01/07/2025", "RNE": "T", "LS": "E1", "CIN": "N1", "PLACE": "A5",
         "PLACE_PROVIDER": "PR1", "DEC": "15/02/2026", "REC": "E11", "HOME_POST": "DN7 3CC", "PL_POST": "DN9 5EE"},
    ],
    "Reviews": [
        {"CHILD": "C1", "DOB": "15/06/2012", "REVIEW": "15/07/2025", "REVIEW_CODE": "PN1"},
        {"CHILD": "C2", "DOB": "02/03/2023", "REVIEW": "05/09/2025", "REVIEW_CODE": "PN0"},
        {"CHILD": "C3", "DOB": "10/01/2009", "REVIEW": "01/10/2025", "REVIEW_CODE": "PN3"},
        {"CHILD": "C5", "DOB": "01/05/2021", "REVIEW": "10/08/2025", "REVIEW_CODE": "PN3"},
    ],
    "Missing": [
        {"CHILD": "C1", "DOB": "15/06/2012", "MISSING": "M", "MIS_START": "02/10/2025", "MIS_END": "03/10/2025"},
        {"CHILD": "C1", "DOB": "15/06/2012", "MISSING": "A", "MIS_START": "10/11/2025", "MIS_END": "11/11/2025"},
        {"CHILD": "C3", "DOB": "10/01/2009", "MISSING": "M", "MIS_START": "15/01/2026"},
    ],
    "UASC": [{"CHILD": "C3", "SEX": "F", "DOB": "10/01/2009", "DUC": "01/02/2026"}],
    "OC2": [{"CHILD": "C1", "DOB": "15/06/2012", "SDQ_SCORE": "14", "CONVICTED": "0",
             "IMMUNISATIONS": "1", "TEETH_CHECK": "1", "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "0"}],
    "OC3": [{"CHILD": "C4", "DOB": "20/08/2006", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "U1"}],
    "AD1": [{"CHILD": "C5", "DOB": "01/05/2021", "DATE_INT": "10/04/2025", "DATE_MATCH": "20/06/2025",
             "FOSTER_CARE": "1", "NB_ADOPTR": "2", "SEX_ADOPTR": "MF", "LS_ADOPTR": "L11"}],
    "PlacedAdoption": [{"CHILD": "C5", "DOB": "01/05/2021", "DATE_PLACED": "10/04/2025"}],
    "PrevPerm": [{"CHILD": "C1", "DOB": "15/06/2012", "PREV_PERM": "Z1"},
                 {"CHILD": "C2", "DOB": "02/03/2023", "PREV_PERM": "Z1"}],
}


def clean() -> dict[str, list[dict[str, str]]]:
    return copy.deepcopy(CLEAN)


def write_csvs(tables: dict[str, list[dict[str, str]]], folder: Path) -> list[Path]:
    paths = []
    for name, rows in tables.items():
        path = folder / f"{name.lower()}.csv"
        lines = [",".join(TABLES[name])] + [",".join(r.get(c, "") for c in TABLES[name]) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
