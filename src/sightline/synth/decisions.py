"""The front door's rating and decision on each contact, as a MASH worker and manager record them."""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.core.calendar import add_working_days_array
from sightline.synth.cases import S47_ONLY
from sightline.synth.engine import recode

# Rating by what the contact turned out to need: (red, amber, green).
_RATING = {"strategy": (0.7, 0.3, 0.0), "assessment": (0.15, 0.6, 0.25), "early_help": (0.0, 0.4, 0.6),
           "advice": (0.0, 0.15, 0.85), "nfa": (0.0, 0.15, 0.85)}
_TARGET_HOURS = {"red": 4, "amber": 24, "green": 72}
_LEVEL = {"strategy": 4, "assessment": 4, "early_help": 2, "advice": 1, "nfa": 1}
_RATIONALE = {"strategy": "Reasonable cause to suspect significant harm: strategy discussion.",
              "assessment": "Needs at level 4: social work assessment.",
              "early_help": "Needs met by early help with the family's consent.",
              "advice": "Information and advice given to the referrer.",
              "nfa": "No role for services at this time."}


def rate_and_decide(rng, contacts: pl.DataFrame, referral_outcome: np.ndarray,
                    staff: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Contacts gain rating and clocks; decisions are made by a worker and signed off by a manager."""
    n = contacts.height
    kind = contacts["synth_decision"].to_numpy()
    outcome = np.select([(kind == "referral") & (referral_outcome >= S47_ONLY), kind == "referral",
                         kind == "early_help", kind == "information_advice"],
                        ["strategy", "assessment", "early_help", "advice"], "nfa")
    u = rng.random(n)
    p_red = recode(outcome, {o: p[0] for o, p in _RATING.items()}, 0.0).astype(float)
    p_amber = recode(outcome, {o: p[1] for o, p in _RATING.items()}, 0.0).astype(float)
    rating = np.where(u < p_red, "red", np.where(u < p_red + p_amber, "amber", "green"))
    hours = np.select([rating == "red", rating == "amber"], [_TARGET_HOURS["red"], _TARGET_HOURS["amber"]],
                      _TARGET_HOURS["green"])
    received = contacts["received_at"]
    day = received.dt.date().to_numpy().astype("datetime64[D]")
    # The statutory clock: a decision by the end of the next working day.
    due_day = add_working_days_array(day, 1)
    workers = staff.filter(pl.col("role") == "mash_worker")["username"].to_numpy()
    managers = staff.filter(pl.col("role") == "mash_manager")["username"].to_numpy()
    rated = contacts.with_columns(
        pl.lit("Front door (MASH)").alias("team_name"), pl.Series("rating", rating),
        (received + pl.duration(minutes=pl.Series(rng.integers(5, 90, n)))).alias("rated_at"),
        pl.Series("rated_by_username", rng.choice(managers, n)),
        (received + pl.duration(hours=pl.Series(hours))).alias("target_due_at"),
        (pl.Series(due_day).cast(pl.Datetime("ms")).dt.replace_time_zone("UTC") + pl.duration(hours=17, minutes=30))
        .alias("decision_due_at"))
    decided = rated["decided_at"]
    decisions = pl.DataFrame({
        "id": contacts["id"], "contact_id": contacts["id"], "descriptor_level": recode(outcome, _LEVEL, 1).astype(int),
        "outcome": outcome, "rationale": recode(outcome, _RATIONALE),
        "proposed_by_username": rng.choice(workers, n),
        "signed_off_by_username": rng.choice(managers, n)}).with_columns(
        (decided - pl.duration(minutes=pl.Series(rng.integers(10, 120, n)))).alias("proposed_at"),
        decided.alias("signed_off_at"))
    decisions = decisions.with_columns(
        pl.max_horizontal("proposed_at", rated["rated_at"]).alias("proposed_at"))
    return rated, decisions
