"""One contact from a police officer's submission to the child's record, as the people involved see it."""

import datetime as dt

import pytest

from tests.browser_support import screenshot
from tests.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_police_contact_to_referral_on_the_childs_record(signed_in_page, live_server, police_user, health_user,
                                                         mash_manager, school, levels_of_need):
    child = PersonFactory(forename="Kayden", surname="Whitfield", date_of_birth=dt.date(2013, 11, 2),
                          la_child_id="DN123456")

    officer = signed_in_page(police_user)
    screenshot(officer, "frontdoor-01-officer-start")
    officer.click("text=Tell the front door about a child")
    officer.fill("#id_forename", "Kayden")
    officer.fill("#id_surname", "Whitfield")
    officer.fill("#id_dob_day_input", "2")
    officer.fill("#id_dob_month", "11")
    officer.fill("#id_dob_year", "2013")
    screenshot(officer, "frontdoor-02-child")
    officer.click("button:has-text('Continue')")
    officer.fill("#id_postcode", "DN1 2AB")
    officer.click("button:has-text('Continue')")
    officer.select_option("#id_school", label="Hall Cross Academy")
    officer.click("button:has-text('Continue')")
    officer.check("#concern-domestic_abuse")
    screenshot(officer, "frontdoor-03-concerns")
    officer.click("button:has-text('Continue')")
    officer.fill("#id_summary", "Officers attended a domestic incident at 02:10; Kayden was in the house.")
    officer.fill("#id_sender_reference", "SYP-14/2201")
    officer.click("button:has-text('Continue')")
    officer.wait_for_selector("h1:has-text('Check your answers')")
    assert "2 November 2013" in officer.inner_text("main")
    screenshot(officer, "frontdoor-04-check-answers")
    officer.click("button:has-text('Send to the front door')")
    officer.wait_for_selector("h1:has-text('Contact received')")
    reference = officer.inner_text(".govuk-panel__body strong")
    screenshot(officer, "frontdoor-05-received")

    manager = signed_in_page(mash_manager)
    manager.click("text=Contacts waiting for a decision")
    manager.wait_for_selector(f"text={reference}")
    screenshot(manager, "frontdoor-06-queue")
    manager.click(f"text={reference}")
    manager.wait_for_selector("text=This is the same person")
    screenshot(manager, "frontdoor-07-contact-match")
    manager.click("button:has-text('This is the same person')")
    manager.wait_for_selector("text=Confirmed as")
    manager.check("#rating-amber")
    manager.click("button:has-text('Save rating')")
    manager.wait_for_selector("text=Amber target")
    manager.click("text=Ask an agency what it holds")
    manager.select_option("#id_agency", label="Community Health")
    manager.fill("#id_question", "Is Kayden known to health visiting or school nursing?")
    manager.click("button:has-text('Send check')")
    manager.wait_for_selector("text=Community Health has been asked.")
    screenshot(manager, "frontdoor-08-rated-and-checked")

    nurse = signed_in_page(health_user)
    nurse.click("text=Checks from the front door")
    nurse.click(f"text=for contact {reference}")
    nurse.fill("#id_information", "Known to school nursing: missed appointments since September.")
    nurse.check("#known-yes")
    screenshot(nurse, "frontdoor-09-health-check")
    nurse.click("button:has-text('Send answer to the front door')")
    nurse.wait_for_selector("text=Your answer has been sent to the front door.")
    screenshot(nurse, "frontdoor-10-health-answered")

    manager.reload()
    assert "missed appointments" in manager.inner_text("main")
    manager.check("#level-4")
    manager.check("#outcome-assessment")
    manager.fill("#id_rationale", "Domestic abuse with a child present and health concerns: assessment needed.")
    screenshot(manager, "frontdoor-11-decision")
    manager.click("button:has-text('Sign off decision')")
    manager.wait_for_selector("text=Decision signed off")
    screenshot(manager, "frontdoor-12-decided")

    manager.click("main a:has-text('Kayden Whitfield')")
    manager.wait_for_selector("h1:has-text('Kayden Whitfield')")
    timeline = manager.inner_text(".sl-timeline")
    assert "Referral to children's social care" in timeline and "Contact to the front door" in timeline
    screenshot(manager, "frontdoor-13-childs-record")
    assert child.referrals.get().referral_source == "6"
