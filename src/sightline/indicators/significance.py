"""Whether a figure differs from England by more than chance: two standard methods.

* A proportion (a percentage of referrals, plans, care leavers): the Wilson score 95% interval
  of the local proportion; the difference is significant when England's proportion lies outside it.
* A rate per 10,000: funnel-plot 95% limits around the count England's rate would give for the
  local population, by Byar's approximation to the Poisson distribution (the method Public Health
  England's Fingertips uses); the difference is significant when the local count lies outside them.

Counts are not compared: a count says nothing about size relative to England without a base.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

Z_95 = 1.959963984540054


@dataclass(frozen=True)
class Significance:
    method: str
    lower: float | None
    upper: float | None
    england: float | None
    # "higher", "lower", "not significant", or "not tested" (with the reason in `note`).
    result: str
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of successes / trials, as proportions between 0 and 1."""
    if trials <= 0:
        raise ValueError("A proportion needs at least one trial.")
    p = successes / trials
    z2 = z * z
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials)
    return max(0.0, centre - half), min(1.0, centre + half)


def poisson_limits(expected: float, z: float = Z_95) -> tuple[float, float]:
    """95% funnel-plot limits for a count whose expected value is `expected` (Byar's approximation)."""
    if expected <= 0:
        return 0.0, 0.0
    lower = expected * (1 - 1 / (9 * expected) - z / (3 * math.sqrt(expected))) ** 3
    upper = (expected + 1) * (1 - 1 / (9 * (expected + 1)) + z / (3 * math.sqrt(expected + 1))) ** 3
    return max(0.0, lower), upper


def _not_tested(method: str, england: float | None, note: str) -> Significance:
    return Significance(method, None, None, england, "not tested", note)


def proportion_test(numerator: float | None, denominator: float | None, england_percent: float | None) -> Significance:
    method = "Wilson 95% interval"
    if numerator is None or not denominator or england_percent is None:
        return _not_tested(method, england_percent, "The local count or England's figure is not published.")
    low, high = wilson_interval(int(numerator), int(denominator))
    england = england_percent / 100
    result = "higher" if england < low else "lower" if england > high else "not significant"
    return Significance(method, round(low * 100, 2), round(high * 100, 2), england_percent, result)


def rate_test(count: float | None, population: float | None, england_rate: float | None,
              per: int = 10_000) -> Significance:
    method = "funnel plot 95% limits (Byar)"
    if count is None or not population or england_rate is None:
        return _not_tested(method, england_rate, "The local count, population or England's rate is not published.")
    low, high = poisson_limits(england_rate / per * population)
    result = "higher" if count > high else "lower" if count < low else "not significant"
    return Significance(method, round(low / population * per, 2), round(high / population * per, 2), england_rate,
                        result)
