"""SSDA903 through the returns app: a zip of CSVs is one return, loaded and exported by LA and year."""

import zipfile

import pytest

from sightline.care.models import CareLeaver, LookedAfterEpisode, LookedAfterReview, MissingEpisode
from sightline.people.models import Person
from sightline.returns import services
from sightline.returns.formats import ReturnNotLoadable, detect
from sightline.returns.models import LoadedRecord, ReturnLoad
from sightline.returns.ssda903 import read_csv
from sightline.returns.ssda903.format import read
from sightline.returns.ssda903.write import ssda903_export
from tests.returns.ssda903.helpers import edit
from tests.returns.ssda903.sample import YEAR, clean, write_csvs


def zipped(tables: dict, folder, name="return.zip"):
    folder.mkdir(exist_ok=True)
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        for csv in write_csvs(tables, folder):
            archive.write(csv, csv.name)
    return path


@pytest.fixture
def doncaster(childrens_trust):
    childrens_trust.la_code = "371"
    childrens_trust.save()
    return childrens_trust


def test_zip_of_csvs_is_detected_and_read_as_one_return(tmp_path):
    path = zipped(clean(), tmp_path / "in")
    assert detect(path).name == "ssda903"
    rf = read(path)
    assert sorted(rf.tables) == ["AD1", "Episodes", "Header", "Missing", "OC2", "OC3", "PlacedAdoption", "PrevPerm",
                                 "Reviews", "UASC", "_invalid_dates"]
    assert rf.tables["Episodes"].height == 7 and rf.unreadable == ""


def test_zip_that_unpacks_too_far_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(read_csv, "MAX_FILE_BYTES", 100)
    rf = read(zipped(clean(), tmp_path / "in"))
    assert rf.unreadable == "return.zip unpacks to more than 0 MB; it was not read."
    assert rf.tables == {}


def test_load_records_the_load_and_what_it_made(tmp_path, doncaster):
    path = zipped(clean(), tmp_path / "in")
    load, report = services.return_load(path=path, la_code="371", year=YEAR)
    assert report.errors == 0
    assert (load.format, load.collection_year, load.is_current, load.owning_agency) == ("ssda903", YEAR, True,
                                                                                          doncaster)
    assert load.loaded_counts == {"Episodes": 7, "Reviews": 4, "Missing": 3, "OC3": 1}
    # 5 people, 7 episodes, 4 reviews, 3 missing periods and 1 care leaver row were made.
    assert LoadedRecord.objects.filter(load=load).count() == 20
    again, _ = services.return_load(path=path, la_code="371", year=YEAR)
    assert again == load and ReturnLoad.objects.count() == 1


def test_corrected_return_supersedes_the_current_load(tmp_path, doncaster):
    first, _ = services.return_load(path=zipped(clean(), tmp_path / "first"), la_code="371", year=YEAR)
    corrected = clean()
    edit("Episodes", "C2", DEC="21/12/2025")(corrected)
    second, _ = services.return_load(path=zipped(corrected, tmp_path / "second"), la_code="371", year=YEAR)
    first.refresh_from_db()
    assert (first.is_current, first.superseded_by, second.is_current) == (False, second, True)
    assert LookedAfterEpisode.objects.count() == 7


def test_unreadable_return_is_not_loaded(tmp_path, doncaster):
    path = tmp_path / "return.zip"
    path.write_bytes(b"PK\x03\x04 not really a zip .csv")
    with pytest.raises(ReturnNotLoadable, match="return.zip is not a zip file. Nothing was loaded."):
        services.return_load(path=path, la_code="371", year=YEAR)


def test_export_reload_export_gives_the_same_zip(tmp_path, doncaster):
    services.return_load(path=zipped(clean(), tmp_path / "in"), la_code="371", year=YEAR)
    first = ssda903_export(la_code="371", year=YEAR, out=tmp_path / "first")
    assert first.name == "SSDA903_371_2025-26.zip"
    for model in (LookedAfterEpisode, LookedAfterReview, MissingEpisode, CareLeaver, LoadedRecord, ReturnLoad,
                  Person):
        model.objects.all().delete()
    _, report = services.return_load(path=first, la_code="371", year=YEAR)
    assert report.errors == 0
    second = ssda903_export(la_code="371", year=YEAR, out=tmp_path / "second")
    assert first.read_bytes() == second.read_bytes()
