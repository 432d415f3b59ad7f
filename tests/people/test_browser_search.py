"""A social worker signs in, finds a child despite a typo and opens the timeline."""

import datetime as dt

import pytest

from tests.browser_support import screenshot, sign_in
from tests.factories import ChildProtectionPlanFactory, PersonFactory, ReferralFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_social_worker_finds_a_child_and_reads_the_timeline(page, live_server, social_worker, childrens_trust):
    child = PersonFactory(forename="Kayden", surname="Whitfield", date_of_birth=dt.date(2013, 11, 2))
    referral = ReferralFactory(person=child, owning_agency=childrens_trust, referral_date=dt.date(2021, 3, 8))
    ChildProtectionPlanFactory(referral=referral, person=child, owning_agency=childrens_trust,
                               start_date=dt.date(2021, 4, 1))

    sign_in(page, live_server, social_worker.username)
    assert page.locator("h1").inner_text() == "Your children"
    screenshot(page, "people-01-start-page")

    page.click("text=Find a child or adult")
    page.fill("#q", "Kaiden Whitfeld")
    page.click("button:has-text('Search')")
    page.wait_for_selector("text=Kayden Whitfield")
    screenshot(page, "people-02-search-results")

    page.click("text=Kayden Whitfield")
    page.wait_for_selector("h1:has-text('Kayden Whitfield')")
    rows = page.locator(".sl-timeline tbody tr")
    assert rows.count() == 2
    assert "Referral" in rows.nth(0).inner_text() and "Child protection plan" in rows.nth(1).inner_text()
    screenshot(page, "people-03-timeline")


def test_agency_user_without_involvement_is_refused_the_timeline(page, live_server, police_user, child):
    sign_in(page, live_server, police_user.username)
    response = page.goto(f"{live_server.url}{child.get_absolute_url()}")
    assert response.status == 404
    assert "Page not found" in page.locator("h1").inner_text()
