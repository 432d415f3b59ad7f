"""The multi-agency panels that hold children's cases: MACE, MARAC and the weekly mental health group.

DSCP annual report 2020/21: the MACE panel meets weekly and reviews low risk cases at least every
12 weeks, medium every 8, high every 4 (clocks mace_review_*); a child protection chair attends
MARAC; the Social and Emotional Mental Health group meets weekly about children seen at A&E.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from sightline.core.models import SharedInformation


class PanelKind(models.TextChoices):
    MACE = "mace", "Multi-agency child exploitation (MACE)"
    MARAC = "marac", "Multi-agency risk assessment conference (MARAC)"
    MENTAL_HEALTH = "mental_health", "Social and emotional mental health group (weekly)"
    OTHER = "other", "Other panel"


class Panel(models.Model):
    kind = models.CharField(max_length=16, choices=PanelKind.choices)
    name = models.CharField(max_length=200, unique=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PanelMeeting(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()

    class Meta:
        ordering = ["-date"]
        indexes = [models.Index(fields=["date"])]
        constraints = [models.UniqueConstraint(fields=["panel", "date"], name="panel_meeting_once_a_day")]

    def __str__(self) -> str:
        return f"{self.panel} on {self.date:%d/%m/%Y}"


class PanelRiskLevel(models.TextChoices):
    # MACE levels (Vulnerable Adolescent Tracker RAG rating); local definitions, IICSA F.4.
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class ExploitationType(models.TextChoices):
    SEXUAL = "sexual", "Child sexual exploitation"
    CRIMINAL = "criminal", "Child criminal exploitation"
    BOTH = "both", "Sexual and criminal exploitation"


class PanelCase(SharedInformation):
    """A child or adult victim held on a panel from referral to closure."""

    panel = models.ForeignKey(Panel, on_delete=models.PROTECT, related_name="cases")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="panel_cases")
    referral_date = models.DateField()
    risk_level = models.CharField(max_length=8, choices=PanelRiskLevel.choices, blank=True)
    exploitation_type = models.CharField(max_length=8, choices=ExploitationType.choices, blank=True)
    review_due = models.DateField(null=True, blank=True)
    closed_date = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "referral_date"]), models.Index(fields=["referral_date"]),
                   models.Index(fields=["review_due"])]
        constraints = [
            models.CheckConstraint(condition=Q(closed_date__isnull=True) | Q(closed_date__gte=F("referral_date")),
                                   name="panel_case_closes_after_referral"),
            models.UniqueConstraint(fields=["panel", "person"], condition=Q(closed_date__isnull=True),
                                    name="panel_case_one_open_per_person"),
        ]

    def clean(self) -> None:
        kind = self.panel.kind if self.panel_id else None
        if kind == PanelKind.MACE:
            if not self.risk_level:
                raise ValidationError({"risk_level": "Give the child's exploitation risk level."})
            if not self.exploitation_type:
                raise ValidationError({"exploitation_type": "Say if the exploitation is sexual, criminal or both."})
        elif self.exploitation_type:
            raise ValidationError({"exploitation_type": "Only MACE cases record a type of exploitation."})
        if self.closed_date and not self.closure_reason.strip():
            raise ValidationError({"closure_reason": "Give the reason the case left the panel."})

    def __str__(self) -> str:
        return f"{self.panel} case from {self.referral_date:%d/%m/%Y}"


class PanelCaseReview(SharedInformation):
    """A case discussed at a meeting, with the risk level the panel set."""

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.PROTECT, related_name="reviews")
    case = models.ForeignKey(PanelCase, on_delete=models.CASCADE, related_name="reviews")
    risk_level = models.CharField(max_length=8, choices=PanelRiskLevel.choices, blank=True)
    summary = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "case"], name="panel_review_once_per_meeting")]

    def clean(self) -> None:
        if self.meeting_id and self.case_id:
            if self.meeting.panel_id != self.case.panel_id:
                raise ValidationError({"meeting": "The case is held by a different panel."})
            if self.meeting.date < self.case.referral_date:
                raise ValidationError({"meeting": "The meeting is before the case was referred."})


class PanelAction(SharedInformation):
    """An action a panel gave an agency for one case."""

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.PROTECT, related_name="actions")
    case = models.ForeignKey(PanelCase, on_delete=models.CASCADE, related_name="actions")
    agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="panel_actions")
    action = models.TextField()
    due_date = models.DateField()
    completed_date = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["due_date"]), models.Index(fields=["agency", "completed_date"])]

    def clean(self) -> None:
        if self.meeting_id and self.case_id and self.meeting.panel_id != self.case.panel_id:
            raise ValidationError({"meeting": "The case is held by a different panel."})
        if self.meeting_id and self.due_date and self.due_date < self.meeting.date:
            raise ValidationError({"due_date": "The action cannot be due before the meeting that set it."})
        if self.meeting_id and self.completed_date and self.completed_date < self.meeting.date:
            raise ValidationError({"completed_date": "The action cannot be completed before the meeting that set it."})
