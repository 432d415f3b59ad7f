"""Front door situations: a contact from the police about a child, checks, a MASH team."""

import datetime as dt
import importlib

import pytest
from django.utils import timezone

from sightline.frontdoor import services
from sightline.frontdoor.models import AgencyCheck
from sightline.organisations.models import AgencyKind, Role, TeamKind
from tests.factories import AgencyFactory, TeamFactory, UserFactory


@pytest.fixture
def mash_team(childrens_trust):
    return TeamFactory(agency=childrens_trust, name="MASH", kind=TeamKind.MASH)


@pytest.fixture
def mash_worker(childrens_trust, mash_team):
    return UserFactory(username="mash.worker", agency=childrens_trust, team=mash_team, role=Role.MASH_WORKER)


@pytest.fixture
def voluntary(db):
    return AgencyFactory(code="family-action", name="Family Action", kind=AgencyKind.VOLUNTARY)


def amy_details(**overrides):
    values = dict(forename="Amy", surname="Smith", date_of_birth=dt.date(2014, 2, 3), postcode="DN1 1AA")
    values.update(overrides)
    return services.GivenDetails(**values)


@pytest.fixture
def police_contact(police, police_user):
    contact, _ = services.contact_record(source_agency=police, recorded_by=police_user,
                                         summary="Officers attended a domestic incident; Amy was present.",
                                         concerns=["domestic_abuse"], people=[amy_details()],
                                         sender_reference="SYP-2026-0001")
    return contact


@pytest.fixture
def matched_contact(police_contact, child, mash_worker):
    services.given_person_link(given=police_contact.given_people.get(), person=child, user=mash_worker)
    return police_contact


@pytest.fixture
def police_check(matched_contact, police, mash_worker):
    return AgencyCheck.objects.create(contact=matched_contact, agency=police, question="What do you hold?",
                                      requested_by=mash_worker, requested_at=timezone.now(),
                                      due_at=timezone.now() + dt.timedelta(hours=2))


@pytest.fixture
def health_check(matched_contact, health, mash_worker):
    return services.check_request(contact=matched_contact, user=mash_worker, agency=health,
                                  question="Is Amy known to health visiting?")


@pytest.fixture
def levels_of_need(db):
    """The starting levels of need of migration 0004; a transactional test's flush removes migration data."""
    from sightline.frontdoor.models import ThresholdDocument

    if not ThresholdDocument.objects.filter(version="2017-09").exists():
        initial = importlib.import_module("sightline.frontdoor.migrations.0004_levels_of_need_default")
        services.threshold_document_publish(partnership="DSCP", version="2017-09", title="Multi-agency levels of need",
                                            effective_from=dt.date(2017, 9, 1), levels=initial.LEVELS)
