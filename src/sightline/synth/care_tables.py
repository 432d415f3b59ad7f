"""Periods in care as SSDA903 records them: episodes, placements, reviews, missing, care leavers."""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.core.calendar import add_working_days_array
from sightline.synth.activity import Activity
from sightline.synth.casework_tables import dates
from sightline.synth.engine import YEAR, age_at, birthday, fy_of, recode

PLACEMENTS = np.array(["U1", "U3", "U4", "U5", "U6", "K2", "P1", "H5"])
PLACEMENT_SHARE = np.array([8, 6, 38, 8, 14, 12, 7, 7], dtype=float)
PROVIDERS = np.array(["PR1", "PR2", "PR4", "PR5"])
MAX_EPISODES = 4


def care_tables(rng, act: Activity, person_ids: np.ndarray, owner: str, last: int,
                eet_share: dict[int, float]) -> dict[str, pl.DataFrame]:
    p = act.care_periods
    keep = p["start_date"] <= last
    child, start, end = p["child"][keep], p["start_date"][keep], p["end_date"][keep]
    reason = p["reason_ceased"][keep]
    dob = act.state.dob[child]
    n = child.size
    # Split each period at placement moves (and C1 -> C2 when the full order is made).
    years = (end - start) / YEAR
    k = 1 + np.minimum(rng.poisson(0.55 * years), MAX_EPISODES - 1)
    cuts = np.sort(rng.uniform(0, 1, (n, MAX_EPISODES - 1)), axis=1)
    bounds = np.c_[np.zeros(n), cuts, np.ones(n)]
    seg = np.arange(MAX_EPISODES)[None, :] < k[:, None]
    # The last segment of a period ends where the period ends.
    bounds[np.arange(n), k] = 1.0
    seg_start = start[:, None] + np.round(bounds[:, :-1] * (end - start)[:, None]).astype(np.int64)
    seg_end = start[:, None] + np.round(bounds[:, 1:] * (end - start)[:, None]).astype(np.int64)
    i, j = np.nonzero(seg)
    first = j == 0
    final = j == k[i] - 1
    legal_first = rng.choice(["C1", "V2", "L1", "E1"], size=n, p=[0.5, 0.38, 0.08, 0.04])
    legal = np.where(first, legal_first[i], np.where(legal_first[i] == "C1", "C2", legal_first[i]))
    legal = np.where((legal == "L1") & ~first, "V2", legal)
    rne = np.where(first, "S", np.where((legal_first[i] == "C1") & (j == 1), "L", "P"))
    place = rng.choice(PLACEMENTS, size=i.size, p=PLACEMENT_SHARE / PLACEMENT_SHARE.sum())
    age_start = age_at(dob[i], seg_start[i, j])
    place = np.where((place == "H5") & (age_start < 16), "U4", place)
    # A change of legal status only keeps the placement.
    new_placement = rne != "L"
    placement_id = np.cumsum(new_placement)
    place = place[np.flatnonzero(new_placement)[placement_id - 1]]
    ep_end = seg_end[i, j]
    ep_reason = np.where(final, reason[i], "X1")
    episode = pl.DataFrame({
        "id": np.arange(1, i.size + 1), "person_id": person_ids[child[i]], "placement_id": placement_id,
        "start_date": dates(seg_start[i, j], last), "reason_new_episode": rne, "legal_status": legal,
        "category_of_need": np.where(rng.random(i.size) < 0.65, "N1", rng.choice(
            ["N2", "N3", "N4", "N5", "N6", "N7", "N8"], size=i.size)),
        "placement_type": place, "placement_provider": rng.choice(PROVIDERS, size=i.size, p=[0.55, 0.08, 0.32, 0.05]),
        "end_date": dates(ep_end, last), "reason_ceased": np.where(ep_end <= last, ep_reason, ""),
        "owning_agency_code": owner, "synth_child": child[i]}).filter(pl.col("start_date").is_not_null())
    episode = episode.with_columns(pl.arange(1, episode.height + 1, dtype=pl.Int64).alias("id"))
    placements = episode.group_by("placement_id").agg(
        pl.col("person_id").first(), pl.col("start_date").min(), pl.col("end_date").max(),
        pl.col("end_date").is_null().any().alias("open"), pl.col("placement_type").first(),
        pl.col("placement_provider").first().alias("provider")).sort("placement_id").with_columns(
        pl.when(pl.col("open")).then(None).otherwise(pl.col("end_date")).alias("end_date")).rename(
        {"placement_id": "id"}).drop("open").with_columns(pl.lit(owner).alias("owning_agency_code"))
    return {"care_lookedafterepisode": episode, "care_placement": placements,
            "care_lookedafterreview": _reviews(rng, child, start, end, dob, person_ids, owner, last),
            "care_missingepisode": _missing(rng, act, child, start, end, dob, person_ids, owner, last),
            "care_careleaver": _care_leavers(rng, act, child, start, end, dob, person_ids, owner, last, eet_share)}


def march_31(fy: np.ndarray) -> np.ndarray:
    return ((fy - 1970).astype("datetime64[Y]").astype("datetime64[M]") + 2).astype("datetime64[D]") + 30


def _reviews(rng, child, start, end, dob, person_ids, owner, last) -> pl.DataFrame:
    """Within 20 working days, then 3 months later, then every 6 months (Care Planning Regs 2010, reg 33)."""
    first = add_working_days_array(start.astype("datetime64[D]"), rng.integers(12, 21, start.size)).astype(np.int64)
    offsets = np.r_[0, 88, 88 + 178 * np.arange(1, 36)]
    when = first[:, None] + offsets[None, :] - rng.integers(0, 6, (start.size, offsets.size))
    when = add_working_days_array(when.astype("datetime64[D]"), 0).astype(np.int64)
    i, k = np.nonzero((when < np.minimum(end, last + 1)[:, None]) & (when > start[:, None]))
    day = when[i, k]
    age = age_at(dob[i], day)
    code = np.where(age < 4, "PN0", rng.choice(["PN1", "PN3", "PN4", "PN5", "PN6", "PN7"], size=i.size,
                                                  p=[0.5, 0.05, 0.05, 0.15, 0.17, 0.08]))
    return pl.DataFrame({"id": np.arange(1, i.size + 1), "person_id": person_ids[child[i]],
                         "date": day.astype("datetime64[D]"), "participation": code, "owning_agency_code": owner})


def _missing(rng, act, child, start, end, dob, person_ids, owner, last) -> pl.DataFrame:
    """Missing and away episodes: teenagers in care, more often the higher their need."""
    stop = np.minimum(end, last)
    years = np.maximum(stop - np.maximum(start, birthday(dob, 11)), 0) / YEAR
    count = rng.poisson(0.9 * years * np.exp(0.4 * (act.state.need[child] - 1)))
    i = np.repeat(np.arange(child.size), count)
    lo = np.maximum(start, birthday(dob, 11))[i]
    begin = lo + (rng.random(i.size) * np.maximum(stop[i] - lo, 1)).astype(np.int64)
    finish = np.minimum(begin + rng.choice([0, 0, 1, 1, 2, 3, 5], size=i.size), stop[i])
    offered = rng.random(i.size) < 0.86
    return pl.DataFrame({"id": np.arange(1, i.size + 1), "person_id": person_ids[child[i]],
                         "kind": np.where(rng.random(i.size) < 0.7, "M", "A"),
                         "start_date": begin.astype("datetime64[D]"), "end_date": dates(finish, last),
                         "return_interview_offered": offered,
                         "return_interview_accepted": offered & (rng.random(i.size) < 0.62),
                         "owning_agency_code": owner})


def _care_leavers(rng, act, child, start, end, dob, person_ids, owner, last, eet_share) -> pl.DataFrame:
    """OC3 rows for former relevant children (in care at 18, 13 weeks or more since 14) aged 17 to 21.

    Activity is recorded around the birthday in each collection year; the share in education,
    employment or training is the published one for the year, drawn exactly (not at random).
    """
    b18 = birthday(dob, 18)
    relevant = (end == b18) & ((end - np.maximum(start, birthday(dob, 14))) >= 91)
    kids = child[relevant]
    kid_dob = dob[relevant]
    rows = []
    for age in range(17, 22):
        bday = birthday(kid_dob, age)
        ok = bday <= last
        rows.append(pl.DataFrame({"synth_child": kids[ok].astype(np.int64), "age": np.full(int(ok.sum()), age),
                                  "birthday": bday[ok].astype(np.int64)}))
    frame = pl.concat(rows)
    fy = fy_of(frame["birthday"].to_numpy())
    frame = frame.with_columns(pl.Series("fy", fy)).filter(pl.col("fy") <= int(fy_of(np.array([last]))[0]))
    order = rng.permutation(frame.height)
    frame = frame[order].with_columns(
        pl.int_range(pl.len()).over("fy", pl.col("age") >= 19).alias("rank"),
        pl.len().over("fy", pl.col("age") >= 19).alias("group"))
    share = recode(frame["fy"].to_numpy(), eet_share, 0.5).astype(float)
    eet = frame["rank"].to_numpy() < np.round(share * frame["group"].to_numpy())
    n = frame.height
    activity = np.where(eet, rng.choice(["F2", "F4", "P4", "F1", "F5"], size=n, p=[0.35, 0.35, 0.1, 0.1, 0.1]),
                        rng.choice(["G5", "G4", "G6"], size=n, p=[0.6, 0.2, 0.2]))
    return pl.DataFrame({
        "id": np.arange(1, n + 1), "person_id": person_ids[frame["synth_child"].to_numpy()],
        "year_ending": march_31(frame["fy"].to_numpy()),
        "in_touch": np.full(n, "YES"), "activity": activity,
        "accommodation": rng.choice(["S", "T", "B", "K"], size=n), "owning_agency_code": owner,
        "synth_age": frame["age"].to_numpy()})
