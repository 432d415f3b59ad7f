"""Situations for the panels tests."""

import datetime as dt

import pytest

from sightline.organisations.models import AgencyKind
from tests.factories import AgencyFactory, PersonFactory


@pytest.fixture
def da_hub(db):
    return AgencyFactory(code="da-hub", name="Domestic Abuse Hub", kind=AgencyKind.LOCAL_AUTHORITY)


@pytest.fixture
def victim(db):
    return PersonFactory(forename="Sarah", date_of_birth=dt.date(1990, 5, 1))
