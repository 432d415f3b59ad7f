"""Panel and domestic abuse records are seen only by those the access policy allows."""

import datetime as dt

import pytest

from sightline.core.models import Sensitivity
from sightline.organisations.models import Role
from sightline.panels import selectors
from sightline.panels.services import (
    da_incident_record,
    encompass_notification_create,
    encompass_notification_send,
    risk_assessment_complete,
)
from tests.factories import InvolvementFactory, PersonFactory, UserFactory
from tests.panels.factories import DomesticAbuseIncidentFactory, PanelCaseFactory, RiskToolFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def test_police_officer_involved_with_victim_sees_the_incident(police_user):
    incident = DomesticAbuseIncidentFactory(owning_agency=police_user.agency)
    InvolvementFactory(person=incident.victim, agency=police_user.agency)
    assert list(selectors.domestic_abuse_incidents_for_victim(user=police_user, person=incident.victim)) == [incident]


def test_school_not_involved_with_victim_sees_nothing(school_user, police):
    incident = DomesticAbuseIncidentFactory(owning_agency=police)
    assert not selectors.domestic_abuse_incidents_for_victim(user=school_user, person=incident.victim).exists()


def test_analyst_sees_no_individual_incidents(analyst, police):
    incident = DomesticAbuseIncidentFactory(owning_agency=police)
    assert not selectors.domestic_abuse_incidents_for_victim(user=analyst, person=incident.victim).exists()


def test_social_worker_does_not_see_police_restricted_incident(social_worker, police):
    incident = DomesticAbuseIncidentFactory(owning_agency=police, sensitivity=Sensitivity.RESTRICTED)
    assert not selectors.domestic_abuse_incidents_for_victim(user=social_worker, person=incident.victim).exists()


def test_panel_coordinator_sees_open_cases_of_involved_children(childrens_trust):
    coordinator = UserFactory(agency=childrens_trust, role=Role.PANEL_COORDINATOR)
    case = PanelCaseFactory(owning_agency=childrens_trust)
    closed = PanelCaseFactory(owning_agency=childrens_trust, panel=case.panel, closed_date=dt.date(2024, 5, 1),
                              closure_reason="Moved away")
    unknown = PanelCaseFactory(owning_agency=childrens_trust, panel=case.panel)
    for person in (case.person, closed.person):
        InvolvementFactory(person=person, agency=childrens_trust)
    assert list(selectors.panel_cases_open(user=coordinator, panel=case.panel)) == [case]
    assert unknown.pk not in selectors.panel_cases_open(user=coordinator, panel=case.panel).values_list("pk", flat=True)


def test_health_user_cannot_see_risk_assessment_of_child_they_do_not_know(health_user, social_worker, child):
    tool = RiskToolFactory()
    risk_assessment_complete(tool=tool, person=child, answers={"a": "no", "b": "no", "c": "no"},
                             owning_agency=social_worker.agency, assessor=social_worker)
    assert selectors.risk_assessments_for(user=social_worker, person=child).count() == 1
    assert not selectors.risk_assessments_for(user=health_user, person=child).exists()


def test_school_sees_sent_notices_for_its_own_pupils_only(police, school, school_user):
    pupil, elsewhere = PersonFactory(forename="Leo"), PersonFactory(forename="Mia")
    incident = da_incident_record(owning_agency=police, occurred_at=dt.datetime(2024, 3, 6, 21, 30, tzinfo=dt.UTC),
                                  is_crime=False, dash_risk_level="standard", victim=PersonFactory(),
                                  police_reference="SYP-7", children=[pupil, elsewhere])
    InvolvementFactory(person=pupil, agency=school)
    officer = UserFactory(agency=police)
    ours = encompass_notification_create(incident=incident, child=pupil, school=school)
    theirs = encompass_notification_create(incident=incident, child=elsewhere, school=SchoolFactory())
    for notice in (ours, theirs):
        encompass_notification_send(notification=notice, user=officer)
    assert list(selectors.encompass_notifications_for_school(user=school_user)) == [ours]


def test_unsent_notices_are_marked_overdue_after_nine(police, police_user):
    child = PersonFactory()
    InvolvementFactory(person=child, agency=police)
    incident = da_incident_record(owning_agency=police, occurred_at=dt.datetime(2024, 3, 6, 21, 30, tzinfo=dt.UTC),
                                  is_crime=True, dash_risk_level="high", victim=PersonFactory(),
                                  police_reference="SYP-8", children=[child])
    encompass_notification_create(incident=incident, child=child, school=SchoolFactory())
    # Due Thursday 07/03/2024 09:00 GMT: at 08:59 it is not overdue, at 09:01 it is.
    before = selectors.encompass_notifications_unsent(user=police_user,
                                                      as_of=dt.datetime(2024, 3, 7, 8, 59, tzinfo=dt.UTC))
    after = selectors.encompass_notifications_unsent(user=police_user,
                                                     as_of=dt.datetime(2024, 3, 7, 9, 1, tzinfo=dt.UTC))
    assert [n.overdue for n in before] == [False]
    assert [n.overdue for n in after] == [True]
