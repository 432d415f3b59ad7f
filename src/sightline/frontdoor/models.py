"""Contacts to the front door: what came in, about whom, and from whom."""

from django.db import models
from simple_history.models import HistoricalRecords

from sightline.core.models import SharedInformation


class Concern(models.TextChoices):
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    NEGLECT = "neglect", "Neglect"
    PHYSICAL_ABUSE = "physical_abuse", "Physical abuse"
    SEXUAL_ABUSE = "sexual_abuse", "Sexual abuse"
    EMOTIONAL_ABUSE = "emotional_abuse", "Emotional abuse"
    CRIMINAL_EXPLOITATION = "criminal_exploitation", "Criminal exploitation"
    SEXUAL_EXPLOITATION = "sexual_exploitation", "Sexual exploitation"
    MENTAL_HEALTH = "mental_health", "Mental health"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse"
    MISSING = "missing", "Missing from home or care"
    OTHER = "other", "Other"


class Contact(SharedInformation):
    """A request for help or a concern about a child, from any source, before any decision."""

    received_at = models.DateTimeField()
    source_agency = models.ForeignKey("organisations.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="contacts_made")
    referral_source = models.CharField("CIN referral source code", max_length=2, blank=True)
    referrer_name = models.CharField(max_length=200, blank=True)
    sender_reference = models.CharField(max_length=100, blank=True)
    summary = models.TextField()
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["received_at"]), models.Index(fields=["decided_at", "received_at"])]
        constraints = [models.UniqueConstraint(fields=["source_agency", "sender_reference"],
                                               condition=~models.Q(sender_reference=""),
                                               name="contact_sender_reference_unique")]

    def __str__(self) -> str:
        return f"Contact {self.pk} of {self.received_at:%d/%m/%Y %H:%M}"


class ContactPerson(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="contacts")
    is_subject = models.BooleanField("the child the contact is about", default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contact", "person"], name="contact_person_unique")]


class ContactConcern(models.Model):
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="concerns")
    concern = models.CharField(max_length=24, choices=Concern.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contact", "concern"], name="contact_concern_unique")]
