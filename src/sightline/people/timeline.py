"""A child's timeline across agencies: every event the user may see, oldest first."""

from dataclasses import dataclass
from datetime import date

from sightline.care.models import CareLeaver, LookedAfterEpisode, LookedAfterReview, MissingEpisode
from sightline.casework.models import (Assessment, ChildProtectionConference, ChildProtectionPlan, EarlyHelpEpisode,
                                       Referral, Section47)
from sightline.core import access
from sightline.frontdoor.models import Contact
from sightline.organisations.models import Agency


@dataclass(frozen=True)
class Event:
    date: date
    kind: str
    title: str
    detail: str
    agency: str
    sensitivity: str


def _fmt(d: date | None) -> str:
    return d.strftime("%d %B %Y").lstrip("0") if d else ""


def _until(verb: str, d: date | None) -> str:
    return f"{verb} {_fmt(d)}" if d else "still open"


def _sources(person):
    yield Contact, "people__person", lambda c: (c.received_at.date(), "Contact", "Contact to the front door",
                                                 c.summary[:200])
    yield Referral, "person", lambda r: (r.referral_date, "Referral", "Referral to children's social care",
                                         f"Source: {r.get_referral_source_display()}; {_until('closed', r.closure_date)}")
    yield EarlyHelpEpisode, "person", lambda e: (e.start_date, "Early help", "Early help episode",
                                                 f"{e.get_level_of_need_display()}; {_until('ended', e.end_date)}")
    yield Assessment, "referral__person", lambda a: (a.start_date, "Assessment", "Assessment started",
                                                     _until("authorised", a.authorisation_date))
    yield Section47, "referral__person", lambda s: (s.start_date, "Section 47", "Section 47 enquiry started",
                                                    "Initial conference not required" if s.icpc_not_required else
                                                    f"Initial conference {_fmt(s.icpc_date) or 'not yet held'}")
    yield ChildProtectionConference, "referral__person", lambda c: (c.date, "Conference", c.get_kind_display(),
                                                                    "Plan" if c.plan_decided else "No plan")
    yield ChildProtectionPlan, "person", lambda p: (p.start_date, "Child protection plan", "Child protection plan",
                                                    f"{p.get_initial_category_display()}; {_until('ended', p.end_date)}")
    yield LookedAfterEpisode, "person", lambda e: (e.start_date, "Looked after", "Looked-after episode",
                                                   f"Legal status {e.legal_status}, placement {e.placement_type}; "
                                                   f"{_until('ended', e.end_date)}")
    yield LookedAfterReview, "person", lambda r: (r.date, "Review", "Looked-after review",
                                                  r.get_participation_display())
    yield MissingEpisode, "person", lambda m: (m.start_date, "Missing", f"{m.get_kind_display()} episode",
                                               f"Returned {_fmt(m.end_date)}" if m.end_date else "Not yet returned")
    yield CareLeaver, "person", lambda c: (c.year_ending, "Care leaver", "Care leaver's activity",
                                           c.get_activity_display() or c.get_in_touch_display())


def person_timeline(*, user, person) -> list[Event]:
    if not access.can_view_person(user, person):
        return []
    found = []
    for model, person_field, describe in _sources(person):
        # No join to the agency here: building eleven queries is most of the page's time, and the names of the few
        # agencies that recorded something come in one query below.
        for obj in model.objects.filter(access.sensitivity_filter(user), **{person_field: person}):
            found.append((describe(obj), obj.owning_agency_id, obj.get_sensitivity_display()))
    agencies = {agency for _, agency, _ in found}
    names = dict(Agency.objects.filter(pk__in=agencies).values_list("pk", "name")) if agencies else {}
    events = [Event(when, kind, title, detail, names[agency], sensitivity)
              for (when, kind, title, detail), agency, sensitivity in found]
    events.sort(key=lambda e: e.date)
    return events
