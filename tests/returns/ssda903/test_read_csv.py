"""Reading SSDA903 CSV files: tables known by their columns, tolerant of how files are really saved."""

import datetime as dt

import pytest

from sightline.returns.ssda903.format import read, sniff
from sightline.returns.ssda903.read_csv import ReturnFileError, read_csv_files


def write(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_table_is_recognised_by_its_columns_in_any_order_and_case(tmp_path):
    f = write(tmp_path / "whatever.csv", "dob,Child,REVIEW_CODE,Review\n15/06/2012,C1,PN1,15/07/2025\n")
    ret = read_csv_files([f])
    assert list(ret.tables) == ["Reviews"]
    row = ret.tables["Reviews"].row(0, named=True)
    assert (row["CHILD"], row["DOB"], row["REVIEW"], row["REVIEW_CODE"]) == (
        "C1", dt.date(2012, 6, 15), dt.date(2025, 7, 15), "PN1")
    assert ret.problems == []


def test_header_and_uasc_are_told_apart(tmp_path):
    header = write(tmp_path / "a.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,F,15/06/2012,WBRI,UN2,,\n")
    uasc = write(tmp_path / "b.csv", "CHILD,SEX,DOB,DUC\nC1,F,15/06/2012,01/02/2026\n")
    assert sorted(read_csv_files([header, uasc]).tables) == ["Header", "UASC"]


def test_byte_order_mark_is_ignored(tmp_path):
    f = write(tmp_path / "h.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,F,15/06/2012,WBRI,UN2,,\n", "utf-8-sig")
    ret = read_csv_files([f])
    assert list(ret.tables) == ["Header"] and ret.problems == []


def test_windows_1252_file_is_read_and_the_encoding_named(tmp_path):
    # 0xE9 (é) is not valid UTF-8 on its own, so the file must be Windows-1252.
    f = write(tmp_path / "h.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nCé1,F,15/06/2012,WBRI,UN2,,\n", "cp1252")
    ret = read_csv_files([f])
    assert ret.tables["Header"]["CHILD"][0] == "Cé1"
    assert [p.message for p in ret.problems] == ["h.csv was read as Windows-1252 (Excel's usual CSV encoding), "
                                                 "not UTF-8."]


def test_extra_column_is_a_warning_naming_file_and_column(tmp_path):
    f = write(tmp_path / "rev.csv", "CHILD,DOB,REVIEW,REVIEW_CODE,NOTES\nC1,15/06/2012,15/07/2025,PN1,x\n")
    ret = read_csv_files([f])
    assert list(ret.tables) == ["Reviews"]
    assert [(p.severity, p.message) for p in ret.problems] == [
        ("query", "rev.csv: column NOTES is not part of the Reviews table and was ignored.")]


def test_misspelt_column_is_an_error_naming_file_column_and_near_miss(tmp_path):
    f = write(tmp_path / "episodes.csv", "CHILD,DECOMM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
                                         "HOME_POST,PL_POST,URN\n")
    ret = read_csv_files([f])
    assert ret.tables == {}
    assert [p.message for p in ret.errors] == [
        "episodes.csv looks like the Episodes table but has no DECOM column (there is a column DECOMM: is it "
        "misspelt?)."]


def test_optional_episode_columns_may_be_left_out(tmp_path):
    f = write(tmp_path / "e.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\nC1,01/02/2024,S,C1,N1,U3,,\n")
    ret = read_csv_files([f])
    assert ret.tables["Episodes"]["URN"].to_list() == [None]


def test_file_that_is_no_table_says_so(tmp_path):
    f = write(tmp_path / "shopping.csv", "apples,pears\n1,2\n")
    assert [p.message for p in read_csv_files([f]).errors] == [
        "shopping.csv is not an SSDA903 table: its columns (APPLES, PEARS) match none of the tables."]


@pytest.mark.parametrize("text", ["15/06/2012", "2012-06-15", "15-06-2012", "15.06.2012", "2012-06-15 00:00:00"])
def test_common_date_formats_are_understood(tmp_path, text):
    f = write(tmp_path / "r.csv", f"CHILD,DOB,REVIEW,REVIEW_CODE\nC1,{text},15/07/2025,PN1\n")
    assert read_csv_files([f]).tables["Reviews"]["DOB"][0] == dt.date(2012, 6, 15)


def test_value_that_is_not_a_date_is_named_by_file_row_field_and_value(tmp_path):
    f = write(tmp_path / "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,15/06/2012,15/07/2025,PN1\n"
                                        "C2,02/03/2023,31/02/2025,PN0\n")
    ret = read_csv_files([f])
    assert [(p.row, p.field, p.value, p.message) for p in ret.problems] == [
        (2, "REVIEW", "31/02/2025", "Row 2 of reviews.csv: REVIEW '31/02/2025' is not a date (write dates as "
                                    "dd/mm/yyyy).")]
    assert ret.tables["Reviews"]["REVIEW"].to_list() == [dt.date(2025, 7, 15), None]
    assert ret.invalid_dates.row(0, named=True) == {"table": "Reviews", "row_id": 1, "CHILD": "C2",
                                                    "field": "REVIEW", "value": "31/02/2025"}


def test_many_bad_dates_are_listed_twenty_then_counted(tmp_path):
    rows = "".join(f"C{i},bad,15/07/2025,PN1\n" for i in range(25))
    ret = read_csv_files([write(tmp_path / "r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n" + rows)])
    # 25 bad rows: 20 listed, then one line for the other 5.
    assert len(ret.problems) == 21
    assert ret.problems[-1].message == "r.csv: 5 more rows have a DOB that is not a date."
    assert ret.invalid_dates.height == 25


def test_blank_and_padded_values_are_trimmed_to_null(tmp_path):
    f = write(tmp_path / "r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n C1 ,15/06/2012,  ,PN1\n")
    row = read_csv_files([f]).tables["Reviews"].row(0, named=True)
    assert (row["CHILD"], row["REVIEW"]) == ("C1", None)


def test_a_second_file_for_the_same_table_is_refused(tmp_path):
    a = write(tmp_path / "a.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,15/06/2012,15/07/2025,PN1\n")
    b = write(tmp_path / "b.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC2,15/06/2012,15/07/2025,PN1\n")
    ret = read_csv_files([a, b])
    assert ret.tables["Reviews"]["CHILD"].to_list() == ["C1"]
    assert [p.message for p in ret.errors] == ["b.csv holds the Reviews table, which was already read from a.csv; "
                                               "it was ignored."]


def test_bytes_that_are_not_text_are_refused_with_the_file_named(tmp_path):
    # 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte.
    f = tmp_path / "odd.csv"
    f.write_bytes(b"CHILD,DOB\n\x81\x81\n")
    with pytest.raises(ReturnFileError, match="odd.csv is neither UTF-8 nor Windows-1252"):
        read_csv_files([f])


def test_folder_of_csvs_is_read_as_one_return_with_lines_and_child_ids(tmp_path):
    write(tmp_path / "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,F,15/06/2012,WBRI,UN2,,\n")
    write(tmp_path / "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,15/06/2012,15/07/2025,PN1\n")
    rf = read(tmp_path)
    assert sorted(rf.tables) == ["Header", "Reviews", "_invalid_dates"]
    # The heading is line 1, so the first data row (row_id 0) is line 2.
    assert rf.tables["Reviews"].select("row_id", "line", "LAchildID").row(0) == (0, 2, "C1")


def test_sniff_knows_an_ssda903_csv_by_its_heading():
    assert sniff(b"CHILD,DOB,REVIEW,REVIEW_CODE\r\nC1,", "reviews.csv")
    assert not sniff(b"CHILD,DOB,REVIEW,REVIEW_CODE\r\n", "reviews.txt")
    assert not sniff(b"apples,pears\n", "fruit.csv")
