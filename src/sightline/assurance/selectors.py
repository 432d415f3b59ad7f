"""Every read in the assurance app.

Records about a child go through sightline.core.access. Audits, training and learning actions
name agencies, not children: they are the partnership's own assurance, seen by the business unit,
the board, the independent scrutineer and analysts (the roles that see figures).
"""

from django.db.models import Count, Q, QuerySet

from sightline.assurance.models import (
    AuditCase,
    CaseReview,
    LADOAllegation,
    LearningAction,
    MultiAgencyAudit,
    SeriousIncident,
    TrainingSession,
)
from sightline.core import access
from sightline.organisations.models import Role

ASSURANCE_ROLES = frozenset({Role.BUSINESS_UNIT, Role.BOARD_MEMBER, Role.SCRUTINEER, Role.ANALYST})


def sees_partnership_assurance(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.agency_id and user.role in ASSURANCE_ROLES)


def _for_assurance(user, queryset: QuerySet) -> QuerySet:
    return queryset if sees_partnership_assurance(user) else queryset.none()


def serious_incidents_for(*, user, person) -> QuerySet[SeriousIncident]:
    return access.visible_records(user, SeriousIncident.objects.all()).filter(person=person).order_by("-la_aware_date")


def case_reviews_for(*, user, person) -> QuerySet[CaseReview]:
    return access.visible_records(user, CaseReview.objects.all()).filter(person=person).order_by("-decision_date")


def lado_allegations_for(*, user, person) -> QuerySet[LADOAllegation]:
    return access.visible_records(user, LADOAllegation.objects.all()).filter(person=person).order_by("-referral_date")


def audit_cases_for(*, user, audit: MultiAgencyAudit) -> QuerySet[AuditCase]:
    return access.visible_records(user, audit.cases.prefetch_related("agency_gradings"))


def audits(*, user) -> QuerySet[MultiAgencyAudit]:
    return _for_assurance(user, MultiAgencyAudit.objects.annotate(cases_audited=Count("cases")))


def learning_actions_outstanding(*, user, agency=None) -> QuerySet[LearningAction]:
    qs = _for_assurance(user, LearningAction.objects.filter(completed_date__isnull=True))
    if agency is not None:
        qs = qs.filter(agency=agency)
    return qs.order_by("due_date")


def training_sessions(*, user) -> QuerySet[TrainingSession]:
    """Sessions with places booked and attended, for the partnership's training report."""
    qs = TrainingSession.objects.select_related("course").annotate(
        booked=Count("attendances"), attended=Count("attendances", filter=Q(attendances__attended=True)))
    return _for_assurance(user, qs).order_by("-date")
