"""Reads of people and their timelines, always through the access policy."""

from dataclasses import dataclass
from datetime import date, datetime
from difflib import SequenceMatcher

from django.db.models import Q, QuerySet

from sightline.core import access
from sightline.people.identifiers import nhs_number_is_valid
from sightline.people.models import Person, PersonName
from sightline.people.names import canonical_forename, fold

MAX_CANDIDATES = 5000
DATE_PATTERNS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y")


def _parse_date(token: str) -> date | None:
    for pattern in DATE_PATTERNS:
        try:
            return datetime.strptime(token, pattern).date()
        except ValueError:
            continue
    return None


@dataclass
class SearchResult:
    person: Person
    score: float
    matched_on: str


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def person_search(*, user, query: str, limit: int = 25) -> list[SearchResult]:
    """People matching any identifier exactly, or a name (typos, nicknames, previous names) and date of birth."""
    people = access.visible_people(user)
    tokens = query.split()
    if not tokens:
        return []
    compact = query.replace(" ", "").upper()
    if len(compact) == 10 and compact.isdigit() and nhs_number_is_valid(compact):
        return [SearchResult(p, 1.0, "NHS number") for p in people.filter(nhs_number=compact)[:limit]]
    identifier_hits = people.filter(Q(upn__iexact=compact) | Q(former_upn__iexact=compact)
                                    | Q(la_child_id__iexact=query.strip()) | Q(police_id__iexact=query.strip()))
    exact = [SearchResult(p, 1.0, "identifier") for p in identifier_hits[:limit]]
    if exact:
        return exact

    dates = [d for d in (_parse_date(t) for t in tokens) if d]
    words = [fold(t) for t in tokens if not _parse_date(t)]
    words = [w for w in words if w]
    candidates: QuerySet[Person] = people
    if dates:
        candidates = candidates.filter(Q(date_of_birth__in=dates) | Q(expected_date_of_birth__in=dates))
    if words:
        name_filter = Q()
        for word in words:
            # A two-letter stem keeps the candidate list small yet forgives a typo later in the name.
            name_filter |= Q(search_key__startswith=word[:2]) | Q(search_key__contains=f" {word[:2]}")
            alias_people = PersonName.objects.filter(Q(search_key__startswith=word[:2])).values("person_id")
            name_filter |= Q(pk__in=alias_people)
        candidates = candidates.filter(name_filter)
    elif not dates:
        return []

    wanted = " ".join(sorted(canonical_forename(w) for w in words))
    results = []
    for person in candidates.prefetch_related("names")[:MAX_CANDIDATES]:
        keys = [person.search_key] + [n.search_key for n in person.names.all()]
        if words:
            best = max(_similarity(wanted, " ".join(sorted(k.split()))) for k in keys)
            if best < 0.6:
                continue
        else:
            best = 1.0
        results.append(SearchResult(person, best, "name" + (" and date of birth" if dates else "")))
    results.sort(key=lambda r: (-r.score, r.person.surname, r.person.forename))
    return results[:limit]


def person_get(*, user, person_id: int) -> Person | None:
    return access.visible_people(user).filter(pk=person_id).first()
