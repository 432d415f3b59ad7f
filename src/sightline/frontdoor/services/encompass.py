"""Operation Encompass from the front door: a police domestic abuse contact about a child on a school
roll becomes a notice to that school's designated safeguarding lead, due before the next school day.

The incident, the notice, its clock and acknowledgement are sightline.panels' (models and services);
the front door only finds what applies once a worker has confirmed who the child is. "On a school
roll" is an open involvement of a school with the child. The incident is the police force's own
record with the contact's reference; without one no notice is made and the contact page says so.
"""

from django.db.models import Q
from django.utils import timezone

from sightline.frontdoor.models import Concern, Contact
from sightline.organisations.models import AgencyKind
from sightline.panels.models import DomesticAbuseIncident, OperationEncompassNotification
from sightline.panels.services.domestic_abuse import encompass_notification_create, encompass_notification_send
from sightline.people.models import Involvement


def applies(contact: Contact) -> bool:
    return bool(contact.source_agency and contact.source_agency.kind == AgencyKind.POLICE
                and contact.concerns.filter(concern=Concern.DOMESTIC_ABUSE).exists())


def police_incident(contact: Contact) -> DomesticAbuseIncident | None:
    if not contact.sender_reference:
        return None
    return DomesticAbuseIncident.objects.filter(owning_agency=contact.source_agency,
                                                police_reference=contact.sender_reference).first()


def schools_on_roll(person):
    today = timezone.localdate()
    return Involvement.objects.filter(person=person, agency__kind=AgencyKind.SCHOOL).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)).select_related("agency")


def encompass_notify(*, contact: Contact, person) -> OperationEncompassNotification | None:
    """The notice for `person` (just confirmed as a child in `contact`) to their school, or None if none is due.

    One notice per child and incident (panels' constraint): to the school the child joined most recently.
    """
    if not applies(contact):
        return None
    incident = police_incident(contact)
    if incident is None or not incident.child_rows.filter(child=person).exists():
        return None
    involvement = schools_on_roll(person).order_by("-start_date").first()
    if involvement is None:
        return None
    notice = OperationEncompassNotification.objects.filter(incident=incident, child=person).first()
    if notice is None:
        notice = encompass_notification_create(incident=incident, child=person, school=involvement.agency,
                                               recorded_by=contact.recorded_by)
        officer = contact.recorded_by
        if officer is not None and officer.agency_id == incident.owning_agency_id:
            # The officer who told the front door is the force's sender of the notice.
            notice = encompass_notification_send(notification=notice, user=officer)
    return notice
