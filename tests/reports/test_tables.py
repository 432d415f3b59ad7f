import datetime as dt

from sightline.reports import tables
from sightline.reports.figures import Figures, years_ending_in
from tests.reports.factories import FROM, INFO, TO, month_end, result, seed_figures


def test_contacts_table_puts_each_month_under_its_reporting_year():
    table = tables.month_pivot(seed_figures(), "contacts_per_month", FROM, TO, title="Contacts", public=True)
    assert [r.label for r in table.rows] == ["2020-21", "2021-22"]
    assert table.cell("2020-21", "Apr").text == "1,706"
    assert table.cell("2021-22", "Jul").text == "2,335"
    # Seed Table 1: 1,706 + 1,678 + 1,970 + 1,909 = 7,263.
    assert table.cell("2020-21", "Total").text == "7,263"
    assert table.cell("2020-21", "Aug").text == "z"


def test_re_referral_table_sets_the_area_against_region_neighbours_and_england_over_four_years():
    table = tables.comparator_years(seed_figures(), "re_referral_rate_12m", FROM, TO, title="Re-referrals",
                                    public=True, area_name="Doncaster")
    assert table.head == ["", "2018", "2019", "2020", "2021"]
    assert [r.label for r in table.rows] == ["Doncaster", "Yorkshire and the Humber", "Statistical neighbours",
                                             "England"]
    assert [c.text for c in table.rows[0].cells] == ["25.5%", "27.0%", "27.6%", "25.4%"]
    assert table.cell("England", "2021").text == "22.7%"
    assert table.cell("Statistical neighbours", "2020").text == "20.9%"
    assert table.dfe_figures


def test_quarter_table_shows_the_month_at_each_quarter_end():
    table = tables.quarter_points(seed_figures(), "early_help_neglect_open", FROM, TO, title="Neglect",
                                  public=True, lines=(("Open", "value"),))
    assert table.head == ["Month", "June 2020", "September 2020", "December 2020", "March 2021", "June 2021"]
    assert [c.text for c in table.rows[0].cells] == ["187", "201", "215", "236", "243"]


def test_neglect_contacts_table_shows_the_total_and_the_rate():
    table = tables.quarter_points(seed_figures(), "contacts_neglect_pct", FROM, TO, title="Neglect contacts",
                                  public=True, lines=(("Total contacts", "denominator"), ("Rate", "value")))
    assert table.cell("Total contacts", "March 2021").text == "5,738"
    assert table.cell("Rate", "March 2021").text == "54.3%"


def test_lead_practitioner_shares_hide_small_counts_and_the_next_smallest_in_public():
    labels = {"education": "Education", "voluntary": "Voluntary sector", "health": "Health"}
    public = tables.breakdown_shares(seed_figures(), "early_help_lead_by_agency", FROM, TO, title="Lead",
                                     public=True, labels=labels)
    internal = tables.breakdown_shares(seed_figures(), "early_help_lead_by_agency", FROM, TO, title="Lead",
                                       public=False, labels=labels)
    # 410 of 854 = 48.0%; voluntary (4) is primary, health (60) secondary, because the total is shown.
    assert public.cell("Education", "Share").text == "48.0%"
    assert public.cell("Voluntary sector", "Number").text == "c"
    assert public.cell("Health", "Number").text == "c"
    assert public.cell("Health", "Share").text == "c"
    assert internal.cell("Voluntary sector", "Number").text == "4"


def test_domestic_abuse_table_gives_the_change_between_years():
    table = tables.year_change(seed_figures(), "domestic_abuse_referrals", FROM, TO, title="DA", public=True,
                               labels={"hub": "Domestic Abuse Hub"})
    # (1,858 - 1,567) / 1,567 = 18.57%.
    assert table.cell("Domestic Abuse Hub", "Change").text == "18.6%"
    assert table.cell("Domestic Abuse Hub", "2019-20").text == "1,567"


def test_a_small_rate_numerator_hides_the_rate_in_public_only():
    small = [result("re_referral_rate_12m", dt.date(2020, 4, 1), dt.date(2021, 3, 31), value=3 / 40 * 100,
                    numerator=3, denominator=40, unit="percent")]
    figures = Figures("371", small, INFO)
    public = tables.comparator_years(figures, "re_referral_rate_12m", FROM, TO, title="", public=True,
                                     area_name="Doncaster")
    internal = tables.comparator_years(figures, "re_referral_rate_12m", FROM, TO, title="", public=False,
                                       area_name="Doncaster")
    assert public.cell("Doncaster", "2021").text == "c"
    assert internal.cell("Doncaster", "2021").text == "7.5%"


def test_years_ending_in_a_window_count_back_from_the_last_complete_year():
    assert years_ending_in(FROM, TO) == [2021]
    assert years_ending_in(FROM, TO, back=3) == [2018, 2019, 2020, 2021]
    assert years_ending_in(dt.date(2019, 4, 1), dt.date(2021, 3, 31)) == [2020, 2021]


def test_a_snapshot_count_stands_for_its_month():
    figures = Figures("371", [result("early_help_neglect_open", month_end("2020-06"), month_end("2020-06"),
                                     value=187)], INFO)
    assert list(figures.monthly("early_help_neglect_open", FROM, TO)) == ["2020-06"]


def test_schools_are_counted_together_as_education_so_small_counts_add_up():
    parts = [("school-a", 2, 3), ("school-b", 4, 5), ("police", 9, 10)]
    figures = Figures("371", [result("attendance", FROM, TO, value=100 * n / d, numerator=n, denominator=d,
                                     breakdown=k, unit="percent") for k, n, d in parts]
                      + [result("attendance", FROM, TO, value=15 / 18 * 100, numerator=15, denominator=18,
                                unit="percent")], {})
    groups = {"school-a": "Education (schools)", "school-b": "Education (schools)"}
    pooled = tables.breakdown_shares(figures, "attendance", FROM, TO, title="", public=True, groups=groups,
                                     labels={"police": "South Yorkshire Police"})
    # Schools: (2 + 4) of (3 + 5) = 6 of 8 = 75.0%; police 9 of 10 = 90.0%.
    assert [(r.label, [c.text for c in r.cells]) for r in pooled.rows] == [
        ("South Yorkshire Police", ["9", "10", "90.0%"]), ("Education (schools)", ["6", "8", "75.0%"])]
    apart = tables.breakdown_shares(figures, "attendance", FROM, TO, title="", public=True)
    assert apart.cell("School a", "Per cent").text == "c" and apart.cell("School a", "Number").text == "c"
