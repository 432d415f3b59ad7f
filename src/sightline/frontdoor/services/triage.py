"""The clocks on a contact and the manager's red, amber or green rating."""

from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from sightline.core import access
from sightline.core.calendar.selectors import local_closure_days
from sightline.core.clocks import read_clock
from sightline.core.clocks.rules import LONDON
from sightline.frontdoor.models import DEFAULT_TARGET_HOURS, Contact, Rating, RatingTarget


def decision_due_at(received_at: datetime) -> datetime:
    """The end (23:59:59 London) of the working day by which a decision is due.

    Working Together: a decision within one working day of receipt (clock "contact_decision";
    day 0 is the day received, so a Friday contact is due by the end of Monday).
    """
    due = read_clock("contact_decision", start=received_at, as_of=received_at, closures=local_closure_days()).due
    return datetime.combine(due, time(23, 59, 59), tzinfo=LONDON)


def target_hours(rating: str) -> int:
    row = RatingTarget.objects.filter(rating=rating).first()
    return row.hours if row else DEFAULT_TARGET_HOURS[Rating(rating)]


def contact_rate(*, contact: Contact, manager, rating: str, team=None) -> Contact:
    """Rate a contact; its target runs from when the contact was received."""
    access.require(manager, "frontdoor.manage_front_door")
    access.require(manager, "frontdoor.view_contact", contact)
    if contact.decided_at is not None:
        raise ValidationError({"rating": "This contact has been decided; its rating can no longer change."})
    if rating not in Rating.values:
        raise ValidationError({"rating": "Choose red, amber or green."})
    contact.rating = rating
    contact.rated_at, contact.rated_by = timezone.now(), manager
    contact.target_due_at = contact.received_at + timedelta(hours=target_hours(rating))
    if team is not None:
        contact.team = team
    contact.full_clean()
    contact.save()
    return contact
