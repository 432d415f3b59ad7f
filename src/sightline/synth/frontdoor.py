"""Contacts to the front door and early help: the wide end of the funnel.

Every referral came in as a contact on its day; the other contacts are drawn to the month's
total (the seed report's table 1 where it gives one) about children weighted by need, and
end in early help, advice or no further action. Domestic abuse notifications from the police
are drawn to the published count of domestic abuse referrals to the children's trust.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.synth.activity import Activity
from sightline.synth.cases import STEP_DOWN
from sightline.synth.decisions import rate_and_decide
from sightline.synth.engine import day, fy_of, recode
from sightline.synth.profile import Profile

# Contacts per referral before the 2020-21 rise (Doncaster: about 1,750 a month to ~400 referrals).
CONTACTS_PER_REFERRAL = 4.3
SOURCE_AGENCY = {"6": "police", "2A": "school", "3A": "gp", "3B": "community_health", "3E": "hospital",
                 "3F": "community_health", "5A": "trust", "5C": "council", "5D": "council", "4": "council",
                 "7": "probation", "8": "voluntary"}
_CONCERNS = {"police": (["domestic_abuse", "criminal_exploitation", "missing", "physical_abuse", "other"],
                        [0.0, 0.2, 0.3, 0.25, 0.25]),
             "other": (["neglect", "emotional_abuse", "physical_abuse", "sexual_abuse", "mental_health",
                        "substance_misuse", "sexual_exploitation", "other"],
                       [0.3, 0.17, 0.12, 0.05, 0.14, 0.06, 0.04, 0.12])}
_NON_REFERRAL_SOURCES = np.array(["6", "2A", "3A", "3B", "3E", "3F", "5C", "5D", "1A", "1C", "4", "8", "9"])
_NON_REFERRAL_SHARE = np.array([34, 18, 3, 4, 6, 5, 3, 5, 8, 1, 3, 8, 2], dtype=float)


def monthly_contacts(profile: Profile, act: Activity) -> np.ndarray:
    """Contacts a month: the published month where there is one, else referrals x ratio (rising in 2020-21)."""
    out = np.zeros(len(act.plan.months), dtype=np.int64)
    for m, month in enumerate(act.plan.months):
        y, mo = int(str(month)[:4]), int(str(month)[5:7])
        known = profile.monthly_contacts.get((y, mo))
        if known is not None:
            out[m] = known
            continue
        ratio = CONTACTS_PER_REFERRAL
        months_into_rise = (y - 2020) * 12 + mo - 4
        if months_into_rise > 0:
            ratio *= 1 + min(months_into_rise, 12) * 0.028
        out[m] = max(round(act.plan.referrals[m] * ratio), int(act.plan.referrals[m]))
    return out


def frontdoor_tables(rng, profile: Profile, act: Activity, person_ids: np.ndarray, codes: dict[str, str],
                     school_codes: np.ndarray, gp_codes: np.ndarray, last: int,
                     staff: pl.DataFrame) -> dict[str, pl.DataFrame]:
    r = act.referrals
    # Referrals of the back story (before the history starts) came in before any contact on record.
    ref_keep = np.flatnonzero((r["referral_date"] <= last) & (r["referral_date"] >= act.plan.first_day))
    ref_date = r["referral_date"][ref_keep]
    ref_child = r["child"][ref_keep]
    ref_source = r["source"][ref_keep]
    month_of = (ref_date.astype("datetime64[D]").astype("datetime64[M]") - act.plan.months[0]).astype(np.int64)
    targets = monthly_contacts(profile, act)
    extra = np.maximum(targets - np.bincount(month_of, minlength=targets.size), 0)
    # The other contacts: month by month, about children alive and under 18, weighted by need.
    dob = act.state.dob
    w = np.exp(0.8 * act.state.need)
    child_parts, day_parts = [], []
    for m, month in enumerate(act.plan.months):
        ms, me = day(month), day(month + 1) - 1
        pool = np.flatnonzero((dob <= ms) & (act.state.birthday18 > me))
        child_parts.append(rng.choice(pool, size=int(extra[m]), p=w[pool] / w[pool].sum()))
        day_parts.append(ms + rng.integers(0, me - ms + 1, int(extra[m])))
    child, when = np.concatenate(child_parts), np.concatenate(day_parts)
    source = rng.choice(_NON_REFERRAL_SOURCES, size=child.size, p=_NON_REFERRAL_SHARE / _NON_REFERRAL_SHARE.sum())
    decision = rng.choice(["early_help", "information_advice", "no_further_action"], size=child.size,
                          p=[0.3, 0.35, 0.35])

    all_child = np.r_[ref_child, child]
    all_day = np.r_[ref_date, when]
    all_source = np.r_[ref_source, source]
    all_decision = np.r_[np.full(ref_child.size, "referral"), decision]
    n = all_child.size
    order = np.argsort(all_day, kind="stable")
    all_child, all_day = all_child[order], all_day[order]
    all_source, all_decision = all_source[order], all_decision[order]
    referral_row = np.r_[ref_keep, np.full(child.size, -1)][order]

    src_role = recode(all_source, SOURCE_AGENCY)
    agency = np.select([src_role == "school", src_role == "gp"], [school_codes[all_child], gp_codes[all_child]],
                       recode(src_role, codes))
    concern = _concerns(rng, profile, src_role, all_day, act)
    hour = rng.integers(8 * 60, 18 * 60, n)
    received = (all_day.astype("datetime64[D]").astype("datetime64[m]") + hour.astype("timedelta64[m]")).astype(
        "datetime64[ms]")
    decided = received + rng.integers(30, 60 * 26, n).astype("timedelta64[m]").astype("timedelta64[ms]")
    contact = pl.DataFrame({
        "id": np.arange(1, n + 1), "received_at": received, "source_agency_code": agency,
        "referral_source": all_source, "summary": np.char.add(np.char.add("Concern: ", np.char.replace(
            concern.astype("U30"), "_", " ")), "."),
        "decided_at": decided, "owning_agency_code": codes["trust"], "synth_decision": all_decision,
        "synth_referral_row": referral_row})
    people = pl.DataFrame({"id": np.arange(1, n + 1), "contact_id": np.arange(1, n + 1),
                           "person_id": person_ids[all_child], "is_subject": np.ones(n, bool)})
    concerns = pl.DataFrame({"id": np.arange(1, n + 1), "contact_id": np.arange(1, n + 1), "concern": concern})
    contact = contact.with_columns(pl.col("received_at").dt.replace_time_zone("UTC"),
                                   pl.col("decided_at").dt.replace_time_zone("UTC"))
    referral_outcome = np.where(referral_row >= 0, r["outcome"][np.maximum(referral_row, 0)], -1)
    contact, decisions = rate_and_decide(rng, contact, referral_outcome, staff)
    early_help = _early_help(rng, act, all_child, all_day, all_decision, person_ids, codes, school_codes, last)
    return {"frontdoor_contact": contact, "frontdoor_decision": _providers(decisions, early_help, codes),
            "frontdoor_contactperson": people, "frontdoor_contactconcern": concerns,
            "casework_earlyhelpepisode": early_help}


_PROVIDER = {"school": "school", "council": "council", "community_health": "health", "voluntary": "voluntary"}


def _providers(decisions: pl.DataFrame, early_help: pl.DataFrame, codes: dict[str, str]) -> pl.DataFrame:
    """An early help decision names who provides it: the lead agency of the episode it opened."""
    leads = early_help.filter(pl.col("synth_contact_id") > 0).select(
        pl.col("synth_contact_id").alias("contact_id"), pl.col("synth_lead").replace_strict(_PROVIDER).alias("p"),
        pl.col("lead_agency_code").alias("a"))
    is_eh = pl.col("outcome") == "early_help"
    return decisions.join(leads, on="contact_id", how="left").with_columns(
        pl.when(is_eh).then(pl.col("p").fill_null("council")).otherwise(pl.lit("")).alias("early_help_provider"),
        pl.when(is_eh).then(pl.col("a").fill_null(codes["council"])).otherwise(None).alias("early_help_agency_code"),
    ).drop("p", "a")


def _concerns(rng, profile: Profile, role: np.ndarray, days: np.ndarray, act: Activity) -> np.ndarray:
    n = role.size
    other = rng.choice(_CONCERNS["other"][0], size=n, p=_CONCERNS["other"][1])
    police = rng.choice(_CONCERNS["police"][0][1:], size=n, p=np.array(_CONCERNS["police"][1][1:]) /
                        sum(_CONCERNS["police"][1][1:]))
    concern = np.where(role == "police", police, other)
    # Police domestic abuse notifications to the trust: the published count for the year
    # (seed report table 6), else the same share of police contacts as Doncaster's 2019-20.
    fy = fy_of(days)
    is_police = np.flatnonzero(role == "police")
    for year in np.unique(fy[is_police]):
        rows = is_police[fy[is_police] == year]
        target = profile.domestic_abuse.get(int(year), {}).get("trust_referrals")
        count = target if target is not None else round(0.19 * rows.size)
        concern[rng.permutation(rows)[:min(count, rows.size)]] = "domestic_abuse"
    return concern


def _early_help(rng, act, child, days, decision, person_ids, codes, school_codes, last) -> pl.DataFrame:
    r = act.referrals
    step = np.flatnonzero((r["outcome"] == STEP_DOWN) & (r["closure_date"] <= last))
    eh = decision == "early_help"
    kids = np.r_[child[eh], r["child"][step]]
    start = np.r_[days[eh] + rng.integers(1, 10, eh.sum()), r["closure_date"][step] + rng.integers(1, 10, step.size)]
    end = start + np.clip(rng.lognormal(np.log(150), 0.5, kids.size), 28, 600).astype(np.int64)
    end = np.minimum(end, act.state.birthday18[kids] - 1)
    frame = pl.DataFrame({"child": kids, "start": start, "end": end,
                          "from_referral": np.r_[np.full(eh.sum(), -1), step],
                          "contact": np.r_[np.flatnonzero(eh) + 1, np.zeros(step.size, np.int64)]}).filter(
        pl.col("start") <= last, pl.col("end") >= pl.col("start")).sort("child", "start")
    # One episode at a time: a later offer while one is open is part of it.
    frame = frame.with_columns(pl.col("end").cum_max().shift(1).over("child").alias("prev_end")).filter(
        pl.col("prev_end").is_null() | (pl.col("start") > pl.col("prev_end")))
    n = frame.height
    k = frame["child"].to_numpy()
    lead = rng.choice(["school", "council", "community_health", "voluntary"], size=n, p=[0.38, 0.34, 0.16, 0.12])
    lead_code = np.where((lead == "school") & (school_codes[k] != ""), school_codes[k],
                         recode(np.where(lead == "school", "council", lead), codes))
    end = frame["end"].to_numpy()
    return pl.DataFrame({
        "id": np.arange(1, n + 1), "person_id": person_ids[k],
        "start_date": frame["start"].to_numpy().astype("datetime64[D]"),
        "end_date": np.where(end <= last, end.astype("datetime64[D]"), np.datetime64("NaT", "D")),
        "level_of_need": rng.choice([2, 3], size=n, p=[0.6, 0.4]), "lead_agency_code": lead_code,
        "lead_practitioner": np.char.add("Lead practitioner ", rng.integers(1, 400, n).astype("U4")),
        "stepped_down_from_row": frame["from_referral"].to_numpy(),
        "closure_reason": np.where(end <= last, rng.choice(["Needs met", "Stepped up to social care",
                                                            "Family withdrew consent", "Moved away"], size=n,
                                                           p=[0.62, 0.1, 0.22, 0.06]), ""),
        "owning_agency_code": codes["council"], "synth_contact_id": frame["contact"].to_numpy(),
        "synth_lead": lead})
