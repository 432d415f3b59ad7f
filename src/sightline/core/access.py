"""Who may see what: the one place that decides. Deny by default.

A user sees a person when all of these hold:
- the user's role works with individual children (analysts, the board and the scrutineer see
  figures, never people);
- the user is in children's social care (which holds the statutory duty for every child in the
  area), or the user's agency, or the user personally, is involved with the child;
- the record is not sealed, or the user is named on it.

A user sees a record about a visible person when its sensitivity allows: "partnership" records
are seen by everyone who sees the person; "agency" records by the owning agency and children's
social care; "restricted" records by the owning agency only.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from sightline.core.models import Sensitivity
from sightline.organisations.models import Role
from sightline.people.models import Involvement, Person, RestrictedAccess

# Roles that work with individual children's records.
CASE_ROLES = frozenset({Role.MASH_WORKER, Role.MASH_MANAGER, Role.SOCIAL_WORKER, Role.CONFERENCE_CHAIR,
                        Role.PANEL_COORDINATOR, Role.AGENCY_CONTRIBUTOR})
# Of those, the roles that act with children's social care's statutory reach over every child.
SOCIAL_CARE_ROLES = frozenset({Role.MASH_WORKER, Role.MASH_MANAGER, Role.SOCIAL_WORKER, Role.CONFERENCE_CHAIR})


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.agency_id)


def has_social_care_reach(user) -> bool:
    return _active(user) and user.role in SOCIAL_CARE_ROLES and user.agency.is_childrens_social_care


def works_with_people(user) -> bool:
    return _active(user) and user.role in CASE_ROLES


def visible_people(user) -> QuerySet[Person]:
    if not works_with_people(user):
        return Person.objects.none()
    named = RestrictedAccess.objects.filter(person=OuterRef("pk"), user=user)
    not_sealed = Q(restricted=False) | Exists(named)
    if has_social_care_reach(user):
        return Person.objects.filter(not_sealed)
    today = timezone.localdate()
    involved = Involvement.objects.filter(person=OuterRef("pk"), agency_id=user.agency_id).filter(
        Q(user__isnull=True) | Q(user=user)).filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
    return Person.objects.filter(not_sealed & Exists(involved))


def can_view_person(user, person: Person) -> bool:
    return person is not None and visible_people(user).filter(pk=person.pk).exists()


def reason_required(user, person: Person) -> bool:
    """A sealed record asks every viewer, named or not, to say why they are opening it."""
    return person.restricted


def sensitivity_filter(user) -> Q:
    """The records whose sensitivity lets `user` read them, once the person is known to be visible."""
    if not works_with_people(user):
        return Q(pk__in=[])
    own = Q(owning_agency_id=user.agency_id)
    if has_social_care_reach(user):
        return ~Q(sensitivity=Sensitivity.RESTRICTED) | own
    return Q(sensitivity=Sensitivity.PARTNERSHIP) | own


def record_filter(user, person_field: str = "person") -> Q:
    """A filter for any SharedInformation queryset: the person is visible and the sensitivity allows."""
    if not works_with_people(user):
        return Q(pk__in=[])
    return sensitivity_filter(user) & Q(**{f"{person_field}__in": visible_people(user).values("pk")})


def visible_records(user, queryset: QuerySet, person_field: str = "person") -> QuerySet:
    return queryset.filter(record_filter(user, person_field))


def can_view_record(user, record, person_field: str = "person") -> bool:
    return visible_records(user, type(record).objects.filter(pk=record.pk), person_field).exists()


def require(user, permission: str, obj=None) -> None:
    if not user.has_perm(permission, obj):
        raise PermissionDenied(f"You do not have permission to {permission.split('.')[-1].replace('_', ' ')}.")


rules.add_perm("people.view_person", rules.predicate(lambda user, person: person is not None
                                                     and can_view_person(user, person)))
rules.add_perm("people.search_people", rules.predicate(works_with_people))
