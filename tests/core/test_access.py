"""The access policy: who sees which people and which records."""

import datetime as dt

import pytest

from sightline.core import access
from sightline.core.models import Sensitivity
from sightline.organisations.models import Role
from sightline.people.models import RestrictedAccess
from tests.factories import InvolvementFactory, PersonFactory, ReferralFactory, UserFactory


@pytest.mark.django_db
def test_social_worker_sees_every_unsealed_child(social_worker, child):
    assert access.can_view_person(social_worker, child)


@pytest.mark.django_db
def test_agency_user_without_involvement_sees_nobody(police_user, child):
    assert not access.can_view_person(police_user, child)
    assert not access.visible_people(police_user).exists()


@pytest.mark.django_db
def test_agency_user_sees_a_child_their_agency_is_involved_with(police_user, child_known_to_police):
    assert access.can_view_person(police_user, child_known_to_police)


@pytest.mark.django_db
def test_ended_involvement_no_longer_gives_access(police_user, police, child):
    InvolvementFactory(person=child, agency=police, start_date=dt.date(2020, 1, 1), end_date=dt.date(2020, 6, 1))
    assert not access.can_view_person(police_user, child)


@pytest.mark.django_db
def test_involvement_of_one_named_user_does_not_open_the_child_to_their_colleagues(police, child):
    named = UserFactory(agency=police, role=Role.AGENCY_CONTRIBUTOR)
    colleague = UserFactory(agency=police, role=Role.AGENCY_CONTRIBUTOR)
    InvolvementFactory(person=child, agency=police, user=named)
    assert access.can_view_person(named, child)
    assert not access.can_view_person(colleague, child)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ANALYST, Role.BOARD_MEMBER, Role.SCRUTINEER, Role.BUSINESS_UNIT])
def test_roles_that_see_figures_never_see_people(childrens_trust, child, role):
    user = UserFactory(agency=childrens_trust, role=role)
    assert not access.can_view_person(user, child)


@pytest.mark.django_db
def test_administrator_without_agency_sees_nobody(child):
    admin = UserFactory(agency=None, role=Role.ADMINISTRATOR, is_superuser=True, is_staff=True)
    assert not access.can_view_person(admin, child)


@pytest.mark.django_db
def test_inactive_user_sees_nobody(social_worker, child):
    social_worker.is_active = False
    assert not access.can_view_person(social_worker, child)


@pytest.mark.django_db
def test_sealed_record_is_seen_only_by_named_users(childrens_trust, social_worker):
    sealed = PersonFactory(restricted=True)
    named = UserFactory(agency=childrens_trust, role=Role.SOCIAL_WORKER)
    RestrictedAccess.objects.create(person=sealed, user=named)
    assert not access.can_view_person(social_worker, sealed)
    assert access.can_view_person(named, sealed)


@pytest.mark.django_db
def test_agency_sensitive_record_hidden_from_other_involved_agencies(police_user, police, child_known_to_police,
                                                                     social_worker, childrens_trust):
    partnership = ReferralFactory(person=child_known_to_police, owning_agency=childrens_trust)
    agency_only = ReferralFactory(person=child_known_to_police, owning_agency=childrens_trust,
                                  sensitivity=Sensitivity.AGENCY, referral_date=dt.date(2021, 9, 1))
    police_sees = set(access.visible_records(police_user, type(partnership).objects.all()))
    assert police_sees == {partnership}
    assert set(access.visible_records(social_worker, type(partnership).objects.all())) == {partnership, agency_only}


@pytest.mark.django_db
def test_restricted_record_seen_only_by_its_owning_agency(police_user, police, child_known_to_police, social_worker):
    police_record = ReferralFactory(person=child_known_to_police, owning_agency=police,
                                    sensitivity=Sensitivity.RESTRICTED)
    assert access.can_view_record(police_user, police_record)
    assert not access.can_view_record(social_worker, police_record)
