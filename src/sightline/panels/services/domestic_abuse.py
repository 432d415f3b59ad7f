"""Recording domestic abuse incidents and referrals, and sending Operation Encompass notices."""

from collections.abc import Iterable, Set
from datetime import date, datetime

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sightline.core.calendar import add_months
from sightline.core.clocks import CLOCKS
from sightline.panels.models import (
    DomesticAbuseIncident,
    DomesticAbuseIncidentChild,
    DomesticAbuseReferral,
    OperationEncompassNotification,
)
from sightline.panels.services._saving import validated_save

REPEAT_WINDOW_MONTHS = 12
UPDATE_CHUNK = 10_000


@transaction.atomic
def da_incident_record(*, owning_agency, occurred_at: datetime, is_crime: bool, dash_risk_level: str, victim,
                       police_reference: str, alleged_perpetrator=None, children: Iterable = (),
                       witnessed: Set = frozenset(), recorded_by=None) -> DomesticAbuseIncident:
    """A police-attended incident with the children present; `witnessed` holds those who saw it."""
    incident = DomesticAbuseIncident(owning_agency=owning_agency, occurred_at=occurred_at, is_crime=is_crime,
                                     dash_risk_level=dash_risk_level, victim=victim, police_reference=police_reference,
                                     alleged_perpetrator=alleged_perpetrator, recorded_by=recorded_by)
    validated_save(incident, user=recorded_by)
    DomesticAbuseIncidentChild.objects.bulk_create(
        DomesticAbuseIncidentChild(incident=incident, child=child, witnessed=child in witnessed) for child in children)
    return incident


def is_repeat_victim(*, victim, referral_date: date) -> bool:
    """Whether another referral for `victim` is dated from 12 months before `referral_date` up to that date.

    Both ends count: a referral the same day, or exactly 12 months earlier (31 March to 31 March;
    from 29 February, 28 February a year earlier counts as 12 months), makes this one a repeat.
    """
    earliest = add_months(referral_date, -REPEAT_WINDOW_MONTHS)
    return DomesticAbuseReferral.objects.filter(victim=victim, referral_date__range=(earliest, referral_date)).exists()


def da_referral_record(*, owning_agency, route: str, referral_date: date, victim, incident=None,
                       recorded_by=None) -> DomesticAbuseReferral:
    """A victim referred to a domestic abuse service; `is_repeat` is judged against referrals already recorded."""
    referral = DomesticAbuseReferral(owning_agency=owning_agency, route=route, referral_date=referral_date,
                                     victim=victim, incident=incident, recorded_by=recorded_by)
    referral.is_repeat = is_repeat_victim(victim=victim, referral_date=referral_date)
    return validated_save(referral, user=recorded_by)


def months_earlier_array(days: np.ndarray, n: int) -> np.ndarray:
    """`add_months(d, -n)` over a datetime64[D] array: the same day of the month, or the month's last day."""
    months = days.astype("datetime64[M]")
    day_index = (days - months.astype("datetime64[D]")).astype(np.int64)
    target = months - n
    length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(np.int64)
    return target.astype("datetime64[D]") + np.minimum(day_index, length - 1)


@transaction.atomic
def da_referrals_mark_repeats() -> int:
    """Set `is_repeat` on every referral at once, after a bulk load; returns how many are repeats.

    The same definition as `is_repeat_victim`, taking referrals in date order (the same day: in the
    order recorded). Only the victim's latest earlier referral matters: if it is inside the 12
    months, the referral is a repeat. Unlike recording one at a time, a back-dated referral here
    also makes the victim's later referrals repeats.
    """
    rows = list(DomesticAbuseReferral.objects.order_by("victim_id", "referral_date", "pk")
                .values_list("pk", "victim_id", "referral_date"))
    if not rows:
        return 0
    pks, victims, dates = (np.array(column) for column in zip(*rows, strict=True))
    dates = dates.astype("datetime64[D]")
    repeat = np.zeros(len(rows), dtype=bool)
    repeat[1:] = (victims[1:] == victims[:-1]) & (dates[:-1] >= months_earlier_array(dates[1:], REPEAT_WINDOW_MONTHS))
    repeat_pks = pks[repeat].tolist()
    DomesticAbuseReferral.objects.update(is_repeat=False)
    for start in range(0, len(repeat_pks), UPDATE_CHUNK):
        DomesticAbuseReferral.objects.filter(pk__in=repeat_pks[start:start + UPDATE_CHUNK]).update(is_repeat=True)
    return len(repeat_pks)


def encompass_due_at(occurred_at: datetime, school_closures: Set[date] | None = None) -> datetime:
    """09:00 on the first school day after the incident (clock operation_encompass)."""
    return CLOCKS["operation_encompass"].rule.due_moment(occurred_at, school_closures)


def encompass_notification_create(*, incident: DomesticAbuseIncident, child, school, recorded_by=None,
                                  school_closures: Set[date] | None = None) -> OperationEncompassNotification:
    if not incident.child_rows.filter(child=child).exists():
        raise ValidationError({"child": "The child is not recorded as present at this incident."})
    notification = OperationEncompassNotification(
        owning_agency=incident.owning_agency, sensitivity=incident.sensitivity, legal_basis=incident.legal_basis,
        incident=incident, child=child, school=school, due_at=encompass_due_at(incident.occurred_at, school_closures),
        recorded_by=recorded_by)
    return validated_save(notification, user=recorded_by)


def encompass_notification_send(*, notification: OperationEncompassNotification, user,
                                sent_at: datetime | None = None) -> OperationEncompassNotification:
    if notification.sent_at is not None:
        raise ValidationError({"sent_at": "This notice has already been sent."})
    if user.agency_id != notification.owning_agency_id:
        raise ValidationError({"sent_at": "Only the police force that recorded the incident can send the notice."})
    notification.sent_at = sent_at or timezone.now()
    return validated_save(notification, user=user)


def encompass_notification_acknowledge(*, notification: OperationEncompassNotification, user,
                                       acknowledged_at: datetime | None = None) -> OperationEncompassNotification:
    if notification.sent_at is None:
        raise ValidationError({"acknowledged_at": "The notice has not been sent yet."})
    if notification.acknowledged_at is not None:
        raise ValidationError({"acknowledged_at": "This notice has already been acknowledged."})
    notification.acknowledged_at = acknowledged_at or timezone.now()
    notification.acknowledged_by = user
    return validated_save(notification, user=user)
