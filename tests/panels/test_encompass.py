"""Operation Encompass: the notice is due at 09:00 on the next school day, London time."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from sightline.organisations.models import Role
from sightline.panels.services import (
    da_incident_record,
    encompass_notification_acknowledge,
    encompass_notification_create,
    encompass_notification_send,
)
from tests.factories import PersonFactory, UserFactory
from tests.panels.factories import PoliceFactory, SchoolFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def police_force():
    return PoliceFactory()


@pytest.fixture
def pupil():
    return PersonFactory(forename="Leo", date_of_birth=dt.date(2015, 9, 9))


@pytest.fixture
def primary_school():
    return SchoolFactory(name="Hexthorpe Primary")


def _incident(police_force, victim, pupil, at: dt.datetime):
    return da_incident_record(owning_agency=police_force, occurred_at=at, is_crime=False, dash_risk_level="standard",
                              victim=victim, police_reference="SYP-1", children=[pupil], witnessed={pupil})


def _notice(police_force, victim, pupil, school, at, **kwargs):
    incident = _incident(police_force, victim, pupil, at)
    return encompass_notification_create(incident=incident, child=pupil, school=school, **kwargs)


def test_weekday_evening_incident_is_due_next_morning(police_force, victim, pupil, primary_school):
    # Wednesday 06/03/2024 21:30 GMT -> Thursday 07/03/2024 09:00 GMT.
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2024, 3, 6, 21, 30, tzinfo=LONDON))
    assert notice.due_at == dt.datetime(2024, 3, 7, 9, 0, tzinfo=LONDON)


def test_friday_incident_before_a_bank_holiday_monday_is_due_tuesday(police_force, victim, pupil, primary_school):
    # Friday 03/05/2024 18:00; Saturday, Sunday, then Monday 06/05/2024 is the early May bank holiday:
    # due Tuesday 07/05/2024 09:00 BST, which is 08:00 UTC.
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2024, 5, 3, 18, 0, tzinfo=LONDON))
    assert notice.due_at == dt.datetime(2024, 5, 7, 8, 0, tzinfo=dt.UTC)


def test_christmas_weekend_incident_waits_for_both_bank_holidays(police_force, victim, pupil, primary_school):
    # Saturday 23/12/2023 02:00; Sunday 24th; Monday 25th and Tuesday 26th are bank holidays:
    # due Wednesday 27/12/2023 09:00 GMT.
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2023, 12, 23, 2, 0, tzinfo=LONDON))
    assert notice.due_at == dt.datetime(2023, 12, 27, 9, 0, tzinfo=LONDON)


def test_school_closures_push_the_notice_past_half_term(police_force, victim, pupil, primary_school):
    # Thursday 08/02/2024 19:00; the school is shut Friday 9th and the half-term week 12-16 February:
    # due Monday 19/02/2024 09:00.
    closed = {dt.date(2024, 2, 9)} | {dt.date(2024, 2, day) for day in range(12, 17)}
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2024, 2, 8, 19, 0, tzinfo=LONDON),
                     school_closures=closed)
    assert notice.due_at == dt.datetime(2024, 2, 19, 9, 0, tzinfo=LONDON)


def test_early_morning_incident_is_due_when_school_opens_that_day(police_force, victim, pupil, primary_school):
    # Thursday 07/03/2024 06:15 -> the same day at 09:00.
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2024, 3, 7, 6, 15, tzinfo=LONDON))
    assert notice.due_at == dt.datetime(2024, 3, 7, 9, 0, tzinfo=LONDON)


def test_a_child_not_present_at_the_incident_cannot_be_notified(police_force, victim, pupil, primary_school):
    incident = _incident(police_force, victim, pupil, dt.datetime(2024, 3, 6, 21, 30, tzinfo=LONDON))
    with pytest.raises(ValidationError, match="not recorded as present"):
        encompass_notification_create(incident=incident, child=PersonFactory(), school=primary_school)


def test_only_a_school_can_receive_a_notice(police_force, victim, pupil):
    with pytest.raises(ValidationError, match="go to a school"):
        _notice(police_force, victim, pupil, police_force, dt.datetime(2024, 3, 6, 21, 30, tzinfo=LONDON))


def test_send_then_acknowledge_by_the_school(police_force, victim, pupil, primary_school):
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2024, 3, 6, 21, 30, tzinfo=LONDON))
    officer = UserFactory(agency=police_force)
    dsl = UserFactory(agency=primary_school, role=Role.AGENCY_CONTRIBUTOR)
    encompass_notification_send(notification=notice, user=officer)
    encompass_notification_acknowledge(notification=notice, user=dsl)
    notice.refresh_from_db()
    assert notice.acknowledged_by == dsl
    assert notice.acknowledged_at >= notice.sent_at
    # Created, sent, acknowledged: three versions in the history, the last by the school's lead.
    assert [h.history_user for h in notice.history.order_by("history_date")] == [None, officer, dsl]


def test_acknowledging_an_unsent_notice_is_refused(police_force, victim, pupil, primary_school):
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2024, 3, 6, 21, 30, tzinfo=LONDON))
    with pytest.raises(ValidationError, match="not been sent"):
        encompass_notification_acknowledge(notification=notice, user=UserFactory(agency=primary_school))


def test_someone_outside_the_school_cannot_acknowledge(police_force, victim, pupil, primary_school):
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2024, 3, 6, 21, 30, tzinfo=LONDON))
    encompass_notification_send(notification=notice, user=UserFactory(agency=police_force))
    with pytest.raises(ValidationError, match="child's school"):
        encompass_notification_acknowledge(notification=notice, user=UserFactory(agency=SchoolFactory()))


def test_only_the_recording_force_can_send(police_force, victim, pupil, primary_school):
    notice = _notice(police_force, victim, pupil, primary_school, dt.datetime(2024, 3, 6, 21, 30, tzinfo=LONDON))
    with pytest.raises(ValidationError, match="police force"):
        encompass_notification_send(notification=notice, user=UserFactory(agency=primary_school))
