"""Table 7 and the dashboard's mental health group, filled from the mental health indicators."""

import pytest

from sightline.reports.builder import annual_report_build
from sightline.reports.dashboard import dashboard_build
from sightline.reports.figures import figures_load
from tests.reports.factories import FROM, TO, result, results_save, year

pytestmark = pytest.mark.django_db

# Admissions and the 0-17 population of each year ending 31 March; the rate per 100,000 by hand:
# 2018: 27 / 65,867 x 100,000 = 40.99... -> 41.0; 2019: 40 / 66,450 = 60.19... -> 60.2;
# 2020: 39 / 65,219 = 59.79... -> 59.8; 2021: 4 / 64,165 = 6.23... -> 6.2 (4 admissions: small).
ADMISSIONS = {2018: (27, 65_867, 41.0), 2019: (40, 66_450, 60.2), 2020: (39, 65_219, 59.8), 2021: (4, 64_165, 6.2)}


@pytest.fixture
def stored():
    rows = [year("mental_health_admissions_per_100k", y, value=v, numerator=n, denominator=d, unit="rate_per_100k")
            for y, (n, d, v) in ADMISSIONS.items()]
    rows += [year("mental_health_admissions", y, value=n) for y, (n, _, _) in ADMISSIONS.items()]
    rows += [year("ae_self_harm_attendances", 2021, value=290), year("self_harm_repeat_pct", 2021, value=20.0,
                                                                      numerator=50, denominator=250, unit="percent")]
    rows += [result("ae_self_harm_attendances", FROM, TO, value=v, breakdown=k)
             for k, v in {"2020-04": 21, "2021-04": 30}.items()]
    results_save(rows)
    return figures_load(la_code="371")


def _mental_health(figures, public):
    report = annual_report_build(figures=figures, date_from=FROM, date_to=TO, public=public, partnership="P",
                                 area_name="Doncaster")
    return next(s for s in report.sections if s.slug == "mental-health")


def test_table_7_gives_the_admission_rate_for_each_year_from_the_indicator(stored):
    table = _mental_health(stored, public=False).blocks[0].table
    assert table.number == "Table 7"
    assert table.head == ["", "2018", "2019", "2020", "2021"]
    assert [c.text for c in table.rows[0].cells] == ["41.0", "60.2", "59.8", "6.2"]
    assert not any("Not yet computed" in n for n in table.notes)


def test_table_7_carries_no_dfe_attribution_when_no_dfe_comparator_is_shown(stored):
    # The seed's comparators for admissions come from NHS data, which Sightline does not hold.
    table = _mental_health(stored, public=False).blocks[0].table
    assert all(c.value is None for row in table.rows[1:] for c in row.cells)
    assert not table.dfe_figures


def test_table_7_hides_a_rate_made_from_a_small_number_of_admissions_in_public(stored):
    table = _mental_health(stored, public=True).blocks[0].table
    assert [c.text for c in table.rows[0].cells] == ["41.0", "60.2", "59.8", "c"]


def test_self_harm_attendances_are_tabled_by_month_and_year(stored):
    blocks = _mental_health(stored, public=False).blocks
    figures_table = blocks[1].table
    assert figures_table.cell("A&E attendances of children for self-harm", "2020-21").text == "290"
    assert figures_table.cell("Children attending A&E for self-harm again within 12 months", "2020-21").text \
        == "20.0%"
    by_month = blocks[2].table
    assert by_month.cell("2020-21", "Apr").text == "21" and by_month.cell("2021-22", "Apr").text == "30"


def test_the_dashboard_mental_health_group_has_a_tile_for_each_indicator(stored):
    group = next(tiles for slug, _, tiles in dashboard_build(stored, targets={}) if slug == "mental-health")
    tiles = {t.indicator_id: t for t in group}
    assert list(tiles) == ["mental_health_admissions_per_100k", "mental_health_admissions",
                           "ae_self_harm_attendances", "self_harm_repeat_pct"]
    assert tiles["mental_health_admissions_per_100k"].latest_text == "6.2"
    assert tiles["mental_health_admissions_per_100k"].title == "Mental health inpatient admissions per 100,000 children"
