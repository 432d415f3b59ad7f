"""The engine's referrals and plans as the record's casework tables, cut at the extract date.

What would happen after the last day of the history has not happened yet: such rows are left
out, and end dates after it are left empty (still open), as in a real extract.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.core.calendar import add_working_days_array
from sightline.synth.activity import Activity
from sightline.synth.cases import NFA_AT_REFERRAL, S47_ONLY
from sightline.synth.engine import NEVER, age_at

NULL_DAY = np.datetime64("NaT", "D")


def dates(days: np.ndarray, last: int) -> np.ndarray:
    """Day numbers as dates; unset days and days after the extract are empty."""
    out = days.astype("datetime64[D]")
    return np.where((days <= NEVER) | (days > last), NULL_DAY, out)


def casework_tables(rng, act: Activity, person_ids: np.ndarray, codes: dict[str, str], last: int,
                    school_codes: np.ndarray, has_father: np.ndarray) -> dict[str, pl.DataFrame]:
    r = act.referrals
    keep = r["referral_date"] <= last
    ref_id = np.cumsum(keep)  # row -> record id (1-based) for the kept rows
    child = r["child"]
    outcome = r["outcome"]
    closure = r["closure_date"]
    out: dict[str, pl.DataFrame] = {}
    out["casework_referral"] = pl.DataFrame({
        "id": ref_id[keep], "person_id": person_ids[child[keep]],
        "referral_date": dates(r["referral_date"][keep], last), "referral_source": r["source"][keep],
        "primary_need": r["primary_need"][keep], "referral_nfa": outcome[keep] == NFA_AT_REFERRAL,
        "closure_date": dates(closure[keep], last),
        "reason_for_closure": np.where(closure[keep] <= last, r["reason"][keep], ""),
    })
    # Outcome and owner travel with the Parquet copy; the loader keeps only the record's fields.
    out["casework_referral"] = out["casework_referral"].with_columns(
        pl.lit(codes["council"]).alias("owning_agency_code"), pl.Series("synth_outcome", outcome[keep]),
        pl.Series("synth_row", np.flatnonzero(keep)))

    a = keep & (r["assessment_start"] > NEVER) & (r["assessment_start"] <= last)
    out["casework_assessment"] = pl.DataFrame({
        "id": np.arange(1, a.sum() + 1), "referral_id": ref_id[a],
        "start_date": dates(r["assessment_start"][a], last), "authorisation_date": dates(r["assessment_end"][a], last)})

    c = keep & (r["cin_start"] > NEVER) & (r["cin_start"] <= last)
    out["casework_cinplan"] = pl.DataFrame({
        "id": np.arange(1, c.sum() + 1), "referral_id": ref_id[c], "start_date": dates(r["cin_start"][c], last),
        "end_date": dates(r["cin_end"][c], last)})

    s = keep & (r["strategy_date"] > NEVER) & (r["strategy_date"] <= last)
    s_id = np.cumsum(s)
    icpc_target = add_working_days_array(r["strategy_date"][s].astype("datetime64[D]"), 15)
    out["casework_strategydiscussion"] = pl.DataFrame({
        "id": s_id[s], "referral_id": ref_id[s], "date": dates(r["strategy_date"][s], last),
        "section47_initiated": np.ones(s.sum(), bool)})
    out["casework_strategydiscussion_agencies"] = pl.DataFrame({
        "strategydiscussion_id": np.repeat(s_id[s], 3),
        "agency_code": np.tile([codes["trust"], codes["police"], codes["community_health"]], s.sum())})
    out["casework_section47"] = pl.DataFrame({
        "id": s_id[s], "referral_id": ref_id[s], "strategy_discussion_id": s_id[s],
        "start_date": dates(r["strategy_date"][s], last), "icpc_target_date": icpc_target,
        "icpc_not_required": outcome[s] == S47_ONLY, "icpc_date": dates(r["icpc_date"][s], last)})

    plans = _plans(act, ref_id, keep, person_ids, last)
    out["casework_childprotectionplan"] = plans
    conferences = _conferences(rng, act, ref_id, s_id, keep, s, plans, last)
    out["casework_childprotectionconference"] = conferences
    out["casework_conferenceattendance"] = _attendance(rng, conferences, act, person_ids, codes, school_codes,
                                                       has_father)
    return out


def _plans(act: Activity, ref_id, keep, person_ids, last) -> pl.DataFrame:
    p = act.cp_plans
    ok = (p["start_date"] <= last) & keep[p["referral"]]
    return pl.DataFrame({
        "id": np.arange(1, ok.sum() + 1), "referral_id": ref_id[p["referral"][ok]],
        "person_id": person_ids[p["child"][ok]], "start_date": dates(p["start_date"][ok], last),
        "end_date": dates(p["end_date"][ok], last), "initial_category": p["initial_category"][ok],
        "latest_category": p["latest_category"][ok], "number_of_previous_plans": p["previous_plans"][ok],
        "synth_ended_by_care": p["ended_by_care"][ok], "synth_child": p["child"][ok]})


def _conferences(rng, act: Activity, ref_id, s_id, keep, s, plans: pl.DataFrame, last) -> pl.DataFrame:
    r = act.referrals
    initial = s & (r["icpc_date"] > NEVER) & (r["icpc_date"] <= last)
    rows = np.flatnonzero(initial)
    frames = [pl.DataFrame({
        "referral_id": ref_id[rows], "section47_id": s_id[rows], "kind": "initial",
        "date": dates(r["icpc_date"][rows], last), "synth_child": r["child"][rows]}).with_columns(
        pl.col("referral_id").cast(pl.Int64)).join(
        plans.select(pl.col("referral_id").cast(pl.Int64), pl.col("id").alias("plan_id")), on="referral_id",
        how="left").with_columns(
        pl.col("plan_id").is_not_null().alias("plan_decided"), pl.col("plan_id").fill_null(0)).select(
        "referral_id", "section47_id", "plan_id", "kind", "date", "plan_decided", "synth_child")]
    # Reviews: 3 months after the initial conference, then at most every 6 months (Working Together).
    start = plans["start_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    end = plans["end_date"].to_numpy().astype("datetime64[D]")
    end = np.where(np.isnat(end), last + 1, end.astype(np.int64))
    offsets = np.r_[rng.integers(80, 90), 84 + 175 * np.arange(1, 14)]
    when = start[:, None] + offsets[None, :] + rng.integers(-5, 1, (start.size, offsets.size))
    when = add_working_days_array(when.astype("datetime64[D]"), 0).astype(np.int64)
    valid = when < end[:, None]
    i, k = np.nonzero(valid)
    review = pl.DataFrame({"referral_id": plans["referral_id"].to_numpy()[i], "section47_id": 0,
                           "plan_id": plans["id"].to_numpy()[i], "kind": "review",
                           "date": when[i, k].astype("datetime64[D]"), "plan_decided": True,
                           "synth_child": plans["synth_child"].to_numpy()[i]})
    # The review at which a plan ends (not for plans ended by coming into care).
    # A plan that ends on an 18th birthday at a weekend was ended at the conference before it.
    final_day = np.busday_offset(end.astype("datetime64[D]"), 0, roll="backward").astype(np.int64)
    ends = np.flatnonzero((end <= last) & ~plans["synth_ended_by_care"].to_numpy() & (final_day > start))
    final = pl.DataFrame({"referral_id": plans["referral_id"].to_numpy()[ends], "section47_id": 0,
                          "plan_id": plans["id"].to_numpy()[ends], "kind": "review",
                          "date": final_day[ends].astype("datetime64[D]"), "plan_decided": False,
                          "synth_child": plans["synth_child"].to_numpy()[ends]})
    frame = pl.concat(frames + [review, final], how="vertical_relaxed").with_columns(
        pl.col("synth_child").cast(pl.Int64), pl.col("date").cast(pl.Date)).sort("date")
    return frame.with_columns(pl.arange(1, frame.height + 1, dtype=pl.Int64).alias("id"),
                              *[pl.when(pl.col(c) > 0).then(pl.col(c).cast(pl.Int64)).alias(c)
                                for c in ("plan_id", "section47_id")])


def _attendance(rng, conferences: pl.DataFrame, act: Activity, person_ids, codes, school_codes,
                has_father) -> pl.DataFrame:
    n = conferences.height
    conf_id = conferences["id"].to_numpy()
    child = conferences["synth_child"].to_numpy()
    day = conferences["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    age = age_at(act.state.dob[child], day)
    parts = []

    def add(mask, attendee, agency, p_attend, p_report):
        k = int(mask.sum())
        parts.append(pl.DataFrame({"conference_id": conf_id[mask], "attendee": np.full(k, attendee),
                                   "agency_code": agency[mask] if isinstance(agency, np.ndarray) else
                                   np.full(k, agency), "invited": np.ones(k, bool),
                                   "attended": rng.random(k) < p_attend, "report_submitted": rng.random(k) < p_report}))

    everyone = np.ones(n, bool)
    add(age >= 10, "child", "", 0.45, 0.0)
    add(everyone, "mother", "", 0.78, 0.0)
    add(has_father[child], "father", "", 0.42, 0.0)
    add(everyone, "agency", codes["trust"], 0.99, 0.97)
    add(everyone, "agency", codes["police"], 0.82, 0.74)
    add(everyone, "agency", codes["community_health"], 0.86, 0.80)
    at_school = (school_codes[child] != "") & (age >= 4.5) & (age < 16)
    add(at_school, "agency", school_codes[child], 0.80, 0.72)
    frame = pl.concat(parts)
    return frame.with_columns(pl.arange(1, frame.height + 1, dtype=pl.Int64).alias("id"))
