"""What every record shared between agencies carries: its owner, its sensitivity, its legal basis."""

from django.conf import settings
from django.db import models


class Sensitivity(models.TextChoices):
    # Ordered from widest to narrowest; core.access reads them in this order.
    PARTNERSHIP = "partnership", "Partnership: agencies involved with the child"
    AGENCY = "agency", "Agency: the owning agency and children's social care"
    RESTRICTED = "restricted", "Restricted: the owning agency and named people only"


class LegalBasis(models.TextChoices):
    CA1989_S17 = "ca1989_s17", "Children Act 1989 s17 (child in need)"
    CA1989_S47 = "ca1989_s47", "Children Act 1989 s47 (enquiries into significant harm)"
    CA1989_S20 = "ca1989_s20", "Children Act 1989 s20 / s31 (looked-after children)"
    CA2004_S11 = "ca2004_s11", "Children Act 2004 s11 (duty to safeguard and promote welfare)"
    CA2004_S16 = "ca2004_s16", "Children Act 2004 s16 (safeguarding partners, reviews)"
    PUBLIC_TASK = "public_task", "UK GDPR art 6(1)(e) public task; DPA 2018 Sch 1 para 18 safeguarding"
    CRIME_DISORDER = "crime_disorder", "Crime and Disorder Act 1998 s115"
    CONSENT = "consent", "Consent of the person or parent"
    COURT_ORDER = "court_order", "Order of a court"


class SharedInformation(models.Model):
    """Base of every record that one agency holds and others may see."""

    owning_agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.PARTNERSHIP)
    legal_basis = models.CharField(max_length=24, choices=LegalBasis.choices, default=LegalBasis.PUBLIC_TASK)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        abstract = True
