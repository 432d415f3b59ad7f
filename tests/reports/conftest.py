import pytest

from sightline.organisations.models import Role
from tests.factories import UserFactory
from tests.reports.factories import results_save, seed_comparators, seed_results


@pytest.fixture
def seed_results_stored(db, monkeypatch):
    monkeypatch.setattr("sightline.reports.figures.comparators_of", seed_comparators)
    return results_save(seed_results())


@pytest.fixture
def board_member(childrens_trust):
    return UserFactory(username="board.member", agency=childrens_trust, role=Role.BOARD_MEMBER)


@pytest.fixture
def scrutineer(childrens_trust):
    return UserFactory(username="scrutineer", agency=childrens_trust, role=Role.SCRUTINEER)


@pytest.fixture
def business_unit(childrens_trust):
    return UserFactory(username="business.unit", agency=childrens_trust, role=Role.BUSINESS_UNIT)
