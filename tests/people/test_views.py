"""Person search and the person page: access, audit and typo tolerance."""

import datetime as dt

import pytest

from sightline.core.audit.models import AccessLogEntry
from sightline.people.models import PersonName
from tests.factories import PersonFactory, ReferralFactory


@pytest.mark.django_db
def test_anonymous_user_is_sent_to_sign_in(client, child):
    response = client.get(child.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_person_page_refuses_an_agency_without_involvement(client, police_user, child):
    client.force_login(police_user)
    assert client.get(child.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["analyst", "board_member", "scrutineer", "business_unit"])
def test_person_page_refuses_roles_that_see_figures_only(client, childrens_trust, child, role):
    from tests.factories import UserFactory

    client.force_login(UserFactory(agency=childrens_trust, role=role))
    assert client.get(child.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_person_page_is_written_to_the_access_log(client, social_worker, child):
    client.force_login(social_worker)
    response = client.get(child.get_absolute_url(), REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(action="person_view")
    assert (entry.user, entry.person_id, entry.ip_address) == (social_worker, child.pk, "10.1.2.3")


@pytest.mark.django_db
def test_refused_view_writes_no_view_entry(client, police_user, child):
    client.force_login(police_user)
    client.get(child.get_absolute_url())
    assert not AccessLogEntry.objects.filter(action="person_view").exists()


@pytest.mark.django_db
def test_timeline_shows_only_what_the_agency_may_see(client, police_user, child_known_to_police, childrens_trust):
    ReferralFactory(person=child_known_to_police, owning_agency=childrens_trust, sensitivity="partnership")
    ReferralFactory(person=child_known_to_police, owning_agency=childrens_trust, sensitivity="agency",
                    referral_date=dt.date(2021, 9, 1))
    client.force_login(police_user)
    response = client.get(child_known_to_police.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["timeline"]) == 1


@pytest.mark.django_db
def test_search_refuses_roles_that_see_figures_only(client, analyst):
    client.force_login(analyst)
    assert client.get("/people/?q=smith").status_code == 403


@pytest.mark.django_db
def test_search_finds_a_misspelt_name_with_a_nickname(client, social_worker):
    amy = PersonFactory(forename="Thomas", surname="Whitehouse")
    client.force_login(social_worker)
    results = client.get("/people/", {"q": "Tom Whitehosue"}).context["results"]
    assert [r.person for r in results] == [amy]


@pytest.mark.django_db
def test_search_finds_a_previous_surname(client, social_worker):
    person = PersonFactory(forename="Leah", surname="Carter")
    PersonName.objects.create(person=person, forename="Leah", surname="Osei", kind="birth")
    client.force_login(social_worker)
    results = client.get("/people/", {"q": "Leah Osei"}).context["results"]
    assert [r.person for r in results] == [person]


@pytest.mark.django_db
def test_search_by_date_of_birth_and_identifiers(client, social_worker):
    person = PersonFactory(forename="Noah", surname="Price", date_of_birth=dt.date(2015, 7, 9),
                           nhs_number="9434765919", upn="L201234567890", police_id="SYP/19/4431")
    PersonFactory(forename="Noah", surname="Pryce", date_of_birth=dt.date(2016, 1, 1))
    client.force_login(social_worker)
    for query in ("Noah Price 09/07/2015", "943 476 5919", "L201234567890", "SYP/19/4431", person.la_child_id):
        results = client.get("/people/", {"q": query}).context["results"]
        assert [r.person for r in results][:1] == [person], query


@pytest.mark.django_db
def test_search_never_shows_people_the_user_may_not_see(client, police_user, child):
    client.force_login(police_user)
    assert client.get("/people/", {"q": "Amy Smith"}).context["results"] == []


@pytest.mark.django_db
def test_search_is_audited_with_its_query(client, social_worker, child):
    client.force_login(social_worker)
    client.get("/people/", {"q": "Amy Smith"})
    assert AccessLogEntry.objects.get(action="person_search").reason == "search: Amy Smith"


@pytest.mark.django_db
def test_sealed_record_asks_a_named_user_for_a_reason_and_logs_it(client, childrens_trust):
    from sightline.people.models import RestrictedAccess
    from tests.factories import UserFactory

    sealed = PersonFactory(restricted=True)
    named = UserFactory(agency=childrens_trust, role="social_worker")
    RestrictedAccess.objects.create(person=sealed, user=named)
    client.force_login(named)
    asked = client.get(sealed.get_absolute_url())
    assert asked.status_code == 200 and "timeline" not in asked.context
    assert not AccessLogEntry.objects.filter(action="person_view").exists()
    too_short = client.get(sealed.get_absolute_url(), {"reason": "check"})
    assert too_short.context["error"]
    opened = client.get(sealed.get_absolute_url(), {"reason": "Court report due tomorrow"})
    assert "timeline" in opened.context
    assert AccessLogEntry.objects.get(action="person_view").reason == "Court report due tomorrow"


@pytest.mark.django_db
def test_sealed_record_is_refused_to_a_social_worker_not_named_on_it(client, social_worker):
    sealed = PersonFactory(restricted=True)
    client.force_login(social_worker)
    assert client.get(sealed.get_absolute_url(), {"reason": "I would like to see it"}).status_code == 404
