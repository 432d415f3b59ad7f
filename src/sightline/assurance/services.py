"""Every write in the assurance app: case reviews and their clocks, audits, training and LADO allegations."""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models, transaction

from sightline.assurance.models import (
    AuditAgencyGrading,
    AuditCase,
    CaseReview,
    CaseReviewStatus,
    LADOAllegation,
    LearningAction,
    MultiAgencyAudit,
    RapidReview,
    SeriousIncident,
    TrainingAttendance,
    TrainingSession,
)
from sightline.core.calendar.selectors import local_closure_days
from sightline.core.clocks import CLOCKS


def _save(obj: models.Model, *, user=None) -> models.Model:
    obj.full_clean()
    # django-simple-history records this user as the author of the change (the audit of writes).
    obj._history_user = user
    obj.save()
    return obj


def _due(clock_id: str, start: date) -> date:
    return CLOCKS[clock_id].rule.due_date(start, local_closure_days())


def serious_incident_record(*, person, summary: str, la_aware_date: date, owning_agency,
                            recorded_by=None) -> SeriousIncident:
    """An incident the local authority knows of; the Panel must be told within 5 working days (s16C(1))."""
    incident = SeriousIncident(person=person, summary=summary, la_aware_date=la_aware_date,
                               notification_due=_due("serious_incident_notification", la_aware_date),
                               owning_agency=owning_agency, recorded_by=recorded_by)
    return _save(incident, user=recorded_by)


def serious_incident_notify(*, incident: SeriousIncident, notified_date: date, user=None) -> SeriousIncident:
    if incident.notified_date is not None:
        raise ValidationError({"notified_date": "The Panel has already been notified."})
    incident.notified_date = notified_date
    return _save(incident, user=user)


def rapid_review_start(*, incident: SeriousIncident, started_date: date, user=None) -> RapidReview:
    """A rapid review, due 15 working days from the notification to the Panel."""
    if incident.notified_date is None:
        raise ValidationError({"incident": "Notify the Panel before starting the rapid review."})
    review = RapidReview(incident=incident, started_date=started_date,
                         due_date=_due("rapid_review", incident.notified_date), owning_agency=incident.owning_agency,
                         sensitivity=incident.sensitivity, legal_basis=incident.legal_basis, recorded_by=user)
    return _save(review, user=user)


def rapid_review_complete(*, review: RapidReview, completed_date: date, decision: str, user=None) -> RapidReview:
    if review.completed_date is not None:
        raise ValidationError({"completed_date": "The rapid review is already complete."})
    review.completed_date, review.decision = completed_date, decision
    return _save(review, user=user)


def case_review_initiate(*, person, title: str, decision_date: date, kind: str, owning_agency, rapid_review=None,
                         user=None) -> CaseReview:
    """An LCSPR or local learning review, to be published within 6 months of the decision."""
    review = CaseReview(person=person, title=title, decision_date=decision_date, kind=kind, rapid_review=rapid_review,
                        due_date=_due("local_child_safeguarding_practice_review", decision_date),
                        owning_agency=owning_agency, recorded_by=user)
    return _save(review, user=user)


def case_review_publish(*, review: CaseReview, published_date: date, user=None) -> CaseReview:
    if review.status == CaseReviewStatus.PUBLISHED:
        raise ValidationError({"published_date": "The review is already published."})
    review.published_date, review.status = published_date, CaseReviewStatus.PUBLISHED
    return _save(review, user=user)


def learning_action_set(*, agency, action: str, due_date: date, case_review: CaseReview | None = None,
                        audit: MultiAgencyAudit | None = None) -> LearningAction:
    if (case_review is None) == (audit is None):
        raise ValidationError("A learning action comes from one case review or one audit.")
    return _save(LearningAction(agency=agency, action=action, due_date=due_date, case_review=case_review, audit=audit))


def learning_action_complete(*, learning_action: LearningAction, completed_date: date) -> LearningAction:
    if learning_action.completed_date is not None:
        raise ValidationError({"completed_date": "The action is already complete."})
    learning_action.completed_date = completed_date
    return _save(learning_action)


@transaction.atomic
def audit_case_grade(*, audit: MultiAgencyAudit, person, owning_agency, overall_grading: str,
                     agency_gradings: Mapping, user=None) -> AuditCase:
    """One case audited: the group's overall grading and each agency's grading of its own part."""
    case = _save(AuditCase(audit=audit, person=person, owning_agency=owning_agency, overall_grading=overall_grading,
                           recorded_by=user), user=user)
    rows = [AuditAgencyGrading(audit_case=case, agency=agency, grading=grading)
            for agency, grading in agency_gradings.items()]
    for row in rows:
        row.full_clean(exclude=["audit_case"])
    AuditAgencyGrading.objects.bulk_create(rows)
    return case


@transaction.atomic
def training_attendance_record(*, session: TrainingSession, agency, attended: bool, feedback_score: int | None = None,
                               confidence_before: int | None = None,
                               confidence_after: int | None = None) -> TrainingAttendance:
    # Lock the session so that two bookings cannot both take its last place.
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if session.attendances.count() >= session.places:
        raise ValidationError({"session": f"The session is full ({session.places} places)."})
    return _save(TrainingAttendance(session=session, agency=agency, attended=attended, feedback_score=feedback_score,
                                    confidence_before=confidence_before, confidence_after=confidence_after))


def lado_allegation_record(*, received_date: date, referral_date: date, sector: str, owning_agency,
                           employer=None, person=None, recorded_by=None) -> LADOAllegation:
    allegation = LADOAllegation(received_date=received_date, referral_date=referral_date, sector=sector,
                                employer=employer, person=person, owning_agency=owning_agency, recorded_by=recorded_by)
    return _save(allegation, user=recorded_by)


def lado_allegation_close(*, allegation: LADOAllegation, closed_date: date, outcome: str, user=None) -> LADOAllegation:
    if allegation.closed_date is not None:
        raise ValidationError({"closed_date": "The allegation is already closed."})
    allegation.closed_date, allegation.outcome = closed_date, outcome
    return _save(allegation, user=user)
