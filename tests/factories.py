"""Factories with realistic defaults for the shared record. Domain tests add their own beside them."""

import datetime as dt

import factory
from django.utils import timezone

from sightline.casework.models import ChildProtectionPlan, Referral
from sightline.organisations.models import Agency, AgencyKind, Role, Team, User
from sightline.people.models import Involvement, Person


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"agency-{n}")
    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = AgencyKind.OTHER


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User{n}")
    agency = factory.SubFactory(AgencyFactory)
    role = Role.AGENCY_CONTRIBUTOR
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    forename = "Amy"
    surname = factory.Sequence(lambda n: f"Smith{n}")
    date_of_birth = dt.date(2014, 2, 3)
    sex = "F"
    la_child_id = factory.Sequence(lambda n: f"DN{n:06d}")


class InvolvementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Involvement

    person = factory.SubFactory(PersonFactory)
    agency = factory.SubFactory(AgencyFactory)
    reason = "Open case"
    start_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    person = factory.SubFactory(PersonFactory)
    owning_agency = factory.SubFactory(AgencyFactory, code="childrens-trust", name="Children's Trust",
                                       kind=AgencyKind.CHILDRENS_SERVICES)
    referral_date = dt.date(2021, 4, 6)
    referral_source = "6"
    primary_need = "N1"


class ChildProtectionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildProtectionPlan

    referral = factory.SubFactory(ReferralFactory)
    person = factory.SelfAttribute("referral.person")
    owning_agency = factory.SelfAttribute("referral.owning_agency")
    start_date = dt.date(2021, 5, 4)
    initial_category = "NEG"
    latest_category = "NEG"
