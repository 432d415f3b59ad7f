"""Reading an Annex A workbook: lists found by sheet name, headings however they are written."""

import datetime as dt

import pytest
from openpyxl import Workbook

from sightline.returns.annexa.read import read_annex_a
from sightline.returns.annexa.spec import normalise, sheet_list_number
from sightline.returns.ssda903.read_csv import ReturnFileError


def workbook(tmp_path, sheets: dict[str, list[list]], name="annex_a.xlsx"):
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


CONTACTS = [
    ["Annex A List 1: contacts in the last six months"],
    [],
    ["child unique id", "GENDER", " Date  of Birth ", "Age", "Ethnicity", "Date of Contact", "Contact source",
     "Notes"],
    ["C1", "b) Female", dt.datetime(2012, 6, 15), 13, "a) WBRI", "01/10/2025", "q) 6: Police", "x"],
    ["C2", "a) Male", "2023-03-02", "2", "f) MWBC", dt.datetime(2025, 11, 3), "=HYPERLINK(\"http://x\")", None],
    [None, None, None, None, None, None, None, None],
]


def test_headings_are_matched_whatever_their_case_spacing_or_synonym(tmp_path):
    result = read_annex_a(workbook(tmp_path, {"List 1": CONTACTS}))
    frame = result.lists[1]
    assert frame.columns[:7] == ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                                 "Date of Contact", "Contact Source"]
    assert frame["Child Unique ID"].to_list() == ["C1", "C2"]
    assert frame["Date of Birth"].to_list() == [dt.date(2012, 6, 15), dt.date(2023, 3, 2)]
    assert frame["Age of Child (Years)"].to_list() == [13, 2]
    assert frame["Date of Contact"].to_list() == [dt.date(2025, 10, 1), dt.date(2025, 11, 3)]
    # The heading is on sheet row 3, so the children are on rows 4 and 5; the blank row is dropped.
    assert frame["line"].to_list() == [4, 5]
    assert result.problems == []


def test_formula_is_read_as_its_text_and_never_calculated(tmp_path):
    result = read_annex_a(workbook(tmp_path, {"List 1": CONTACTS}))
    assert result.lists[1]["Contact Source"][1] == '=HYPERLINK("http://x")'


def test_value_of_the_wrong_kind_is_named_by_sheet_row_column_and_value(tmp_path):
    rows = [CONTACTS[2], ["C1", "b) Female", "=TODAY()", "thirteen", "a) WBRI", "32/10/2025", "q) 6: Police"]]
    result = read_annex_a(workbook(tmp_path, {"List 1": rows}))
    assert [p.message for p in result.problems] == [
        "annex_a.xlsx, sheet List 1, row 2: Date of Birth '=TODAY()' is not a date.",
        "annex_a.xlsx, sheet List 1, row 2: Age of Child (Years) 'thirteen' is not a whole number.",
        "annex_a.xlsx, sheet List 1, row 2: Date of Contact '32/10/2025' is not a date.",
    ]
    assert result.lists[1]["Date of Birth"].to_list() == [None]


def test_missing_column_is_reported_and_left_blank(tmp_path):
    rows = [["Child Unique ID", "Gender", "Date of Birth", "Date of referral"], ["C1", "b) Female", None, "01/10/2025"]]
    result = read_annex_a(workbook(tmp_path, {"List 3 Referrals": rows}))
    assert result.lists[3]["Referral Source"].to_list() == [None]
    assert "annex_a.xlsx, sheet List 3 Referrals: there is no column 'Referral Source'; it is left blank." in [
        p.message for p in result.problems]


def test_misspelt_template_headings_are_known(tmp_path):
    rows = [["Child Unique ID", "Eligibity Category", "Suitability of Accomodation", "Type of accommodation"],
            ["C4", "a) Eligible", "a) Suitable", "U1"]]
    frame = read_annex_a(workbook(tmp_path, {"List 9": rows})).lists[9]
    assert (frame["Eligibility Category"][0], frame["Suitability of Accommodation"][0],
            frame["Type of Accommodation"][0]) == ("a) Eligible", "a) Suitable", "U1")


def test_excel_serial_numbers_in_date_columns_are_dates(tmp_path):
    # Serial 45931 is 1 October 2025 (days since 30 December 1899).
    rows = [["Child Unique ID", "Gender", "Date of Contact"], ["C1", "b) Female", 45931]]
    assert read_annex_a(workbook(tmp_path, {"List 1": rows})).lists[1]["Date of Contact"][0] == dt.date(2025, 10, 1)


def test_sheet_without_a_heading_row_is_reported(tmp_path):
    result = read_annex_a(workbook(tmp_path, {"List 2": [["nothing"], ["here"]]}))
    assert 2 not in result.lists
    assert [p.message for p in result.problems] == [
        "annex_a.xlsx, sheet List 2: no heading row of List 2 (Early help) was found in the first 12 rows."]


def test_workbook_without_lists_says_so(tmp_path):
    result = read_annex_a(workbook(tmp_path, {"Summary": [["x"]]}))
    assert [p.message for p in result.problems] == ["annex_a.xlsx has no sheets named List 1 to List 11."]


def test_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "annex.xlsx"
    path.write_text("CHILD,DOB\n")
    with pytest.raises(ReturnFileError, match="annex.xlsx is not an Excel workbook"):
        read_annex_a(path)


@pytest.mark.parametrize("title, number", [("List 1", 1), ("list_3 Referrals", 3), ("LIST11", 11), ("List 12", None),
                                           ("Lists", None)])
def test_sheet_names_give_the_list_number(title, number):
    assert sheet_list_number(title) == number


def test_headings_normalise_case_punctuation_and_spacing():
    assert normalise("  Referral NFA? ") == "referral nfa"
    assert normalise("Number of Episodes 'Missing' in last 12 months") == "number of episodes missing in last 12 months"
