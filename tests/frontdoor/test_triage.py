import datetime as dt
from zoneinfo import ZoneInfo

import holidays
import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sightline.frontdoor import services
from sightline.frontdoor.models import RatingTarget
from sightline.frontdoor.selectors import contact_queue
from tests.frontdoor.conftest import amy_details

LONDON = ZoneInfo("Europe/London")


def test_decision_clock_skips_good_friday_and_easter_monday(db):
    # Received Thursday 2 April 2026. Friday 3 April (Good Friday) and Monday 6 April (Easter
    # Monday) are bank holidays, so the one working day ends on Tuesday 7 April 2026.
    due = services.decision_due_at(dt.datetime(2026, 4, 2, 10, 0, tzinfo=LONDON))
    assert due == dt.datetime(2026, 4, 7, 23, 59, 59, tzinfo=LONDON)


def test_decision_clock_for_a_friday_contact_runs_to_monday(db):
    # Friday 6 March 2026 + 1 working day = Monday 9 March 2026.
    due = services.decision_due_at(dt.datetime(2026, 3, 6, 16, 0, tzinfo=LONDON))
    assert due.date() == dt.date(2026, 3, 9)


def test_red_rating_sets_a_four_hour_target(police_contact, mash_manager, mash_team):
    services.contact_rate(contact=police_contact, manager=mash_manager, rating="red", team=mash_team)
    assert police_contact.target_due_at - police_contact.received_at == dt.timedelta(hours=4)
    assert police_contact.team == mash_team


def test_partnership_target_replaces_the_default(police_contact, mash_manager):
    RatingTarget.objects.create(rating="green", hours=48)
    services.contact_rate(contact=police_contact, manager=mash_manager, rating="green")
    assert police_contact.target_due_at - police_contact.received_at == dt.timedelta(hours=48)


def test_worker_cannot_rate(police_contact, mash_worker):
    with pytest.raises(PermissionDenied):
        services.contact_rate(contact=police_contact, manager=mash_worker, rating="red")


def test_queue_puts_the_red_contact_before_an_earlier_green_one(police, police_user, mash_manager):
    now = dt.datetime.now(tz=LONDON)
    older, _ = services.contact_record(source_agency=police, recorded_by=police_user, summary="a",
                                       concerns=["neglect"], people=[amy_details(surname="Older")],
                                       received_at=now - dt.timedelta(hours=2))
    newer, _ = services.contact_record(source_agency=police, recorded_by=police_user, summary="b",
                                       concerns=["neglect"], people=[amy_details(surname="Newer")],
                                       received_at=now)
    services.contact_rate(contact=older, manager=mash_manager, rating="green")  # due now + 70 h, capped by 1 day
    services.contact_rate(contact=newer, manager=mash_manager, rating="red")    # due now + 4 h
    assert list(contact_queue(user=mash_manager)) == [newer, older]
    assert list(contact_queue(user=mash_manager, rating="green")) == [older]


def test_queue_is_empty_for_agency_users(police_contact, police_user):
    assert not contact_queue(user=police_user).exists()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moment=st.datetimes(min_value=dt.datetime(2018, 1, 1), max_value=dt.datetime(2030, 12, 31)))
def test_decision_is_due_at_the_end_of_the_next_working_day(db, moment):
    # Reference: step day by day over weekends and England bank holidays (the `holidays` package).
    england = holidays.country_holidays("GB", subdiv="ENG", years=range(2018, 2032))

    def working(day):
        return day.weekday() < 5 and day not in england

    day = moment.date()
    while not working(day):        # day 0 is the first working day on or after receipt
        day += dt.timedelta(days=1)
    day += dt.timedelta(days=1)
    while not working(day):
        day += dt.timedelta(days=1)
    due = services.decision_due_at(moment.replace(tzinfo=LONDON))
    assert due == dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=LONDON)


def test_queue_filters_by_team(police_contact, police, police_user, mash_manager, mash_team):
    other, _ = services.contact_record(source_agency=police, recorded_by=police_user, summary="b",
                                       concerns=["neglect"], people=[amy_details(surname="Other")])
    services.contact_rate(contact=police_contact, manager=mash_manager, rating="amber", team=mash_team)
    assert list(contact_queue(user=mash_manager, team_id=mash_team.pk)) == [police_contact]
    assert list(contact_queue(user=mash_manager, rating="unrated")) == [other]
