"""The multi-agency panels: MACE for children at risk of exploitation, MARAC for high-risk victims of domestic abuse.

MACE: seed report, exploitation section: 23 children tracked at 28/09/2021, the majority at
medium risk, the cohort "reduced significantly in the past 12 months"; the panel meets weekly and
reviews low risk cases at least every 12 weeks, medium every 8, high every 4 (clocks
mace_review_*). Children come from contacts about criminal or sexual exploitation at 10 to 17,
and the open cohort is steered month by month to the stock path below.

MARAC: every victim of a high-risk (DASH) incident is heard at the next weekly MARAC, which
agrees actions and closes the case; a victim already waiting to be heard is not referred twice.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.core.calendar.working_days import working_calendar
from sightline.synth.engine import Plan, day, fy_of
from sightline.synth.profile import Profile

_BASE_CHILDREN = 64_311  # Doncaster's children aged 0-17 in 2019-20, as in domestic_abuse
# MACE cohort for Doncaster: 23 at September 2021 (seed); 40 a year earlier and before is an
# assumption, to give the "significant" fall the seed report describes.
_MACE_STOCK = ((day("2020-09-30"), 40.0), (day("2021-09-30"), 23.0))
# Current risk levels: "the majority medium" (seed); the split is an assumption.
_RISK = (["low", "medium", "high"], [0.25, 0.55, 0.20])
_WEEKS = {"low": 12, "medium": 8, "high": 4}
_MACE_CLOSURE = (["Risk reduced", "Risk managed by a single agency", "Moved out of the area"], [0.7, 0.2, 0.1])
_ACTIONS = {"police": "Share intelligence and check associates", "trust": "Update the safety plan with the child",
            "council": "Arrange a return to education", "community_health": "Offer a sexual health appointment",
            "voluntary": "Safety planning with the victim (IDVA)", "hospital": "Flag the record for A&E staff"}
MACE_AGENCIES = ["police", "trust", "council", "community_health"]
MARAC_AGENCIES = ["voluntary", "police", "trust", "hospital"]


def meeting_days(first: int, last: int, weekday: int) -> np.ndarray:
    """Every working `weekday` (Monday 0) from first to last: the panel does not meet on a bank holiday."""
    days = np.arange(first, last + 1)
    days = days[(days + 3) % 7 == weekday]  # 1 January 1970 was a Thursday
    return days[np.is_busday(days.astype("datetime64[D]"), busdaycal=working_calendar())]


def panel_tables(rng, profile: Profile, plan: Plan, tables, codes: dict[str, str], last: int
                 ) -> dict[str, pl.DataFrame]:
    mace_days = meeting_days(plan.first_day, last, 2)
    marac_days = meeting_days(plan.first_day, last, 1)
    panels = pl.DataFrame({"id": [1, 2], "kind": ["mace", "marac"],
                           "name": [f"{profile.la_name} MACE panel", f"{profile.la_name} MARAC"]})
    meetings = pl.DataFrame({"id": np.arange(1, mace_days.size + marac_days.size + 1),
                             "panel_id": np.r_[np.ones(mace_days.size, np.int64), np.full(marac_days.size, 2)],
                             "date": np.r_[mace_days, marac_days].astype("datetime64[D]")})
    mace = _mace_cases(rng, profile, plan, tables, mace_days, last)
    marac = _marac_cases(rng, tables, marac_days, last)
    cases = pl.concat([mace, marac], how="diagonal_relaxed")
    cases = cases.with_columns(pl.arange(1, cases.height + 1, dtype=pl.Int64).alias("id"))
    reviews, level = _reviews(rng, cases, mace_days, last)
    cases = _review_due(cases.with_columns(pl.Series("risk_level", level, dtype=pl.String)), reviews)
    # Meetings are numbered MACE first, then MARAC, each in date order.
    met = reviews["date"].cast(pl.Int64).to_numpy()
    is_mace = reviews["panel_id"].to_numpy() == 1
    reviews = reviews.with_columns(pl.Series("meeting_id", np.where(
        is_mace, np.searchsorted(mace_days, met) + 1, np.searchsorted(marac_days, met) + 1 + mace_days.size)),
        pl.arange(1, reviews.height + 1, dtype=pl.Int64).alias("id"))
    owner = pl.col("panel_id").replace_strict({1: codes["trust"], 2: codes["police"]}).alias("owning_agency_code")
    cases = cases.with_columns(owner)
    reviews = reviews.with_columns(owner)
    actions = _actions(rng, reviews, codes, last)
    return {"panels_panel": panels, "panels_panelmeeting": meetings,
            "panels_panelcase": cases.drop("concern"),
            "panels_panelcasereview": reviews.select("id", "meeting_id", "case_id", "risk_level",
                                                     "owning_agency_code"),
            "panels_panelaction": actions}


def _stock(profile: Profile, month_end: int) -> int:
    x = np.array([d for d, _ in _MACE_STOCK])
    y = np.array([v for _, v in _MACE_STOCK])
    fy = int(fy_of(np.array([month_end]))[0])
    return round(float(np.interp(month_end, x, y)) * profile.figure(fy, "population_0_17") / _BASE_CHILDREN)


def _exploitation_contacts(tables) -> pl.DataFrame:
    """Contacts about exploitation of a child aged 10 to 17 with time for a case before turning 18."""
    people = tables["people_person"].select(pl.col("id").alias("person_id"), "date_of_birth")
    return tables["frontdoor_contactconcern"].filter(
        pl.col("concern").is_in(["criminal_exploitation", "sexual_exploitation"])).join(
        tables["frontdoor_contactperson"], on="contact_id").join(
        tables["frontdoor_contact"].select(pl.col("id").alias("contact_id"), "received_at"), on="contact_id").join(
        people, on="person_id").select(
        "person_id", "concern", pl.col("received_at").dt.date().cast(pl.Int64).alias("day"),
        pl.col("date_of_birth").dt.offset_by("10y").cast(pl.Int64).alias("ten"),
        pl.col("date_of_birth").dt.offset_by("18y").cast(pl.Int64).alias("eighteen")).filter(
        (pl.col("day") >= pl.col("ten")) & (pl.col("day") < pl.col("eighteen") - 60)).sort("day")


def _mace_cases(rng, profile: Profile, plan: Plan, tables, meetings: np.ndarray, last: int) -> pl.DataFrame:
    contacts = _exploitation_contacts(tables)
    c_day, c_person = contacts["day"].to_numpy(), contacts["person_id"].to_numpy()
    c_concern, c_eighteen = contacts["concern"].to_numpy(), contacts["eighteen"].to_numpy()
    concern, eighteen = [], []
    opened = np.zeros(0, np.int64)
    closes = np.zeros(0, np.int64)
    people = np.zeros(0, np.int64)
    for month in plan.months:
        ms, me = day(month), min(day(month + 1) - 1, last)
        if ms > last:
            break
        still_open = (opened <= me) & (closes > me)
        need = _stock(profile, me) - int(still_open.sum())
        pool = np.flatnonzero((c_day >= ms) & (c_day <= me) & ~np.isin(c_person, people[closes > ms]))
        _, first = np.unique(c_person[pool], return_index=True)
        pool = pool[first]
        take = rng.permutation(pool)[:max(need, 0)]
        r = np.minimum(c_day[take] + rng.integers(0, 10, take.size), last)
        duration = np.maximum(rng.lognormal(np.log(180), 0.6, take.size), 35).astype(np.int64)
        at_meeting = meetings[np.minimum(np.searchsorted(meetings, r + duration), meetings.size - 1)]
        shut = np.where(r + duration <= meetings[-1], at_meeting, r + duration)
        shut = np.minimum(shut, c_eighteen[take] - 1)
        concern.append(c_concern[take])
        eighteen.append(c_eighteen[take])
        opened, closes, people = np.r_[opened, r], np.r_[closes, shut], np.r_[people, c_person[take]]
    n = opened.size
    eighteen_ = np.concatenate(eighteen) if eighteen else np.zeros(0, np.int64)
    concern_ = np.concatenate(concern) if concern else np.zeros(0, "U30")
    risk = rng.choice(_RISK[0], size=n, p=_RISK[1])
    sexual = concern_ == "sexual_exploitation"
    both = rng.random(n) < 0.2
    kind = np.where(both, "both", np.where(sexual, "sexual", "criminal"))
    is_closed = closes <= last
    reason = np.where(closes == eighteen_ - 1, "Turned 18: passed to adult services",
                      rng.choice(_MACE_CLOSURE[0], size=n, p=_MACE_CLOSURE[1]))
    return pl.DataFrame({
        "panel_id": np.ones(n, np.int64), "person_id": people, "referral_date": opened.astype("datetime64[D]"),
        "risk_level": risk, "exploitation_type": kind,
        "closed_date": np.where(is_closed, closes.astype("datetime64[D]"), np.datetime64("NaT", "D")),
        "closure_reason": np.where(is_closed, reason, ""),
        "concern": concern_})


def _marac_cases(rng, tables, meetings: np.ndarray, last: int) -> pl.DataFrame:
    """A case for each high-risk incident's victim, heard at the first MARAC at least two days after referral."""
    high = tables["panels_domesticabuseincident"].filter(pl.col("dash_risk_level") == "high").select(
        pl.col("victim_id").alias("person_id"), pl.col("occurred_at").dt.date().cast(pl.Int64).alias("day"))
    r = high["day"].to_numpy() + rng.integers(0, 8, high.height)
    heard = np.searchsorted(meetings, r + 2)
    heard_day = np.where(heard < meetings.size, meetings[np.minimum(heard, meetings.size - 1)], 10**6)
    frame = pl.DataFrame({"person_id": high["person_id"], "r": r, "heard": heard_day}).filter(
        pl.col("r") <= last).sort("person_id", "r")
    # One open case at a time: a victim already waiting to be heard is not referred again.
    frame = frame.with_columns(pl.col("heard").cum_max().shift(1).over("person_id").alias("prev")).filter(
        pl.col("prev").is_null() | (pl.col("r") > pl.col("prev"))).sort("r")
    heard_day = frame["heard"].to_numpy()
    is_closed = heard_day <= last
    n = frame.height
    return pl.DataFrame({
        "panel_id": np.full(n, 2, np.int64), "person_id": frame["person_id"],
        "referral_date": frame["r"].to_numpy().astype("datetime64[D]"), "risk_level": np.full(n, "high"),
        "exploitation_type": np.full(n, ""),
        "closed_date": np.where(is_closed, heard_day.astype("datetime64[D]"), np.datetime64("NaT", "D")),
        "closure_reason": np.where(is_closed, "Heard at MARAC: actions agreed", ""),
        "concern": np.full(n, "")})


def _reviews(rng, cases: pl.DataFrame, mace_days: np.ndarray, last: int) -> tuple[pl.DataFrame, np.ndarray]:
    """MACE: the first meeting after referral, then each due date (one in ten slips a week); MARAC: the hearing.

    At each MACE review the panel may re-rate the child (2% a week since the last review, an
    assumption); the next review is due by the new level. Returns the reviews and each case's level after its last.
    """
    referral = cases["referral_date"].cast(pl.Int64).to_numpy()
    end = cases["closed_date"].cast(pl.Int64).fill_null(last).to_numpy()
    level = cases["risk_level"].to_numpy().copy()
    is_mace = cases["panel_id"].to_numpy() == 1
    marac = np.flatnonzero(~is_mace & (cases["closed_date"].is_not_null().to_numpy()))
    case_ids, days, levels = [marac], [end[marac]], [level[marac]]
    idx = np.flatnonzero(is_mace)
    at = np.searchsorted(mace_days, referral[idx])
    while idx.size:
        ok = at < mace_days.size
        idx, at = idx[ok], at[ok]
        when = mace_days[at]
        ok = when <= end[idx]
        idx, when = idx[ok], when[ok]
        # Re-rating in proportion to the weeks since the last review, so the levels keep their shares.
        weeks = pl.Series(level[idx], dtype=pl.String).replace_strict(_WEEKS, return_dtype=pl.Int64).to_numpy()
        rerated = rng.random(idx.size) < 0.02 * weeks
        level[idx[rerated]] = rng.choice(_RISK[0], int(rerated.sum()), p=_RISK[1])
        case_ids.append(idx)
        days.append(when)
        levels.append(level[idx])
        weeks = pl.Series(level[idx], dtype=pl.String).replace_strict(_WEEKS, return_dtype=pl.Int64).to_numpy()
        target = when + 7 * weeks + 7 * (rng.random(idx.size) < 0.1)
        # A review falling on a missed (bank holiday) meeting is held at the meeting before it.
        at = np.maximum(np.searchsorted(mace_days, target, side="right") - 1, np.searchsorted(mace_days, when) + 1)
    row = np.concatenate(case_ids)
    reviews = pl.DataFrame({"case_id": cases["id"].to_numpy()[row], "panel_id": cases["panel_id"].to_numpy()[row],
                            "risk_level": np.concatenate(levels).astype(str),
                            "date": np.concatenate(days).astype("datetime64[D]")}).sort("date", "case_id")
    return reviews, level


def _review_due(cases: pl.DataFrame, reviews: pl.DataFrame) -> pl.DataFrame:
    """Open MACE cases: the last review (or the referral) plus 4, 8 or 12 weeks, as panel_case_review_record sets it."""
    last_review = reviews.group_by("case_id").agg(pl.col("date").max().alias("last_review"))
    return cases.join(last_review, left_on="id", right_on="case_id", how="left").with_columns(
        pl.when((pl.col("panel_id") == 1) & pl.col("closed_date").is_null()).then(
            pl.coalesce("last_review", "referral_date") + pl.duration(
                weeks=pl.col("risk_level").replace_strict(_WEEKS, default=0, return_dtype=pl.Int64))).otherwise(
            None).cast(pl.Date).alias("review_due")).drop("last_review")


def _actions(rng, reviews: pl.DataFrame, codes: dict[str, str], last: int) -> pl.DataFrame:
    """Actions agreed at reviews: about one a MACE review, one to three a MARAC hearing."""
    is_mace = reviews["panel_id"].to_numpy() == 1
    count = np.where(is_mace, rng.poisson(0.8, reviews.height), rng.integers(1, 4, reviews.height))
    row = np.repeat(np.arange(reviews.height), count)
    roles = np.where(is_mace[row], rng.choice(MACE_AGENCIES, row.size), rng.choice(MARAC_AGENCIES, row.size))
    met = reviews["date"].cast(pl.Int64).to_numpy()[row]
    due = met + rng.integers(7, 29, row.size)
    done = met + np.maximum((due - met) * rng.uniform(0.2, 1.5, row.size), 1).astype(np.int64)
    completed = (done <= last) & (rng.random(row.size) < 0.9)
    return pl.DataFrame({
        "id": np.arange(1, row.size + 1), "meeting_id": reviews["meeting_id"].to_numpy()[row],
        "case_id": reviews["case_id"].to_numpy()[row], "agency_code": pl.Series(roles).replace_strict(codes),
        "action": pl.Series(roles).replace_strict(_ACTIONS), "due_date": due.astype("datetime64[D]"),
        "completed_date": np.where(completed, done.astype("datetime64[D]"), np.datetime64("NaT", "D")),
        "owning_agency_code": reviews["owning_agency_code"].to_numpy()[row]})
