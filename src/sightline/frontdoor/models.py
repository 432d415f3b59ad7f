"""Contacts to the front door: what came in, about whom, and from whom."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from sightline.casework.codes import LevelOfNeed
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


class Rating(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


# Hackney's MASH timers (case-systems.md): red 4 h, amber 24 h, green 72 h. A RatingTarget row
# for a rating replaces its default here; see docs/frontdoor.md.
DEFAULT_TARGET_HOURS = {Rating.RED: 4, Rating.AMBER: 24, Rating.GREEN: 72}


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
    # The MASH team that holds the contact, and the manager's rating with the target it sets.
    team = models.ForeignKey("organisations.Team", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="contacts")
    rating = models.CharField(max_length=5, choices=Rating.choices, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    rated_by = models.ForeignKey("organisations.User", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    target_due_at = models.DateTimeField(null=True, blank=True)
    # The end of the statutory one working day (core.clocks "contact_decision"), set on receipt.
    decision_due_at = models.DateTimeField(null=True, blank=True)
    possible_duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                              related_name="possible_duplicates")
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["received_at"]), models.Index(fields=["decided_at", "received_at"]),
                   models.Index(fields=["decided_at", "decision_due_at"])]
        constraints = [models.UniqueConstraint(fields=["source_agency", "sender_reference"],
                                               condition=~models.Q(sender_reference=""),
                                               name="contact_sender_reference_unique")]

    def __str__(self) -> str:
        return f"Contact {self.pk} of {self.received_at:%d/%m/%Y %H:%M}"

    def clean(self) -> None:
        if self.rating and not self.target_due_at:
            raise ValidationError({"rating": "A rated contact needs the target its rating sets."})

    def get_absolute_url(self) -> str:
        return reverse("frontdoor:contact", args=[self.pk])


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


class RatingTarget(models.Model):
    """The partnership's own target for a rating, in hours from the contact being received."""

    rating = models.CharField(max_length=5, choices=Rating.choices, unique=True)
    hours = models.PositiveSmallIntegerField()
    history = HistoricalRecords()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(hours__gte=1), name="rating_target_positive")]

    def __str__(self) -> str:
        return f"{self.get_rating_display()}: {self.hours} hours"


class GivenPerson(models.Model):
    """A person as the referrer described them; a worker links them to a record or creates one.

    Nothing is merged without a worker's confirmation: `person` stays empty until then.
    """

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="given_people")
    is_subject = models.BooleanField("the child the contact is about", default=True)
    forename = models.CharField(max_length=100)
    surname = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    upn = models.CharField("UPN", max_length=13, blank=True)
    police_id = models.CharField("police ID", max_length=40, blank=True)
    school_urn = models.CharField("school URN", max_length=7, blank=True)
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="given_as")
    matched_by = models.ForeignKey("organisations.User", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    matched_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["surname", "date_of_birth"])]

    def __str__(self) -> str:
        return f"{self.forename} {self.surname}"


class AgencyCheck(models.Model):
    """The front door asking one agency what it holds about the people in a contact."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="checks")
    agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="checks_asked")
    question = models.TextField()
    requested_by = models.ForeignKey("organisations.User", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    due_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    chased_at = models.DateTimeField(null=True, blank=True)
    times_chased = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["agency", "answered_at", "due_at"])]
        constraints = [
            models.UniqueConstraint(fields=["contact", "agency"], name="agency_check_once_per_agency"),
            models.CheckConstraint(condition=models.Q(due_at__gt=models.F("requested_at")),
                                   name="agency_check_due_after_request"),
        ]

    def __str__(self) -> str:
        return f"Check with {self.agency} on contact {self.contact_id}"

    def get_absolute_url(self) -> str:
        return reverse("frontdoor:check", args=[self.pk])


class CheckAnswer(SharedInformation):
    """What an agency holds, given in answer to a check: its own information, shared on a legal basis."""

    check_request = models.OneToOneField(AgencyCheck, on_delete=models.CASCADE, related_name="answer")
    # The child the contact is about, so that core.access can decide who sees the answer.
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="check_answers")
    information = models.TextField()
    known_to_agency = models.BooleanField("the agency knows the child or family", default=True)
    history = HistoricalRecords()


class ThresholdDocument(models.Model):
    """A version of the partnership's levels of need document; decisions keep the version they used."""

    partnership = models.CharField(max_length=200)
    version = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    effective_from = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_from"]
        constraints = [models.UniqueConstraint(fields=["partnership", "version"], name="threshold_version_unique")]

    def __str__(self) -> str:
        return f"{self.title}, version {self.version}"


class LevelOfNeedDescriptor(models.Model):
    document = models.ForeignKey(ThresholdDocument, on_delete=models.PROTECT, related_name="descriptors")
    level = models.PositiveSmallIntegerField(choices=LevelOfNeed.choices)
    title = models.CharField(max_length=100)
    description = models.TextField()

    class Meta:
        ordering = ["document", "level"]
        constraints = [models.UniqueConstraint(fields=["document", "level"], name="descriptor_level_unique")]

    def __str__(self) -> str:
        return f"Level {self.level}: {self.title} ({self.document.version})"


class Outcome(models.TextChoices):
    NO_FURTHER_ACTION = "nfa", "No further action"
    INFORMATION_AND_ADVICE = "advice", "Information and advice"
    EARLY_HELP = "early_help", "Early help"
    ASSESSMENT = "assessment", "Social care assessment"
    STRATEGY_DISCUSSION = "strategy", "Strategy discussion and section 47 enquiry"
    EXISTING_CASE = "existing_case", "Pass to the existing open case"


class EarlyHelpProvider(models.TextChoices):
    COUNCIL = "council", "The council's early help service"
    SCHOOL = "school", "A school"
    HEALTH = "health", "Health"
    VOLUNTARY = "voluntary", "The voluntary sector"


# Outcomes that open a social care referral (CIN census), and the levels of need they fit.
REFERRAL_OUTCOMES = frozenset({Outcome.ASSESSMENT, Outcome.STRATEGY_DISCUSSION})


class Decision(models.Model):
    """The front door's decision on a contact: proposed by a worker, signed off by a manager."""

    contact = models.OneToOneField(Contact, on_delete=models.CASCADE, related_name="decision")
    descriptor = models.ForeignKey(LevelOfNeedDescriptor, on_delete=models.PROTECT, related_name="decisions")
    threshold_version = models.CharField(max_length=20)
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    early_help_provider = models.CharField(max_length=10, choices=EarlyHelpProvider.choices, blank=True)
    early_help_agency = models.ForeignKey("organisations.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                          related_name="+")
    rationale = models.TextField()
    proposed_by = models.ForeignKey("organisations.User", on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField()
    signed_off_by = models.ForeignKey("organisations.User", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    signed_off_at = models.DateTimeField(null=True, blank=True)
    # What the decision opened or joined in the record, one per child the contact is about.
    referrals = models.ManyToManyField("casework.Referral", blank=True, related_name="front_door_decisions")
    early_help_episodes = models.ManyToManyField("casework.EarlyHelpEpisode", blank=True,
                                                 related_name="front_door_decisions")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(rationale=""), name="decision_rationale_required"),
            models.CheckConstraint(condition=models.Q(signed_off_at__isnull=True, signed_off_by__isnull=True)
                                   | models.Q(signed_off_at__isnull=False, signed_off_by__isnull=False),
                                   name="decision_sign_off_complete"),
        ]

    def clean(self) -> None:
        errors = {}
        if not self.rationale.strip():
            errors["rationale"] = "Give the reason for this decision and level of need."
        if self.outcome == Outcome.EARLY_HELP and not self.early_help_provider:
            errors["early_help_provider"] = "Choose who will provide early help."
        if self.outcome != Outcome.EARLY_HELP and self.early_help_provider:
            errors["early_help_provider"] = "Only an early help decision has an early help provider."
        if self.early_help_provider and self.early_help_provider != EarlyHelpProvider.COUNCIL \
                and not self.early_help_agency_id:
            errors["early_help_agency"] = "Choose the school, health body or voluntary organisation."
        if errors:
            raise ValidationError(errors)


class ApiToken(models.Model):
    """An agency system's key to the contacts API. Only a SHA-256 digest of the token is kept."""

    agency = models.ForeignKey("organisations.Agency", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"
