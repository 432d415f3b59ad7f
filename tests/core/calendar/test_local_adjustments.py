"""Closure days and clock overrides kept in the database, and read back for the pure functions."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from sightline.core.calendar.models import ClockOverride, LocalClosureDay
from sightline.core.calendar.selectors import clock_overrides, local_closure_days
from sightline.core.clocks import read_clock


@pytest.mark.django_db
def test_recorded_closure_day_moves_a_due_date():
    LocalClosureDay(date=date(2025, 12, 24), reason="Council closed Christmas Eve").full_clean()
    LocalClosureDay.objects.create(date=date(2025, 12, 24), reason="Council closed Christmas Eve")
    # Tue 23 Dec 2025 + 1 WD with Wed 24 closed: Thu 25, Fri 26, weekend: Mon 29.
    reading = read_clock("contact_decision", start=date(2025, 12, 23), as_of=date(2025, 12, 23),
                         closures=local_closure_days())
    assert reading.due == date(2025, 12, 29)


@pytest.mark.parametrize(("day", "message"), [
    (date(2025, 12, 27), "weekend"),                 # a Saturday
    (date(2025, 12, 25), "already a bank holiday"),
])
def test_closure_day_must_be_a_day_that_would_otherwise_be_worked(day, message):
    with pytest.raises(ValidationError, match=message):
        LocalClosureDay(date=day, reason="Closed").clean()


@pytest.mark.django_db
def test_recorded_override_is_applied():
    override = ClockOverride(clock_id="lado_referral", amount=2, unit="working_days",
                             reason="Local procedure allows two working days")
    override.full_clean()
    override.save()
    # Fri 24 Dec 2021 + 2 WD: Mon 27 and Tue 28 skipped: Wed 29 = 1, Thu 30 = 2.
    reading = read_clock("lado_referral", start=date(2021, 12, 24), as_of=date(2021, 12, 24),
                         override=clock_overrides()["lado_referral"])
    assert reading.due == date(2021, 12, 30)


@pytest.mark.parametrize(("fields", "message"), [
    ({"clock_id": "no_such_clock"}, "no clock"),
    ({"clock_id": "assessment", "amount": 60, "unit": "working_days"}, "cannot change its rule"),
    ({"clock_id": "lado_referral", "amount": 2}, "both the amount and the unit"),
    ({"clock_id": "assessment", "amber_at": 0.2, "red_at": 0.3}, "Red must start"),
])
def test_override_that_breaks_the_catalogue_is_refused(fields, message):
    with pytest.raises(ValidationError, match=message):
        ClockOverride(reason="Local", **fields).clean()


@pytest.mark.django_db
def test_thresholds_may_be_set_for_a_statutory_clock():
    ClockOverride(clock_id="assessment", amber_at=0.3, reason="Board wants earlier warning").full_clean()
