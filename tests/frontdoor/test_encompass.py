"""Operation Encompass: a police domestic abuse contact about a child on a school roll tells the school."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from sightline.core.models import Sensitivity
from sightline.frontdoor import services
from sightline.panels.models import OperationEncompassNotification
from sightline.panels.services.domestic_abuse import da_incident_record
from tests.factories import InvolvementFactory, PersonFactory
from tests.frontdoor.conftest import amy_details

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def incident(police, child):
    mother = PersonFactory(forename="Jane", surname="Smith", date_of_birth=dt.date(1990, 5, 1), la_child_id="")
    # Friday 13 March 2026, 22:15: the next school day starts Monday 16 March at 09:00.
    return da_incident_record(owning_agency=police, occurred_at=dt.datetime(2026, 3, 13, 22, 15, tzinfo=LONDON),
                              is_crime=False, dash_risk_level="medium", victim=mother,
                              police_reference="SYP-2026-0001", children=[child])


@pytest.fixture
def pupil(child, school):
    InvolvementFactory(person=child, agency=school, reason="On roll")
    return child


def sensitivity_partnership(incident):
    incident.sensitivity = Sensitivity.PARTNERSHIP
    incident.save()
    return incident


def test_confirming_the_child_sends_the_notice_to_their_school(police_contact, incident, pupil, mash_worker, school,
                                                                police_user):
    services.given_person_link(given=police_contact.given_people.get(), person=pupil, user=mash_worker)
    notice = OperationEncompassNotification.objects.get()
    assert (notice.school, notice.child, notice.incident) == (school, pupil, incident)
    assert notice.due_at == dt.datetime(2026, 3, 16, 9, 0, tzinfo=LONDON)
    assert notice.sent_at is not None   # sent as the officer who told the front door


def test_no_notice_for_a_child_not_on_a_school_roll(police_contact, incident, child, mash_worker):
    services.given_person_link(given=police_contact.given_people.get(), person=child, user=mash_worker)
    assert not OperationEncompassNotification.objects.exists()


def test_no_notice_for_a_health_contact(health, health_user, incident, pupil, mash_worker):
    contact, _ = services.contact_record(source_agency=health, recorded_by=health_user, summary="x",
                                         concerns=["domestic_abuse"], people=[amy_details()],
                                         sender_reference="SYP-2026-0001")
    services.given_person_link(given=contact.given_people.get(), person=pupil, user=mash_worker)
    assert not OperationEncompassNotification.objects.exists()


def test_school_lead_reads_and_acknowledges(client, police_contact, incident, pupil, mash_worker, school_user):
    sensitivity_partnership(incident)
    services.given_person_link(given=police_contact.given_people.get(), person=pupil, user=mash_worker)
    notice = OperationEncompassNotification.objects.get()
    client.force_login(school_user)
    assert pupil.forename in client.get(reverse("frontdoor:encompass")).text
    page = client.get(reverse("frontdoor:encompass_notice", args=[notice.pk]))
    assert page.status_code == 200 and "SYP-2026-0001" in page.text
    client.post(reverse("frontdoor:encompass_notice", args=[notice.pk]))
    notice.refresh_from_db()
    assert notice.acknowledged_by == school_user


@pytest.mark.parametrize("who", ["police_user", "health_user", "mash_worker"])
def test_notice_page_is_refused_to_others(client, request, who, police_contact, incident, pupil, mash_worker):
    sensitivity_partnership(incident)
    services.given_person_link(given=police_contact.given_people.get(), person=pupil, user=mash_worker)
    notice = OperationEncompassNotification.objects.get()
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("frontdoor:encompass_notice", args=[notice.pk])).status_code in (403, 404)


def test_another_school_cannot_see_the_notice(client, police_contact, incident, pupil, mash_worker):
    from sightline.organisations.models import AgencyKind, Role
    from tests.factories import AgencyFactory, UserFactory
    other = AgencyFactory(code="other-school", kind=AgencyKind.SCHOOL, urn="100001")
    InvolvementFactory(person=pupil, agency=other, reason="Sibling's school contact")
    other_dsl = UserFactory(agency=other, role=Role.AGENCY_CONTRIBUTOR)
    sensitivity_partnership(incident)
    services.given_person_link(given=police_contact.given_people.get(), person=pupil, user=mash_worker)
    notice = OperationEncompassNotification.objects.get()
    client.force_login(other_dsl)
    assert client.get(reverse("frontdoor:encompass_notice", args=[notice.pk])).status_code == 404
