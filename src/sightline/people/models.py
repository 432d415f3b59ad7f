"""Children and adults, their identifiers, names, addresses, households and relationships.

Codes follow the CIN census (ethnicity, disability, UPN unknown reasons) so that returns map
onto these fields one to one.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from sightline.people.identifiers import validate_nhs_number, validate_upn
from sightline.people.names import name_key


class Sex(models.TextChoices):
    # CIN census 2025 onwards: Sex M/F/U (replacing GenderCurrent 1/2/0/9).
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    UNKNOWN = "U", "Not known"


class Ethnicity(models.TextChoices):
    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class Disability(models.TextChoices):
    NONE = "NONE", "No disability"
    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism or Asperger syndrome"
    DDA = "DDA", "Other disability (Equality Act 2010)"


class UPNUnknown(models.TextChoices):
    UN1 = "UN1", "Child is now aged 6 or over and has never attended an English school"
    UN2 = "UN2", "Child is now aged under 6 and has never attended an English school"
    UN3 = "UN3", "Child is looked after and UPN not known"
    UN4 = "UN4", "UPN and former UPN not yet obtained"
    UN5 = "UN5", "Sources collating UPNs reflect discrepancy"
    UN6 = "UN6", "Child is aged under 6 and has not yet been issued a UPN"
    UN7 = "UN7", "Child is aged 6 or over and has not been issued a UPN"


class Person(models.Model):
    """A child or an adult known to the partnership; one row however many agencies know them."""

    la_child_id = models.CharField("LA child ID", max_length=36, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True, validators=[validate_nhs_number])
    upn = models.CharField("UPN", max_length=13, blank=True, validators=[validate_upn])
    former_upn = models.CharField("former UPN", max_length=13, blank=True, validators=[validate_upn])
    upn_unknown = models.CharField("UPN unknown reason", max_length=3, blank=True, choices=UPNUnknown.choices)
    police_id = models.CharField("police ID", max_length=40, blank=True)
    forename = models.CharField(max_length=100)
    surname = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    # A sealed record (adoption, witness protection, a staff member's own child) is visible
    # only to the named users in RestrictedAccess.
    restricted = models.BooleanField(default=False)
    # Lower-cased, accent-free "surname forename" for typo-tolerant search.
    search_key = models.CharField(max_length=220, editable=False, db_index=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(fields=["la_child_id"], condition=~models.Q(la_child_id=""),
                                    name="person_la_child_id_unique"),
            models.UniqueConstraint(fields=["nhs_number"], condition=~models.Q(nhs_number=""),
                                    name="person_nhs_number_unique"),
            models.CheckConstraint(
                condition=models.Q(date_of_death__isnull=True) | models.Q(date_of_birth__isnull=True)
                | models.Q(date_of_death__gte=models.F("date_of_birth")),
                name="person_death_not_before_birth",
            ),
        ]
        indexes = [models.Index(fields=["date_of_birth"]), models.Index(fields=["surname", "forename"]),
                   models.Index(fields=["upn"]), models.Index(fields=["police_id"])]

    def __str__(self) -> str:
        return f"{self.forename} {self.surname}"

    def clean(self) -> None:
        today = timezone.localdate()
        errors = {}
        if self.date_of_birth and self.date_of_birth > today:
            errors["date_of_birth"] = "Date of birth must be today or in the past; use expected date of birth " \
                                      "for an unborn child."
        if not self.date_of_birth and not self.expected_date_of_birth:
            errors["date_of_birth"] = "Enter a date of birth, or an expected date of birth for an unborn child."
        if self.date_of_death and self.date_of_death > today:
            errors["date_of_death"] = "Date of death cannot be in the future."
        if self.upn and self.upn_unknown:
            errors["upn_unknown"] = "Give either a UPN or a reason it is unknown, not both."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.search_key = name_key(self.surname, self.forename)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("people:person", args=[self.pk])

    @property
    def display_dob(self):
        return self.date_of_birth or self.expected_date_of_birth


class NameKind(models.TextChoices):
    BIRTH = "birth", "Name at birth"
    PREVIOUS = "previous", "Previous name"
    ALIAS = "alias", "Also known as"


class PersonName(models.Model):
    """Names a person was known by before or besides the current one, with when."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    forename = models.CharField(max_length=100)
    surname = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=NameKind.choices, default=NameKind.PREVIOUS)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    search_key = models.CharField(max_length=220, editable=False, db_index=True, default="")

    def save(self, *args, **kwargs):
        self.search_key = name_key(self.surname, self.forename)
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.forename} {self.surname} ({self.get_kind_display()})"


class PersonDisability(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disabilities")
    code = models.CharField(max_length=4, choices=Disability.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "code"], name="person_disability_unique")]


class Address(models.Model):
    """An address a person lived at, with its statistical geography for area indicators."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    line_1 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    lsoa_code = models.CharField("LSOA code", max_length=9, blank=True)
    ward_code = models.CharField("ward code", max_length=9, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "addresses"
        ordering = ["-start_date"]
        constraints = [models.CheckConstraint(
            condition=models.Q(end_date__isnull=True) | models.Q(start_date__isnull=True)
            | models.Q(end_date__gte=models.F("start_date")),
            name="address_ends_after_start")]

    def __str__(self) -> str:
        return ", ".join(p for p in (self.line_1, self.town, self.postcode) if p)


class Household(models.Model):
    reference = models.CharField(max_length=40, blank=True)
    members = models.ManyToManyField(Person, through="HouseholdMember", related_name="households")

    def __str__(self) -> str:
        return self.reference or f"Household {self.pk}"


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)


class RelationshipKind(models.TextChoices):
    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    CARER = "carer", "Carer"
    SIBLING = "sibling", "Sibling"
    OTHER_ADULT = "other_adult", "Other adult in the home"
    ALLEGED_PERPETRATOR = "alleged_perpetrator", "Alleged perpetrator"


class Relationship(models.Model):
    """`person` is the `kind` of `child`: (Jane, mother, Amy) reads "Jane is Amy's mother"."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_out")
    child = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="relationships_in")
    kind = models.CharField(max_length=24, choices=RelationshipKind.choices)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(person=models.F("child")), name="relationship_not_self"),
            models.UniqueConstraint(fields=["person", "child", "kind"], name="relationship_unique"),
        ]


class Involvement(models.Model):
    """An agency's (or one user's) part in a child's life; it is what lets them see the child."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="involvements")
    agency = models.ForeignKey("organisations.Agency", on_delete=models.CASCADE, related_name="involvements")
    user = models.ForeignKey("organisations.User", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="involvements")
    reason = models.CharField(max_length=200)
    start_date = models.DateField(default=timezone.localdate)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["agency", "person"])]


class RestrictedAccess(models.Model):
    """The named users who may open a sealed (restricted) record."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="restricted_access")
    user = models.ForeignKey("organisations.User", on_delete=models.CASCADE, related_name="restricted_access")
    granted_by = models.ForeignKey("organisations.User", null=True, on_delete=models.SET_NULL, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "restricted access"
        constraints = [models.UniqueConstraint(fields=["person", "user"], name="restricted_access_unique")]
