import datetime as dt
from decimal import Decimal

from sightline.reports.builder import annual_report_build
from sightline.reports.charts import sparkline
from sightline.reports.dashboard import dashboard_build, rag, tile_build
from sightline.reports.models import Target
from tests.reports.factories import FROM, TO, seed_figures


def _target(value, band):
    return Target(indicator_id="x", value=Decimal(value), amber_band=Decimal(band))


def test_red_amber_green_follows_which_direction_is_better():
    # Lower is better, target 24 with a band of 2: 23 meets it, 25.4 misses by 1.4 (amber), 26.5 by 2.5 (red).
    assert rag(23.0, "lower", _target(24, 2)) == "green"
    assert rag(25.4, "lower", _target(24, 2)) == "amber"
    assert rag(26.5, "lower", _target(24, 2)) == "red"
    # Higher is better, target 90 with a band of 5: 86 misses by 4 (amber), 84 by 6 (red).
    assert rag(90.0, "higher", _target(90, 5)) == "green"
    assert rag(86.0, "higher", _target(90, 5)) == "amber"
    assert rag(84.0, "higher", _target(90, 5)) == "red"


def test_no_colour_without_a_target_or_a_better_direction():
    assert rag(25.4, "lower", None) == ""
    assert rag(1706, "neutral", _target(1500, 100)) == ""


def test_tile_shows_the_latest_year_against_that_years_benchmarks():
    tile = tile_build(seed_figures(), "re_referral_rate_12m", targets={})
    assert tile.latest_text == "25.4%" and tile.latest.period_end == dt.date(2021, 3, 31)
    assert [(c.label, c.text) for c in tile.comparisons] == [
        ("England", "22.7%"), ("Yorkshire and the Humber", "22.6%"), ("Statistical neighbours", "21.8%")]
    # The trend is the four years: 25.5, 27.0, 27.6, 25.4.
    assert tile.trend == [25.5, 27.0, 27.6, 25.4]


def test_period_filter_keeps_only_figures_inside_it():
    tile = tile_build(seed_figures(), "re_referral_rate_12m", targets={}, date_from=dt.date(2018, 4, 1),
                      date_to=dt.date(2020, 3, 31))
    assert tile.latest_text == "27.6%"


def test_dashboard_groups_follow_the_report_sections():
    titles = [title for _, title, _ in dashboard_build(seed_figures(), targets={})]
    assert titles[:5] == ["Early help", "Multi-agency Safeguarding Hub", "Child protection", "Children in care",
                          "Care leavers"]


def test_sparkline_is_a_small_svg_line_through_every_known_point():
    svg = sparkline([1.0, None, 3.0, 2.0], width=100, height=20)
    assert svg.startswith("<svg") and 'aria-hidden="true"' in svg
    assert svg.count(",") == 3  # three "x,y" points drawn, the unknown one skipped
    assert sparkline([5.0]) == ""


def test_a_table_whose_indicator_is_not_defined_says_it_is_not_yet_computed():
    report = annual_report_build(figures=seed_figures(), date_from=FROM, date_to=TO, public=True,
                                 partnership="P", area_name="Doncaster")
    mental_health = next(s for s in report.sections if s.slug == "mental-health")
    assert any("Not yet computed" in n and "mental_health_admissions_per_100k" in n
               for n in mental_health.blocks[0].table.notes)


def test_a_monthly_latest_figure_is_compared_through_the_last_whole_year():
    from tests.reports.factories import result

    figures = seed_figures()
    figures.results.append(result("re_referral_rate_12m", dt.date(2021, 9, 1), dt.date(2021, 9, 30), value=30.0,
                                  numerator=120, denominator=400, unit="percent"))
    figures.__post_init__()
    tile = tile_build(figures, "re_referral_rate_12m", targets={})
    # September 2021 is the latest figure (30.0%); England's 22.7% belongs with the year to 31 March 2021 (25.4%).
    assert tile.latest_text == "30.0%" and tile.year_text == "25.4%"
    assert [c.text for c in tile.comparisons][0] == "22.7%"
