"""Factories for the assurance app."""

import datetime as dt

import factory

from sightline.assurance.models import (
    LADOAllegation,
    MultiAgencyAudit,
    SeriousIncident,
    TrainingCourse,
    TrainingSession,
)
from sightline.organisations.models import AgencyKind
from tests.factories import AgencyFactory, PersonFactory


class TrustFactory(AgencyFactory):
    code = "childrens-trust"
    name = "Children's Trust"
    kind = AgencyKind.CHILDRENS_SERVICES


class SeriousIncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeriousIncident

    person = factory.SubFactory(PersonFactory)
    owning_agency = factory.SubFactory(TrustFactory)
    summary = "Serious injury to a child under one; neglect suspected."
    la_aware_date = dt.date(2024, 3, 4)
    notification_due = dt.date(2024, 3, 11)


class MultiAgencyAuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MultiAgencyAudit

    theme = "neglect"
    title = "Neglect multi-agency audit"
    audit_date = dt.date(2021, 7, 14)


class TrainingCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingCourse
        django_get_or_create = ("title",)

    title = "Graded Care Profile 2"
    topic = "neglect"


class TrainingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(TrainingCourseFactory)
    date = dt.date(2021, 10, 5)
    places = 20


class LADOAllegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LADOAllegation

    owning_agency = factory.SubFactory(TrustFactory)
    person = factory.SubFactory(PersonFactory)
    received_date = dt.date(2024, 3, 4)
    referral_date = dt.date(2024, 3, 5)
    sector = "education"
