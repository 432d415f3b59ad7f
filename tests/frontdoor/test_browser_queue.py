"""The queue filters and refreshes in place (htmx), without reloading the page."""

import pytest

from sightline.frontdoor import services
from tests.browser_support import screenshot
from tests.frontdoor.conftest import amy_details

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_rating_filter_updates_the_list_in_place(signed_in_page, police, mash_manager):
    urgent, _ = services.contact_record(source_agency=police, summary="a", concerns=["neglect"],
                                        people=[amy_details(surname="Urgent")])
    routine, _ = services.contact_record(source_agency=police, summary="b", concerns=["neglect"],
                                         people=[amy_details(surname="Routine")])
    services.contact_rate(contact=urgent, manager=mash_manager, rating="red")
    services.contact_rate(contact=routine, manager=mash_manager, rating="green")

    page = signed_in_page(mash_manager)
    page.click("text=Contacts waiting for a decision")
    page.wait_for_selector("text=Amy Routine")
    page.evaluate("window.notReloaded = true")
    page.select_option("#rating", "red")
    page.wait_for_selector("text=Amy Routine", state="detached")
    assert "Amy Urgent" in page.inner_text("#queue-rows")
    assert page.evaluate("window.notReloaded") is True
    assert "rating=red" in page.url
    screenshot(page, "frontdoor-14-queue-filtered")
