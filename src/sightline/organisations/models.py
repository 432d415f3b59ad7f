"""The partner agencies, their teams and the people who sign in."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class AgencyKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    CHILDRENS_SERVICES = "childrens_services", "Children's services provider"
    POLICE = "police", "Police"
    HEALTH_COMMISSIONER = "health_commissioner", "Health commissioner"
    HEALTH_PROVIDER = "health_provider", "Health provider"
    SCHOOL = "school", "School"
    PROBATION = "probation", "Probation"
    VOLUNTARY = "voluntary", "Voluntary sector"
    OTHER = "other", "Other"


class Agency(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=24, choices=AgencyKind.choices)
    # Schools are known to the DfE by their URN, health bodies by ODS code, councils by DfE LA code.
    urn = models.CharField("URN", max_length=7, blank=True)
    ods_code = models.CharField("ODS code", max_length=10, blank=True)
    la_code = models.CharField("DfE LA code", max_length=3, blank=True)

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["urn"], condition=~models.Q(urn=""), name="agency_urn_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_childrens_social_care(self) -> bool:
        return self.kind in (AgencyKind.LOCAL_AUTHORITY, AgencyKind.CHILDRENS_SERVICES)


class TeamKind(models.TextChoices):
    MASH = "mash", "Front door (MASH)"
    EARLY_HELP = "early_help", "Early help"
    ASSESSMENT = "assessment", "Assessment"
    CHILD_PROTECTION = "child_protection", "Child protection and children in need"
    CHILDREN_IN_CARE = "children_in_care", "Children in care"
    LEAVING_CARE = "leaving_care", "Leaving care"
    SAFEGUARDING_UNIT = "safeguarding_unit", "Conference chairs and IROs"
    BUSINESS_UNIT = "business_unit", "Partnership business unit"
    OPERATIONAL = "operational", "Operational team"


class Team(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=24, choices=TeamKind.choices, default=TeamKind.OPERATIONAL)

    class Meta:
        ordering = ["agency__name", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="team_unique_in_agency")]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class Role(models.TextChoices):
    MASH_WORKER = "mash_worker", "Front door worker"
    MASH_MANAGER = "mash_manager", "Front door manager"
    SOCIAL_WORKER = "social_worker", "Social worker"
    CONFERENCE_CHAIR = "conference_chair", "Conference chair or IRO"
    PANEL_COORDINATOR = "panel_coordinator", "Panel coordinator"
    AGENCY_CONTRIBUTOR = "agency_contributor", "Agency contributor"
    BUSINESS_UNIT = "business_unit", "Partnership business unit"
    ANALYST = "analyst", "Analyst"
    BOARD_MEMBER = "board_member", "Chief officer or board member"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    ADMINISTRATOR = "administrator", "Administrator"


class User(AbstractUser):
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    role = models.CharField(max_length=24, choices=Role.choices, default=Role.AGENCY_CONTRIBUTOR)
    job_title = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            # Everyone but an administrator acts for an agency; access follows from it.
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False) | models.Q(role="administrator"),
                name="user_agency_required_unless_administrator",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username
