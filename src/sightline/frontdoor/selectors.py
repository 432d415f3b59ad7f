"""Every read at the front door, filtered by the policy in sightline.frontdoor.rules and core.access."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Least
from django.utils import timezone

from sightline.core import access
from sightline.core.models import Sensitivity
from sightline.frontdoor import rules as policy
from sightline.frontdoor.models import (AgencyCheck, CheckAnswer, Contact, ContactPerson, GivenPerson,
                                        LevelOfNeedDescriptor, ThresholdDocument)
from sightline.people.models import Person, RestrictedAccess
from sightline.people.selectors import person_search


def _visible_contacts(user) -> QuerySet[Contact]:
    if not policy.works_front_door(user):
        return Contact.objects.none()
    # A contact naming a sealed person the user is not named on stays out of the user's lists.
    # NOT EXISTS per contact: after the other filters (the queue's few open contacts) it is a few index
    # lookups, where NOT IN over every sealed person's contacts would scan the people table.
    named = RestrictedAccess.objects.filter(user=user).values("person_id")
    sealed = ContactPerson.objects.filter(contact=OuterRef("pk"), person__restricted=True).exclude(person_id__in=named)
    return Contact.objects.filter(~Exists(sealed))


def contact_queue(*, user, team_id: int | None = None, rating: str = "") -> QuerySet[Contact]:
    """Undecided contacts, most urgent first: the earlier of the rating's target and the one working day."""
    qs = _visible_contacts(user).filter(decided_at__isnull=True)
    if team_id:
        qs = qs.filter(team_id=team_id)
    if rating == "unrated":
        qs = qs.filter(rating="")
    elif rating:
        qs = qs.filter(rating=rating)
    due = Least(Coalesce("target_due_at", "decision_due_at"), F("decision_due_at"))
    # Only what a queue row shows: the subjects as given and the concerns, fetched into plain lists.
    subjects = GivenPerson.objects.filter(is_subject=True).only("contact_id", "forename", "surname", "date_of_birth")
    return qs.annotate(due_at=due).select_related("source_agency", "team").prefetch_related(
        Prefetch("given_people", queryset=subjects, to_attr="subjects"),
        Prefetch("concerns", to_attr="concern_list")).order_by("due_at", "received_at")


def contact_get(*, user, contact_id: int) -> Contact | None:
    contact = _visible_contacts(user).filter(pk=contact_id).select_related("source_agency", "team").first()
    return contact if policy.may_view_contact(user, contact) else None


def contact_submitted_get(*, user, contact_id: int) -> Contact | None:
    """The acknowledgement a sender sees of their own contact: only its reference and clock."""
    return Contact.objects.filter(pk=contact_id, recorded_by=user).first() if user.is_authenticated else None


def checks_for_user(*, user, answered: bool = False) -> QuerySet[AgencyCheck]:
    """An agency user's checks (their own agency only); the front door sees all it asked."""
    if policy.works_front_door(user):
        qs = AgencyCheck.objects.filter(contact__in=_visible_contacts(user))
    elif access.works_with_people(user):
        qs = AgencyCheck.objects.filter(agency_id=user.agency_id)
    else:
        return AgencyCheck.objects.none()
    return qs.filter(answered_at__isnull=not answered).select_related("agency", "contact").order_by("due_at")


def check_get(*, user, check_id: int) -> AgencyCheck | None:
    check = AgencyCheck.objects.filter(pk=check_id).select_related("agency", "contact").first()
    return check if policy.may_view_check(user, check) else None


def check_answers_for_contact(*, user, contact: Contact) -> QuerySet[CheckAnswer]:
    """Answers the user may read: the subject is visible and the answer's sensitivity allows."""
    answers = CheckAnswer.objects.filter(check_request__contact=contact).select_related("owning_agency",
                                                                                       "check_request")
    allowed = access.record_filter(user)
    if policy.works_front_door(user):
        # An answer about nobody yet matched is still the front door's to read.
        allowed |= Q(person__isnull=True) & ~Q(sensitivity=Sensitivity.RESTRICTED)
    return answers.filter(allowed)


def match_suggestions(*, user, given) -> list[tuple[Person, str]]:
    """People in the record who may be the person named: the worker decides, nothing is merged."""
    visible = access.visible_people(user)
    found: dict[int, tuple[Person, list[str]]] = {}

    def add(people, reason):
        for person in people:
            found.setdefault(person.pk, (person, []))[1].append(reason)

    identifiers = Q(pk__in=[])
    for field in ("nhs_number", "upn", "police_id"):
        if value := getattr(given, field):
            identifiers |= Q(**{field: value})
    add(visible.filter(identifiers)[:10], "same identifier")
    query = f"{given.forename} {given.surname}"
    if given.date_of_birth:
        query += f" {given.date_of_birth:%d/%m/%Y}"
    add((r.person for r in person_search(user=user, query=query, limit=10)),
        "name and date of birth" if given.date_of_birth else "name")
    if given.postcode:
        add(visible.filter(addresses__postcode__iexact=given.postcode.strip(),
                           surname__iexact=given.surname).distinct()[:10], "same surname at the postcode")
    return [(person, ", ".join(reasons)) for person, reasons in found.values()]


def current_descriptors() -> QuerySet[LevelOfNeedDescriptor]:
    """The levels of need of the threshold document in force today."""
    document = ThresholdDocument.objects.filter(effective_from__lte=timezone.localdate()).first()
    return LevelOfNeedDescriptor.objects.filter(document=document).select_related("document")


@dataclass(frozen=True)
class TimeLeft:
    due_at: datetime
    hours: float

    @property
    def overdue(self) -> bool:
        return self.hours < 0

    def __str__(self) -> str:
        minutes = int(abs(self.hours) * 60)
        days, hours = divmod(minutes // 60, 24)
        text = (f"{days} d " if days else "") + f"{hours} h {minutes % 60:02d} min"
        return f"{text} overdue" if self.overdue else f"{text} left"


def time_left(due_at: datetime, now: datetime | None = None) -> TimeLeft:
    return TimeLeft(due_at, ((due_at - (now or timezone.now())).total_seconds()) / 3600)


RATING_TAG_COLOURS = {"red": "red", "amber": "orange", "green": "green"}


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue, worked out once in Python, its link and times as text: the queue page renders 50
    of them every 30 s, and the template's url tag and date filter cost more than formatting here."""

    pk: int
    href: str
    received: str
    children: list[str]
    concerns: str
    source: str
    rating: str
    rating_label: str
    rating_colour: str
    left: TimeLeft
    due: str
    possible_duplicate: bool

    @classmethod
    def of(cls, contact: Contact, now: datetime, href: str) -> "QueueRow":
        """`contact` comes from contact_queue (its subjects and concerns prefetched); `href` is its page."""
        children = [f"{g.forename} {g.surname}" + (f" ({g.date_of_birth:%d/%m/%Y})" if g.date_of_birth else "")
                    for g in contact.subjects]
        received, due = timezone.localtime(contact.received_at), timezone.localtime(contact.due_at)
        return cls(pk=contact.pk, href=href, received=f"{received.day} {received:%b %H:%M}", children=children,
                   concerns=", ".join(c.get_concern_display() for c in contact.concern_list),
                   source=str(contact.source_agency or "Unknown"), rating=contact.rating,
                   rating_label=contact.get_rating_display() if contact.rating else "Not rated",
                   rating_colour=RATING_TAG_COLOURS.get(contact.rating, "grey"), left=time_left(contact.due_at, now),
                   due=f"{due:%a} {due.day} {due:%b %H:%M}",
                   possible_duplicate=contact.possible_duplicate_of_id is not None)
