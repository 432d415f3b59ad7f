"""Loading an SSDA903 return into the record, writing it back out, and the round trip between them."""

import datetime as dt

import pytest

from sightline.care.models import CareLeaver, LookedAfterEpisode, LookedAfterReview, MissingEpisode
from sightline.people.models import Person
from sightline.returns.ssda903 import load as load_module
from sightline.returns.ssda903.format import read_paths
from sightline.returns.ssda903.load import record_sync
from sightline.returns.ssda903.write import export_csv
from tests.factories import PersonFactory
from tests.returns.ssda903.helpers import edit, validate_tables
from tests.returns.ssda903.sample import YEAR, clean, write_csvs


def load(tables: dict, folder, agency):
    folder.mkdir(exist_ok=True)
    return record_sync(tables=read_paths(write_csvs(tables, folder)).tables, year=YEAR, agency=agency)


def record_counts() -> tuple[int, ...]:
    return (Person.objects.count(), LookedAfterEpisode.objects.count(), LookedAfterReview.objects.count(),
            MissingEpisode.objects.count(), CareLeaver.objects.count())


def test_return_is_loaded_into_the_record(tmp_path, childrens_trust):
    result = load(clean(), tmp_path / "in", childrens_trust)
    # 5 children; 7 episodes, 4 reviews, 3 missing periods and 1 care leaver row, all in 2025-26.
    assert record_counts() == (5, 7, 4, 3, 1)
    assert (result.people_created, result.inserted) == (5, {"Episodes": 7, "Reviews": 4, "Missing": 3, "OC3": 1})
    home = LookedAfterEpisode.objects.get(person__la_child_id="C1", placement_type="K2")
    assert (home.start_date, home.end_date, home.reason_new_episode, home.legal_status, home.placement_provider,
            home.urn, home.placement_postcode, home.reason_ceased) == (
        dt.date(2025, 9, 1), None, "P", "C2", "PR4", "SC123456", "LS1 3AA", "")
    assert home.owning_agency == childrens_trust and home.legal_basis == "ca1989_s20"
    c3 = Person.objects.get(la_child_id="C3")
    assert (c3.sex, c3.date_of_birth, c3.ethnicity, c3.upn, c3.upn_unknown) == (
        "F", dt.date(2009, 1, 10), "BAFR", "B987654321098", "")
    assert Person.objects.get(la_child_id="C2").upn_unknown == "UN2"
    assert CareLeaver.objects.get().year_ending == dt.date(2026, 3, 31)
    assert home.history.count() == 1


def test_loading_the_same_return_again_changes_nothing(tmp_path, childrens_trust):
    load(clean(), tmp_path / "first", childrens_trust)
    ids = set(LookedAfterEpisode.objects.values_list("id", flat=True))
    again = load(clean(), tmp_path / "second", childrens_trust)
    assert record_counts() == (5, 7, 4, 3, 1)
    assert set(LookedAfterEpisode.objects.values_list("id", flat=True)) == ids
    assert (again.people_created, again.people_updated) == (0, 0)
    assert again.inserted == {"Episodes": 0, "Reviews": 0, "Missing": 0, "OC3": 0}
    assert again.unchanged == {"Episodes": 7, "Reviews": 4, "Missing": 3, "OC3": 1}


def test_a_corrected_return_replaces_only_what_changed(tmp_path, childrens_trust):
    load(clean(), tmp_path / "first", childrens_trust)
    corrected = clean()
    edit("Episodes", "C2", DEC="21/12/2025")(corrected)
    edit("Header", "C4", DOB="21/08/2006")(corrected)
    edit("OC3", "C4", DOB="21/08/2006")(corrected)
    result = load(corrected, tmp_path / "second", childrens_trust)
    assert (result.inserted["Episodes"], result.removed["Episodes"], result.unchanged["Episodes"]) == (1, 1, 6)
    assert result.people_updated == 1
    assert LookedAfterEpisode.objects.get(person__la_child_id="C2").end_date == dt.date(2025, 12, 21)
    assert Person.objects.get(la_child_id="C4").date_of_birth == dt.date(2006, 8, 21)


def test_child_already_in_the_record_is_matched_not_duplicated(tmp_path, childrens_trust):
    PersonFactory(la_child_id="C1", forename="Jo", surname="Bloggs", date_of_birth=dt.date(2012, 6, 16))
    result = load(clean(), tmp_path / "in", childrens_trust)
    jo = Person.objects.get(la_child_id="C1")
    assert (jo.forename, jo.date_of_birth) == ("Jo", dt.date(2012, 6, 15))
    assert (result.people_created, result.people_updated) == (4, 1)


def test_rows_the_record_cannot_hold_are_skipped_and_counted(tmp_path, childrens_trust):
    tables = clean()
    edit("Episodes", "C2", DEC="01/06/2025")(tables)            # ends before it starts (10/06/2025)
    edit("Episodes", "C1", 2, URN="SC1234567890")(tables)       # longer than any URN
    edit("Reviews", "C1", REVIEW="15/07/2024")(tables)           # before 1 April 2025
    tables["Missing"].append({"CHILD": "C9", "MISSING": "M", "MIS_START": "01/05/2025"})  # no such child
    tables["Header"].append({"CHILD": "C" * 40, "SEX": "F", "DOB": "01/01/2015", "ETHNIC": "WBRI"})
    result = load(tables, tmp_path / "in", childrens_trust)
    assert result.skipped == [
        "Header: 1 row not loaded (no CHILD, or one longer than 36 characters)",
        "Episodes: 1 row not loaded (DEC before DECOM)",
        "Episodes: 1 row not loaded (a value too long to be a valid code)",
        "Reviews: 1 row not loaded (outside the collection year 01/04/2025 to 31/03/2026)",
        "Missing: 1 row not loaded (a child not in the Header)",
    ]
    assert record_counts() == (5, 5, 3, 3, 1)


def test_a_failed_load_leaves_the_record_untouched(tmp_path, childrens_trust, monkeypatch):
    def broken_sync(table, *args, **kwargs):
        if table == "Missing":
            raise RuntimeError("disk full")
        return original(table, *args, **kwargs)

    original = load_module._sync
    monkeypatch.setattr(load_module, "_sync", broken_sync)
    with pytest.raises(RuntimeError):
        load(clean(), tmp_path / "in", childrens_trust)
    assert record_counts() == (0, 0, 0, 0, 0)


def test_export_writes_the_dfe_columns_and_dates(tmp_path, childrens_trust):
    load(clean(), tmp_path / "in", childrens_trust)
    files = {p.name: p.read_text() for p in export_csv(year=YEAR, folder=tmp_path / "out")}
    assert sorted(files) == ["episodes.csv", "header.csv", "missing.csv", "oc3.csv", "reviews.csv"]
    assert files["reviews.csv"] == ("CHILD,DOB,REVIEW,REVIEW_CODE\n"
                                    "C1,15/06/2012,15/07/2025,PN1\n"
                                    "C2,02/03/2023,05/09/2025,PN0\n"
                                    "C3,10/01/2009,01/10/2025,PN3\n"
                                    "C5,01/05/2021,10/08/2025,PN3\n")
    assert files["header.csv"].splitlines()[:2] == ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
                                                    "C1,F,15/06/2012,WBRI,A123456789012,,"]
    assert files["episodes.csv"].splitlines()[1] == (
        "C1,01/02/2024,S,C1,N1,U3,PR1,10/05/2025,X1,,DN1 2AB,S1 4HP,")


def test_round_trip_export_validate_reload_export_gives_identical_files(tmp_path, childrens_trust):
    load(clean(), tmp_path / "in", childrens_trust)
    first = export_csv(year=YEAR, folder=tmp_path / "first")
    tables = read_paths(first)
    assert tables.problems == []
    report = validate_tables(tables)
    assert report.errors == 0, report.issues
    for model in (LookedAfterEpisode, LookedAfterReview, MissingEpisode, CareLeaver, Person):
        model.objects.all().delete()
    assert record_counts() == (0, 0, 0, 0, 0)
    record_sync(tables=tables.tables, year=YEAR, agency=childrens_trust)
    second = export_csv(year=YEAR, folder=tmp_path / "second")
    assert [p.name for p in first] == [p.name for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
