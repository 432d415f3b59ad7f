"""Loading a generated partnership into the record, in bulk, once."""

import polars as pl
import pytest

from sightline.agencyfeeds.models import SchoolAttendance
from sightline.care.models import LookedAfterEpisode
from sightline.casework.models import ChildProtectionConference, ChildProtectionPlan, Referral
from sightline.frontdoor.models import Contact
from sightline.organisations.models import Agency, User
from sightline.people.models import Person
from sightline.synth.load import partnership_load


@pytest.fixture
def loaded(db, small):
    return partnership_load(small, la_code=371)


def test_every_generated_row_is_in_the_record(loaded, small):
    assert Person.objects.count() == small["people_person"].height
    assert Referral.objects.count() == small["casework_referral"].height
    assert ChildProtectionPlan.objects.count() == small["casework_childprotectionplan"].height
    assert LookedAfterEpisode.objects.count() == small["care_lookedafterepisode"].height
    assert Contact.objects.count() == small["frontdoor_contact"].height
    assert loaded["casework_referral"] == small["casework_referral"].height
    attendance = small["agencyfeeds_schoolattendance"]
    absent = attendance.filter(pl.col("sessions_missed") * 10 >= pl.col("sessions_possible")).height
    # The database computes persistent absence itself (10% or more of sessions missed).
    assert SchoolAttendance.objects.filter(persistent_absence=True).count() == absent


def test_loading_again_changes_nothing(loaded, small):
    assert partnership_load(small, la_code=371) == {}
    assert Person.objects.count() == small["people_person"].height


def test_loaded_rows_keep_their_links(loaded, small):
    plans = small["casework_childprotectionplan"]
    first = plans.row(0, named=True)
    people = small["people_person"]
    person = people.filter(pl.col("id") == first["person_id"]).row(0, named=True)
    plan = ChildProtectionPlan.objects.select_related("person", "referral").get(
        person__la_child_id=person["la_child_id"], start_date=first["start_date"])
    assert plan.referral.person_id == plan.person_id
    assert ChildProtectionConference.objects.filter(plan=plan, kind="initial", plan_decided=True).exists()
    assert plan.owning_agency.code == "doncaster-council"


def test_named_partners_are_the_demo_agencies_and_staff_cannot_sign_in(loaded):
    assert Agency.objects.filter(code="south-yorkshire-police").count() == 1
    staff = User.objects.filter(username__startswith="syn371.")
    assert staff.exists()
    assert not any(u.has_usable_password() for u in staff[:5])


def test_ids_follow_on_from_rows_already_there(db, small, child):
    partnership_load(small, la_code=371)
    assert Person.objects.count() == small["people_person"].height + 1
    assert Person.objects.filter(pk=child.pk, forename=child.forename).exists()


def test_every_contact_has_a_signed_off_decision_and_early_help_names_its_provider(loaded, small):
    from sightline.frontdoor.models import Decision

    assert Decision.objects.count() == small["frontdoor_contact"].height
    assert not Decision.objects.filter(signed_off_at__isnull=True).exists()
    early_help = Decision.objects.filter(outcome="early_help")
    assert early_help.exists()
    assert not early_help.filter(early_help_provider="").exists()
    opened = Decision.objects.filter(outcome__in=["assessment", "strategy"]).first()
    assert opened.referrals.count() == 1


def test_synth_into_the_record_writes_the_statutory_returns_from_it(db, tmp_path):
    from typer.testing import CliRunner

    from sightline.cli import app

    result = CliRunner().invoke(app, ["synth", "--scale", "0.01", "--start", "2019-04-01", "--end", "2020-06-30",
                                      "--into-db", "--returns", str(tmp_path)])
    assert result.exit_code == 0, result.output
    census = tmp_path / "CIN_census_371_2019-20.xml"
    assert census.exists() and b"<CINreferralDate>" in census.read_bytes()
    assert (tmp_path / "SSDA903_371_2019-20.zip").exists()
