"""Run the engine over the months of the history: the core social care activity of one authority."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from sightline.synth.care import care_month, initial_stock
from sightline.synth.cases import plans_end_month, referrals_month
from sightline.synth.engine import Plan, Rows, State, day
from sightline.synth.profile import Profile


@dataclass
class Activity:
    state: State
    plan: Plan
    referrals: dict[str, np.ndarray]
    cp_plans: dict[str, np.ndarray]
    care_periods: dict[str, np.ndarray]


def activity_run(rng: np.random.Generator, profile: Profile, children: pl.DataFrame, first: np.datetime64,
                 last: np.datetime64) -> Activity:
    dob = children["date_of_birth"].to_numpy().astype("datetime64[D]").astype(np.int64)
    state = State.start(dob, children["need"].to_numpy())
    plan = Plan.for_profile(profile, first, last)
    referrals, cp_plans, periods = Rows(), Rows(), Rows()
    fy0 = int(str(first)[:4]) + (1 if int(str(first)[5:7]) >= 4 else 0)
    initial_stock(rng, state, plan, referrals, cp_plans, periods,
                  round(profile.figure(fy0 - 1, "cpp_at31")), round(profile.figure(fy0 - 1, "cla_at31")))
    for m, month in enumerate(plan.months):
        ms, me = day(month), day(month + 1) - 1
        referrals_month(rng, state, plan, m, ms, me, referrals, cp_plans)
        care_month(rng, state, plan, m, ms, me, referrals, cp_plans, periods)
        plans_end_month(rng, state, plan, m, ms, me, referrals, cp_plans)
    return Activity(state, plan, referrals.freeze(), cp_plans.freeze(), periods.freeze())
