"""Coming into care: who, when and for how long, steered to the published count at 31 March."""

from __future__ import annotations

import numpy as np

from sightline.synth.engine import NEVER, OPEN, YEAR, Plan, Rows, State, age_at, top_k

# Children starting to be looked after, England 2020-21 by age: under 1, 1-4, 5-9, 10-15, 16-17.
_START_AGE_FACTOR = ((1, 3.2), (5, 1.0), (10, 0.9), (16, 1.5), (18, 1.0))
# A teenager who comes into care mostly stays until 18: they become the care leavers.
STAY_TO_18 = 0.75


def _age_weight(age: np.ndarray) -> np.ndarray:
    return np.select([age < a for a, _ in _START_AGE_FACTOR], [f for _, f in _START_AGE_FACTOR], 0.0)


def durations(rng, n: int, age: np.ndarray) -> np.ndarray:
    """Days in care: about a quarter go home within weeks; the rest stay for years."""
    short = rng.random(n) < 0.27
    days = np.where(short, rng.lognormal(np.log(50), 0.8, n), rng.exponential(3.3 * YEAR, n) + 90)
    teen_stays = (age >= 13) & ~short & (rng.random(n) < STAY_TO_18)
    return np.where(teen_stays, 30 * YEAR, days).astype(np.int64)


def reasons_ceased(rng, age_at_end: np.ndarray, at_18: np.ndarray) -> np.ndarray:
    n = age_at_end.size
    young = rng.choice(["E11", "E12", "E45", "E46", "E4A", "E41"], size=n, p=[0.1, 0.2, 0.15, 0.1, 0.35, 0.1])
    older = rng.choice(["E4A", "E4B", "E13", "E41", "E46", "E8", "E5"], size=n,
                       p=[0.5, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05])
    adult = rng.choice(["E17", "E5", "E6", "E8"], size=n, p=[0.3, 0.4, 0.15, 0.15])
    return np.where(at_18, adult, np.where(age_at_end < 5, young, older))


def care_month(rng, state: State, plan: Plan, m: int, ms: int, me: int, referrals: Rows, cp_plans: Rows,
               periods: Rows) -> None:
    """Bring into care the number that takes the month-end count to the published path."""
    in_care = 0
    if periods.size:
        in_care = int(((periods["start_date"] <= me) & (periods["end_date"] > me)).sum())
    needed = int(plan.in_care_at_end[m]) - in_care
    if needed <= 0:
        return
    age = age_at(state.dob, ms)
    eligible = (state.in_care_until < ms) & (age < 17.5) & (state.dob < ms) & (state.open_until >= me)
    opened_before = state.current_referral >= 0
    eligible &= opened_before
    if referrals.size:
        ref_date = np.where(opened_before, referrals["referral_date"][np.maximum(state.current_referral, 0)], OPEN)
        eligible &= ref_date < ms
    on_plan = np.flatnonzero(eligible & (state.on_plan >= 0))
    if cp_plans.size and on_plan.size:
        on_plan = on_plan[cp_plans["start_date"][state.on_plan[on_plan]] < ms]
    others = np.flatnonzero(eligible & (state.on_plan < 0))
    w = state.weight(np.arange(state.dob.size)) * _age_weight(age)
    from_plan = top_k(rng, on_plan, w[on_plan], round(0.45 * needed))
    from_others = top_k(rng, others, w[others], needed - from_plan.size)
    kids = np.concatenate([from_plan, from_others])
    start = ms + rng.integers(0, me - ms + 1, kids.size)
    _enter(rng, state, kids, start, referrals, cp_plans, periods)


def _enter(rng, state: State, kids: np.ndarray, start: np.ndarray, referrals: Rows, cp_plans: Rows,
           periods: Rows) -> None:
    if kids.size == 0:
        return
    age = age_at(state.dob[kids], start)
    end = np.minimum(start + np.maximum(durations(rng, kids.size, age), 1), state.birthday18[kids])
    at_18 = end == state.birthday18[kids]
    reason = reasons_ceased(rng, age_at(state.dob[kids], end), at_18)
    plan_rows = state.on_plan[kids]
    ending = plan_rows >= 0
    if ending.any():
        # Coming into care ends the plan: the child is safeguarded through the care plan.
        cp_plans["end_date"][plan_rows[ending]] = start[ending]
        cp_plans["ended_by_care"][plan_rows[ending]] = True
        state.on_plan[kids[ending]] = -1
    periods.add(child=kids, start_date=start, end_date=end, reason_ceased=reason,
                referral=state.current_referral[kids])
    state.in_care_until[kids] = end
    closure = np.where(at_18, end - 1, end)
    state.open_until[kids] = closure
    has_referral = state.current_referral[kids] >= 0
    referrals["closure_date"][state.current_referral[kids][has_referral]] = closure[has_referral]
    referrals["outcome"][state.current_referral[kids][has_referral]] = 7


def initial_stock(rng, state: State, plan: Plan, referrals: Rows, cp_plans: Rows, periods: Rows,
                  profile_plans: int, profile_care: int) -> None:
    """The children already on a plan, or in care, the day the history starts, with their back story."""
    t0 = plan.first_day
    age = age_at(state.dob, t0)
    w = state.weight(np.arange(state.dob.size))
    pool = np.flatnonzero((age > 0.2) & (age < 17))
    care_kids = top_k(rng, pool, w[pool] * _age_weight(age[pool]) * np.where(age[pool] >= 10, 2.2, 1.0),
                      profile_care)
    in_care = np.zeros(state.dob.size, bool)
    in_care[care_kids] = True
    pool = np.flatnonzero((age > 0.1) & (age < 16.5) & ~in_care)
    plan_kids = top_k(rng, pool, w[pool], profile_plans)

    # Plans at 31 March by duration (Doncaster, d5): a third under 3 months, few over 2 years.
    held = rng.choice([45, 135, 270, 540, 800], size=plan_kids.size, p=[0.33, 0.29, 0.27, 0.10, 0.01])
    plan_start = np.maximum(t0 - (held * rng.uniform(0.5, 1.0, plan_kids.size)).astype(np.int64),
                            state.dob[plan_kids] + 14)
    plan_start = np.busday_offset(np.minimum(plan_start, t0 - 1).astype("datetime64[D]"), 0,
                                  roll="backward").astype(np.int64)
    ref_date = np.maximum(plan_start - rng.integers(20, 40, plan_kids.size), state.dob[plan_kids])
    rows = _history_referrals(referrals, plan_kids, ref_date, outcome=6, icpc=plan_start)
    state.current_referral[plan_kids] = rows
    state.last_referral[plan_kids] = ref_date
    state.open_until[plan_kids] = OPEN
    state.referrals[plan_kids] += 1
    categories = rng.choice(["NEG", "EMO", "PHY", "SAB", "MUL"], size=plan_kids.size, p=[0.46, 0.36, 0.08, 0.04, 0.06])
    state.on_plan[plan_kids] = cp_plans.add(child=plan_kids, referral=rows, start_date=plan_start,
                                            end_date=np.full(plan_kids.size, OPEN), initial_category=categories,
                                            latest_category=categories,
                                            previous_plans=np.zeros(plan_kids.size, np.int32),
                                            ended_by_care=np.zeros(plan_kids.size, bool))
    state.plans[plan_kids] += 1

    age_care = age[care_kids]
    been = np.minimum((rng.exponential(2.5 * YEAR, care_kids.size)).astype(np.int64) + 30,
                      (age_care * YEAR).astype(np.int64) - 1)
    start = t0 - np.maximum(been, 1)
    ref_date = np.maximum(start - rng.integers(10, 60, care_kids.size), state.dob[care_kids])
    rows = _history_referrals(referrals, care_kids, ref_date, outcome=7, icpc=np.full(care_kids.size, NEVER))
    state.current_referral[care_kids] = rows
    state.last_referral[care_kids] = ref_date
    state.referrals[care_kids] += 1
    # What is left of their time in care, from the history's first day.
    remaining = durations(rng, care_kids.size, age_care)
    end = np.minimum(t0 + np.maximum(remaining, 1), state.birthday18[care_kids])
    at_18 = end == state.birthday18[care_kids]
    periods.add(child=care_kids, start_date=start, end_date=end,
                reason_ceased=reasons_ceased(rng, age_at(state.dob[care_kids], end), at_18), referral=rows)
    state.in_care_until[care_kids] = end
    closure = np.where(at_18, end - 1, end)
    state.open_until[care_kids] = closure
    referrals["closure_date"][rows] = closure


def _history_referrals(referrals: Rows, kids: np.ndarray, date: np.ndarray, *, outcome: int,
                       icpc: np.ndarray) -> np.ndarray:
    n = kids.size
    never = np.full(n, NEVER)
    strategy = np.where(icpc > NEVER, np.busday_offset(np.maximum(icpc - 15, date).astype("datetime64[D]"), 0,
                                                       roll="forward").astype(np.int64), NEVER)
    strategy = np.minimum(strategy, np.where(icpc > NEVER, icpc, strategy))
    return referrals.add(child=kids, referral_date=date, source=np.full(n, "6"), primary_need=np.full(n, "N1"),
                         outcome=np.full(n, outcome), assessment_start=np.where(icpc > NEVER, strategy, date),
                         assessment_end=np.where(icpc > NEVER, icpc, date + 30), strategy_date=strategy,
                         icpc_date=icpc, cin_start=never, cin_end=never, closure_date=np.full(n, OPEN),
                         reason=np.full(n, "RC7"))
