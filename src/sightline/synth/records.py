"""Each agency's own copy of a person, as its system holds it, with the truth kept apart.

Real systems disagree: the school knows Thomas as Tom, the police typed the date of birth day
and month the wrong way round, health has the surname from before the marriage and the old
address, and half the police records have no NHS number. The copies here carry those
faults at set rates; `truth` says which person each copy really is, for record-linkage tests.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.people.names import NICKNAMES
from sightline.synth.engine import recode
from sightline.synth.names import SURNAMES

# Per agency: share of copies missing the NHS number, with a nickname, with a typo in a name,
# with day and month transposed, with another surname, with the address before a move.
FAULTS = {
    "health": (0.02, 0.02, 0.02, 0.01, 0.03, 0.35),
    "school": (0.30, 0.15, 0.03, 0.02, 0.04, 0.25),
    "police": (0.60, 0.20, 0.08, 0.05, 0.06, 0.45),
    "social_care": (0.10, 0.05, 0.03, 0.02, 0.03, 0.15),
}
_FORMAL_TO_NICK = {}
for nick, formal in NICKNAMES.items():
    _FORMAL_TO_NICK.setdefault(formal, nick)


def _who(tables) -> dict[str, pl.DataFrame]:
    """Whom each agency knows: health everyone young, schools their pupils, police and social care their cases."""
    children = tables["synth_child"]
    contacts = tables["frontdoor_contact"].join(tables["frontdoor_contactperson"], left_on="id",
                                                right_on="contact_id")
    police = contacts.filter(pl.col("referral_source") == "6").select("person_id").unique()
    mothers = police.join(tables["people_relationship"].filter(pl.col("kind") == "mother"),
                          left_on="person_id", right_on="child_id").select(pl.col("person_id_right").alias("person_id"))
    return {"health": children.select("person_id"),
            "school": children.filter(pl.col("school_urn") != "").select("person_id", "school_urn"),
            "police": pl.concat([police, mothers.unique()]),
            "social_care": tables["casework_referral"].select("person_id").unique()}


def _typo(rng, text: pl.Series) -> pl.Series:
    """Swap two neighbouring letters, the commonest keying slip."""
    n = text.len()
    length = text.str.len_chars().to_numpy()
    k = (rng.random(n) * np.maximum(length - 1, 1)).astype(np.int64)
    frame = pl.DataFrame({"t": text, "k": k})
    swapped = frame.select(pl.concat_str([pl.col("t").str.slice(0, pl.col("k")),
                                          pl.col("t").str.slice(pl.col("k") + 1, 1),
                                          pl.col("t").str.slice(pl.col("k"), 1),
                                          pl.col("t").str.slice(pl.col("k") + 2)]))
    return pl.Series(np.where(length >= 3, swapped.to_series().to_numpy(), text.to_numpy()))


def agency_copies(rng, tables) -> tuple[pl.DataFrame, pl.DataFrame]:
    people = tables["people_person"].select("id", "forename", "surname", "date_of_birth", "sex", "nhs_number", "upn")
    addresses = tables["people_address"]
    current = addresses.filter(pl.col("end_date").is_null()).select("person_id", pl.col("postcode"))
    previous = addresses.filter(pl.col("end_date").is_not_null()).select(
        "person_id", pl.col("postcode").alias("old_postcode"))
    copies, truths = [], []
    for agency, who in _who(tables).items():
        missing_nhs, nickname, typo, transposed, other_surname, old_address = FAULTS[agency]
        rows = who.join(people, left_on="person_id", right_on="id").join(current, on="person_id", how="left").join(
            previous.unique("person_id"), on="person_id", how="left")
        n = rows.height
        forename = rows["forename"].to_numpy()
        nick = recode(np.char.lower(forename.astype("U20")), _FORMAL_TO_NICK, "")
        use_nick = (rng.random(n) < nickname) & (nick != "")
        forename = np.where(use_nick, np.char.capitalize(nick.astype("U20")), forename)
        surname = rows["surname"].to_numpy()
        surname = np.where(rng.random(n) < other_surname, rng.choice(SURNAMES, n), surname)
        slip = rng.random(n) < typo
        surname = np.where(slip, _typo(rng, pl.Series(surname)).to_numpy(), surname)
        dob = rows["date_of_birth"]
        day, month = dob.dt.day().to_numpy(), dob.dt.month().to_numpy()
        swap = (rng.random(n) < transposed) & (day <= 12) & (day != month)
        can = day <= 12
        swapped = pl.DataFrame({"y": dob.dt.year(), "m": np.where(can, day, month),
                                "d": np.where(can, month, day)}).select(pl.date("y", "m", "d"))
        dob = pl.Series(np.where(swap, swapped.to_series().to_numpy(), dob.to_numpy()))
        moved = rows["old_postcode"].is_not_null().to_numpy() & (rng.random(n) < old_address)
        postcode = np.where(moved, rows["old_postcode"].fill_null("").to_numpy(), rows["postcode"].fill_null(""))
        nhs = np.where(rng.random(n) < missing_nhs, "", rows["nhs_number"].to_numpy())
        upn = rows["upn"].to_numpy() if agency in ("school", "social_care") else np.full(n, "")
        record_id = np.char.add(f"{agency.upper()[:3]}-", np.char.zfill(np.arange(1, n + 1).astype("U8"), 8))
        copies.append(pl.DataFrame({
            "record_id": record_id, "agency": agency, "forename": forename, "surname": surname,
            "date_of_birth": dob, "sex": rows["sex"], "postcode": postcode, "nhs_number": nhs, "upn": upn}))
        truths.append(pl.DataFrame({
            "record_id": record_id, "agency": agency, "person_id": rows["person_id"],
            "nickname": use_nick, "typo": slip, "day_month_transposed": swap, "old_address": moved,
            "nhs_number_missing": (nhs == "") & (rows["nhs_number"].to_numpy() != "")}))
    return pl.concat(copies), pl.concat(truths)
