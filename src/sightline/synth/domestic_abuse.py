"""Domestic abuse as the police and the domestic abuse services see it, and Operation Encompass.

Yearly counts follow the seed report's table 6 (police incidents, crime and non-crime; referrals
to the domestic abuse hub and to IDVAs); other years and authorities scale Doncaster's 2019-20
figures by the number of children. Victims are drawn by household need, so the same households
recur; referrals to the hub and to IDVAs are drawn month by month so that the share of repeat
victims (another referral within 12 months) is the one the report gives for each route.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.core.calendar import add_working_days_array
from sightline.synth.engine import NEVER, Plan, day, spread, top_k
from sightline.synth.profile import DONCASTER_DOMESTIC_ABUSE, DONCASTER_REPEAT_VICTIM_SHARE, Profile

_BASE_YEAR, _BASE_CHILDREN = 2020, 64_311
_ROUTES = (("hub", "hub_referrals"), ("idva", "idva_referrals"))


def _yearly(profile: Profile, plan: Plan, name: str) -> dict[int, float]:
    fys = {int(str(m)[:4]) + (1 if int(str(m)[5:7]) >= 4 else 0) for m in plan.months}
    out = {}
    for fy in fys:
        known = profile.domestic_abuse.get(fy, {}).get(name)
        base = DONCASTER_DOMESTIC_ABUSE[_BASE_YEAR][name] * profile.figure(fy, "population_0_17") / _BASE_CHILDREN
        out[fy] = known if known is not None else base
    return out


def domestic_abuse_tables(rng, profile: Profile, plan: Plan, pop, kids_dob: np.ndarray, school_codes: np.ndarray,
                          codes: dict[str, str], last: int) -> dict[str, pl.DataFrame]:
    flat = np.ones(len(plan.months))
    crime = spread(_yearly(profile, plan, "da_crime"), plan.months, flat)
    non_crime = spread(_yearly(profile, plan, "da_non_crime"), plan.months, flat)
    per_month = crime + non_crime
    children = pop.children
    households = pop.households
    # Victims: mostly mothers of the households with children (by household need), some other adults.
    mothers = children.group_by("household_id").agg(pl.col("mother_id").first(), pl.col("father_id").first()).join(
        households.select(pl.col("id").alias("household_id"), "need"), on="household_id").sort("household_id")
    other = pop.people.filter(pl.col("household_id") == 0)["id"].to_numpy()
    hh_victim = mothers["mother_id"].to_numpy()
    hh_perp = mothers["father_id"].to_numpy()
    hh_w = np.exp(1.2 * mothers["need"].to_numpy())

    m = np.repeat(np.arange(len(plan.months)), per_month)
    n = m.size
    starts = np.array([day(x) for x in plan.months])
    ends = np.array([day(x + 1) - 1 for x in plan.months])
    date = starts[m] + (rng.random(n) * (ends[m] - starts[m] + 1)).astype(np.int64)
    in_household = rng.random(n) < 0.65
    h = rng.choice(hh_victim.size, size=n, p=hh_w / hh_w.sum())
    victim = np.where(in_household, hh_victim[h], rng.choice(other, size=n))
    perpetrator = np.where(in_household & (hh_perp[h] > 0), hh_perp[h], 0)
    is_crime = np.zeros(n, bool)
    for i in range(len(plan.months)):
        rows = np.flatnonzero(m == i)
        is_crime[rng.permutation(rows)[:crime[i]]] = True
    minutes = rng.integers(0, 24 * 60, n)
    occurred = (date.astype("datetime64[D]").astype("datetime64[m]") + minutes.astype("timedelta64[m]")).astype(
        "datetime64[ms]")
    keep = date <= last
    incident_id = np.cumsum(keep)
    incidents = pl.DataFrame({
        "id": incident_id[keep], "occurred_at": occurred[keep], "is_crime": is_crime[keep],
        "dash_risk_level": rng.choice(["standard", "medium", "high"], size=int(keep.sum()), p=[0.55, 0.33, 0.12]),
        "victim_id": victim[keep], "alleged_perpetrator_id": pl.Series(perpetrator[keep]).replace(0, None),
        "police_reference": np.char.add(f"{codes['police'][:3].upper()}-DA-", incident_id[keep].astype("U8")),
        "owning_agency_code": codes["police"]}).with_columns(pl.col("occurred_at").dt.replace_time_zone("UTC"))
    tables = {"panels_domesticabuseincident": incidents}
    tables.update(_children_present(rng, incidents, in_household[keep], h[keep], children, kids_dob, school_codes,
                                    codes, date[keep]))
    tables["panels_domesticabusereferral"] = _referrals(rng, profile, plan, incidents, date[keep], codes, last)
    return tables


def _children_present(rng, incidents, in_household, h, children: pl.DataFrame, kids_dob, school_codes, codes, date):
    """The children of the victim's household under 18 on the day; those at school get an Encompass notice."""
    household = children.select("household_id", "person_id").with_row_index("row")
    rows = pl.DataFrame({"incident_id": incidents["id"], "household_id": h + 1, "day": date}).filter(
        pl.Series(in_household)).join(household, on="household_id")
    row = rows["row"].to_numpy()
    dob = kids_dob[row]
    day_ = rows["day"].to_numpy()
    age = (day_ - dob) / 365.25
    present = (age >= 0) & (age < 18)
    rows = rows.filter(pl.Series(present))
    row, age, day_ = row[present], age[present], day_[present]
    n = rows.height
    kids = pl.DataFrame({"id": np.arange(1, n + 1), "incident_id": rows["incident_id"],
                         "child_id": rows["person_id"], "witnessed": rng.random(n) < 0.4})
    at_school = (school_codes[row] != "") & (age >= 4.5) & (age < 16)
    k = int(at_school.sum())
    created = (day_[at_school].astype("datetime64[D]").astype("datetime64[m]")
               + rng.integers(8 * 60, 20 * 60, k).astype("timedelta64[m]")).astype("datetime64[ms]")
    due = (add_working_days_array(day_[at_school].astype("datetime64[D]"), 1).astype("datetime64[m]")
           + np.timedelta64(9 * 60, "m")).astype("datetime64[ms]")
    sent = created + rng.integers(10, 18 * 60, k).astype("timedelta64[m]").astype("timedelta64[ms]")
    acknowledged = rng.random(k) < 0.8
    encompass = pl.DataFrame({
        "id": np.arange(1, k + 1), "incident_id": rows["incident_id"].to_numpy()[at_school],
        "child_id": rows["person_id"].to_numpy()[at_school], "school_code": school_codes[row][at_school],
        "created_at": created, "due_at": due, "sent_at": sent,
        "acknowledged_at": np.where(acknowledged, sent + rng.integers(20, 48 * 60, k).astype("timedelta64[m]").astype(
            "timedelta64[ms]"), np.datetime64("NaT", "ms")),
        "owning_agency_code": codes["police"]}).with_columns(
        [pl.col(c).dt.replace_time_zone("UTC") for c in ("created_at", "due_at", "sent_at", "acknowledged_at")])
    return {"panels_domesticabuseincidentchild": kids, "panels_operationencompassnotification": encompass}


def _referrals(rng, profile: Profile, plan: Plan, incidents: pl.DataFrame, date: np.ndarray, codes, last):
    """Month by month, each route's referrals, repeats to the reported share.

    New victims come from the month's police incidents; a repeat victim (referred in the last 12
    months) may come back through a new incident or be referred again by another agency.
    """
    victim = incidents["victim_id"].to_numpy()
    incident = incidents["id"].to_numpy()
    counts = {route: spread(_yearly(profile, plan, name), plan.months, np.ones(len(plan.months)))
              for route, name in _ROUTES}
    out = []
    size = int(victim.max()) + 1 if victim.size else 1
    last_ref = np.full(size, NEVER)
    incident_of = np.zeros(size, np.int64)
    for i, month in enumerate(plan.months):
        ms, me = day(month), day(month + 1) - 1
        this = np.flatnonzero((date >= ms) & (date <= me))
        incident_of[:] = 0
        incident_of[victim[this][::-1]] = incident[this][::-1]  # the month's first incident of each victim
        with_incident = np.flatnonzero(incident_of > 0)
        taken = np.zeros(size, bool)
        # IDVAs first: more of their victims come back, mostly after a new incident.
        for route, _ in sorted(_ROUTES, reverse=True):
            n = int(counts[route][i])
            repeat_pool = np.flatnonzero(~taken & (last_ref >= me - 364))
            new_pool = with_incident[~taken[with_incident] & (last_ref[with_incident] < ms - 366)]
            weight = 1.0 + (route == "idva") * 3.0 * (incident_of > 0)
            rep = top_k(rng, repeat_pool, weight[repeat_pool], round(DONCASTER_REPEAT_VICTIM_SHARE[route] * n))
            new = top_k(rng, new_pool, weight[new_pool], n - rep.size)
            who = np.concatenate([rep, new])
            taken[who] = True
            by_incident = incident_of[who]
            incident_day = np.where(by_incident > 0, date[np.maximum(by_incident - 1, 0)], ms)
            ref_day = np.where(by_incident > 0, np.minimum(incident_day + rng.integers(0, 6, who.size), me),
                               ms + rng.integers(0, me - ms + 1, who.size))
            last_ref[who] = ref_day
            out.append(pl.DataFrame({"route": np.full(who.size, route), "referral_date": ref_day,
                                     "victim_id": who, "incident_id": by_incident}))
    frame = pl.concat(out).filter(pl.col("referral_date") <= last).with_columns(
        pl.col("referral_date").cast(pl.Date), pl.col("incident_id").replace(0, None)).sort("referral_date")
    frame = frame.with_columns(pl.arange(1, frame.height + 1, dtype=pl.Int64).alias("id"))
    return _mark_repeats(frame).with_columns(pl.lit(codes["trust"]).alias("owning_agency_code"))


def _mark_repeats(frame: pl.DataFrame) -> pl.DataFrame:
    """is_repeat by the model's definition: another referral of the victim, any route, in the 12 months before."""
    earlier = frame.select("id", "victim_id", "referral_date").join(
        frame.select(pl.col("id").alias("other"), "victim_id", pl.col("referral_date").alias("other_date")),
        on="victim_id").filter((pl.col("other") != pl.col("id")) & (pl.col("other_date") <= pl.col("referral_date"))
                               & (pl.col("other_date") >= pl.col("referral_date").dt.offset_by("-12mo")))
    repeat = earlier.select("id").unique().with_columns(pl.lit(True).alias("is_repeat"))
    return frame.join(repeat, on="id", how="left").with_columns(pl.col("is_repeat").fill_null(False))
