"""Multi-agency training, multi-agency audits and the learning actions from audits and practice reviews.

Seed report, training: face-to-face courses were postponed at the start of the pandemic and the
virtual offer ran from autumn 2020; in 2020-21, 391 people attended and 55 gave feedback, 51 of
them positive. The courses are those the report lists. Audits: paused from April 2020, resumed
in July 2021 with a neglect audit of six cases; the plan is a quarterly programme on the
partnership's priorities (neglect, domestic abuse, exploitation, emotional health).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.synth.engine import day, fy_of
from sightline.synth.profile import DONCASTER

_BASE_CHILDREN = 64_311
# Attended a year: 391 in 2020-21 (seed); 500 a year face to face before, and 450 blended after, are assumptions.
_ATTENDED = {2021: 391.0}
_ATTENDED_BEFORE, _ATTENDED_AFTER = 500.0, 450.0
_PAUSED = (day("2020-04-01"), day("2020-09-30"))       # no sessions: postponed, then moved online (seed)
_VIRTUAL_FROM, _BLENDED_FROM = day("2020-10-01"), day("2021-04-01")
_TURNED_UP = 0.85     # share of booked places attended: an assumption
_FEEDBACK = 55 / 391  # seed, 2020-21
_COURSES = [("Introduction to Early Help, Thresholds and Guidance", "working_together"),
            ("Early Help Supervision", "working_together"), ("Outcomes, Plans and Closures", "working_together"),
            ("Signs of Safety", "working_together"), ("Role of Lead Practitioner", "working_together"),
            ("Managing Engagement", "other"), ("Child Exploitation", "exploitation"), ("Outcome Star", "other"),
            ("Coercive and Controlling Behaviour", "domestic_abuse"), ("Domestic Abuse", "domestic_abuse"),
            ("Honour Based Violence, Forced Marriage and FGM", "other"),
            ("Reducing Parental Conflict", "domestic_abuse"), ("Neglect and the Graded Care Profile 2", "neglect"),
            ("Emotional Health and Wellbeing", "mental_health")]
# Who comes to partnership training, by partner (schools share one slot): an assumption.
_ATTENDEES = (["trust", "council", "school", "police", "community_health", "hospital", "icb", "voluntary",
               "probation"], [0.3, 0.15, 0.2, 0.1, 0.08, 0.05, 0.02, 0.07, 0.03])
_THEMES = ["neglect", "domestic_abuse", "exploitation", "mental_health", "front_door"]
_GRADES = (["outstanding", "good", "requires_improvement", "inadequate"], [0.05, 0.45, 0.35, 0.15])
_AUDITORS = ["police", "council", "community_health", "hospital"]
_LEARNING = ["Brief staff on the learning", "Update the procedure", "Add the learning to training",
             "Audit practice again in six months"]


def quality_tables(rng, profile, plan, tables, codes: dict[str, str], last: int) -> dict[str, pl.DataFrame]:
    out = _training(rng, profile, plan, tables, codes, last)
    out.update(_audits(rng, plan, tables, codes, last))
    out["assurance_learningaction"] = _learning_actions(rng, tables["assurance_casereview"],
                                                       out["assurance_multiagencyaudit"], codes, last)
    return out


def _attended_by_month(profile, months: list[np.datetime64], last: int) -> np.ndarray:
    """Whole numbers a month adding up to each year's total over the months training ran."""
    starts = np.array([day(m) for m in months])
    running = (starts <= last) & ~((starts >= _PAUSED[0]) & (starts <= _PAUSED[1]))
    fys = fy_of(starts)
    out = np.zeros(len(months), np.int64)
    for fy in np.unique(fys):
        idx = np.flatnonzero((fys == fy) & running)
        base = _ATTENDED.get(int(fy), _ATTENDED_BEFORE if fy <= 2020 else _ATTENDED_AFTER)
        total = base * profile.figure(int(fy), "population_0_17") / _BASE_CHILDREN * idx.size / (
            6 if fy == 2021 else 12)
        share = np.cumsum(np.full(idx.size, total / max(idx.size, 1)))
        out[idx] = np.diff(np.r_[0, np.round(share)]).astype(np.int64)
    return out


def _training(rng, profile, plan, tables, codes, last) -> dict[str, pl.DataFrame]:
    suffix = "" if profile.la_code == DONCASTER else f" ({profile.la_name})"
    courses = pl.DataFrame({"id": np.arange(1, len(_COURSES) + 1), "title": [t + suffix for t, _ in _COURSES],
                            "topic": [t for _, t in _COURSES]})
    booked = np.round(_attended_by_month(profile, plan.months, last) / _TURNED_UP).astype(np.int64)
    sessions = np.where(booked > 0, np.ceil(booked / 16), 0).astype(np.int64)
    month = np.repeat(np.arange(len(plan.months)), sessions)
    # Places split evenly over the month's sessions; a session is on a working day of its month.
    nth = np.arange(month.size) - np.repeat(np.cumsum(sessions) - sessions, sessions)
    per = booked[month] // sessions[month] + (nth < booked[month] % sessions[month])
    starts = np.array([day(m) for m in plan.months])[month]
    when = np.busday_offset((starts + rng.integers(0, 26, month.size)).astype("datetime64[D]"), 0, roll="forward")
    when = np.minimum(when.astype(np.int64), last)
    virtual = (when >= _VIRTUAL_FROM) & ((when < _BLENDED_FROM) | (rng.random(month.size) < 0.5))
    session = pl.DataFrame({"id": np.arange(1, month.size + 1), "course_id": rng.integers(1, len(_COURSES) + 1,
                                                                                         month.size),
                            "date": when.astype("datetime64[D]"), "places": per + rng.integers(0, 5, month.size),
                            "is_virtual": virtual})
    s = np.repeat(np.arange(month.size), per)
    n = s.size
    schools = tables["organisations_agency"].filter(pl.col("kind") == "school")["code"].to_numpy()
    role = rng.choice(_ATTENDEES[0], n, p=_ATTENDEES[1])
    agency = np.where(role == "school", rng.choice(schools, n) if schools.size else codes["council"],
                      pl.Series(np.where(role == "school", "council", role)).replace_strict(codes).to_numpy())
    attended = rng.random(n) < _TURNED_UP
    gave = attended & (rng.random(n) < _FEEDBACK)
    # 51 of 55 agreed the training was worth their time (seed): scores mostly 4 or 5.
    score = rng.choice([5, 4, 3, 2], n, p=[0.45, 0.48, 0.05, 0.02])
    before = rng.choice([1, 2, 3, 4], n, p=[0.1, 0.35, 0.4, 0.15])
    after = np.minimum(before + rng.choice([0, 1, 2], n, p=[0.2, 0.55, 0.25]), 5)
    attendance = pl.DataFrame({
        "id": np.arange(1, n + 1), "session_id": s + 1, "agency_code": agency, "attended": attended,
        "feedback_score": pl.Series(np.where(gave, score, 0)).replace(0, None),
        "confidence_before": pl.Series(np.where(gave, before, 0)).replace(0, None),
        "confidence_after": pl.Series(np.where(gave, after, 0)).replace(0, None)})
    return {"assurance_trainingcourse": courses, "assurance_trainingsession": session,
            "assurance_trainingattendance": attendance}


def _audits(rng, plan, tables, codes, last) -> dict[str, pl.DataFrame]:
    """One a quarter, on the 15th of its first month (or the next working day), except while paused."""
    quarters = [m for m in plan.months if int(str(m)[5:7]) in (1, 4, 7, 10)]
    dates = np.busday_offset(np.array([day(m) + 14 for m in quarters]).astype("datetime64[D]"), 0, roll="forward")
    dates = dates.astype(np.int64)
    dates = dates[(dates <= last) & ~((dates >= day("2020-04-01")) & (dates < day("2021-07-01")))]
    n = dates.size
    theme = np.array(_THEMES)[np.arange(n) % len(_THEMES)]
    size = rng.integers(6, 11, n)
    resumed = dates >= day("2021-07-01")
    first_back = np.flatnonzero(resumed)[:1]
    theme[first_back], size[first_back] = "neglect", 6  # seed: July 2021, neglect, six cases
    audits = pl.DataFrame({"id": np.arange(1, n + 1), "theme": theme, "audit_date": dates.astype("datetime64[D]"),
                           "title": np.char.add(np.char.add("Multi-agency audit: ", np.char.replace(
                               theme.astype("U20"), "_", " ")), np.char.add(" ", dates.astype("datetime64[M]").astype(
                                   "U7"))),
                           "findings": "Findings shared with the partnership board."})
    # Cases: children referred in the six months before the audit, a different sample each time.
    referrals = tables["casework_referral"].select("person_id", pl.col("referral_date").cast(pl.Int64).alias("r"))
    picked = pl.DataFrame({"audit_id": np.arange(1, n + 1), "d": dates, "size": size}).join(
        referrals, how="cross").filter((pl.col("r") < pl.col("d")) & (pl.col("r") >= pl.col("d") - 183)).unique(
        ["audit_id", "person_id"]).sort("audit_id", "person_id")
    picked = picked.with_columns(pl.Series("key", rng.random(picked.height))).sort("audit_id", "key").filter(
        pl.int_range(pl.len()).over("audit_id") < pl.col("size")).sort("audit_id", "person_id")
    m = picked.height
    grades = rng.choice(len(_GRADES[0]), size=(m, 1 + len(_AUDITORS)), p=_GRADES[1])
    graded = np.c_[np.ones(m, bool), rng.random((m, len(_AUDITORS))) < 0.7]
    roles = np.array(["trust", *_AUDITORS])
    case_row, which = np.nonzero(graded)
    gradings = pl.DataFrame({"audit_case_id": case_row + 1,
                             "agency_code": pl.Series(roles[which]).replace_strict(codes),
                             "grading": np.array(_GRADES[0])[grades[case_row, which]]})
    # The group's overall grading: the middle of the agencies' gradings, the worse of two middles.
    overall = pl.DataFrame({"c": case_row, "g": grades[case_row, which]}).group_by("c").agg(
        pl.col("g").sort().get(pl.len() // 2)).sort("c")["g"].to_numpy()
    cases = pl.DataFrame({"id": np.arange(1, m + 1), "audit_id": picked["audit_id"], "person_id": picked["person_id"],
                          "overall_grading": np.array(_GRADES[0])[overall], "owning_agency_code": codes["trust"]})
    return {"assurance_multiagencyaudit": audits, "assurance_auditcase": cases,
            "assurance_auditagencygrading": gradings.with_columns(
                pl.arange(1, gradings.height + 1, dtype=pl.Int64).alias("id"))}


def _learning_actions(rng, reviews: pl.DataFrame, audits: pl.DataFrame, codes, last) -> pl.DataFrame:
    """Three to six actions from each practice review, two to four from each audit."""
    k_review = rng.integers(3, 7, reviews.height)
    k_audit = rng.integers(2, 5, audits.height)
    start = np.r_[np.repeat(reviews["decision_date"].cast(pl.Int64).to_numpy(), k_review),
                  np.repeat(audits["audit_date"].cast(pl.Int64).to_numpy(), k_audit)]
    n = start.size
    due = start + rng.integers(90, 366, n)
    done = start + (rng.uniform(0.3, 1.4, n) * (due - start)).astype(np.int64)
    completed = (done <= last) & (rng.random(n) < 0.85)
    roles = rng.choice(["trust", "council", "police", "community_health", "hospital", "icb"], n)
    return pl.DataFrame({
        "id": np.arange(1, n + 1),
        "case_review_id": pl.Series(np.r_[np.repeat(reviews["id"].to_numpy(), k_review),
                                          np.zeros(k_audit.sum(), np.int64)]).replace(0, None),
        "audit_id": pl.Series(np.r_[np.zeros(k_review.sum(), np.int64),
                                    np.repeat(audits["id"].to_numpy(), k_audit)]).replace(0, None),
        "agency_code": pl.Series(roles).replace_strict(codes), "action": rng.choice(_LEARNING, n),
        "due_date": due.astype("datetime64[D]"),
        "completed_date": np.where(completed, done.astype("datetime64[D]"), np.datetime64("NaT", "D"))})
