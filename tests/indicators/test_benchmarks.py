import pytest

from sightline.indicators import dfe
from sightline.indicators.benchmarks import comparators, higher_than_every_comparator, neighbours
from sightline.indicators.significance import poisson_limits, proportion_test, rate_test, wilson_interval


def test_doncaster_re_referrals_were_higher_than_every_comparator_for_four_years():
    # Published (c1): Doncaster 25.5, 27.0, 27.6, 25.4 against England 21.9, 22.6, 22.6, 22.7,
    # Yorkshire and the Humber 22.9, 24.6, 23.8, 22.6, neighbours' means 20.5, 19.4, 20.9, 21.8.
    assert higher_than_every_comparator("re_referral_rate_12m", "371", [2018, 2019, 2020, 2021])
    # 2022 (7.0, a data-quality break) was not.
    assert not higher_than_every_comparator("re_referral_rate_12m", "371", [2021, 2022])


def test_comparators_of_one_year_as_the_report_shows_them():
    found = comparators("re_referral_rate_12m", "E08000017", 2018)
    assert (found["la"], found["england"], found["region"]) == (25.5, 21.9, 22.9)
    assert found["region_name"] == "Yorkshire and The Humber"
    # statutory.md 3.1, derived from the same file: SN mean 20.5, median 21.4 in 2018.
    assert (found["sn_mean"], found["sn_median"]) == (20.5, 21.4)
    assert found["sn_codes"][:3] == ["372", "370", "812"]


def test_neighbours_follow_the_2025_model_from_2025():
    # 2021 grouping: Rotherham, Barnsley, North East Lincolnshire...; 2025: Rotherham, Barnsley, Wakefield...
    assert neighbours("371", 2024)[1][:3] == ["372", "370", "812"]
    assert neighbours("371", 2025)[1][:3] == ["372", "370", "384"]


def test_re_referrals_2021_significantly_above_england_by_wilson_interval():
    # 1,237 / 4,870 = 25.40%. Wilson: centre (0.25400 + 1.96^2/9740) / (1 + 1.96^2/4870) = 0.25420,
    # half-width 1.96 x sqrt(0.25400 x 0.74600 / 4870 + 1.96^2 / (4 x 4870^2)) / 1.00079 = 0.01222:
    # 24.20% to 26.64%. England's 22.7% is below it: higher.
    significance = comparators("re_referral_rate_12m", "371", 2021)["significance"]
    assert significance["result"] == "higher"
    assert significance["lower"] == pytest.approx(24.20, abs=0.01)
    assert significance["upper"] == pytest.approx(26.64, abs=0.01)


def test_dfe_symbol_u_is_no_figure_and_is_not_tested():
    # d3 2022 Doncaster: second or subsequent plans published as "u".
    found = comparators("cpp_second_or_subsequent_pct", "371", 2022)
    assert found["la"] is None
    assert found["significance"]["result"] == "not tested"


@pytest.mark.parametrize("symbol", ["c", "x", "z", "k", "u", "low", "C", " x "])
def test_every_dfe_symbol_reads_as_missing(symbol):
    import polars as pl

    frame = pl.DataFrame({"v": [symbol, "12", "1,204"]}).select(dfe.number("v"))
    assert frame["v"].to_list() == [None, 12.0, 1204.0]


def test_wilson_interval_by_hand():
    # 5 of 10, z = 1.96: centre (0.5 + 0.19208) / 1.38416 = 0.5; half = 1.96 x sqrt(0.025 + 0.009604)
    # / 1.38416 = 0.26335: 0.23665 to 0.76335.
    low, high = wilson_interval(5, 10)
    assert (low, high) == (pytest.approx(0.23665, abs=1e-4), pytest.approx(0.76335, abs=1e-4))


def test_funnel_limits_by_hand():
    # Expected 100: lower 100 x (1 - 1/900 - 1.96/30)^3 = 100 x 0.93356^3 = 81.36;
    # upper 101 x (1 - 1/909 + 1.96/30.15)^3 = 101 x 1.06391^3 = 121.63.
    low, high = poisson_limits(100)
    assert (low, high) == (pytest.approx(81.36, abs=0.02), pytest.approx(121.63, abs=0.05))


def test_rate_inside_the_funnel_is_not_significant():
    # England 69 per 10,000 on 10,000 children: expected 69; limits 69 x (1 - 1/621 - 1.96/24.92)^3
    # = 53.7 and 70 x (1 - 1/630 + 1.96/25.10)^3 = 87.3.
    assert rate_test(75, 10_000, 69).result == "not significant"
    assert rate_test(95, 10_000, 69).result == "higher"
    assert rate_test(45, 10_000, 69).result == "lower"


def test_proportion_without_a_published_count_is_not_tested():
    assert proportion_test(None, 100, 22.0).result == "not tested"


def test_a_count_is_not_tested_for_significance():
    assert comparators("cla_at_end", "371", 2021)["significance"]["result"] == "not tested"


def test_unknown_indicator_has_no_comparators():
    with pytest.raises(KeyError):
        comparators("contacts_per_month", "371", 2021)
