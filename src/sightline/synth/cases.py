"""Referrals and what follows them: assessment, early help, CIN plan, section 47, conference, plan.

Dates are whole days since 1970 (int64); working-day steps go through sightline.core.calendar.
"""

from __future__ import annotations

import numpy as np

from sightline.core.calendar import add_working_days_array
from sightline.synth.engine import NEVER, OPEN, Plan, Rows, State, age_at, top_k

# What became of a referral.
NFA_AT_REFERRAL, ASSESSED_NFA, STEP_DOWN, CIN_PLAN, S47_ONLY, CONFERENCE_NO_PLAN, CP_PLAN, LOOKED_AFTER = range(8)

# CIN census referral sources, in proportion to England's referrals by source (2020-21, rounded).
SOURCES = np.array(["6", "2A", "3E", "3A", "3B", "3F", "5A", "5C", "5D", "1A", "1C", "1D", "4", "7", "8", "9", "10"])
SOURCE_SHARE = np.array([29, 18, 5, 3, 2, 4, 4, 3, 4, 5, 1, 2, 2, 3, 6, 1, 8], dtype=float)
NEEDS = np.array(["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"])
NEED_SHARE = np.array([56, 5, 3, 9, 19, 2, 1, 4, 1], dtype=float)
CATEGORIES = np.array(["NEG", "EMO", "PHY", "SAB", "MUL"])
CATEGORY_SHARE = np.array([46, 36, 8, 4, 6], dtype=float)


def _wd(days: np.ndarray, n: np.ndarray | int) -> np.ndarray:
    """n working days after each day; days not set (NEVER) stay unset."""
    out = np.full(days.shape, NEVER, dtype=np.int64)
    valid = days > NEVER
    steps = n[valid] if isinstance(n, np.ndarray) else n
    out[valid] = add_working_days_array(days[valid].astype("datetime64[D]"), steps).astype(np.int64)
    return out


def _age_factor(age: np.ndarray) -> np.ndarray:
    """Referrals peak for babies and teenagers."""
    return np.select([age < 1, age < 5, age < 10, age < 16], [1.7, 1.0, 0.9, 1.15], 0.8)


def referrals_month(rng, state: State, plan: Plan, m: int, ms: int, me: int, referrals: Rows,
                    cp_plans: Rows) -> None:
    """Draw the month's referrals, then decide each one's path (set-based over the month)."""
    age = age_at(state.dob, ms)
    free = (state.dob <= me) & (age < 17.9) & (state.open_until < ms) & (state.in_care_until < ms)
    re_pool = np.flatnonzero(free & (state.last_referral >= me - 364))
    new_pool = np.flatnonzero(free & (state.last_referral < ms - 366))
    n_re = int(plan.re_referrals[m])
    chosen_re = top_k(rng, re_pool, state.weight(re_pool) * _age_factor(age[re_pool]), n_re)
    chosen_new = top_k(rng, new_pool, state.weight(new_pool) * _age_factor(age[new_pool]),
                       int(plan.referrals[m]) - chosen_re.size)
    child = np.concatenate([chosen_re, chosen_new])
    n = child.size
    if n == 0:
        return
    date = np.maximum(ms + rng.integers(0, me - ms + 1, n), state.dob[child])

    outcome = np.full(n, -1)
    # Plans this month, and which are second plans: drawn among this month's referrals, second
    # plans from children who had one before.
    had_plan = np.flatnonzero(state.plans[child] > 0)
    no_plan = np.flatnonzero(state.plans[child] == 0)
    w = state.weight(child)
    second = top_k(rng, had_plan, w[had_plan], int(plan.second_plans[m]))
    first = top_k(rng, no_plan, w[no_plan] ** 1.5, int(plan.plan_starts[m]) - second.size)
    outcome[second] = CP_PLAN
    outcome[first] = CP_PLAN
    rest = np.flatnonzero(outcome < 0)
    s47 = top_k(rng, rest, w[rest], round(1.15 * (second.size + first.size)))
    outcome[s47] = np.where(rng.random(s47.size) < 0.14, CONFERENCE_NO_PLAN, S47_ONLY)
    rest = np.flatnonzero(outcome < 0)
    outcome[rest] = rng.choice([NFA_AT_REFERRAL, ASSESSED_NFA, STEP_DOWN, CIN_PLAN], size=rest.size,
                               p=[0.08, 0.42, 0.20, 0.30])

    source = rng.choice(SOURCES, size=n, p=SOURCE_SHARE / SOURCE_SHARE.sum())
    need = rng.choice(NEEDS, size=n, p=NEED_SHARE / NEED_SHARE.sum())
    need = np.where(outcome >= S47_ONLY, "N1", need)
    strategy = np.where(outcome >= S47_ONLY, _wd(date, rng.integers(0, 3, n)), NEVER)
    assess_start = np.where(outcome >= S47_ONLY, strategy, _wd(date, rng.integers(0, 4, n)))
    duration = np.clip(np.round(rng.lognormal(np.log(29), 0.42, n)), 1, 120).astype(np.int64)
    assess_end = _wd(assess_start, duration)
    icpc = np.where(outcome >= CONFERENCE_NO_PLAN, _wd(strategy, rng.integers(7, 16, n)), NEVER)
    cin_start = np.select([outcome == CIN_PLAN, outcome == CONFERENCE_NO_PLAN], [assess_end, icpc], NEVER)
    cin_end = np.where(cin_start > NEVER, cin_start + np.clip(rng.lognormal(np.log(150), 0.5, n), 30, 700).astype(
        np.int64), NEVER)
    closure = np.select(
        [outcome == NFA_AT_REFERRAL, (outcome == ASSESSED_NFA) | (outcome == STEP_DOWN) | (outcome == S47_ONLY),
         cin_start > NEVER], [date + rng.integers(0, 4, n), assess_end, cin_end], OPEN)
    # Services end at 18, but nothing closes before the work already begun is finished.
    closure = np.where(closure < OPEN, np.minimum(closure, state.birthday18[child] - 1), closure)
    closure = np.maximum.reduce([closure, date, np.where(outcome == NFA_AT_REFERRAL, date, assess_end),
                                 np.maximum(icpc, cin_start)])
    cin_end = np.where(cin_end > NEVER, np.maximum(np.minimum(cin_end, closure), cin_start), NEVER)
    reason = np.select([outcome == NFA_AT_REFERRAL, outcome == ASSESSED_NFA, outcome == STEP_DOWN],
                       ["RC8", "RC8", "RC9"], "RC7")

    rows = referrals.add(child=child, referral_date=date, source=source, primary_need=need, outcome=outcome,
                         assessment_start=np.where(outcome == NFA_AT_REFERRAL, NEVER, assess_start),
                         assessment_end=np.where(outcome == NFA_AT_REFERRAL, NEVER, assess_end),
                         strategy_date=strategy, icpc_date=icpc, cin_start=cin_start, cin_end=cin_end,
                         closure_date=closure, reason=reason)
    state.last_referral[child] = date
    state.open_until[child] = closure
    state.current_referral[child] = rows
    state.referrals[child] += 1

    on_plan = np.flatnonzero(outcome == CP_PLAN)
    if on_plan.size:
        kids = child[on_plan]
        initial = rng.choice(CATEGORIES, size=on_plan.size, p=CATEGORY_SHARE / CATEGORY_SHARE.sum())
        latest = np.where(rng.random(on_plan.size) < 0.85, initial,
                          rng.choice(CATEGORIES, size=on_plan.size, p=CATEGORY_SHARE / CATEGORY_SHARE.sum()))
        plan_rows = cp_plans.add(child=kids, referral=rows[on_plan], start_date=icpc[on_plan],
                                 end_date=np.full(on_plan.size, OPEN), initial_category=initial,
                                 latest_category=latest, previous_plans=state.plans[kids].copy(),
                                 ended_by_care=np.zeros(on_plan.size, bool))
        state.plans[kids] += 1
        state.on_plan[kids] = plan_rows


def plans_end_month(rng, state: State, plan: Plan, m: int, ms: int, me: int, referrals: Rows,
                    cp_plans: Rows) -> None:
    """End enough open plans that the count at the month end is the published stock path."""
    if cp_plans.size == 0:
        return
    plan_end, plan_start, plan_child = cp_plans["end_date"], cp_plans["start_date"], cp_plans["child"]
    is_open = (plan_end == OPEN) & (plan_start <= me)
    # A plan ends on the child's 18th birthday at the latest.
    adult = np.flatnonzero(is_open & (state.birthday18[plan_child] <= me))
    _end(rng, state, adult, state.birthday18[plan_child[adult]], referrals, cp_plans)
    is_open[adult] = False
    excess = int(is_open.sum()) - int(plan.plans_at_end[m])
    if excess <= 0:
        return
    duration = me - plan_start
    ready = np.flatnonzero(is_open & (duration >= 91))
    chosen = top_k(rng, ready, (duration[ready] / 365.0) ** 1.5 + 0.15, excess)
    if chosen.size < excess:
        later = np.flatnonzero(is_open & (duration >= 28) & (duration < 91))
        chosen = np.concatenate([chosen, top_k(rng, later, np.ones(later.size), excess - chosen.size)])
    earliest = np.maximum(ms, plan_start[chosen] + np.where(duration[chosen] >= 91, 91, 28))
    end = earliest + (rng.random(chosen.size) * (me - earliest + 1)).astype(np.int64)
    end = _wd(np.minimum(end, me), 0)  # a plan ends at a review conference, on a working day
    _end(rng, state, chosen, end, referrals, cp_plans)


def _end(rng, state: State, rows: np.ndarray, end: np.ndarray, referrals: Rows, cp_plans: Rows) -> None:
    if rows.size == 0:
        return
    cp_plans["end_date"][rows] = end
    kids = cp_plans["child"][rows]
    state.on_plan[kids] = -1
    # After a plan, about half the children stay open as children in need for a few months.
    stay = np.where(rng.random(rows.size) < 0.45, rng.integers(60, 240, rows.size), rng.integers(0, 15, rows.size))
    closure = np.minimum(end + stay, state.birthday18[kids] - 1)
    closure = np.maximum(closure, end)
    state.open_until[kids] = closure
    referrals["closure_date"][state.current_referral[kids]] = closure
