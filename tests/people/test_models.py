import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from sightline.care.models import LookedAfterEpisode
from sightline.people.models import Person
from tests.factories import ChildProtectionPlanFactory, PersonFactory


def _episode(person, agency, start, end=None, **extra):
    return LookedAfterEpisode(person=person, owning_agency=agency, start_date=start, end_date=end,
                              reason_new_episode="S", legal_status="C2", category_of_need="N1", placement_type="U1",
                              reason_ceased="E8" if end else "", **extra)


@pytest.mark.django_db
def test_future_date_of_birth_is_refused_naming_the_field():
    person = PersonFactory.build(date_of_birth=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as err:
        person.full_clean()
    assert "date_of_birth" in err.value.message_dict


@pytest.mark.django_db
def test_unborn_child_is_recorded_with_an_expected_date_of_birth():
    person = PersonFactory.build(date_of_birth=None, expected_date_of_birth=timezone.localdate() + dt.timedelta(days=60))
    person.full_clean()


@pytest.mark.django_db
def test_invalid_nhs_number_is_refused_naming_the_rule():
    person = PersonFactory.build(nhs_number="9434765918")
    with pytest.raises(ValidationError) as err:
        person.full_clean()
    assert "modulus 11" in err.value.message_dict["nhs_number"][0]


@pytest.mark.django_db
def test_invalid_upn_is_refused():
    person = PersonFactory.build(upn="A201234567890")
    with pytest.raises(ValidationError) as err:
        person.full_clean()
    assert "upn" in err.value.message_dict


@pytest.mark.django_db
def test_two_people_cannot_share_an_nhs_number():
    PersonFactory(nhs_number="9434765919")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(nhs_number="9434765919")


@pytest.mark.django_db
def test_overlapping_looked_after_episodes_are_refused(childrens_trust, child):
    _episode(child, childrens_trust, dt.date(2020, 4, 1), dt.date(2020, 9, 30)).save()
    overlapping = _episode(child, childrens_trust, dt.date(2020, 9, 1))
    with pytest.raises(ValidationError) as err:
        overlapping.full_clean()
    assert "cannot overlap" in err.value.message_dict["start_date"][0]


@pytest.mark.django_db
def test_next_episode_may_start_on_the_day_the_last_ended(childrens_trust, child):
    # SSDA903: an X1 cessation and the new episode share a date.
    _episode(child, childrens_trust, dt.date(2020, 4, 1), dt.date(2020, 9, 30)).save()
    _episode(child, childrens_trust, dt.date(2020, 9, 30)).full_clean()


@pytest.mark.django_db
def test_episode_ending_before_it_starts_is_refused_and_nothing_saved_is_lost(childrens_trust, child):
    kept = _episode(child, childrens_trust, dt.date(2019, 1, 1), dt.date(2019, 2, 1))
    kept.save()
    bad = _episode(child, childrens_trust, dt.date(2020, 5, 1), dt.date(2020, 4, 1))
    with pytest.raises(ValidationError):
        bad.full_clean()
    assert LookedAfterEpisode.objects.filter(pk=kept.pk).exists()


@pytest.mark.django_db
def test_plan_cannot_end_on_the_day_it_started():
    plan = ChildProtectionPlanFactory.build(start_date=dt.date(2021, 5, 4), end_date=dt.date(2021, 5, 4))
    plan.referral.person.save()
    plan.referral.owning_agency.save()
    plan.referral.person_id = plan.referral.person.pk
    with pytest.raises(ValidationError) as err:
        plan.full_clean(exclude=["referral", "person", "owning_agency"])
    assert "8840" in err.value.message_dict["end_date"][0]


@pytest.mark.django_db
def test_search_key_folds_accents_and_nicknames():
    person = PersonFactory(forename="Tommy", surname="O'Brién")
    assert Person.objects.get(pk=person.pk).search_key == "o brien thomas"
