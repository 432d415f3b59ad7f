"""Agency checks: the front door asks, the agency answers with what it holds, overdue checks are chased."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from sightline.core import access
from sightline.frontdoor.models import AgencyCheck, CheckAnswer, Contact

# A check left without a due time is due an hour before the contact's own deadline, so the
# answer can be read before the decision; never less than this from the request.
MINIMUM_CHECK_TIME = timedelta(hours=1)


def _default_due(contact: Contact, now: datetime) -> datetime:
    deadline = min(d for d in (contact.target_due_at, contact.decision_due_at) if d is not None)
    return max(deadline - timedelta(hours=1), now + MINIMUM_CHECK_TIME)


def check_request(*, contact: Contact, user, agency, question: str, due_at: datetime | None = None) -> AgencyCheck:
    access.require(user, "frontdoor.work_front_door")
    access.require(user, "frontdoor.view_contact", contact)
    if contact.decided_at is not None:
        raise ValidationError("This contact has been decided; no more checks can be asked.")
    if AgencyCheck.objects.filter(contact=contact, agency=agency).exists():
        raise ValidationError({"agency": f"{agency} has already been asked about this contact."})
    now = timezone.now()
    check = AgencyCheck(contact=contact, agency=agency, question=question, requested_by=user, requested_at=now,
                        due_at=due_at or _default_due(contact, now))
    if check.due_at <= now:
        raise ValidationError({"due_at": "The check must be due after now."})
    check.full_clean()
    check.save()
    return check


def check_answer(*, check: AgencyCheck, user, information: str, sensitivity: str, legal_basis: str,
                 known_to_agency: bool = True) -> CheckAnswer:
    """The agency's answer, owned by the agency, carrying its sensitivity and legal basis."""
    access.require(user, "frontdoor.answer_check", check)
    if not information.strip():
        raise ValidationError({"information": "Enter what your agency holds, or that it holds nothing."})
    subject = check.contact.people.filter(is_subject=True).select_related("person").first()
    answer = CheckAnswer(check_request=check, owning_agency_id=user.agency_id, sensitivity=sensitivity,
                         legal_basis=legal_basis, recorded_by=user, information=information,
                         known_to_agency=known_to_agency, person=subject.person if subject else None)
    answer.full_clean()
    with transaction.atomic():
        answer.save()
        check.answered_at = timezone.now()
        check.save(update_fields=["answered_at"])
    return answer


def checks_chase_overdue(*, now: datetime | None = None) -> int:
    """Mark every unanswered check past its due time as chased again; the agency's list shows it."""
    now = now or timezone.now()
    overdue = list(AgencyCheck.objects.filter(answered_at__isnull=True, due_at__lt=now,
                                              contact__decided_at__isnull=True))
    for check in overdue:
        check.chased_at, check.times_chased = now, check.times_chased + 1
    bulk_update_with_history(overdue, AgencyCheck, ["chased_at", "times_chased"], batch_size=500)
    return len(overdue)
