"""Rounding and suppression as the DfE publishes (statutory.md 2.2)."""

from __future__ import annotations

import math

import polars as pl

# A count of 1 to 5 is not published (CIN and CLA), so that no child can be recognised.
SUPPRESS_FROM, SUPPRESS_TO = 1, 5
# Guards the half-up rule against binary fractions: 56.85 is held as 56.8499999...
_EPSILON = 1e-9


def round_half_up(value: float, places: int) -> float:
    """Round as the DfE does (half away from zero for these non-negative figures): 85.5 -> 86, 85.4 -> 85."""
    scale = 10 ** places
    return math.floor(value * scale + 0.5 + _EPSILON) / scale


def round_half_up_expr(expr: pl.Expr, places: int) -> pl.Expr:
    scale = 10.0 ** places
    # The final round only clears the binary noise of the division (33.300000000000004).
    return ((expr * scale + 0.5 + _EPSILON).floor() / scale).round(places)


def is_suppressed(count: int | None) -> bool:
    return count is not None and SUPPRESS_FROM <= count <= SUPPRESS_TO


def rate_per_10k(count: int, population: int, places: int) -> float:
    return round_half_up(count / population * 10_000, places)
