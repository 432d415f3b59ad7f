"""Loading a CIN census into the record: bulk, idempotent, replacing with history, atomic; and the round trip."""

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from sightline.casework.models import (
    Assessment,
    AssessmentFactor,
    ChildProtectionConference,
    ChildProtectionPlan,
    CINPlan,
    Referral,
    Section47,
)
from sightline.organisations.models import AgencyKind
from sightline.people.models import Person, PersonDisability
from sightline.returns.cin.export import cin_export
from sightline.returns.formats import ReturnNotLoadable
from sightline.returns.cin.writer import write_cin
from sightline.returns.models import LoadedRecord, ReturnLoad
from sightline.returns.services import return_load
from sightline.returns.validation import validate_file
from tests.factories import AgencyFactory
from tests.returns.cin.baseline import baseline, frames

MODELS = (Person, PersonDisability, Referral, Assessment, AssessmentFactor, CINPlan, Section47, ChildProtectionPlan,
          ChildProtectionConference)


def counts():
    return {m.__name__: m.objects.count() for m in MODELS}


@pytest.fixture
def doncaster(db):
    return AgencyFactory(code="doncaster", name="Doncaster Children's Trust", kind=AgencyKind.CHILDRENS_SERVICES,
                         la_code="371")


@pytest.fixture
def census_file(tmp_path) -> Path:
    path = tmp_path / "cin_2026.xml"
    write_cin(frames(baseline()), path)
    return path


def test_load_makes_the_records_of_the_return(doncaster, census_file):
    load, report = return_load(path=census_file, la_code="371")
    assert report.errors == 0
    # Baseline: 3 children, 11 disabilities, 3 episodes, 2 assessments with 2 factors, 1 CIN plan,
    # 1 enquiry, 1 plan; conferences: 1 initial (on the enquiry) + 1 review = 2.
    assert counts() == {"Person": 3, "PersonDisability": 11, "Referral": 3, "Assessment": 2, "AssessmentFactor": 2,
                        "CINPlan": 1, "Section47": 1, "ChildProtectionPlan": 1, "ChildProtectionConference": 2}
    assert (load.la_code, load.collection_year, load.is_current, load.not_loaded) == ("371", "2025-26", True, [])
    initial = ChildProtectionConference.objects.get(kind="initial")
    assert initial.section47 is not None and initial.plan_decided
    a1 = Person.objects.get(la_child_id="A1")
    assert (a1.upn, a1.sex, a1.ethnicity) == ("B371123456781", "F", "WBRI")
    assert a1.history.count() == 1
    assert LoadedRecord.objects.filter(load=load, model="casework.Referral").count() == 3


def test_loading_the_same_file_twice_changes_nothing(doncaster, census_file):
    first, _ = return_load(path=census_file, la_code="371")
    before = counts()
    referral_pks = set(Referral.objects.values_list("pk", flat=True))
    second, _ = return_load(path=census_file, la_code="371")
    assert second.pk == first.pk
    assert counts() == before
    assert set(Referral.objects.values_list("pk", flat=True)) == referral_pks
    assert ReturnLoad.objects.count() == 1


def test_a_newer_return_replaces_the_older_and_keeps_it_as_history(doncaster, census_file, tmp_path):
    older, _ = return_load(path=census_file, la_code="371")
    kept_pks = set(Referral.objects.filter(person__la_child_id__in=["A1", "B2"]).values_list("pk", flat=True))
    rows = baseline()
    rows["ChildIdentifiers"][1]["UPN"] = None
    rows["ChildIdentifiers"][1]["UPNunknown"] = "UN4"
    rows["CINdetails"] = rows["CINdetails"][:2]  # C3's referral is withdrawn from the return
    newer_file = tmp_path / "cin_2026_resubmitted.xml"
    write_cin(frames(rows), newer_file)
    newer, _ = return_load(path=newer_file, la_code="371")
    older.refresh_from_db()
    assert (older.is_current, older.superseded_by_id, newer.is_current) == (False, newer.pk, True)
    assert older.source and newer.source  # both files are kept
    # A1's and B2's episodes are as before, so they are the same records; C3's is gone.
    assert set(Referral.objects.values_list("pk", flat=True)) == kept_pks
    assert LoadedRecord.objects.filter(load=newer, model="casework.Referral").count() == 2
    b2 = Person.objects.get(la_child_id="B2")
    assert (b2.upn, b2.upn_unknown) == ("", "UN4")
    # B2's history: created by the first load, changed by the second.
    assert [h.upn for h in b2.history.order_by("history_id")] == ["J371987654321", ""]


def test_a_failed_load_leaves_the_record_as_it_was(doncaster, census_file, tmp_path, monkeypatch):
    return_load(path=census_file, la_code="371")
    before = counts()
    rows = baseline()
    rows["CINdetails"][2]["ReferralSource"] = "1A"
    changed = tmp_path / "changed.xml"
    write_cin(frames(rows), changed)

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(ChildProtectionConference.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        return_load(path=changed, la_code="371")
    assert counts() == before
    assert ReturnLoad.objects.filter(is_current=True).get().file_name == "cin_2026.xml"


def test_unreadable_file_loads_nothing(doncaster, census_file):
    census_file.write_text(census_file.read_text()[:2000])
    with pytest.raises(ReturnNotLoadable, match="Nothing was loaded"):
        return_load(path=census_file, la_code="371")
    assert counts()["Person"] == 0


def test_rows_that_cannot_be_loaded_are_left_out_with_their_reason_and_the_rest_load(doncaster, tmp_path):
    rows = baseline()
    rows["ChildProtectionPlans"][0]["CPPendDate"] = rows["ChildProtectionPlans"][0]["CPPstartDate"]
    path = tmp_path / "cin.xml"
    write_cin(frames(rows), path)
    load, _ = return_load(path=path, la_code="371")
    # The plan ends the day it starts, which the record refuses; its review goes with it.
    assert [(r["table"], r["LAchildID"], r["reason"]) for r in load.not_loaded] == [
        ("ChildProtectionPlans", "A1", "it ends on or before the day it starts"),
        ("Reviews", "A1", "its ChildProtectionPlans row was not loaded"),
    ]
    assert ChildProtectionPlan.objects.count() == 0
    assert Referral.objects.count() == 3


def test_unknown_la_code_is_refused(db, census_file):
    with pytest.raises(ReturnNotLoadable, match="DfE LA code 999"):
        return_load(path=census_file, la_code="999")


def test_round_trip_export_validate_import_export_gives_identical_files(doncaster, census_file, tmp_path):
    return_load(path=census_file, la_code="371")
    first = cin_export(la_code="371", year="2025-26", out=tmp_path / "first")
    schema = etree.XMLSchema(etree.parse(str(Path(__file__).parents[3] / "src/sightline/returns/cin/data/"
                                             "CIN_schema_2026.xsd")))
    assert schema.validate(etree.parse(str(first))), schema.error_log
    _, report = validate_file(first, year="2025-26")
    assert report.issues.to_dicts() == [] and report.not_run == {}
    for model in (ChildProtectionConference, ChildProtectionPlan, Referral, PersonDisability, Person):
        model.objects.all().delete()
    LoadedRecord.objects.all().delete()
    ReturnLoad.objects.all().delete()
    return_load(path=first, la_code="371")
    second = cin_export(la_code="371", year="2025-26", out=tmp_path / "second")
    assert second.read_bytes() == first.read_bytes()


def test_a_newer_return_replaces_only_the_episodes_it_changed(doncaster, census_file, tmp_path):
    return_load(path=census_file, la_code="371")
    before = dict(Referral.objects.values_list("person__la_child_id", "pk"))
    rows = baseline()
    rows["Reviews"][0]["CPPreviewDate"] = date(2025, 8, 21)  # a correction deep inside A1's episode
    newer = tmp_path / "newer.xml"
    write_cin(frames(rows), newer)
    return_load(path=newer, la_code="371")
    after = dict(Referral.objects.values_list("person__la_child_id", "pk"))
    assert after["B2"] == before["B2"] and after["C3"] == before["C3"]
    assert after["A1"] != before["A1"]
    assert ChildProtectionConference.objects.get(kind="review").date == date(2025, 8, 21)
    assert counts()["ChildProtectionConference"] == 2


def test_the_same_return_written_differently_changes_no_record(doncaster, census_file, tmp_path):
    first, _ = return_load(path=census_file, la_code="371")
    before = set(Referral.objects.values_list("pk", flat=True))
    # Same content, other bytes: the lines joined and a comment added.
    other = tmp_path / "same_content.xml"
    other.write_text(census_file.read_text().replace("\n", "").replace("<Children>", "<!-- resent --><Children>"))
    second, _ = return_load(path=other, la_code="371")
    assert second.pk != first.pk and second.is_current
    assert set(Referral.objects.values_list("pk", flat=True)) == before
