"""Contacts coming in, and the people in them linked to the record by a worker, never silently."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from sightline.core import access
from sightline.core.models import LegalBasis, Sensitivity
from sightline.frontdoor.models import Concern, Contact, ContactConcern, ContactPerson, GivenPerson
from sightline.frontdoor.services.encompass import encompass_notify
from sightline.frontdoor.services.triage import decision_due_at
from sightline.organisations.models import AgencyKind
from sightline.people.models import Address, Person

# CIN census referral source for a contact from each kind of agency, when the sender gives none.
SOURCE_BY_AGENCY_KIND = {
    AgencyKind.POLICE: "6", AgencyKind.SCHOOL: "2A", AgencyKind.HEALTH_PROVIDER: "3F",
    AgencyKind.HEALTH_COMMISSIONER: "3F", AgencyKind.PROBATION: "7", AgencyKind.VOLUNTARY: "8",
    AgencyKind.LOCAL_AUTHORITY: "5B", AgencyKind.CHILDRENS_SERVICES: "5A", AgencyKind.OTHER: "8",
}


@dataclass(frozen=True)
class GivenDetails:
    forename: str
    surname: str
    date_of_birth: date | None = None
    address: str = ""
    postcode: str = ""
    nhs_number: str = ""
    upn: str = ""
    police_id: str = ""
    school_urn: str = ""
    is_subject: bool = True


def _open_contacts_about(given: Iterable[GivenDetails], exclude_pk: int) -> Contact | None:
    """The earliest undecided contact naming a child with the same surname and date of birth."""
    same = Q(pk__in=[])
    for g in given:
        if g.is_subject and g.date_of_birth:
            same |= Q(given_people__surname__iexact=g.surname, given_people__date_of_birth=g.date_of_birth)
    return Contact.objects.filter(same, decided_at__isnull=True).exclude(pk=exclude_pk).order_by(
        "received_at").first()


def contact_record(*, source_agency, summary: str, concerns: Iterable[str], people: list[GivenDetails],
                   recorded_by=None, received_at: datetime | None = None, sender_reference: str = "",
                   referral_source: str = "", referrer_name: str = "") -> tuple[Contact, bool]:
    """Record a contact; the same sender's reference again returns the first contact (created False)."""
    if recorded_by is not None:
        access.require(recorded_by, "frontdoor.submit_contact")
    if sender_reference:
        existing = Contact.objects.filter(source_agency=source_agency, sender_reference=sender_reference).first()
        if existing is not None:
            return existing, False
    concerns = sorted(set(concerns))
    errors = {}
    if not [p for p in people if p.is_subject]:
        errors["people"] = "Name at least one child the contact is about."
    if not concerns:
        errors["concerns"] = "Choose at least one concern."
    if unknown := [c for c in concerns if c not in Concern.values]:
        errors["concerns"] = f"Unknown concern: {', '.join(unknown)}."
    if errors:
        raise ValidationError(errors)
    received_at = received_at or timezone.now()
    contact = Contact(
        owning_agency=source_agency, source_agency=source_agency, sensitivity=Sensitivity.AGENCY,
        legal_basis=LegalBasis.CA2004_S11, recorded_by=recorded_by, received_at=received_at,
        referral_source=referral_source or SOURCE_BY_AGENCY_KIND.get(source_agency.kind, "10"),
        referrer_name=referrer_name or (recorded_by.get_full_name() if recorded_by else ""),
        sender_reference=sender_reference, summary=summary, decision_due_at=decision_due_at(received_at))
    contact.full_clean(validate_unique=False)
    rows = [GivenPerson(contact=contact, **vars(p)) for p in people]
    for row in rows:
        row.full_clean(exclude=["contact"])
    try:
        with transaction.atomic():
            contact.save()
            GivenPerson.objects.bulk_create(rows)
            ContactConcern.objects.bulk_create(ContactConcern(contact=contact, concern=c) for c in concerns)
            duplicate = _open_contacts_about(people, contact.pk)
            if duplicate is not None:
                contact.possible_duplicate_of = duplicate
                contact.save(update_fields=["possible_duplicate_of"])
    except IntegrityError:
        # Two deliveries of the same reference at once: the one that won is the contact.
        existing = Contact.objects.filter(source_agency=source_agency, sender_reference=sender_reference).first()
        if existing is None:
            raise
        return existing, False
    return contact, True


def given_person_link(*, given: GivenPerson, person: Person, user) -> GivenPerson:
    """The worker confirms that the person named in a contact is this person in the record."""
    access.require(user, "frontdoor.work_front_door")
    access.require(user, "people.view_person", person)
    if given.contact.decided_at is not None:
        raise ValidationError("This contact has been decided; its people can no longer change.")
    given.person, given.matched_by, given.matched_at = person, user, timezone.now()
    given.full_clean()
    with transaction.atomic():
        given.save()
        ContactPerson.objects.get_or_create(contact=given.contact, person=person,
                                            defaults={"is_subject": given.is_subject})
        contact = given.contact
        if contact.possible_duplicate_of_id is None:
            earlier = Contact.objects.filter(people__person=person, decided_at__isnull=True,
                                             received_at__lte=contact.received_at).exclude(pk=contact.pk).first()
            if earlier is not None:
                contact.possible_duplicate_of = earlier
                contact.save(update_fields=["possible_duplicate_of"])
        if given.is_subject:
            encompass_notify(contact=contact, person=person)
    return given


def given_person_create(*, given: GivenPerson, user) -> GivenPerson:
    """The worker found no match: a new person is made from what the referrer gave, then linked."""
    access.require(user, "frontdoor.work_front_door")
    person = Person(forename=given.forename, surname=given.surname, date_of_birth=given.date_of_birth,
                    nhs_number=given.nhs_number, upn=given.upn, police_id=given.police_id)
    person.full_clean()
    with transaction.atomic():
        person.save()
        if given.address or given.postcode:
            Address.objects.create(person=person, line_1=given.address, postcode=given.postcode,
                                   start_date=timezone.localdate())
        return given_person_link(given=given, person=person, user=user)
