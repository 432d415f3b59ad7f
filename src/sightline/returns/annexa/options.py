"""The lettered options an Annex A workbook uses ("b) Female", "q) 6: Police"), from the record's codes.

Orders follow LIIA's annexa_datamap.yml (which gives NOBT the letter s, like REFU; the Ofsted
template gives it t, which is what is written here).
"""

GENDER = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}

ETHNICITY = {code: f"{chr(ord('a') + i)}) {code}" for i, code in enumerate(
    ("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB",
     "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"))}

_SOURCE_GROUPS = (("1A", "Individual"), ("1B", "Individual"), ("1C", "Individual"), ("1D", "Individual"),
                  ("2A", "Schools"), ("2B", "Education services"), ("3A", "Health services"),
                  ("3B", "Health services"), ("3C", "Health services"), ("3D", "Health services"),
                  ("3E", "Health services"), ("3F", "Health services"), ("4", "Housing"), ("5A", "LA services"),
                  ("5B", "LA services"), ("5C", "LA services"), ("6", "Police"), ("7", "Other legal agency"),
                  ("8", "Other"), ("9", "Anonymous"), ("10", "Unknown"))
SOURCE = {code: f"{chr(ord('a') + i)}) {code}: {group}" for i, (code, group) in enumerate(_SOURCE_GROUPS)}

YES_NO = {True: "a) Yes", False: "b) No"}
