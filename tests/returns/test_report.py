"""Reports as CSV and Excel, with formula injection neutralised."""

import polars as pl
from openpyxl import load_workbook

from sightline.returns.engine import RulePack
from sightline.core.spreadsheet import neutralised as neutralise
from sightline.returns.report import ISSUE_SCHEMA, Report

HOSTILE = ["=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "A1"]


def _report() -> Report:
    issues = pl.DataFrame([{"file": "f.xml", "LAchildID": v, "table": "ChildIdentifiers", "row": i + 1, "line": i + 2,
                            "field": "LAchildID", "rule": "1580", "severity": "error", "message": "m", "value": v}
                           for i, v in enumerate(HOSTILE)], schema=ISSUE_SCHEMA)
    return Report(file="f.xml", pack=RulePack("empty", []), issues=issues)


def test_neutralise_prefixes_only_formula_starts():
    assert [neutralise(v) for v in HOSTILE] == ["'=HYPERLINK(\"http://evil\")", "'+1+1", "'-2", "'@SUM(A1)", "A1"]
    assert neutralise(None) is None


def test_csv_cells_that_start_like_formulas_get_an_apostrophe(tmp_path):
    path = tmp_path / "r.csv"
    _report().write_csv(path)
    written = pl.read_csv(path)
    assert written["value"].to_list() == ["'=HYPERLINK(\"http://evil\")", "'+1+1", "'-2", "'@SUM(A1)", "A1"]
    assert written["LAchildID"].to_list() == written["value"].to_list()


def test_excel_has_issues_and_summary_sheets_with_formulas_neutralised(tmp_path):
    path = tmp_path / "r.xlsx"
    _report().write_xlsx(path)
    book = load_workbook(path)
    assert book.sheetnames == ["Issues", "Summary by rule"]
    values = [row[-1] for row in book["Issues"].iter_rows(min_row=2, values_only=True)]
    assert values == ["'=HYPERLINK(\"http://evil\")", "'+1+1", "'-2", "'@SUM(A1)", "A1"]
    assert all(cell.data_type != "f" for row in book["Issues"].iter_rows() for cell in row)
    summary = list(book["Summary by rule"].iter_rows(values_only=True))
    assert summary[0] == ("rule", "severity", "message", "status", "issues", "children")
    assert summary[1][0] == "read"


def test_rules_that_could_not_run_are_listed_in_the_csv(tmp_path):
    report = _report()
    report.not_run = {"8606": "CatalogException: no table"}
    path = tmp_path / "r.csv"
    report.write_csv(path)
    last = pl.read_csv(path, infer_schema=False).row(-1, named=True)
    assert (last["rule"], last["severity"]) == ("8606", "not run")
    assert last["message"] == ("This rule could not run, so the return was not checked for it: "
                               "CatalogException: no table")
