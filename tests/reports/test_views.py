import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sightline.reports.models import NarrativeBlock, Target

SEED_PERIOD = "date_from=2020-04-01&date_to=2021-09-30"
FIGURE_PAGES = [reverse("reports:dashboard"), reverse("reports:dashboard_download", args=["csv"]),
                reverse("reports:indicator", args=["contacts_per_month"]),
                reverse("reports:indicator_download", args=["contacts_per_month", "xlsx"]),
                reverse("reports:indicator_download", args=["contacts_per_month", "png"]),
                reverse("reports:dashboard_download", args=["xlsx"]),
                reverse("reports:annual"), reverse("reports:annual_document", args=["html"]) + "?" + SEED_PERIOD,
                reverse("reports:annual_document", args=["pdf"]) + "?" + SEED_PERIOD]


@pytest.mark.parametrize("url", FIGURE_PAGES)
def test_roles_outside_governance_are_refused_every_figure_page(client, seed_results_stored, url, police_user,
                                                                social_worker):
    for user in (police_user, social_worker):
        client.force_login(user)
        assert client.get(url).status_code in (403, 404)


@pytest.mark.parametrize("url", FIGURE_PAGES)
def test_signed_out_visitors_are_sent_to_sign_in(client, seed_results_stored, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_board_member_sees_the_dashboard_grouped_as_the_report_with_benchmarks(client, seed_results_stored,
                                                                              board_member):
    client.force_login(board_member)
    response = client.get(reverse("reports:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("Early help", "Multi-agency Safeguarding Hub", "Child protection", "Children in care", "Neglect"):
        assert f">{heading}</h2>" in html
    tile = html[html.index('data-indicator="re_referral_rate_12m"'):]
    tile = tile[:tile.index("</div>")]
    # The latest re-referral figure is the year ending 31 March 2021: 25.4% against England's 22.7%.
    assert "25.4%" in tile and "England: 22.7%" in tile
    assert "Significantly higher than England (Wilson 95% interval)" in tile


def test_the_tile_turns_red_amber_or_green_against_the_partnership_target(client, seed_results_stored, scrutineer):
    # Re-referrals: lower is better. 25.4% against a target of 24 with an amber band of 1: 1.4 over, so red.
    Target.objects.create(indicator_id="re_referral_rate_12m", value=24, amber_band=1)
    client.force_login(scrutineer)
    html = client.get(reverse("reports:dashboard")).content.decode()
    assert 'sl-tile sl-tile--red" data-indicator="re_referral_rate_12m"' in html


def test_drill_down_shows_definition_chart_with_alt_text_and_the_table_behind_it(client, seed_results_stored,
                                                                                 analyst):
    client.force_login(analyst)
    html = client.get(reverse("reports:indicator", args=["contacts_per_month"])).content.decode()
    assert "Definition" in html and 'alt="Line graph of' in html
    assert "<td class=\"num\">1,706</td>" in html
    # Contacts are not children: the indicator has no list behind it.
    assert "This indicator has no list of the children it counts." in html


def test_downloads_are_csv_excel_and_png(client, seed_results_stored, analyst):
    client.force_login(analyst)
    csv = client.get(reverse("reports:indicator_download", args=["contacts_per_month", "csv"]))
    assert csv["Content-Type"].startswith("text/csv") and "1706" in csv.content.decode()
    xlsx = client.get(reverse("reports:indicator_download", args=["contacts_per_month", "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert 1706 in [c.value for row in sheet.iter_rows() for c in row]
    png = client.get(reverse("reports:indicator_download", args=["contacts_per_month", "png"]))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    assert client.get(reverse("reports:indicator_download", args=["contacts_per_month", "exe"])).status_code == 404


def test_unknown_indicator_is_not_found(client, seed_results_stored, analyst):
    client.force_login(analyst)
    assert client.get(reverse("reports:indicator", args=["no_such_thing"])).status_code == 404


def test_annual_report_html_and_pdf_for_the_seed_period(client, seed_results_stored, board_member):
    client.force_login(board_member)
    html = client.get(reverse("reports:annual_document", args=["html"]) + "?" + SEED_PERIOD).content.decode()
    assert "1 April 2020 to 30 September 2021" in html
    assert "Contacts rose from 1,706 in April 2020 to 2,292 in April 2021, an increase of 34%." in html
    pdf = client.get(reverse("reports:annual_document", args=["pdf"]) + "?" + SEED_PERIOD)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_only_those_who_prepare_the_report_see_the_internal_version(client, seed_results_stored, board_member,
                                                                    analyst):
    url = reverse("reports:annual_document", args=["html"]) + "?" + SEED_PERIOD + "&version=internal"
    client.force_login(board_member)
    assert client.get(url).status_code == 403
    client.force_login(analyst)
    assert "not for publication" in client.get(url).content.decode()


def test_business_unit_writes_the_words_and_they_keep_their_history(client, seed_results_stored, business_unit):
    client.force_login(business_unit)
    url = reverse("reports:narrative_edit", args=["front-door"]) + "?" + SEED_PERIOD
    client.post(url, {"tells_us": "Demand rose.", "done": "", "next": "", "impact": ""})
    client.post(url, {"tells_us": "Demand rose sharply.", "done": "A review.", "next": "", "impact": ""})
    block = NarrativeBlock.objects.get(section="front-door", kind="tells_us", period_start=dt.date(2020, 4, 1),
                                       period_end=dt.date(2021, 9, 30))
    assert block.text == "Demand rose sharply." and block.edited_by == business_unit
    assert [h.text for h in block.history.order_by("history_date")] == ["Demand rose.", "Demand rose sharply."]
    report = client.get(reverse("reports:annual_document", args=["html"]) + "?" + SEED_PERIOD).content.decode()
    assert "What does the information tell us?" in report and "Demand rose sharply." in report
    assert "Earlier versions" in client.get(url).content.decode()


@pytest.mark.parametrize("role_fixture", ["board_member", "scrutineer", "analyst", "mash_manager", "police_user"])
def test_only_the_business_unit_may_edit_the_words_or_set_targets(client, seed_results_stored, role_fixture, request):
    client.force_login(request.getfixturevalue(role_fixture))
    url = reverse("reports:narrative_edit", args=["front-door"]) + "?" + SEED_PERIOD
    assert client.get(url).status_code == 403
    assert client.post(url, {"tells_us": "Changed."}).status_code == 403
    assert not NarrativeBlock.objects.exists()
    target = reverse("reports:target_set", args=["re_referral_rate_12m"])
    assert client.post(target, {"value": "20", "amber_band": "1"}).status_code == 403
    assert not Target.objects.exists()


def test_business_unit_sets_a_target(client, seed_results_stored, business_unit):
    client.force_login(business_unit)
    client.post(reverse("reports:target_set", args=["re_referral_rate_12m"]), {"value": "24.0", "amber_band": "2"})
    target = Target.objects.get(indicator_id="re_referral_rate_12m")
    assert (float(target.value), float(target.amber_band), target.set_by) == (24.0, 2.0, business_unit)


def test_the_words_are_printed_as_text_never_as_markup(client, seed_results_stored, business_unit):
    client.force_login(business_unit)
    url = reverse("reports:narrative_edit", args=["neglect"]) + "?" + SEED_PERIOD
    client.post(url, {"tells_us": "<script>alert(1)</script>", "done": "", "next": "", "impact": ""})
    report = client.get(reverse("reports:annual_document", args=["html"]) + "?" + SEED_PERIOD).content.decode()
    assert "<script>alert(1)</script>" not in report and "&lt;script&gt;alert(1)&lt;/script&gt;" in report


def test_words_for_a_section_the_report_does_not_have_are_refused(client, seed_results_stored, business_unit):
    client.force_login(business_unit)
    assert client.get(reverse("reports:narrative_edit", args=["no-such-section"])).status_code == 404


@pytest.mark.parametrize("role_fixture", ["board_member", "scrutineer", "analyst", "business_unit"])
def test_governance_start_pages_lead_to_the_dashboard_and_the_report(client, db, role_fixture, request):
    client.force_login(request.getfixturevalue(role_fixture))
    html = client.get("/").content.decode()
    assert f'href="{reverse("reports:dashboard")}"' in html and f'href="{reverse("reports:annual")}"' in html


def test_dashboard_period_filter_shows_the_latest_figure_inside_the_period(client, seed_results_stored, analyst):
    client.force_login(analyst)
    html = client.get(reverse("reports:dashboard") + "?date_from=2018-04-01&date_to=2020-03-31").content.decode()
    tile = html[html.index('data-indicator="re_referral_rate_12m"'):]
    # The year ending 31 March 2020 is the latest inside the period: 27.6%.
    assert "27.6%" in tile[:tile.index("</div>")]
