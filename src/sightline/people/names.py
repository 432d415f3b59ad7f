"""Name normalisation for search and matching: case, accents, punctuation and common nicknames."""

import unicodedata

NICKNAMES = {
    "alex": "alexander", "alf": "alfred", "andy": "andrew", "becky": "rebecca", "ben": "benjamin",
    "bill": "william", "billy": "william", "bob": "robert", "cathy": "catherine", "charlie": "charles",
    "chris": "christopher", "dan": "daniel", "danny": "daniel", "dave": "david", "ed": "edward",
    "ellie": "eleanor", "harry": "henry", "jack": "john", "jake": "jacob", "jim": "james", "jimmy": "james",
    "joe": "joseph", "kate": "katherine", "katie": "katherine", "liz": "elizabeth", "lizzie": "elizabeth",
    "matt": "matthew", "mike": "michael", "nick": "nicholas", "olly": "oliver", "rob": "robert",
    "sam": "samuel", "sue": "susan", "tom": "thomas", "tommy": "thomas", "will": "william",
}


def fold(text: str) -> str:
    """Lower case, accents removed, only letters and single spaces."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join("".join(c if c.isalpha() else " " for c in text).split())


def canonical_forename(forename: str) -> str:
    first = fold(forename).split(" ")[0] if forename.strip() else ""
    return NICKNAMES.get(first, first)


def name_key(surname: str, forename: str) -> str:
    return f"{fold(surname)} {canonical_forename(forename)}".strip()
