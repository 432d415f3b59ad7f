"""Factories for the panels app: a police force's incidents, referrals, panels and risk tools."""

import datetime as dt

import factory

from sightline.organisations.models import AgencyKind
from sightline.panels.models import (
    DomesticAbuseIncident,
    DomesticAbuseReferral,
    Panel,
    PanelCase,
    PanelKind,
    PanelMeeting,
    RiskTool,
)
from tests.factories import AgencyFactory, PersonFactory



class PoliceFactory(AgencyFactory):
    code = "police"
    name = "South Yorkshire Police"
    kind = AgencyKind.POLICE


class SchoolFactory(AgencyFactory):
    code = factory.Sequence(lambda n: f"school-{n}")
    name = factory.Sequence(lambda n: f"Primary School {n}")
    kind = AgencyKind.SCHOOL
    urn = factory.Sequence(lambda n: f"{100000 + n}")


class DomesticAbuseIncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DomesticAbuseIncident

    owning_agency = factory.SubFactory(PoliceFactory)
    occurred_at = dt.datetime(2024, 3, 6, 21, 30, tzinfo=dt.UTC)
    is_crime = True
    dash_risk_level = "medium"
    victim = factory.SubFactory(PersonFactory, forename="Sarah", date_of_birth=dt.date(1990, 5, 1))
    police_reference = factory.Sequence(lambda n: f"SYP-{n:08d}")


class DomesticAbuseReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DomesticAbuseReferral

    owning_agency = factory.SubFactory(AgencyFactory, code="da-hub", name="Domestic Abuse Hub",
                                       kind=AgencyKind.LOCAL_AUTHORITY)
    route = "hub"
    referral_date = dt.date(2024, 3, 7)
    victim = factory.SubFactory(PersonFactory, forename="Sarah", date_of_birth=dt.date(1990, 5, 1))


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel
        django_get_or_create = ("name",)

    kind = PanelKind.MACE
    name = "Doncaster MACE"


class PanelMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMeeting

    panel = factory.SubFactory(PanelFactory)
    date = dt.date(2024, 3, 13)


class PanelCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelCase

    panel = factory.SubFactory(PanelFactory)
    person = factory.SubFactory(PersonFactory, date_of_birth=dt.date(2009, 1, 5))
    owning_agency = factory.SubFactory(AgencyFactory, code="childrens-trust", name="Children's Trust",
                                       kind=AgencyKind.CHILDRENS_SERVICES)
    referral_date = dt.date(2024, 3, 1)
    risk_level = "medium"
    exploitation_type = "criminal"


class RiskToolFactory(factory.django.DjangoModelFactory):
    """A small three-question tool: weights 1, 2 and 3; low 0-2, high 3 and over."""

    class Meta:
        model = RiskTool

    code = factory.Sequence(lambda n: f"tool-{n}")
    version = 1
    title = "Test screening tool"
    source = "Made for tests."
    questions = factory.LazyFunction(lambda: [{"id": "a", "text": "First?", "weight": 1},
                                              {"id": "b", "text": "Second?", "weight": 2},
                                              {"id": "c", "text": "Third?", "weight": 3}])
    thresholds = factory.LazyFunction(lambda: [{"level": "low", "min_score": 0}, {"level": "high", "min_score": 3}])
