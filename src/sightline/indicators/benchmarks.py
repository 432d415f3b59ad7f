"""Our figures beside England, the region and the statistical neighbours, year by year.

Statistical neighbours are the DfE's: the April 2021 groupings for years to 2024, the 2025
model from 2025. Their mean and median are taken over the neighbours that have a published
figure that year, and rounded as the measure is published. See `significance` for the tests.
"""

from __future__ import annotations

import statistics
from functools import lru_cache

import polars as pl

from sightline.indicators import dfe
from sightline.indicators.rounding import round_half_up
from sightline.indicators.significance import Significance, proportion_test, rate_test

SN_2021 = "New_Statistical_Neighbour_Groupings_April_2021.csv"
SN_2025 = "sn_model_2025_wide.csv"
FIRST_YEAR_OF_2025_MODEL = 2025


@lru_cache(maxsize=2)
def _neighbour_table(model: str) -> dict[str, list[str]]:
    if model == SN_2021:
        # Its header repeats "SNP" for each closeness column, so read by position: the LA code
        # first, then SN1..SN10 at every other column from the sixth.
        frame = pl.read_csv(dfe.DATA_DIR / SN_2021, has_header=False, skip_rows=1, infer_schema=False)
        columns = [frame.columns[5 + 2 * i] for i in range(10)]
        code = frame.columns[0]
    else:
        frame = pl.read_csv(dfe.DATA_DIR / SN_2025, infer_schema=False)
        frame = frame.rename({c: c.lstrip("\ufeff") for c in frame.columns})
        columns, code = [f"SN_{i}" for i in range(1, 11)], "old_la_code"
    table = {}
    for row in frame.select([code, *columns]).iter_rows():
        if row[0]:
            table[row[0].strip()] = [c.strip() for c in row[1:] if c and c.strip()]
    return table


def neighbours(la_code: str, year: int) -> tuple[str, list[str]]:
    """(the model used, the ten neighbours' old LA codes in order of closeness)."""
    model = SN_2025 if year >= FIRST_YEAR_OF_2025_MODEL else SN_2021
    return model, _neighbour_table(model).get(dfe.old_la_code(la_code), [])


def _rounded(value: float | None, decimals: int) -> float | None:
    return None if value is None else round_half_up(value, decimals)


def comparators(indicator_id: str, la_code: str, year: int, *, numerator: float | None = None,
                denominator: float | None = None) -> dict:
    """England, the region and the statistical neighbours for one indicator, LA and year ending 31 March.

    The significance test uses `numerator` and `denominator` when given (our own figures), else
    the LA's published ones. Keys: indicator_id, year, la_code, la_name, la, england, region,
    region_name, sn_model, sn_codes, sn_values, sn_mean, sn_median, significance.
    """
    if indicator_id not in dfe.MEASURES:
        raise KeyError(f"{indicator_id} has no published DfE measure to compare with.")
    measure = dfe.MEASURES[indicator_id]
    code = dfe.old_la_code(la_code)
    rows = dfe.figures(indicator_id).filter(pl.col("year") == year)
    local = rows.filter((pl.col("level") == "Local authority") & (pl.col("la_code") == code)).to_dicts()
    local = local[0] if local else {}
    england = rows.filter(pl.col("level") == "National").to_dicts()
    england = england[0] if england else {}
    region = rows.filter((pl.col("level") == "Regional")
                         & (pl.col("region_code") == local.get("region_code", ""))).to_dicts()
    region = region[0] if region else {}
    model, sn_codes = neighbours(code, year)
    values = dict(rows.filter((pl.col("level") == "Local authority") & pl.col("la_code").is_in(sn_codes))
                  .select("la_code", "value").iter_rows())
    sn_values = [values[c] for c in sn_codes if values.get(c) is not None]
    own_numerator = numerator if numerator is not None else local.get("numerator")
    own_denominator = denominator if denominator is not None else local.get("denominator")
    return {
        "indicator_id": indicator_id, "year": year, "la_code": code, "la_name": local.get("la_name"),
        "la": local.get("value"), "england": england.get("value"), "region": region.get("value"),
        "region_name": local.get("region_name"), "sn_model": model, "sn_codes": sn_codes,
        "sn_values": sn_values,
        "sn_mean": _rounded(statistics.fmean(sn_values), measure.decimals) if sn_values else None,
        "sn_median": _rounded(statistics.median(sn_values), measure.decimals) if sn_values else None,
        "significance": _significance(measure, own_numerator, own_denominator, england).as_dict(),
    }


def _significance(measure: dfe.Measure, numerator, denominator, england: dict) -> Significance:
    if measure.kind == "proportion":
        return proportion_test(numerator, denominator, england.get("value"))
    if measure.kind == "rate":
        england_rate = england.get("value")
        if england_rate is None and england.get("numerator") and england.get("denominator"):
            england_rate = england["numerator"] / england["denominator"] * 10_000
        return rate_test(numerator, denominator, england_rate)
    return Significance("none", None, None, england.get("value"), "not tested", "A count is not compared.")


def higher_than_every_comparator(indicator_id: str, la_code: str, years: list[int]) -> bool:
    """Whether the LA's published figure was above England, its region and its neighbours' mean and
    median in every one of `years` (a missing figure makes the statement unproven: False)."""
    for year in years:
        found = comparators(indicator_id, la_code, year)
        others = [found[k] for k in ("england", "region", "sn_mean", "sn_median")]
        if found["la"] is None or any(v is None or found["la"] <= v for v in others):
            return False
    return True
