"""Multi-agency audits, training and allegations against people who work with children (LADO).

DSCP annual report 2020/21: multi-agency audits resumed in July 2021 with a neglect audit of six
cases; training is reported by course, attendance and impact; an external review of the LADO
function looked at recording and management oversight.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from sightline.core.models import SharedInformation


class AuditTheme(models.TextChoices):
    NEGLECT = "neglect", "Neglect"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    EXPLOITATION = "exploitation", "Child exploitation"
    MENTAL_HEALTH = "mental_health", "Emotional health and wellbeing"
    FRONT_DOOR = "front_door", "Front door"
    OTHER = "other", "Other"


class Grading(models.TextChoices):
    # Ofsted's four-point scale, used locally for case audits.
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class MultiAgencyAudit(models.Model):
    theme = models.CharField(max_length=16, choices=AuditTheme.choices)
    title = models.CharField(max_length=200)
    audit_date = models.DateField()
    findings = models.TextField(blank=True)

    class Meta:
        ordering = ["-audit_date"]
        indexes = [models.Index(fields=["audit_date"])]

    def __str__(self) -> str:
        return self.title


class AuditCase(SharedInformation):
    """One child's case in an audit, with the overall grading agreed by the audit group."""

    audit = models.ForeignKey(MultiAgencyAudit, on_delete=models.CASCADE, related_name="cases")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="audit_cases")
    overall_grading = models.CharField(max_length=24, choices=Grading.choices, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "person"], name="audit_case_once_per_audit")]


class AuditAgencyGrading(models.Model):
    audit_case = models.ForeignKey(AuditCase, on_delete=models.CASCADE, related_name="agency_gradings")
    agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    grading = models.CharField(max_length=24, choices=Grading.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit_case", "agency"], name="audit_grading_once_per_agency")]


class TrainingTopic(models.TextChoices):
    NEGLECT = "neglect", "Neglect (including Graded Care Profile 2)"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    EXPLOITATION = "exploitation", "Child exploitation"
    MENTAL_HEALTH = "mental_health", "Emotional health and wellbeing"
    LADO = "lado", "Allegations against people who work with children"
    WORKING_TOGETHER = "working_together", "Working together and thresholds"
    OTHER = "other", "Other"


class TrainingCourse(models.Model):
    title = models.CharField(max_length=200, unique=True)
    topic = models.CharField(max_length=20, choices=TrainingTopic.choices)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class TrainingSession(models.Model):
    course = models.ForeignKey(TrainingCourse, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField()
    places = models.PositiveSmallIntegerField()
    is_virtual = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["date"])]
        constraints = [models.CheckConstraint(condition=Q(places__gte=1), name="training_session_has_places")]

    def __str__(self) -> str:
        return f"{self.course} on {self.date:%d/%m/%Y}"


def _scale(field: str, top: int) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__range": (1, top)}),
                                  name=f"training_attendance_{field}_1_to_{top}")


class TrainingAttendance(models.Model):
    """A booked place: the attendee's agency, whether they came, and their evaluation (1 low to 5 high)."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="attendances")
    agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="training_attendances")
    attended = models.BooleanField(default=False)
    feedback_score = models.PositiveSmallIntegerField(null=True, blank=True)
    confidence_before = models.PositiveSmallIntegerField(null=True, blank=True)
    confidence_after = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["session", "agency"])]
        constraints = [
            _scale("feedback_score", 5), _scale("confidence_before", 5), _scale("confidence_after", 5),
            models.CheckConstraint(condition=Q(attended=True) | Q(feedback_score__isnull=True,
                                                                  confidence_before__isnull=True,
                                                                  confidence_after__isnull=True),
                                   name="training_attendance_evaluated_only_if_attended"),
        ]


class EmploymentSector(models.TextChoices):
    EDUCATION = "education", "Education"
    EARLY_YEARS = "early_years", "Early years and childcare"
    SOCIAL_CARE = "social_care", "Social care (including residential)"
    HEALTH = "health", "Health"
    POLICE = "police", "Police"
    FOSTER_CARE = "foster_care", "Foster care"
    FAITH = "faith", "Faith groups"
    SPORT = "sport", "Sport and leisure"
    VOLUNTARY = "voluntary", "Voluntary sector"
    TRANSPORT = "transport", "Transport"
    OTHER = "other", "Other"


class AllegationOutcome(models.TextChoices):
    # Keeping Children Safe in Education, Part 4 definitions.
    SUBSTANTIATED = "substantiated", "Substantiated"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
    FALSE = "false", "False"
    MALICIOUS = "malicious", "Malicious"
    UNFOUNDED = "unfounded", "Unfounded"


class LADOAllegation(SharedInformation):
    """An allegation about someone who works with children, managed by the designated officer (LADO).

    The clock lado_referral runs from `received_date` (the employer learning of it) to `referral_date`.
    `person` is the child concerned, when known; the adult is not a Person in the record.
    """

    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="lado_allegations")
    received_date = models.DateField()
    referral_date = models.DateField("date referred to the LADO")
    employer = models.ForeignKey("organisations.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="lado_allegations")
    sector = models.CharField(max_length=16, choices=EmploymentSector.choices)
    outcome = models.CharField(max_length=16, choices=AllegationOutcome.choices, blank=True)
    closed_date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "LADO allegation"
        indexes = [models.Index(fields=["referral_date"]), models.Index(fields=["person"])]
        constraints = [
            models.CheckConstraint(condition=Q(referral_date__gte=F("received_date")),
                                   name="lado_referred_after_received"),
            models.CheckConstraint(condition=Q(closed_date__isnull=True) | Q(closed_date__gte=F("referral_date")),
                                   name="lado_closed_after_referral"),
            models.CheckConstraint(condition=Q(closed_date__isnull=True, outcome="")
                                   | (Q(closed_date__isnull=False) & ~Q(outcome="")),
                                   name="lado_outcome_when_closed"),
        ]

    def clean(self) -> None:
        if self.closed_date and not self.outcome:
            raise ValidationError({"outcome": "Give the outcome when the allegation is closed."})
        if self.outcome and not self.closed_date:
            raise ValidationError({"closed_date": "Give the closed date when an outcome is recorded."})
