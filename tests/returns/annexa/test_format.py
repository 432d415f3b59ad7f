"""Annex A through the returns app: detected, read with its problems reported, and exported by year."""

import datetime as dt

from openpyxl import Workbook, load_workbook

from sightline.returns.annexa.format import export
from sightline.returns.formats import detect
from sightline.returns.validation import validate_file
from tests.factories import PersonFactory


def test_workbook_is_detected_and_its_problems_reported(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "List 1"
    sheet.append(["Child Unique ID", "Gender", "Date of Birth", "Date of Contact"])
    sheet.append(["C1", "b) Female", "15/06/2012", "tomorrow"])
    path = tmp_path / "annex_a.xlsx"
    book.save(path)
    assert detect(path).name == "annexa"
    read, report = validate_file(path, year="2025-26")
    assert read.tables["List 1"].select("LAchildID", "Date of Birth").rows() == [("C1", dt.date(2012, 6, 15))]
    assert report.issues.filter(report.issues["rule"] == "read")["message"].to_list() == [
        "annex_a.xlsx, sheet List 1: there is no column 'Ethnicity'; it is left blank.",
        "annex_a.xlsx, sheet List 1: there is no column 'Age of Child (Years)'; it is left blank.",
        "annex_a.xlsx, sheet List 1: there is no column 'Contact Source'; it is left blank.",
        "annex_a.xlsx, sheet List 1, row 2: Date of Contact 'tomorrow' is not a date.",
    ]


def test_export_writes_the_years_lists(tmp_path, db):
    PersonFactory(la_child_id="C1")
    path = export(la_code="371", year="2024-25", out=tmp_path)
    assert path.name == "Annex_A_371_2024-25.xlsx"
    assert load_workbook(path).sheetnames == [f"List {n}" for n in range(1, 12)]
