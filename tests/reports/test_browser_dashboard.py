"""A board member's path: the start page, the line of sight, one figure's drill-down, the report."""

import pytest

from tests.browser_support import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_board_member_follows_a_figure_from_the_dashboard_to_its_drill_down(signed_in_page, live_server,
                                                                           seed_results_stored, board_member):
    page = signed_in_page(board_member)
    page.click("text=The line of sight")
    page.wait_for_selector("h1:has-text('The line of sight')")
    tile = page.locator('[data-indicator="re_referral_rate_12m"]')
    assert "25.4%" in tile.inner_text() and "England: 22.7%" in tile.inner_text()
    assert page.locator('[data-indicator="contacts_per_month"] svg.sl-sparkline').count() == 1
    screenshot(page, "reports-01-dashboard")

    page.click('[data-indicator="contacts_per_month"] a')
    page.wait_for_selector("h1:has-text('Contacts to the front door')")
    assert "Line graph of" in page.get_attribute("figure.sl-chart img", "alt")
    assert "1,706" in page.inner_text("main")
    screenshot(page, "reports-02-drill-down")

    page.goto(f"{live_server.url}/reports/annual/report.html?date_from=2020-04-01&date_to=2021-09-30")
    page.wait_for_selector("h2:has-text('Contents')")
    assert "Contacts rose from 1,706 in April 2020 to 2,292 in April 2021" in page.inner_text("body")
    screenshot(page, "reports-03-annual-report")


def test_business_unit_writes_the_front_door_words_into_the_report(signed_in_page, live_server, seed_results_stored,
                                                                   business_unit):
    page = signed_in_page(business_unit)
    page.click("text=The annual report")
    page.fill("#id_date_from", "2020-04-01")
    page.fill("#id_date_to", "2021-09-30")
    page.click("button:has-text('Choose')")
    page.click("a:has-text('Multi-agency Safeguarding Hub')")
    page.fill("#id_tells_us", "Demand on the front door rose through the pandemic.")
    page.fill("#id_impact", "More families reached early help.")
    screenshot(page, "reports-04-words")
    page.click("button:has-text('Save the words')")
    page.wait_for_selector("text=are saved")
    page.click("text=read it as a web page")
    body = page.inner_text("#front-door")
    assert body.index("Demand on the front door rose") < body.index("Table 1:") < body.index("More families")
    screenshot(page, "reports-05-report-with-words")
