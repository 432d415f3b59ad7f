"""Serious incidents, rapid reviews and practice reviews (Working Together ch. 5), and LADO allegations.

Seed report, practice reviews: in 2020-21 five rapid reviews, leading to two child safeguarding
practice reviews and three local learning reviews, and three more local learning reviews of cases
referred to the case review group; the independent scrutineer finds practice reviews "taking too
long to complete". Other years take the same rates, scaled by the number of children. The child
of a serious incident is one on a child protection plan or looked after that day.

Due dates are those the services store (sightline.assurance.services): notification 5 working
days from the authority becoming aware, rapid review 15 working days from the notification, a
practice review 6 months from the decision (clocks serious_incident_notification, rapid_review,
local_child_safeguarding_practice_review).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.core.calendar import add_working_days_array
from sightline.synth.engine import fy_of
from sightline.synth.organisations import school_agency_codes

_BASE_CHILDREN = 64_311
RAPID_REVIEWS_A_YEAR = 5.0    # seed, 2020-21
OTHER_LOCAL_LEARNING_A_YEAR = 3.0  # seed, 2020-21: referred to the case review group without a rapid review
# Of completed rapid reviews: 2 of 5 an LCSPR and 3 of 5 a local learning review (seed); some
# conclude that no further review is needed, as the Panel's annual reports show (assumption).
_DECISION = (["lcspr", "local_learning", "no_review"], [0.35, 0.5, 0.15])
# Allegations a year per 10,000 children: an assumption in the range LADO annual reports give.
LADO_PER_10000 = 40.0
_SECTOR = (["education", "social_care", "foster_care", "early_years", "health", "police", "sport", "voluntary",
            "faith", "transport", "other"], [0.36, 0.18, 0.1, 0.08, 0.07, 0.04, 0.04, 0.04, 0.02, 0.03, 0.04])
_EMPLOYER = {"social_care": "trust", "foster_care": "trust", "health": "hospital", "police": "police",
             "voluntary": "voluntary"}
# Keeping Children Safe in Education, Part 4 outcomes; the shares are an assumption.
_OUTCOME = (["substantiated", "unsubstantiated", "unfounded", "false", "malicious"], [0.27, 0.35, 0.24, 0.11, 0.03])


def _yearly(profile, fys, rate: float) -> dict[int, int]:
    """At least one a year, so that a small --scale still has reviews to show."""
    return {fy: max(1, round(rate * profile.figure(fy, "population_0_17") / _BASE_CHILDREN)) for fy in fys}


def _days_in(rng, fys: list[int], counts: dict[int, int], first: int, last: int) -> np.ndarray:
    fy = np.repeat(np.arange(len(fys)), [counts[f] for f in fys])
    april = np.array([np.datetime64(f"{f - 1}-04-01", "D") for f in fys]).astype(np.int64)
    march = np.array([np.datetime64(f"{f}-03-31", "D") for f in fys]).astype(np.int64)
    start, end = np.maximum(april[fy], first), np.minimum(march[fy], last)
    return np.sort(start + (rng.random(fy.size) * np.maximum(end - start + 1, 1)).astype(np.int64))


def _children_on_plan_or_in_care(rng, tables, days: np.ndarray) -> np.ndarray:
    """For each day, a child on a plan or looked after then (any child with a plan if none is)."""
    spells = pl.concat([tables[t].select("person_id", "start_date", "end_date") for t in
                        ("casework_childprotectionplan", "care_lookedafterepisode")])
    wanted = pl.DataFrame({"k": np.arange(days.size), "day": days.astype("datetime64[D]")})
    joined = wanted.join(spells, how="cross").filter(
        (pl.col("start_date") <= pl.col("day"))
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= pl.col("day"))))
    joined = joined.with_columns(pl.Series("key", rng.random(joined.height))).sort("key").unique("k", keep="first")
    chosen = wanted.join(joined.select("k", "person_id"), on="k", how="left").sort("k")["person_id"]
    return chosen.fill_null(spells["person_id"][0]).to_numpy()


def review_tables(rng, profile, tables, codes: dict[str, str], first: int, last: int) -> dict[str, pl.DataFrame]:
    fys = list(range(int(fy_of(np.array([first]))[0]), int(fy_of(np.array([last]))[0]) + 1))
    aware = _days_in(rng, fys, _yearly(profile, fys, RAPID_REVIEWS_A_YEAR), first, last)
    n = aware.size
    due = add_working_days_array(aware.astype("datetime64[D]"), 5)
    # Nine in ten notified in time (assumption); the rest one to five working days late.
    late = rng.random(n) < 0.1
    notified = add_working_days_array(aware.astype("datetime64[D]"),
                                      np.where(late, 5 + rng.integers(1, 6, n), rng.integers(0, 6, n)))
    notified = np.where(notified.astype(np.int64) <= last, notified, np.datetime64("NaT", "D"))
    incidents = pl.DataFrame({"id": np.arange(1, n + 1), "person_id": _children_on_plan_or_in_care(rng, tables, aware),
                              "summary": "Serious harm to a child where abuse or neglect is known or suspected.",
                              "la_aware_date": aware.astype("datetime64[D]"), "notification_due": due,
                              "notified_date": notified, "owning_agency_code": codes["council"]})
    rapid = _rapid_reviews(rng, incidents, last)
    case_reviews = _case_reviews(rng, profile, fys, tables, rapid, codes, first, last)
    return {"assurance_seriousincident": incidents, "assurance_rapidreview": rapid.drop("person_id"),
            "assurance_casereview": case_reviews, "assurance_ladoallegation": _lado(rng, profile, fys, tables, codes,
                                                                                    first, last)}


def _rapid_reviews(rng, incidents: pl.DataFrame, last: int) -> pl.DataFrame:
    """A rapid review of every notified incident, started on the notification; seven in ten sent in time."""
    notified = incidents.filter(pl.col("notified_date").is_not_null())
    n = notified.height
    started = notified["notified_date"].to_numpy()
    due = add_working_days_array(started, 15)
    took = np.where(rng.random(n) < 0.7, rng.integers(8, 16, n), 15 + rng.integers(1, 16, n))
    done = add_working_days_array(started, took)
    is_done = done.astype(np.int64) <= last
    return pl.DataFrame({"id": np.arange(1, n + 1), "incident_id": notified["id"], "person_id": notified["person_id"],
                         "started_date": started, "due_date": due,
                         "completed_date": np.where(is_done, done, np.datetime64("NaT", "D")),
                         "decision": np.where(is_done, rng.choice(_DECISION[0], n, p=_DECISION[1]), ""),
                         "owning_agency_code": notified["owning_agency_code"]})


def _case_reviews(rng, profile, fys, tables, rapid: pl.DataFrame, codes, first, last) -> pl.DataFrame:
    """LCSPRs and local learning reviews: from rapid reviews, and a few referred directly to the review group."""
    chosen = rapid.filter(pl.col("decision").is_in(["lcspr", "local_learning"]))
    decided = chosen["completed_date"].to_numpy().astype(np.int64) + rng.integers(1, 15, chosen.height)
    direct = _days_in(rng, fys, _yearly(profile, fys, OTHER_LOCAL_LEARNING_A_YEAR), first, last)
    frame = pl.DataFrame({
        "kind": np.r_[chosen["decision"].to_numpy(), np.full(direct.size, "local_learning")],
        "person_id": np.r_[chosen["person_id"].to_numpy(), _children_on_plan_or_in_care(rng, tables, direct)],
        "rapid_review_id": pl.Series(np.r_[chosen["id"].to_numpy(), np.zeros(direct.size, np.int64)]).replace(0, None),
        "decision_date": np.r_[decided, direct]}).filter(pl.col("decision_date") <= last).sort("decision_date")
    n = frame.height
    lcspr = frame["kind"].to_numpy() == "lcspr"
    # "Taking too long" (seed): LCSPRs take about nine months, local learning reviews about five.
    took = np.maximum(rng.lognormal(np.where(lcspr, np.log(270), np.log(150)), 0.3, n), 60).astype(np.int64)
    published = frame["decision_date"].to_numpy() + took
    is_published = published <= last
    status = np.where(is_published, "published", np.where(published - last <= 60, "awaiting_publication",
                                                           "in_progress"))
    label = np.where(lcspr, "Local child safeguarding practice review", "Local learning review")
    frame = frame.with_columns(
        pl.arange(1, n + 1, dtype=pl.Int64).alias("id"), pl.col("decision_date").cast(pl.Date),
        pl.Series("title", np.char.add(np.char.add(label, ": Child "), np.arange(1, n + 1).astype("U4"))),
        pl.Series("published_date", np.where(is_published, published.astype("datetime64[D]"),
                                             np.datetime64("NaT", "D"))),
        pl.Series("status", status), pl.lit(codes["council"]).alias("owning_agency_code"))
    return frame.with_columns(pl.col("decision_date").dt.offset_by("6mo").alias("due_date"))


def _lado(rng, profile, fys, tables, codes: dict[str, str], first: int, last: int) -> pl.DataFrame:
    received = _days_in(rng, fys, {fy: round(LADO_PER_10000 * profile.figure(fy, "population_0_17") / 10_000)
                                   for fy in fys}, first, last)
    n = received.size
    # Most reach the LADO within the working day the lado_referral clock allows (assumption: 8 in 10).
    referred = add_working_days_array(received.astype("datetime64[D]"),
                                      np.where(rng.random(n) < 0.8, rng.integers(0, 2, n), rng.integers(2, 11, n)))
    referred_day = referred.astype(np.int64)
    sector = rng.choice(_SECTOR[0], n, p=_SECTOR[1])
    children = tables["synth_child"]
    child = children["person_id"].to_numpy()
    w = np.exp(children["need"].to_numpy())
    row = rng.choice(child.size, n, p=w / w.sum())
    who = child[row]
    known = rng.random(n) < 0.85
    school = school_agency_codes(profile, children["school_urn"].to_numpy())[row]
    closes = referred_day + np.maximum(rng.lognormal(np.log(45), 0.7, n), 1).astype(np.int64)
    closed = closes <= last
    keep = referred_day <= last
    # An allegation in education is about someone at the child's school, when the child is known and at one.
    employer = np.where((sector == "education") & known & (school != ""), school, pl.Series(sector).replace_strict(
        {s: codes[r] for s, r in _EMPLOYER.items()}, default="").to_numpy())
    frame = pl.DataFrame({
        "person_id": pl.Series(np.where(known, who, 0)).replace(0, None), "received_date": received.astype(
            "datetime64[D]"), "referral_date": referred,
        "employer_code": pl.Series(employer).replace("", None), "sector": sector,
        "outcome": np.where(closed, rng.choice(_OUTCOME[0], n, p=_OUTCOME[1]), ""),
        "closed_date": np.where(closed, closes.astype("datetime64[D]"), np.datetime64("NaT", "D")),
        "owning_agency_code": codes["council"]}).filter(pl.Series(keep))
    return frame.with_columns(pl.arange(1, frame.height + 1, dtype=pl.Int64).alias("id"))
