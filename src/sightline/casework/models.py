"""The child in need journey as the CIN census records it, and early help beside it.

A Referral is one CIN census "CINdetails" episode: it opens on the referral date and closes on
the closure date. Everything else hangs off it, as in the census XML.
"""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from sightline.casework.codes import CategoryOfAbuse, LevelOfNeed, PrimaryNeed, ReasonForClosure, ReferralSource
from sightline.core.models import SharedInformation


def _ends_after_starts(start: str, end: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{end}__isnull": True}) | models.Q(**{f"{end}__gte": models.F(start)}), name=name)


class Referral(SharedInformation):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="referrals")
    referral_date = models.DateField("CIN referral date")
    referral_source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    referral_nfa = models.BooleanField("no further action at referral", default=False)
    closure_date = models.DateField("CIN closure date", null=True, blank=True)
    reason_for_closure = models.CharField(max_length=3, choices=ReasonForClosure.choices, blank=True)
    # From a step-up: the early help episode this referral escalated.
    stepped_up_from = models.ForeignKey("EarlyHelpEpisode", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="step_up_referrals")
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "referral_date"]), models.Index(fields=["referral_date"])]
        constraints = [_ends_after_starts("referral_date", "closure_date", "referral_closes_after_it_opens")]

    def clean(self) -> None:
        if self.closure_date and not self.reason_for_closure:
            raise ValidationError({"reason_for_closure": "Give the reason for closure when the episode is closed."})
        if self.reason_for_closure and not self.closure_date:
            raise ValidationError({"closure_date": "Give the closure date when a reason for closure is recorded."})
        if self.closure_date and self.closure_date < self.referral_date:
            raise ValidationError({"closure_date": "The closure date cannot be before the referral date."})

    def __str__(self) -> str:
        return f"Referral of {self.referral_date:%d/%m/%Y}"


class EarlyHelpEpisode(SharedInformation):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="early_help_episodes")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    level_of_need = models.PositiveSmallIntegerField(choices=LevelOfNeed.choices, default=LevelOfNeed.TARGETED)
    lead_agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    lead_practitioner = models.CharField(max_length=200, blank=True)
    # A step-down: the social care episode this early help followed.
    stepped_down_from = models.ForeignKey(Referral, null=True, blank=True, on_delete=models.SET_NULL,
                                          related_name="step_downs")
    closure_reason = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "start_date"])]
        constraints = [_ends_after_starts("start_date", "end_date", "early_help_ends_after_start")]


class Assessment(SharedInformation):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="assessments")
    start_date = models.DateField("assessment actual start date")
    internal_review_date = models.DateField(null=True, blank=True)
    authorisation_date = models.DateField("assessment authorisation date", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [_ends_after_starts("start_date", "authorisation_date", "assessment_authorised_after_start")]


class AssessmentFactor(models.Model):
    """A factor identified at the end of an assessment (CIN census codes 1A to 24A)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="factors")
    code = models.CharField(max_length=3)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "code"], name="assessment_factor_unique")]


class CINPlan(SharedInformation):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="cin_plans")
    start_date = models.DateField("CIN plan start date")
    end_date = models.DateField("CIN plan end date", null=True, blank=True)

    class Meta:
        verbose_name = "CIN plan"
        constraints = [_ends_after_starts("start_date", "end_date", "cin_plan_ends_after_start")]


class StrategyDiscussion(SharedInformation):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="strategy_discussions")
    date = models.DateField()
    section47_initiated = models.BooleanField(default=True)
    agencies = models.ManyToManyField("organisations.Agency", blank=True, related_name="+")


class Section47(SharedInformation):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="section47s")
    strategy_discussion = models.ForeignKey(StrategyDiscussion, null=True, blank=True, on_delete=models.SET_NULL)
    # CIN census: S47ActualStartDate is the date of the strategy discussion that initiated the enquiry.
    start_date = models.DateField("S47 actual start date")
    icpc_target_date = models.DateField("initial CPC target date", null=True, blank=True)
    icpc_not_required = models.BooleanField("ICPC not required", default=False)
    icpc_date = models.DateField("date of initial CPC", null=True, blank=True)

    class Meta:
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        constraints = [_ends_after_starts("start_date", "icpc_date", "icpc_not_before_s47")]

    def clean(self) -> None:
        if self.icpc_not_required and self.icpc_date:
            raise ValidationError({"icpc_not_required": "An initial conference was held, so it cannot be marked "
                                                        "not required."})


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"
    TRANSFER_IN = "transfer_in", "Transfer-in conference"


class ChildProtectionConference(SharedInformation):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="conferences")
    section47 = models.ForeignKey(Section47, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="conferences")
    plan = models.ForeignKey("ChildProtectionPlan", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="review_conferences")
    kind = models.CharField(max_length=12, choices=ConferenceKind.choices)
    date = models.DateField()
    plan_decided = models.BooleanField("child made or kept subject to a plan", default=False)
    chair = models.ForeignKey("organisations.User", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")

    class Meta:
        indexes = [models.Index(fields=["kind", "date"])]

    def clean(self) -> None:
        if self.date and self.date.weekday() >= 5:
            raise ValidationError({"date": "A conference cannot be on a Saturday or Sunday (CIN rule 8875)."})


class Attendee(models.TextChoices):
    CHILD = "child", "Child"
    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    CARER = "carer", "Other carer"
    AGENCY = "agency", "Agency"


class ConferenceAttendance(models.Model):
    conference = models.ForeignKey(ChildProtectionConference, on_delete=models.CASCADE, related_name="attendance")
    attendee = models.CharField(max_length=8, choices=Attendee.choices)
    agency = models.ForeignKey("organisations.Agency", null=True, blank=True, on_delete=models.PROTECT)
    invited = models.BooleanField(default=True)
    attended = models.BooleanField(default=False)
    report_submitted = models.BooleanField(default=False)

    class Meta:
        constraints = [models.CheckConstraint(
            condition=models.Q(attendee="agency", agency__isnull=False) | (
                ~models.Q(attendee="agency") & models.Q(agency__isnull=True)),
            name="attendance_agency_only_for_agency")]


class ChildProtectionPlan(SharedInformation):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="cp_plans")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cp_plans")
    start_date = models.DateField("CPP start date")
    end_date = models.DateField("CPP end date", null=True, blank=True)
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    number_of_previous_plans = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "child protection plan"
        indexes = [models.Index(fields=["person", "start_date"]), models.Index(fields=["start_date"])]
        constraints = [
            # CIN rule 8840: a plan cannot start and end on the same day.
            models.CheckConstraint(condition=models.Q(end_date__isnull=True) | models.Q(
                end_date__gt=models.F("start_date")), name="cpp_ends_after_start_day"),
        ]

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": "A child protection plan cannot end on or before the day it "
                                               "started (CIN rule 8840)."})
        overlapping = ChildProtectionPlan.objects.filter(person_id=self.person_id).exclude(pk=self.pk).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__gt=self.start_date))
        if self.end_date:
            overlapping = overlapping.filter(start_date__lt=self.end_date)
        if self.person_id and overlapping.exists():
            raise ValidationError({"start_date": "This child already has a child protection plan open on these "
                                                 "dates."})


class CoreGroupMeeting(SharedInformation):
    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.CASCADE, related_name="core_groups")
    date = models.DateField()
