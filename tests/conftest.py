"""Fixtures named for the situations the tests are about."""

import os

import pytest
from hypothesis import settings as hypothesis_settings

from sightline.organisations.models import AgencyKind, Role
from tests.factories import AgencyFactory, InvolvementFactory, PersonFactory, UserFactory

pytest_plugins = ["tests.browser_support"]

# Property tests run without a time limit per example (a shared 2-core machine is slow at times);
# `make test` uses the "ci" profile, which is also derandomised so that a run is repeatable.
hypothesis_settings.register_profile("default", deadline=None)
hypothesis_settings.register_profile("ci", deadline=None, derandomize=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing is deliberately slow; the tests check behaviour, not the hash's strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def childrens_trust(db):
    return AgencyFactory(code="childrens-trust", name="Children's Trust", kind=AgencyKind.CHILDRENS_SERVICES)


@pytest.fixture
def police(db):
    return AgencyFactory(code="police", name="South Yorkshire Police", kind=AgencyKind.POLICE)


@pytest.fixture
def health(db):
    return AgencyFactory(code="health", name="Community Health", kind=AgencyKind.HEALTH_PROVIDER)


@pytest.fixture
def school(db):
    return AgencyFactory(code="school", name="Hall Cross Academy", kind=AgencyKind.SCHOOL, urn="136916")


@pytest.fixture
def social_worker(childrens_trust):
    return UserFactory(username="social.worker", agency=childrens_trust, role=Role.SOCIAL_WORKER)


@pytest.fixture
def mash_manager(childrens_trust):
    return UserFactory(username="mash.manager", agency=childrens_trust, role=Role.MASH_MANAGER)


@pytest.fixture
def police_user(police):
    return UserFactory(username="police.officer", agency=police, role=Role.AGENCY_CONTRIBUTOR)


@pytest.fixture
def health_user(health):
    return UserFactory(username="health.visitor", agency=health, role=Role.AGENCY_CONTRIBUTOR)


@pytest.fixture
def school_user(school):
    return UserFactory(username="school.dsl", agency=school, role=Role.AGENCY_CONTRIBUTOR)


@pytest.fixture
def analyst(childrens_trust):
    return UserFactory(username="analyst", agency=childrens_trust, role=Role.ANALYST)


@pytest.fixture
def child(db):
    return PersonFactory(forename="Amy", surname="Smith", la_child_id="DN000001")


@pytest.fixture
def child_known_to_police(child, police):
    InvolvementFactory(person=child, agency=police, reason="Domestic abuse notification")
    return child
