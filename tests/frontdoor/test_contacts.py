import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sightline.frontdoor import services
from sightline.frontdoor.models import Contact, ContactPerson
from sightline.frontdoor.selectors import match_suggestions
from sightline.people.models import Address, Person
from tests.factories import PersonFactory
from tests.frontdoor.conftest import amy_details


def test_contact_records_source_concerns_people_and_police_referral_source(police_contact, police):
    assert police_contact.source_agency == police
    assert police_contact.owning_agency == police
    assert police_contact.referral_source == "6"  # CIN census: 6 = police
    assert list(police_contact.concerns.values_list("concern", flat=True)) == ["domestic_abuse"]
    assert police_contact.given_people.get().surname == "Smith"
    # Nobody is linked until a worker confirms who they are.
    assert not police_contact.people.exists()


def test_same_sender_reference_returns_the_existing_contact(police_contact, police, police_user):
    again, created = services.contact_record(source_agency=police, recorded_by=police_user, summary="Resent",
                                             concerns=["neglect"], people=[amy_details()],
                                             sender_reference="SYP-2026-0001")
    assert (again.pk, created) == (police_contact.pk, False)
    assert Contact.objects.count() == 1


def test_contact_without_a_child_or_concern_is_refused(police, police_user):
    with pytest.raises(ValidationError) as error:
        services.contact_record(source_agency=police, recorded_by=police_user, summary="x", concerns=[],
                                people=[amy_details(is_subject=False)])
    assert set(error.value.message_dict) == {"people", "concerns"}


def test_analyst_cannot_submit_a_contact(police, analyst):
    with pytest.raises(PermissionDenied):
        services.contact_record(source_agency=police, recorded_by=analyst, summary="x", concerns=["neglect"],
                                people=[amy_details()])


def test_second_open_contact_about_the_same_child_is_flagged(police_contact, health, health_user):
    second, _ = services.contact_record(source_agency=health, recorded_by=health_user, summary="Bruising",
                                        concerns=["physical_abuse"], people=[amy_details(postcode="")])
    assert second.possible_duplicate_of == police_contact


def test_suggestions_offer_the_child_by_name_and_date_of_birth_without_linking(police_contact, child, mash_worker):
    given = police_contact.given_people.get()
    suggestions = match_suggestions(user=mash_worker, given=given)
    assert child in [p for p, _ in suggestions]
    given.refresh_from_db()
    assert given.person is None


def test_suggestions_find_an_identifier_match_whatever_the_name(police_contact, mash_worker):
    known = PersonFactory(forename="Amelia", surname="Jones", nhs_number="9434765919")
    given = police_contact.given_people.get()
    given.nhs_number = "9434765919"
    reasons = dict(match_suggestions(user=mash_worker, given=given))
    assert reasons[known] == "same identifier"


def test_worker_confirms_the_match_and_the_contact_is_linked(matched_contact, child):
    assert ContactPerson.objects.get(contact=matched_contact).person == child
    assert matched_contact.given_people.get().matched_by.username == "mash.worker"


def test_worker_creates_a_new_person_when_nobody_matches(police_contact, mash_worker):
    given = police_contact.given_people.get()
    services.given_person_create(given=given, user=mash_worker)
    person = Person.objects.get(forename="Amy", surname="Smith")
    assert person.date_of_birth == dt.date(2014, 2, 3)
    assert Address.objects.get(person=person).postcode == "DN1 1AA"
    assert police_contact.people.get().person == person


def test_police_user_cannot_link_people(police_contact, child, police_user):
    with pytest.raises(PermissionDenied):
        services.given_person_link(given=police_contact.given_people.get(), person=child, user=police_user)
