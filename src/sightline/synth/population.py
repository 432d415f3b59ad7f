"""The people of a synthetic authority: LSOAs, households, children and adults, schools and GPs.

Everything is drawn column-wise. A child's latent need comes from the household (its LSOA's
deprivation and a household effect) plus a little of the child's own; the activity generator
adds prior involvement as it goes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from sightline.synth.identifiers import nhs_numbers, upns
from sightline.synth.names import BOYS, GIRLS, STREETS, SURNAMES
from sightline.synth.profile import PEOPLE_PER_CHILD, Profile

DAY = np.timedelta64(1, "D")
YEAR_DAYS = 365.25
# Share of LSOAs in each national deprivation decile (1 = most deprived), before tilting.
_DECILE_BASE = np.array([0.10] * 10)
# England's mix for a child population (Census 2021, rounded); other codes are rare enough to leave out.
_ETHNICITY = {"WBRI": 0.74, "WOTH": 0.06, "MWBC": 0.02, "MWAS": 0.02, "MOTH": 0.02, "AIND": 0.03, "APKN": 0.04,
              "ABAN": 0.01, "AOTH": 0.01, "BAFR": 0.03, "BCRB": 0.01, "CHNE": 0.005, "OOTH": 0.01, "NOBT": 0.005}


@dataclass
class Population:
    people: pl.DataFrame       # everyone; children first
    children: pl.DataFrame     # the young people (aged under 22 at some point), with need and household
    households: pl.DataFrame
    lsoas: pl.DataFrame
    schools: pl.DataFrame
    gp_practices: pl.DataFrame
    addresses: pl.DataFrame
    relationships: pl.DataFrame


def _days(d: np.datetime64) -> int:
    return int(d.astype("datetime64[D]").astype(np.int64))


def _deprivation_tilt(profile: Profile) -> float:
    """How much more deprived than England, from the authority's referral rate (England ~ 540 per 10,000)."""
    rate = profile.figure(2019, "referrals") / profile.figure(2019, "population_0_17") * 10_000
    return float(np.clip((rate - 540) / 300, -0.8, 0.8))


def lsoas_draw(rng: np.random.Generator, profile: Profile) -> pl.DataFrame:
    tilt = _deprivation_tilt(profile)
    weights = _DECILE_BASE * np.exp(-tilt * 1.6 * (np.arange(10) - 4.5) / 4.5)
    deciles = rng.choice(np.arange(1, 11), size=profile.lsoas, p=weights / weights.sum())
    # Real LSOA codes stop near E01036000; E01<LA code><nnn> cannot collide with one.
    codes = [f"E01{profile.la_code:03d}{i:03d}" for i in range(profile.lsoas)]
    return pl.DataFrame({"lsoa_code": codes, "deprivation_decile": deciles.astype(np.int8)})


def population_draw(rng: np.random.Generator, profile: Profile, first: np.datetime64,
                    last: np.datetime64) -> Population:
    lsoas = lsoas_draw(rng, profile)
    n_lsoa = lsoas.height
    # Young people alive and under 22 at some point from `first` to `last`, born evenly over time.
    span_years = (last - first) / DAY / YEAR_DAYS
    n_young = round(profile.children * (22 + span_years) / 18)
    dob = rng.integers(_days(first) - int(22 * YEAR_DAYS), _days(last), size=n_young)
    dob.sort()
    sex = np.where(rng.random(n_young) < 0.512, "M", "F")

    # Households: siblings share one; sizes 1-4 children, mean about 1.9.
    n_households = int(n_young / 1.9)
    household = rng.integers(0, n_households, size=n_young)
    present, household = np.unique(household, return_inverse=True)
    n_households = present.size
    hh_lsoa = rng.integers(0, n_lsoa, size=n_households)
    decile = lsoas["deprivation_decile"].to_numpy()[hh_lsoa]
    deprivation = (10 - decile) / 9.0
    hh_need = 1.6 * deprivation + rng.normal(0, 0.8, n_households)
    need = hh_need[household] + rng.normal(0, 0.4, n_young)
    hh_surname = rng.choice(SURNAMES, size=n_households)
    eldest = np.full(n_households, np.iinfo(np.int64).max)
    np.minimum.at(eldest, household, dob)
    mother_dob = eldest - (rng.uniform(17, 38, n_households) * YEAR_DAYS).astype(np.int64)
    has_father = rng.random(n_households) < 0.62 - 0.25 * deprivation
    father_dob = mother_dob - (rng.uniform(-2, 7, n_households) * YEAR_DAYS).astype(np.int64)

    n_fathers = int(has_father.sum())
    n_parents = n_households + n_fathers
    n_other = max(0, round(profile.children * PEOPLE_PER_CHILD) - n_young - n_parents)
    other_dob = rng.integers(_days(first) - int(90 * YEAR_DAYS), _days(first) - int(22 * YEAR_DAYS), n_other)
    other_lsoa = rng.integers(0, n_lsoa, n_other)

    n = n_young + n_parents + n_other
    ids = np.arange(1, n + 1, dtype=np.int64)
    father_hh = np.flatnonzero(has_father)
    all_dob = np.concatenate([dob, mother_dob, father_dob[father_hh], other_dob])
    all_sex = np.concatenate([sex, np.full(n_households, "F"), np.full(n_fathers, "M"),
                              np.where(rng.random(n_other) < 0.5, "M", "F")])
    father_surname = np.where(rng.random(n_fathers) < 0.7, hh_surname[father_hh],
                              rng.choice(SURNAMES, size=n_fathers))
    surname = np.concatenate([hh_surname[household], hh_surname, father_surname, rng.choice(SURNAMES, n_other)])
    forename = np.where(all_sex == "M", rng.choice(BOYS, n), rng.choice(GIRLS, n))
    person_hh = np.concatenate([household, np.arange(n_households), father_hh, np.full(n_other, -1)])
    person_lsoa = np.concatenate([hh_lsoa[household], hh_lsoa, hh_lsoa[father_hh], other_lsoa])
    eth_codes = np.array(list(_ETHNICITY))
    eth_p = np.array(list(_ETHNICITY.values()))
    hh_eth = rng.choice(eth_codes, size=n_households, p=eth_p / eth_p.sum())
    ethnicity = np.concatenate([hh_eth[household], hh_eth, hh_eth[father_hh],
                                rng.choice(eth_codes, size=n_other, p=eth_p / eth_p.sum())])

    nhs = nhs_numbers(rng, n, block=profile.seq)
    # Most people's NHS number is known to the partnership's record; not everyone's.
    nhs = np.where(rng.random(n) < np.where(np.arange(n) < n_young, 0.97, 0.88), nhs, "")

    schools, school_of, establishment, upn_year = _schools(rng, profile, hh_lsoa[household], dob, n_lsoa, last)
    serial = _rank_within(establishment * 100 + upn_year % 100)
    pupil = establishment > 0
    upn = np.full(n_young, "", dtype="U13")
    upn[pupil] = upns(profile.la_code, establishment[pupil], upn_year[pupil], serial[pupil])
    upn_unknown = np.where(pupil, "", "UN6")

    people = pl.DataFrame({
        "id": ids,
        "la_child_id": np.concatenate([np.char.add(f"SYN{profile.la_code:03d}-", np.char.zfill(
            ids[:n_young].astype("U7"), 7)), np.full(n - n_young, "")]),
        "nhs_number": nhs,
        "upn": np.concatenate([upn, np.full(n - n_young, "")]),
        "upn_unknown": np.concatenate([upn_unknown, np.full(n - n_young, "")]),
        "forename": forename, "surname": surname,
        "date_of_birth": all_dob.astype("datetime64[D]"),
        "sex": all_sex, "ethnicity": ethnicity,
        "household_id": np.where(person_hh >= 0, person_hh + 1, 0),
        "lsoa_code": lsoas["lsoa_code"].to_numpy()[person_lsoa],
    })
    children = pl.DataFrame({
        "person_id": ids[:n_young], "date_of_birth": dob.astype("datetime64[D]"), "sex": sex,
        "household_id": household + 1, "lsoa_code": lsoas["lsoa_code"].to_numpy()[hh_lsoa[household]],
        "deprivation_decile": decile[household], "need": need,
        "mother_id": ids[n_young:n_young + n_households][household],
        "father_id": np.where(has_father[household],
                              n_young + n_households + 1 + np.cumsum(has_father)[household] - 1, 0),
        "school_urn": school_of,
    })
    gps = _gp_practices(profile, n)
    households = pl.DataFrame({"id": np.arange(1, n_households + 1),
                               "reference": np.char.add(f"SYN{profile.la_code:03d}-HH", np.arange(
                                   1, n_households + 1).astype("U8")),
                               "lsoa_code": lsoas["lsoa_code"].to_numpy()[hh_lsoa], "need": hh_need,
                               "gp_practice": rng.choice(gps["ods_code"].to_numpy(), n_households)})
    addresses = _addresses(rng, profile, people, first, last)
    relationships = pl.DataFrame({
        "person_id": np.concatenate([children["mother_id"].to_numpy(), children["father_id"].to_numpy()]),
        "child_id": np.concatenate([ids[:n_young], ids[:n_young]]),
        "kind": np.concatenate([np.full(n_young, "mother"), np.full(n_young, "father")]),
    }).filter(pl.col("person_id") > 0)
    return Population(people, children, households, lsoas, schools, gps, addresses, relationships)


def _rank_within(group: np.ndarray) -> np.ndarray:
    order = np.argsort(group, kind="stable")
    sorted_group = group[order]
    starts = np.flatnonzero(np.r_[True, sorted_group[1:] != sorted_group[:-1]])
    rank_sorted = np.arange(group.size) - np.repeat(starts, np.diff(np.r_[starts, group.size]))
    rank = np.empty_like(rank_sorted)
    rank[order] = rank_sorted
    return rank


def _schools(rng, profile: Profile, child_lsoa, dob, n_lsoa, last):
    """Primary schools serve a few LSOAs each, secondaries more; a pupil's UPN comes from the first one."""
    n_primary = max(2, round(profile.children / 560))
    n_secondary = max(1, round(profile.children / 3200))
    kinds = np.r_[np.full(n_primary, "primary"), np.full(n_secondary, "secondary")]
    establishment = np.r_[2000 + np.arange(n_primary), 4000 + np.arange(n_secondary)]
    # URNs from 900000 up are not issued to real schools (they reach about 150000).
    urn = 900000 + profile.seq * 1000 + np.arange(kinds.size)
    schools = pl.DataFrame({"urn": urn.astype("U6"), "establishment_number": establishment, "phase": kinds,
                            "name": [f"{profile.la_name} {k.title()} School {i + 1}" for i, k in enumerate(kinds)]})
    primary = child_lsoa * n_primary // n_lsoa
    secondary = n_primary + child_lsoa * n_secondary // n_lsoa
    start_school = dob + int(4.5 * YEAR_DAYS)
    last_day = int(last.astype("datetime64[D]").astype(np.int64))
    age_at_last = (last_day - dob) / YEAR_DAYS
    school_idx = np.where(age_at_last < 4.5, -1, np.where((last_day - int(7 * YEAR_DAYS) - dob) / YEAR_DAYS > 11,
                                                            secondary, primary))
    school_of = np.where(school_idx >= 0, urn[np.maximum(school_idx, 0)].astype("U6"), "")
    estab = np.where(school_idx >= 0, establishment[np.maximum(school_idx, 0)], 0)
    upn_year = (start_school.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970)
    return schools, school_of, estab, upn_year


def _gp_practices(profile: Profile, people: int) -> pl.DataFrame:
    n = max(2, round(people / 8000))
    return pl.DataFrame({"ods_code": [f"S{profile.la_code:03d}{i:02d}" for i in range(n)],
                         "name": [f"{profile.la_name} Medical Practice {i + 1}" for i in range(n)]})


def _postcodes(rng, n: int) -> pl.Series:
    """Postcodes in the ZZ area, which the Royal Mail does not use: they never point at a real home."""
    letters = np.array(list("ABDEFGHJLNPQRSTUWXY"))
    frame = pl.DataFrame({"d": rng.integers(1, 40, n), "s": rng.integers(1, 10, n),
                          "a": rng.choice(letters, n), "b": rng.choice(letters, n)})
    return frame.select(pl.format("ZZ{} {}{}{}", "d", "s", "a", "b"))["d"]


def _addresses(rng, profile: Profile, people: pl.DataFrame, first, last) -> pl.DataFrame:
    """One current address each (shared by a household); about one household in six moved in the period."""
    hh = people["household_id"].to_numpy()
    key = np.where(hh > 0, hh, people["id"].to_numpy() + 10_000_000)
    uniq, inv = np.unique(key, return_inverse=True)
    homes = pl.DataFrame({"number": rng.integers(1, 180, uniq.size), "street": rng.choice(STREETS, uniq.size)})
    line_1 = homes.select(pl.format("{} {}", "number", "street"))["number"].to_numpy()[inv]
    postcode = _postcodes(rng, uniq.size).to_numpy()[inv]
    moved = rng.random(uniq.size)[inv] < 0.16
    span = int((last - first) / DAY)
    move_day = (first + rng.integers(30, max(31, span - 30), uniq.size).astype("timedelta64[D]"))[inv]
    current = pl.DataFrame({
        "person_id": people["id"], "line_1": line_1, "town": profile.la_name, "postcode": postcode,
        "lsoa_code": people["lsoa_code"],
        "start_date": np.where(moved, move_day, np.datetime64("NaT")).astype("datetime64[D]"),
        "end_date": np.full(people.height, np.datetime64("NaT"), dtype="datetime64[D]")})
    k = int(moved.sum())
    old = pl.DataFrame({"number": rng.integers(1, 180, k), "street": rng.choice(STREETS, k)})
    previous = pl.DataFrame({
        "person_id": people["id"].filter(pl.Series(moved)),
        "line_1": old.select(pl.format("{} {}", "number", "street"))["number"],
        "town": profile.la_name, "postcode": _postcodes(rng, k),
        "lsoa_code": people["lsoa_code"].filter(pl.Series(moved)),
        "start_date": np.full(k, np.datetime64("NaT"), dtype="datetime64[D]"),
        "end_date": (move_day[moved] - DAY).astype("datetime64[D]")})
    frame = pl.concat([current, previous])
    return frame.with_columns(pl.arange(1, frame.height + 1, dtype=pl.Int64).alias("id"))
