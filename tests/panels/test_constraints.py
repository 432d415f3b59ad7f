"""The database refuses rows that break the record's invariants, whatever writes them."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from sightline.panels.models import OperationEncompassNotification, PanelCase, RiskTool
from tests.panels.factories import DomesticAbuseIncidentFactory, PanelCaseFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_victim_cannot_be_the_alleged_perpetrator():
    incident = DomesticAbuseIncidentFactory()
    incident.alleged_perpetrator = incident.victim
    _refused(incident.save)


def test_police_reference_is_unique_within_a_force():
    first = DomesticAbuseIncidentFactory(police_reference="SYP-42")
    _refused(lambda: DomesticAbuseIncidentFactory(police_reference="SYP-42", owning_agency=first.owning_agency))


def _notice(**kwargs):
    incident = DomesticAbuseIncidentFactory()
    created = dt.datetime(2024, 3, 6, 22, 0, tzinfo=dt.UTC)
    return OperationEncompassNotification.objects.create(
        owning_agency=incident.owning_agency, incident=incident, child=incident.victim, school=SchoolFactory(),
        created_at=created, due_at=dt.datetime(2024, 3, 7, 9, 0, tzinfo=dt.UTC), **kwargs)


def test_notice_cannot_be_sent_before_it_was_created():
    _refused(lambda: _notice(sent_at=dt.datetime(2024, 3, 6, 21, 0, tzinfo=dt.UTC)))


def test_notice_cannot_be_acknowledged_unsent():
    _refused(lambda: _notice(acknowledged_at=dt.datetime(2024, 3, 7, 8, 0, tzinfo=dt.UTC)))


def test_notice_cannot_be_acknowledged_before_it_was_sent():
    _refused(lambda: _notice(sent_at=dt.datetime(2024, 3, 7, 8, 0, tzinfo=dt.UTC),
                             acknowledged_at=dt.datetime(2024, 3, 7, 7, 59, tzinfo=dt.UTC)))


def test_panel_case_cannot_close_before_referral():
    _refused(lambda: PanelCaseFactory(referral_date=dt.date(2024, 3, 1), closed_date=dt.date(2024, 2, 29)))


def test_two_open_cases_for_one_person_on_one_panel_are_refused():
    case = PanelCaseFactory()
    _refused(lambda: PanelCase.objects.create(panel=case.panel, person=case.person, owning_agency=case.owning_agency,
                                              referral_date=dt.date(2024, 4, 1)))


def test_only_one_current_version_of_a_tool():
    _refused(lambda: RiskTool.objects.create(code="dash_ric", version=2, title="DASH", source="-",
                                             questions=[], thresholds=[], is_current=True))
