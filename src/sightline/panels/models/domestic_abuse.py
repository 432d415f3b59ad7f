"""Domestic abuse as the police and the domestic abuse services record it, and Operation Encompass.

An incident is what the police attended; a referral is the victim being passed to a service
(IDVA, the domestic abuse hub, MARAC). DSCP annual report 2020/21, table 6, counts both.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from sightline.core.models import SharedInformation
from sightline.organisations.models import AgencyKind


class DashRiskLevel(models.TextChoices):
    STANDARD = "standard", "Standard"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class DomesticAbuseIncident(SharedInformation):
    """A domestic abuse incident attended by the police (crime or non-crime)."""

    occurred_at = models.DateTimeField()
    is_crime = models.BooleanField(help_text="Recorded as a crime; otherwise a non-crime incident.")
    dash_risk_level = models.CharField("DASH risk level", max_length=8, choices=DashRiskLevel.choices)
    victim = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="domestic_abuse_as_victim")
    alleged_perpetrator = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                                            related_name="domestic_abuse_as_alleged_perpetrator")
    children = models.ManyToManyField("people.Person", through="DomesticAbuseIncidentChild",
                                      related_name="domestic_abuse_incidents_present_at")
    police_reference = models.CharField(max_length=40)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["occurred_at"]), models.Index(fields=["victim", "occurred_at"])]
        constraints = [
            models.CheckConstraint(condition=~Q(alleged_perpetrator=F("victim")),
                                   name="da_incident_perpetrator_is_not_victim"),
            models.UniqueConstraint(fields=["owning_agency", "police_reference"],
                                    name="da_incident_police_reference_unique"),
        ]

    def __str__(self) -> str:
        return f"Domestic abuse incident {self.police_reference}"


class DomesticAbuseIncidentChild(models.Model):
    """A child present at, or living in the household of, an incident."""

    incident = models.ForeignKey(DomesticAbuseIncident, on_delete=models.CASCADE, related_name="child_rows")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    witnessed = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["incident", "child"], name="da_incident_child_once")]


class DomesticAbuseRoute(models.TextChoices):
    IDVA = "idva", "Independent domestic violence adviser (IDVA)"
    HUB = "hub", "Domestic abuse hub"
    MARAC = "marac", "Multi-agency risk assessment conference (MARAC)"
    OTHER = "other", "Other service"


class DomesticAbuseReferral(SharedInformation):
    """A victim referred to a domestic abuse service.

    `is_repeat` is set by services.da_referral_record: there is another referral for the same
    victim (any route) dated on or before this one and no more than 12 calendar months earlier,
    the same day and exactly 12 months earlier included (after SafeLives' "repeat at Marac",
    which counts within 12 months of the last referral). It is stored because the DSCP reports
    repeat victims by route (annual report 2020/21: IDVA 41.82%, hub 19.54%).
    """

    route = models.CharField(max_length=8, choices=DomesticAbuseRoute.choices)
    referral_date = models.DateField()
    victim = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="domestic_abuse_referrals")
    incident = models.ForeignKey(DomesticAbuseIncident, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="referrals")
    is_repeat = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["victim", "referral_date"]), models.Index(fields=["referral_date", "route"])]

    def __str__(self) -> str:
        return f"{self.get_route_display()} referral of {self.referral_date:%d/%m/%Y}"


class OperationEncompassNotification(SharedInformation):
    """Police telling a child's school of a domestic abuse incident before the next school day.

    Victims and Prisoners Act 2024; Home Office statutory guidance on Operation Encompass.
    `due_at` is the clock `operation_encompass` (sightline.core.clocks): 09:00 on the next school day.
    """

    incident = models.ForeignKey(DomesticAbuseIncident, on_delete=models.CASCADE,
                                 related_name="encompass_notifications")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="encompass_notifications")
    school = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="encompass_notifications")
    created_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey("organisations.User", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+")
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["due_at"]), models.Index(fields=["child", "created_at"]),
                   models.Index(fields=["school", "sent_at"])]
        constraints = [
            models.UniqueConstraint(fields=["incident", "child"], name="encompass_one_notice_per_child"),
            models.CheckConstraint(condition=Q(sent_at__isnull=True) | Q(sent_at__gte=F("created_at")),
                                   name="encompass_sent_after_created"),
            models.CheckConstraint(condition=Q(acknowledged_at__isnull=True)
                                   | Q(sent_at__isnull=False, acknowledged_at__gte=F("sent_at")),
                                   name="encompass_acknowledged_after_sent"),
        ]

    def clean(self) -> None:
        if self.school_id and self.school.kind != AgencyKind.SCHOOL:
            raise ValidationError({"school": "Operation Encompass notices go to a school."})
        if self.acknowledged_by_id and self.acknowledged_by.agency_id != self.school_id:
            raise ValidationError({"acknowledged_by": "Only someone at the child's school can acknowledge the notice."})

    def __str__(self) -> str:
        return f"Operation Encompass notice for incident {self.incident.police_reference}"
