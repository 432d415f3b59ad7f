"""Our rounding reproduces every figure the DfE published from the counts it published with them."""

import polars as pl
import pytest

from sightline.indicators import dfe
from sightline.indicators.rounding import round_half_up

# Indicator, the multiplier from count / base to the published unit.
PUBLISHED_RATIOS = [("re_referral_rate_12m", 100), ("re_referral_rate_12m_child", 100),
                    ("cpp_second_or_subsequent_pct", 100), ("cla_rate_per_10k", 10_000),
                    ("care_leavers_19_21_eet_pct", 100)]


@pytest.mark.parametrize(("indicator_id", "scale"), PUBLISHED_RATIOS)
def test_every_local_authority_figure_is_reproduced_from_its_counts(indicator_id, scale):
    rows = dfe.figures(indicator_id).filter(
        (pl.col("level") == "Local authority") & (pl.col("denominator") > 0)
        & pl.col("numerator").is_not_null() & pl.col("value").is_not_null())
    assert rows.height > 700
    places = dfe.MEASURES[indicator_id].decimals
    wrong = [r for r in rows.iter_rows(named=True)
             if round_half_up(r["numerator"] / r["denominator"] * scale, places) != r["value"]]
    assert wrong == []


def test_doncaster_published_counts_and_values():
    # statutory.md 3.1-3.4, read from the files: 2018 re-referrals 1,451 / 5,681 = 25.5%;
    # 2021 second plans 125 / 534 = 23.4%; 2021 looked after 548 / 64,165 = 85.
    re_referrals = dfe.figures("re_referral_rate_12m").filter((pl.col("la_code") == "371") & (pl.col("year") == 2018))
    assert re_referrals.select("numerator", "denominator", "value").row(0) == (1451, 5681, 25.5)
    plans = dfe.figures("cpp_second_or_subsequent_pct").filter((pl.col("la_code") == "371") & (pl.col("year") == 2021))
    assert plans.select("numerator", "denominator", "value").row(0) == (125, 534, 23.4)
    cla = dfe.figures("cla_rate_per_10k").filter((pl.col("la_code") == "371") & (pl.col("year") == 2021))
    assert cla.select("numerator", "denominator", "value").row(0) == (548, 64_165, 85)


def test_population_for_a_year_ending_31_march_is_the_mid_year_before():
    # Year ending 31 March 2021 uses mid-2020: Doncaster 64,165 in the ONS file.
    assert dfe.population("371", 2021) == (64_165, 2020)
    # The file ends at mid-2024, so 2026-27 falls back to it and says so.
    assert dfe.population("371", 2027)[1] == 2024
