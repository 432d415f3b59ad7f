"""Every read in the panels app, through sightline.core.access."""

from datetime import datetime

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from sightline.core import access
from sightline.panels.models import (
    DomesticAbuseIncident,
    DomesticAbuseReferral,
    OperationEncompassNotification,
    PanelAction,
    PanelCase,
    RiskAssessment,
)


def domestic_abuse_incidents_for_victim(*, user, person) -> QuerySet[DomesticAbuseIncident]:
    qs = access.visible_records(user, DomesticAbuseIncident.objects.all(), "victim")
    return qs.filter(victim=person).order_by("-occurred_at")


def domestic_abuse_incidents_for_child(*, user, child) -> QuerySet[DomesticAbuseIncident]:
    """Incidents at which `child` was present: the child must be visible, as must the incident's victim."""
    qs = access.visible_records(user, DomesticAbuseIncident.objects.all(), "victim")
    qs = qs.filter(child_rows__child=child, child_rows__child__in=access.visible_people(user).values("pk"))
    return qs.order_by("-occurred_at")


def domestic_abuse_referrals_for(*, user, person) -> QuerySet[DomesticAbuseReferral]:
    qs = access.visible_records(user, DomesticAbuseReferral.objects.all(), "victim")
    return qs.filter(victim=person).order_by("-referral_date")


def encompass_notifications_unsent(*, user, as_of: datetime) -> QuerySet[OperationEncompassNotification]:
    """Notices not yet sent, soonest due first, with those already overdue at `as_of` marked by `overdue`."""
    qs = access.visible_records(user, OperationEncompassNotification.objects.all(), "child")
    overdue = ExpressionWrapper(Q(due_at__lt=as_of), output_field=BooleanField())
    qs = qs.filter(sent_at__isnull=True).annotate(overdue=overdue).select_related("incident", "school")
    return qs.order_by("due_at")


def encompass_notifications_for_school(*, user) -> QuerySet[OperationEncompassNotification]:
    """Notices sent to the user's own school, newest first: what the designated safeguarding lead acts on."""
    qs = access.visible_records(user, OperationEncompassNotification.objects.all(), "child")
    return qs.filter(school_id=user.agency_id, sent_at__isnull=False).order_by("-sent_at")


def panel_cases_open(*, user, panel) -> QuerySet[PanelCase]:
    qs = access.visible_records(user, PanelCase.objects.all(), "person")
    return qs.filter(panel=panel, closed_date__isnull=True).order_by("review_due", "referral_date")


def panel_actions_outstanding(*, user, agency) -> QuerySet[PanelAction]:
    qs = access.visible_records(user, PanelAction.objects.all(), "case__person")
    return qs.filter(agency=agency, completed_date__isnull=True).order_by("due_date")


def risk_assessments_for(*, user, person) -> QuerySet[RiskAssessment]:
    qs = access.visible_records(user, RiskAssessment.objects.select_related("tool"), "person")
    return qs.filter(person=person).order_by("-completed_at")
