"""The serious incident, rapid review and LCSPR due dates, worked by hand against the bank holidays."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sightline.assurance.services import (
    case_review_initiate,
    case_review_publish,
    rapid_review_complete,
    rapid_review_start,
    serious_incident_notify,
    serious_incident_record,
)
from sightline.core.calendar.models import LocalClosureDay
from tests.assurance.factories import TrustFactory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trust():
    return TrustFactory()


def _incident(trust, aware: dt.date):
    return serious_incident_record(person=PersonFactory(), summary="Death of a child; abuse suspected.",
                                   la_aware_date=aware, owning_agency=trust)


def test_notification_due_5_working_days_over_christmas(trust):
    # Aware Friday 22/12/2023. Working days after it: Wed 27 (1), Thu 28 (2), Fri 29 (3),
    # [Mon 1 Jan bank holiday], Tue 2 (4), Wed 3/1/2024 (5).
    assert _incident(trust, dt.date(2023, 12, 22)).notification_due == dt.date(2024, 1, 3)


def test_a_local_closure_day_extends_the_notification_clock(trust):
    LocalClosureDay.objects.create(date=dt.date(2024, 1, 2), reason="Partnership closure")
    # As above with Tuesday 2 January closed: Wed 3 (4), Thu 4/1/2024 (5).
    assert _incident(trust, dt.date(2023, 12, 22)).notification_due == dt.date(2024, 1, 4)


def test_rapid_review_due_15_working_days_from_notification_over_easter(trust):
    incident = _incident(trust, dt.date(2024, 3, 25))
    serious_incident_notify(incident=incident, notified_date=dt.date(2024, 3, 27))
    review = rapid_review_start(incident=incident, started_date=dt.date(2024, 3, 28))
    # From Wed 27/03/2024: Thu 28 (1), [Good Friday 29, Easter Monday 1 Apr], Tue 2 Apr (2) ... Fri 5 (5),
    # Mon 8 - Fri 12 (6-10), Mon 15 - Fri 19 (11-15): due Friday 19/04/2024.
    assert review.due_date == dt.date(2024, 4, 19)


def test_rapid_review_needs_the_panel_notified_first(trust):
    with pytest.raises(ValidationError, match="Notify the Panel"):
        rapid_review_start(incident=_incident(trust, dt.date(2024, 3, 25)), started_date=dt.date(2024, 3, 28))


def test_rapid_review_cannot_start_before_the_notification(trust):
    incident = _incident(trust, dt.date(2024, 3, 25))
    serious_incident_notify(incident=incident, notified_date=dt.date(2024, 3, 27))
    with pytest.raises(ValidationError, match="on or after the notification"):
        rapid_review_start(incident=incident, started_date=dt.date(2024, 3, 26))


def test_completed_rapid_review_records_its_recommendation(trust):
    incident = _incident(trust, dt.date(2024, 3, 25))
    serious_incident_notify(incident=incident, notified_date=dt.date(2024, 3, 27))
    review = rapid_review_start(incident=incident, started_date=dt.date(2024, 3, 28))
    with pytest.raises(ValidationError, match="recommendation"):
        rapid_review_complete(review=review, completed_date=dt.date(2024, 4, 18), decision="")


def test_lcspr_due_six_months_after_decision_at_month_end(trust):
    # 31/08/2023 + 6 months: February 2024 has 29 days, so 29/02/2024.
    review = case_review_initiate(person=PersonFactory(), title="Child A", decision_date=dt.date(2023, 8, 31),
                                  kind="lcspr", owning_agency=trust)
    assert review.due_date == dt.date(2024, 2, 29)


def test_publishing_sets_status_and_date_once(trust):
    review = case_review_initiate(person=PersonFactory(), title="Child B", decision_date=dt.date(2023, 8, 31),
                                  kind="lcspr", owning_agency=trust)
    case_review_publish(review=review, published_date=dt.date(2024, 3, 12))
    assert (review.status, review.published_date) == ("published", dt.date(2024, 3, 12))
    with pytest.raises(ValidationError, match="already published"):
        case_review_publish(review=review, published_date=dt.date(2024, 3, 13))
