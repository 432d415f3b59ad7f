"""A repeat victim: another referral for the same victim dated within the 12 months up to this one."""

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sightline.core.calendar import add_months
from sightline.panels.models import DomesticAbuseReferral
from sightline.panels.services import da_referral_record, da_referrals_mark_repeats, months_earlier_array
from tests.factories import AgencyFactory, PersonFactory
from tests.panels.factories import DomesticAbuseReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(da_hub):
    def record(victim, on: dt.date, route: str = "idva"):
        return da_referral_record(owning_agency=da_hub, route=route, referral_date=on, victim=victim)
    return record


def test_first_referral_is_not_a_repeat(victim, record):
    assert record(victim, dt.date(2024, 3, 31)).is_repeat is False


def test_same_day_referral_to_another_service_is_a_repeat(victim, record):
    DomesticAbuseReferralFactory(victim=victim, route="hub", referral_date=dt.date(2024, 3, 31))
    assert record(victim, dt.date(2024, 3, 31), route="idva").is_repeat is True


def test_referral_exactly_twelve_months_later_is_a_repeat(victim, record):
    # 31/03/2023 -> 31/03/2024: 12 calendar months to the day, the edge of the window, counts.
    DomesticAbuseReferralFactory(victim=victim, referral_date=dt.date(2023, 3, 31))
    assert record(victim, dt.date(2024, 3, 31)).is_repeat is True


def test_referral_twelve_months_and_a_day_later_is_not_a_repeat(victim, record):
    # 31/03/2023 -> 01/04/2024: one day outside the window.
    DomesticAbuseReferralFactory(victim=victim, referral_date=dt.date(2023, 3, 31))
    assert record(victim, dt.date(2024, 4, 1)).is_repeat is False


def test_from_29_february_twelve_months_back_is_28_february(victim, record):
    # 29/02/2024 less 12 months is 28/02/2023 (no 29th that year), so 28/02/2023 is inside...
    DomesticAbuseReferralFactory(victim=victim, referral_date=dt.date(2023, 2, 28))
    assert record(victim, dt.date(2024, 2, 29)).is_repeat is True


def test_from_29_february_a_referral_on_27_february_the_year_before_is_outside(victim, record):
    # ...and 27/02/2023 is one day before the window opens.
    DomesticAbuseReferralFactory(victim=victim, referral_date=dt.date(2023, 2, 27))
    assert record(victim, dt.date(2024, 2, 29)).is_repeat is False


def test_a_later_dated_referral_does_not_make_an_earlier_one_a_repeat(victim, record):
    DomesticAbuseReferralFactory(victim=victim, referral_date=dt.date(2024, 6, 1))
    assert record(victim, dt.date(2024, 5, 1)).is_repeat is False


def test_another_victims_referral_does_not_count(victim, record):
    DomesticAbuseReferralFactory(referral_date=dt.date(2024, 3, 1))
    assert record(victim, dt.date(2024, 3, 31)).is_repeat is False


def test_bulk_marking_agrees_with_the_definition(victim):
    other = PersonFactory()
    rows = [
        (victim, dt.date(2023, 3, 31)),   # first for this victim: not a repeat
        (victim, dt.date(2024, 3, 31)),   # exactly 12 months after 31/03/2023: repeat
        (victim, dt.date(2024, 3, 31)),   # same day as the last: repeat
        (victim, dt.date(2025, 4, 1)),    # 12 months and a day after 31/03/2024: not a repeat
        (other, dt.date(2024, 2, 29)),    # first for the other victim: not a repeat
        (other, dt.date(2025, 2, 28)),    # 29/02/2024 is inside 28/02/2024..28/02/2025: repeat
    ]
    made = DomesticAbuseReferral.objects.bulk_create(
        DomesticAbuseReferralFactory.build(victim=person, referral_date=on, owning_agency=AgencyFactory())
        for person, on in rows)
    assert da_referrals_mark_repeats() == 3
    flags = dict(DomesticAbuseReferral.objects.values_list("pk", "is_repeat"))
    assert [flags[r.pk] for r in made] == [False, True, True, False, False, True]


@given(st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(0, 36))
def test_months_earlier_array_matches_add_months_day_by_day(day, months):
    expected = add_months(day, -months)
    assert months_earlier_array(np.array([day], dtype="datetime64[D]"), months)[0] == np.datetime64(expected, "D")
