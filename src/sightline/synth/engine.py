"""The month-by-month engine: who is referred, who goes on a plan, who comes into care.

Each month the engine draws the published number of referrals (the year's count spread by
season), re-referrals to the published share, plan starts and second plans to the published
counts, and steers the children on plans and in care at each month end to the stock published
for 31 March (interpolated between years). *Who* is drawn depends on need: a child's latent
need (household deprivation, age) rises with each referral and plan, so the same families
come back, as they do. Every step works on whole columns; the only loop is over months.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from sightline.synth.profile import Profile

NEVER = -10**6
OPEN = 10**6  # an end date not yet decided: beyond any date the engine reaches
YEAR = 365.25
SEASON = np.array([1.1, 1.0, 1.0, 1.1, 0.95, 1.0, 1.05, 1.0, 0.8, 1.05, 1.1, 1.1, 0.85])  # index = month 1..12


def day(d) -> int:
    return int(np.datetime64(d, "D").astype(np.int64))


def fy_of(days: np.ndarray) -> np.ndarray:
    """Year ending 31 March that each day falls in."""
    d = days.astype("datetime64[D]")
    year = d.astype("datetime64[Y]").astype(np.int64) + 1970
    month = d.astype("datetime64[M]").astype(np.int64) % 12 + 1
    return np.where(month >= 4, year + 1, year)


def top_k(rng: np.random.Generator, candidates: np.ndarray, weights: np.ndarray, k: int) -> np.ndarray:
    """k of the candidates without replacement, each drawn with probability in proportion to its weight."""
    if k <= 0 or candidates.size == 0:
        return candidates[:0]
    if k >= candidates.size:
        return candidates
    keys = np.log(np.maximum(weights, 1e-12)) + rng.gumbel(size=candidates.size)
    return candidates[np.argpartition(-keys, k - 1)[:k]]


def recode(values: np.ndarray, mapping: dict, default="") -> np.ndarray:
    """Map each value through `mapping` (values not in it take `default`), as one Polars pass."""
    return pl.Series(values).replace_strict(mapping, default=default).to_numpy()


def spread(total_by_fy: dict[int, float], months: list[np.datetime64], shares: np.ndarray) -> np.ndarray:
    """Whole numbers per month that add up to each year's total (months of a part year take their share)."""
    out = np.zeros(len(months), dtype=np.int64)
    fys = np.array([fy_of(np.array([day(m)]))[0] for m in months])
    for fy in np.unique(fys):
        idx = np.flatnonzero(fys == fy)
        share = shares[idx] / SEASON[[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]].sum()
        expected = np.cumsum(share * total_by_fy[int(fy)])
        out[idx] = np.diff(np.r_[0, np.round(expected)]).astype(np.int64)
    return out


class Rows:
    """A growing table of numpy columns; a column read back is a live view, so later steps can edit it."""

    def __init__(self) -> None:
        self.data: dict[str, np.ndarray] = {}
        self.size = 0

    def add(self, **columns) -> np.ndarray:
        values = {name: np.asarray(v) for name, v in columns.items()}
        n = len(next(iter(values.values())))
        need = self.size + n
        for name, v in values.items():
            if name not in self.data:
                self.data[name] = np.empty(max(4096, 2 * need), dtype=v.dtype)
            column = self.data[name]
            if column.dtype.kind == "U" and v.dtype.itemsize > column.dtype.itemsize:
                column = self.data[name] = column.astype(v.dtype)
            if need > column.size:
                grown = np.empty(2 * need, dtype=column.dtype)
                grown[:self.size] = column[:self.size]
                column = self.data[name] = grown
            column[self.size:need] = v
        ids = np.arange(self.size, need)
        self.size = need
        return ids

    def __getitem__(self, name: str) -> np.ndarray:
        return self.data[name][:self.size]

    def freeze(self) -> dict[str, np.ndarray]:
        return {name: column[:self.size].copy() for name, column in self.data.items()}


@dataclass
class State:
    """What the engine knows about each child (index = row of the children frame)."""

    dob: np.ndarray
    need: np.ndarray
    last_referral: np.ndarray
    open_until: np.ndarray       # last day of the current social care episode
    current_referral: np.ndarray  # row of the current (or last) referral
    referrals: np.ndarray        # referrals so far
    plans: np.ndarray            # child protection plans so far
    on_plan: np.ndarray          # row of the open plan, or -1
    in_care_until: np.ndarray
    birthday18: np.ndarray

    @classmethod
    def start(cls, dob: np.ndarray, need: np.ndarray) -> State:
        n = dob.size
        return cls(dob, need, np.full(n, NEVER), np.full(n, NEVER), np.full(n, -1), np.zeros(n, np.int32),
                   np.zeros(n, np.int32), np.full(n, -1), np.full(n, NEVER), birthday(dob, 18))

    def weight(self, rows: np.ndarray) -> np.ndarray:
        """Prior involvement raises need: each earlier referral, and any earlier plan."""
        return np.exp(self.need[rows] + 0.3 * np.minimum(self.referrals[rows], 4) + 0.9 * (self.plans[rows] > 0))


def birthday(dob: np.ndarray, years: int) -> np.ndarray:
    """The day of each `years`th birthday (29 February falls on 1 March in other years)."""
    d = dob.astype("datetime64[D]")
    month = d.astype("datetime64[M]")
    day_of_month = d - month.astype("datetime64[D]")
    return ((month + 12 * years).astype("datetime64[D]") + day_of_month).astype(np.int64)


def age_at(dob: np.ndarray, on: int | np.ndarray) -> np.ndarray:
    return (np.asarray(on) - dob) / YEAR


@dataclass
class Plan:
    """The published figures for one authority, spread over the months the engine runs."""

    months: list[np.datetime64]
    referrals: np.ndarray
    re_referrals: np.ndarray
    plan_starts: np.ndarray
    second_plans: np.ndarray
    plans_at_end: np.ndarray       # plans open at each month end
    in_care_at_end: np.ndarray     # children looked after at each month end
    first_day: int
    last_day: int

    @classmethod
    def for_profile(cls, profile: Profile, first: np.datetime64, last: np.datetime64) -> Plan:
        months = list(np.arange(np.datetime64(first, "M"), np.datetime64(last, "M") + 1))
        shares = SEASON[[int(str(m)[5:7]) for m in months]]
        fys = range(int(fy_of(np.array([day(first)]))[0]), int(fy_of(np.array([day(last)]))[0]) + 1)

        def by_fy(name: str) -> dict[int, float]:
            return {fy: profile.figure(fy, name) for fy in fys}

        referrals = spread(by_fy("referrals"), months, shares)
        re_referrals = spread({fy: profile.figure(fy, "referrals") * profile.figure(fy, "rereferral_percent") / 100
                               for fy in fys}, months, shares)
        flat = np.ones(len(months)) * SEASON[[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]].mean()
        plan_starts = spread(by_fy("cpp_start"), months, flat)
        second = spread({fy: profile.figure(fy, "cpp_start") * profile.figure(fy, "cpp_subsequent_percent") / 100
                         for fy in fys}, months, flat)
        ends = np.array([day(m + 1) - 1 for m in months])
        return cls(months, referrals, re_referrals, plan_starts, second,
                   _stock_path(profile, "cpp_at31", ends), _stock_path(profile, "cla_at31", ends),
                   day(first), day(last))


def _stock_path(profile: Profile, name: str, month_ends: np.ndarray) -> np.ndarray:
    """The stock at each month end, on the straight line between the 31 March figures."""
    fys = fy_of(month_ends)
    march = np.array([day(f"{fy}-03-31") for fy in range(fys.min() - 1, fys.max() + 1)])
    values = np.array([profile.figure(fy, name) for fy in range(fys.min() - 1, fys.max() + 1)])
    return np.round(np.interp(month_ends, march, values)).astype(np.int64)
