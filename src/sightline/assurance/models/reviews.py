"""Serious incidents, rapid reviews and local child safeguarding practice reviews (Working Together ch. 5).

Clocks (sightline.core.clocks): serious_incident_notification (5 working days from the local
authority becoming aware; Children Act 2004 s16C(1)), rapid_review (15 working days from the
notification), local_child_safeguarding_practice_review (published within 6 months of the decision).
The due dates are stored when the services set the start, so that indicators read them as columns.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from sightline.core.models import SharedInformation


def _after(start: str, end: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}), name=name)


class SeriousIncident(SharedInformation):
    """A serious child safeguarding incident notified to the Child Safeguarding Practice Review Panel."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="serious_incidents")
    summary = models.TextField()
    la_aware_date = models.DateField("date the local authority became aware")
    notification_due = models.DateField()
    notified_date = models.DateField("date notified to the Panel", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["la_aware_date"]), models.Index(fields=["person"])]
        constraints = [_after("la_aware_date", "notified_date", "serious_incident_notified_after_aware"),
                       _after("la_aware_date", "notification_due", "serious_incident_due_after_aware")]

    def __str__(self) -> str:
        return f"Serious incident known {self.la_aware_date:%d/%m/%Y}"


class RapidReviewDecision(models.TextChoices):
    LCSPR = "lcspr", "Local child safeguarding practice review"
    LOCAL_LEARNING = "local_learning", "Local learning review"
    NO_REVIEW = "no_review", "No further review"


class RapidReview(SharedInformation):
    incident = models.OneToOneField(SeriousIncident, on_delete=models.PROTECT, related_name="rapid_review")
    started_date = models.DateField()
    due_date = models.DateField()
    completed_date = models.DateField("date sent to the Panel", null=True, blank=True)
    decision = models.CharField(max_length=16, choices=RapidReviewDecision.choices, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["started_date"])]
        constraints = [_after("started_date", "completed_date", "rapid_review_completes_after_start")]

    def clean(self) -> None:
        if self.completed_date and not self.decision:
            raise ValidationError({"decision": "Record the review's recommendation when it is completed."})
        if self.incident_id and self.incident.notified_date and self.started_date < self.incident.notified_date:
            raise ValidationError({"started_date": "A rapid review starts on or after the notification to the Panel."})


class CaseReviewKind(models.TextChoices):
    LCSPR = "lcspr", "Local child safeguarding practice review"
    LOCAL_LEARNING = "local_learning", "Local learning review"


class CaseReviewStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    AWAITING_PUBLICATION = "awaiting_publication", "Awaiting publication"
    PUBLISHED = "published", "Published"


class CaseReview(SharedInformation):
    """An LCSPR or local learning review, usually following a rapid review."""

    kind = models.CharField(max_length=16, choices=CaseReviewKind.choices, default=CaseReviewKind.LCSPR)
    title = models.CharField(max_length=200)
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_reviews")
    rapid_review = models.ForeignKey(RapidReview, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="case_reviews")
    decision_date = models.DateField("date of the decision to initiate")
    due_date = models.DateField()
    published_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=24, choices=CaseReviewStatus.choices, default=CaseReviewStatus.IN_PROGRESS)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["decision_date"])]
        constraints = [
            _after("decision_date", "published_date", "case_review_published_after_decision"),
            models.CheckConstraint(condition=Q(status="published", published_date__isnull=False)
                                   | (~Q(status="published") & Q(published_date__isnull=True)),
                                   name="case_review_published_status_has_date"),
        ]

    def __str__(self) -> str:
        return self.title


class LearningAction(models.Model):
    """An action for an agency arising from a case review or a multi-agency audit."""

    case_review = models.ForeignKey(CaseReview, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="learning_actions")
    audit = models.ForeignKey("assurance.MultiAgencyAudit", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="learning_actions")
    agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="learning_actions")
    action = models.TextField()
    due_date = models.DateField()
    completed_date = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["due_date"]), models.Index(fields=["agency", "completed_date"])]
        constraints = [
            models.CheckConstraint(condition=Q(case_review__isnull=False, audit__isnull=True)
                                   | Q(case_review__isnull=True, audit__isnull=False),
                                   name="learning_action_from_review_or_audit"),
        ]

    def __str__(self) -> str:
        return self.action[:60]
