"""What partner agencies send about children outside casework: A&E and mental health from health
providers, attendance and exclusions from schools. DSCP annual report 2020/21: the weekly Social
and Emotional Mental Health group reviews children seen at A&E for self-harm; table 7 reports
mental health inpatient admissions per 100,000 children; the partnership tracks attendance of
vulnerable children weekly.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from sightline.core.models import SharedInformation
from sightline.organisations.models import AgencyKind


class PresentationKind(models.TextChoices):
    AE_SELF_HARM = "ae_self_harm", "A&E attendance for self-harm"
    AE_MENTAL_HEALTH = "ae_mental_health", "A&E attendance for another mental health crisis"
    MENTAL_HEALTH_ADMISSION = "mh_admission", "Inpatient admission for a mental health disorder"


class HealthPresentation(SharedInformation):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="health_presentations")
    provider = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=PresentationKind.choices)
    presented_on = models.DateField()
    discharged_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["presented_on", "kind"]), models.Index(fields=["person", "presented_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(discharged_on__isnull=True) | Q(discharged_on__gte=F("presented_on")),
                                   name="health_presentation_discharged_after_presenting"),
        ]


class Term(models.TextChoices):
    AUTUMN = "autumn", "Autumn"
    SPRING = "spring", "Spring"
    SUMMER = "summer", "Summer"
    YEAR = "year", "Whole academic year"


def _at_a_school(school) -> None:
    if school is not None and school.kind != AgencyKind.SCHOOL:
        raise ValidationError({"school": "Choose a school."})


class SchoolAttendance(SharedInformation):
    """Sessions (half-days) possible and missed for one child at one school in a term or year.

    `academic_year` is the year the academic year starts (2020 is 2020/21). A pupil is persistently
    absent who misses 10% or more of possible sessions (DfE definition since 2015/16); the flag is
    computed by the database so that it cannot disagree with the counts.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="school_attendance")
    school = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    academic_year = models.PositiveSmallIntegerField()
    term = models.CharField(max_length=8, choices=Term.choices)
    sessions_possible = models.PositiveIntegerField()
    sessions_missed = models.PositiveIntegerField()
    persistent_absence = models.GeneratedField(
        expression=models.ExpressionWrapper(
            Q(sessions_possible__gt=0, sessions_possible__lte=F("sessions_missed") * 10),
            output_field=models.BooleanField()),
        output_field=models.BooleanField(), db_persist=True)

    class Meta:
        indexes = [models.Index(fields=["academic_year", "term"]), models.Index(fields=["person", "academic_year"])]
        constraints = [
            models.CheckConstraint(condition=Q(sessions_missed__lte=F("sessions_possible")),
                                   name="school_attendance_missed_within_possible"),
            models.UniqueConstraint(fields=["person", "school", "academic_year", "term"],
                                    name="school_attendance_once_per_term"),
        ]

    def clean(self) -> None:
        _at_a_school(self.school if self.school_id else None)


class ExclusionKind(models.TextChoices):
    SUSPENSION = "suspension", "Suspension (fixed period)"
    PERMANENT = "permanent", "Permanent exclusion"


class SchoolExclusion(SharedInformation):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="school_exclusions")
    school = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=12, choices=ExclusionKind.choices)
    start_date = models.DateField()
    sessions = models.PositiveSmallIntegerField(null=True, blank=True,
                                                help_text="Sessions (half-days) of a suspension.")

    class Meta:
        indexes = [models.Index(fields=["start_date"]), models.Index(fields=["person", "start_date"])]
        constraints = [
            models.CheckConstraint(condition=Q(kind="permanent", sessions__isnull=True)
                                   | Q(kind="suspension", sessions__isnull=False, sessions__gte=1),
                                   name="school_exclusion_suspension_has_sessions"),
        ]

    def clean(self) -> None:
        _at_a_school(self.school if self.school_id else None)
