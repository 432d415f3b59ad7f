"""Agency feeds: persistent absence follows the counts; bad rows are refused; access is by the policy."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sightline.agencyfeeds import selectors
from sightline.agencyfeeds.models import HealthPresentation, SchoolAttendance, SchoolExclusion
from tests.factories import InvolvementFactory

pytestmark = pytest.mark.django_db


def _refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def _attendance(child, school, possible, missed, term="autumn"):
    row = SchoolAttendance.objects.create(person=child, school=school, owning_agency=school, academic_year=2023,
                                          term=term, sessions_possible=possible, sessions_missed=missed)
    row.refresh_from_db()
    return row


@pytest.mark.parametrize(("possible", "missed", "persistent"), [
    (140, 14, True),    # 14/140 = exactly 10%: persistently absent
    (140, 13, False),   # 13/140 = 9.3%
    (141, 14, False),   # 14/141 = 9.9%
    (0, 0, False),      # no sessions possible: not counted as absent
])
def test_persistent_absence_is_ten_percent_or_more_of_possible_sessions(child, school, possible, missed, persistent):
    assert _attendance(child, school, possible, missed).persistent_absence is persistent


def test_missed_sessions_cannot_exceed_possible(child, school):
    _refused(lambda: _attendance(child, school, 100, 101))


def test_one_row_per_child_school_and_term(child, school):
    _attendance(child, school, 140, 2)
    _refused(lambda: _attendance(child, school, 140, 3))


def test_attendance_must_be_at_a_school(child, health):
    row = SchoolAttendance(person=child, school=health, owning_agency=health, academic_year=2023, term="year",
                           sessions_possible=380, sessions_missed=4)
    with pytest.raises(ValidationError, match="Choose a school"):
        row.full_clean()


def test_discharge_before_presentation_is_refused(child, health):
    _refused(lambda: HealthPresentation.objects.create(person=child, provider=health, owning_agency=health,
                                                       kind="mh_admission", presented_on=dt.date(2024, 3, 5),
                                                       discharged_on=dt.date(2024, 3, 4)))


def test_suspension_needs_its_sessions_and_permanent_exclusion_has_none(child, school):
    _refused(lambda: SchoolExclusion.objects.create(person=child, school=school, owning_agency=school,
                                                    kind="suspension", start_date=dt.date(2024, 3, 5)))
    _refused(lambda: SchoolExclusion.objects.create(person=child, school=school, owning_agency=school,
                                                    kind="permanent", start_date=dt.date(2024, 3, 5), sessions=4))


def test_health_sees_its_own_presentations_and_the_school_not_involved_does_not(child, health, health_user,
                                                                                 school_user):
    InvolvementFactory(person=child, agency=health)
    row = HealthPresentation.objects.create(person=child, provider=health, owning_agency=health, kind="ae_self_harm",
                                            presented_on=dt.date(2024, 3, 5))
    assert list(selectors.health_presentations_for(user=health_user, person=child)) == [row]
    assert not selectors.health_presentations_for(user=school_user, person=child).exists()
