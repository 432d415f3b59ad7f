"""What schools and hospitals send: school attendance by academic year, A&E and mental health presentations.

Absence and presentations rise with a child's need, so the children known to social care are
the ones missing school and presenting at A&E, as the partnership's audits find.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.synth.engine import YEAR, age_at, day

# Sessions (half-days) a school is open in a year; a pupil missing 10% or more is persistently absent.
SESSIONS_POSSIBLE = 326
# Presentations a year per child aged 10-17 of average need (hospital episode statistics, rounded).
_PRESENTATIONS = {"ae_self_harm": 0.0045, "ae_mental_health": 0.0025, "mh_admission": 0.0008}


def school_attendance(rng, act, person_ids: np.ndarray, school_codes: np.ndarray, first: int, last: int
                      ) -> pl.DataFrame:
    """One whole-year row per pupil aged 5 to 15 and academic year (September to July) ended by the extract."""
    years = [y for y in range(int(str(np.datetime64(first, "D"))[:4]), int(str(np.datetime64(last, "D"))[:4]) + 1)
             if day(f"{y}-09-01") >= first and day(f"{y + 1}-07-31") <= last]
    dob = act.state.dob
    frames = []
    for year in years:
        age = age_at(dob, day(f"{year}-08-31"))
        pupils = np.flatnonzero((age >= 5) & (age < 16) & (school_codes != ""))
        n = pupils.size
        possible = SESSIONS_POSSIBLE - rng.integers(0, 12, n)
        # Absence rate: about 5% on average, higher with need; a long tail of persistent absence.
        rate = np.clip(rng.beta(1.3, 24, n) * np.exp(0.45 * (act.state.need[pupils] - 1)), 0, 0.9)
        missed = np.minimum(np.round(possible * rate), possible).astype(np.int64)
        frames.append(pl.DataFrame({"person_id": person_ids[pupils], "school_code": school_codes[pupils],
                                    "academic_year": year, "term": "year", "sessions_possible": possible,
                                    "sessions_missed": missed}))
    frame = pl.concat(frames) if frames else pl.DataFrame(schema={
        "person_id": pl.Int64, "school_code": pl.String, "academic_year": pl.Int32, "term": pl.String,
        "sessions_possible": pl.Int64, "sessions_missed": pl.Int64})
    return frame.with_columns(pl.arange(1, frame.height + 1, dtype=pl.Int64).alias("id"),
                              pl.col("school_code").alias("owning_agency_code"))


def health_presentations(rng, act, person_ids: np.ndarray, hospital: str, first: int, last: int) -> pl.DataFrame:
    dob = act.state.dob
    lo = np.maximum(first, dob + int(10 * YEAR))
    hi = np.minimum(last, act.state.birthday18 - 1)
    years = np.maximum(hi - lo, 0) / YEAR
    frames = []
    for kind, rate in _PRESENTATIONS.items():
        count = rng.poisson(rate * years * np.exp(0.9 * (act.state.need - 1)))
        child = np.repeat(np.arange(dob.size), count)
        presented = lo[child] + (rng.random(child.size) * np.maximum(hi[child] - lo[child], 1)).astype(np.int64)
        stay = rng.integers(5, 60, child.size) if kind == "mh_admission" else rng.integers(0, 2, child.size)
        discharged = presented + stay
        frames.append(pl.DataFrame({
            "person_id": person_ids[child], "provider_code": hospital, "kind": kind,
            "presented_on": presented.astype("datetime64[D]"),
            "discharged_on": np.where(discharged <= last, discharged.astype("datetime64[D]"),
                                      np.datetime64("NaT", "D"))}))
    frame = pl.concat(frames).sort("presented_on")
    return frame.with_columns(pl.arange(1, frame.height + 1, dtype=pl.Int64).alias("id"),
                              pl.lit(hospital).alias("owning_agency_code"))
