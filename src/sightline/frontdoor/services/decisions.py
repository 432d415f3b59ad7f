"""The decision on a contact: level of need, outcome, rationale, and the manager's sign-off.

Sign-off is the decision: it sets Contact.decided_at and opens what the outcome says in the
record (a referral for an assessment or a strategy discussion, an early help episode), recording
a step-up from open early help or a step-down from a social care episode as such.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sightline.casework.codes import ReasonForClosure
from sightline.casework.models import EarlyHelpEpisode, Referral
from sightline.core import access
from sightline.core.models import LegalBasis, Sensitivity
from sightline.frontdoor.models import (REFERRAL_OUTCOMES, Contact, Decision, EarlyHelpProvider,
                                        LevelOfNeedDescriptor, Outcome)
from sightline.people.models import Involvement

STEP_DOWN_WINDOW = timedelta(days=365)


def decision_propose(*, contact: Contact, user, descriptor: LevelOfNeedDescriptor, outcome: str, rationale: str,
                     early_help_provider: str = "", early_help_agency=None) -> Decision:
    """Record (or revise) the proposed decision; it takes effect only when a manager signs it off."""
    access.require(user, "frontdoor.work_front_door")
    access.require(user, "frontdoor.view_contact", contact)
    if contact.decided_at is not None:
        raise ValidationError("This contact has already been decided.")
    if contact.given_people.filter(person__isnull=True).exists():
        raise ValidationError("Confirm who each person is (an existing record or a new one) before deciding.")
    decision = getattr(contact, "decision", None) or Decision(contact=contact)
    decision.descriptor, decision.threshold_version = descriptor, descriptor.document.version
    decision.outcome, decision.rationale = outcome, rationale.strip()
    decision.early_help_provider = early_help_provider if outcome == Outcome.EARLY_HELP else ""
    decision.early_help_agency = early_help_agency if decision.early_help_provider else None
    decision.proposed_by, decision.proposed_at = user, timezone.now()
    decision.full_clean()
    decision.save()
    return decision


def _step_down_source(person, today) -> Referral | None:
    # A social care episode open now, or closed to early help (RC9) in the last 12 months.
    return Referral.objects.filter(person=person).filter(
        Q(closure_date__isnull=True)
        | Q(reason_for_closure=ReasonForClosure.RC9, closure_date__gte=today - STEP_DOWN_WINDOW)
    ).order_by("-referral_date").first()


def _open_records(decision: Decision, manager) -> None:
    contact = decision.contact
    today = timezone.localdate()
    received_on = timezone.localtime(contact.received_at).date()
    for link in contact.people.filter(is_subject=True).select_related("person"):
        person = link.person
        if decision.outcome in REFERRAL_OUTCOMES:
            referral = Referral(
                person=person, owning_agency_id=manager.agency_id, sensitivity=Sensitivity.AGENCY,
                legal_basis=LegalBasis.CA1989_S47 if decision.outcome == Outcome.STRATEGY_DISCUSSION
                else LegalBasis.CA1989_S17,
                recorded_by=manager, referral_date=received_on, referral_source=contact.referral_source,
                stepped_up_from=EarlyHelpEpisode.objects.filter(person=person, end_date__isnull=True)
                .order_by("-start_date").first())
            referral.full_clean()
            referral.save()
            decision.referrals.add(referral)
        elif decision.outcome == Outcome.EARLY_HELP:
            lead = decision.early_help_agency if decision.early_help_provider != EarlyHelpProvider.COUNCIL \
                else manager.agency
            episode = EarlyHelpEpisode(
                person=person, owning_agency_id=manager.agency_id, sensitivity=Sensitivity.AGENCY,
                legal_basis=LegalBasis.CA2004_S11, recorded_by=manager, start_date=today,
                level_of_need=decision.descriptor.level, lead_agency=lead,
                stepped_down_from=_step_down_source(person, today))
            episode.full_clean()
            episode.save()
            decision.early_help_episodes.add(episode)
            if lead.pk != manager.agency_id:
                # The lead agency must be able to see the child it now works with.
                Involvement.objects.create(person=person, agency=lead, reason="Early help lead (front door)")
        elif decision.outcome == Outcome.EXISTING_CASE:
            open_referrals = list(Referral.objects.filter(person=person, closure_date__isnull=True))
            if not open_referrals:
                raise ValidationError({"outcome": f"{person} has no open social care case to pass this to."})
            decision.referrals.add(*open_referrals)


def decision_sign_off(*, decision: Decision, manager, rationale: str | None = None) -> Decision:
    access.require(manager, "frontdoor.manage_front_door")
    access.require(manager, "frontdoor.view_contact", decision.contact)
    if decision.signed_off_at is not None:
        raise ValidationError("This decision has already been signed off.")
    if rationale is not None:
        decision.rationale = rationale.strip()
    if not decision.rationale:
        raise ValidationError({"rationale": "Give the reason for this decision and level of need."})
    now = timezone.now()
    decision.signed_off_by, decision.signed_off_at = manager, now
    decision.full_clean()
    with transaction.atomic():
        decision.save()
        _open_records(decision, manager)
        decision.contact.decided_at = now
        decision.contact.save(update_fields=["decided_at"])
    return decision
