"""What the decider must see about each child before deciding, as far as their access allows.

A previous referral within 12 months (this would be a re-referral), a step-down to early help in
the last 12 months, an open plan or looked-after episode, repeated domestic abuse notifications,
and MACE or MARAC involvement. Every read goes through core.access.visible_records.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.apps import apps
from django.db.models import Q

from sightline.care.models import LookedAfterEpisode
from sightline.casework.models import ChildProtectionPlan, CINPlan, EarlyHelpEpisode, Referral
from sightline.core import access
from sightline.frontdoor.models import Concern, Contact

TWELVE_MONTHS = timedelta(days=365)
# Two or more domestic abuse notifications in 12 months is "repeated" (SafeLives' repeat window).
REPEATED_DOMESTIC_ABUSE = 2


@dataclass
class ChildHistory:
    person: object
    warnings: list[str] = field(default_factory=list)


def _visible(user, model, person, person_field="person"):
    return access.visible_records(user, model.objects.filter(**{person_field: person}), person_field)


def _domestic_abuse_count(user, person, since: date, contact: Contact) -> int:
    contacts = _visible(user, Contact, person, "people__person").filter(
        concerns__concern=Concern.DOMESTIC_ABUSE, received_at__date__gte=since).exclude(pk=contact.pk)
    count = contacts.distinct().count()
    if apps.is_installed("sightline.panels"):
        incident_model = apps.get_model("panels", "DomesticAbuseIncident")
        incidents = access.visible_records(user, incident_model.objects.filter(
            Q(children=person) | Q(victim=person), occurred_at__date__gte=since), "children")
        count += incidents.distinct().count()
    return count


def _panel_cases(user, person) -> list[str]:
    if not apps.is_installed("sightline.panels"):
        return []
    panel_case = apps.get_model("panels", "PanelCase")
    cases = _visible(user, panel_case, person).filter(panel__kind__in=["mace", "marac"]).select_related("panel")
    return [f"{c.panel.get_kind_display()}: referred {c.referral_date:%d/%m/%Y}"
            + ("" if c.closed_date is None else f", closed {c.closed_date:%d/%m/%Y}") for c in cases]


def child_history(*, user, contact: Contact) -> list[ChildHistory]:
    received_on = contact.received_at.date()
    since = received_on - TWELVE_MONTHS
    histories = []
    for link in contact.people.filter(is_subject=True).select_related("person"):
        person = link.person
        if not access.can_view_person(user, person):
            continue
        h = ChildHistory(person)
        referrals = _visible(user, Referral, person).filter(referral_date__gte=since)
        for r in referrals.exclude(front_door_decisions__contact=contact).order_by("-referral_date")[:3]:
            h.warnings.append(f"Referral on {r.referral_date:%d/%m/%Y}: a new referral would be a re-referral "
                              "within 12 months.")
        for e in _visible(user, EarlyHelpEpisode, person).filter(stepped_down_from__isnull=False,
                                                                  start_date__gte=since):
            h.warnings.append(f"Stepped down to early help on {e.start_date:%d/%m/%Y}.")
        if _visible(user, ChildProtectionPlan, person).filter(end_date__isnull=True).exists():
            h.warnings.append("Subject of an open child protection plan.")
        if _visible(user, CINPlan, person, "referral__person").filter(end_date__isnull=True).exists():
            h.warnings.append("Subject of an open child in need plan.")
        if _visible(user, LookedAfterEpisode, person).filter(end_date__isnull=True).exists():
            h.warnings.append("Looked after now.")
        if (n := _domestic_abuse_count(user, person, since, contact)) >= REPEATED_DOMESTIC_ABUSE:
            h.warnings.append(f"{n} other domestic abuse notifications in the last 12 months.")
        h.warnings.extend(_panel_cases(user, person))
        histories.append(h)
    return histories
