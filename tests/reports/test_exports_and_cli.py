import csv
import io

from openpyxl import load_workbook
from typer.testing import CliRunner

from sightline.reports.exports import table_csv, tables_xlsx
from sightline.reports.publication import Cell
from sightline.reports.tables import Row, Table


def _hostile() -> Table:
    return Table("=HYPERLINK(\"http://evil\")", ["Agency", "Number"],
                 [Row("=1+1", [Cell(12)]), Row("@SUM(A1)", [Cell(3, suppressed=True)]), Row("-2", [Cell(None)])])


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_made_text():
    rows = list(csv.reader(io.StringIO(table_csv(_hostile()))))
    assert rows[0] == ["'=HYPERLINK(\"http://evil\")"]
    assert rows[2] == ["'=1+1", "12"]
    assert rows[3] == ["'@SUM(A1)", "c"]
    assert rows[4] == ["'-2", "x"]


def test_excel_cells_are_never_formulas_and_numbers_stay_numbers():
    sheet = load_workbook(io.BytesIO(tables_xlsx([_hostile()], attribution="OGL"))).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not any(c.data_type == "f" for c in cells)
    assert "'=1+1" in [c.value for c in cells] and 12 in [c.value for c in cells]


def test_report_command_refuses_a_date_it_cannot_read():
    from sightline.cli import app

    result = CliRunner().invoke(app, ["report", "annual", "--from", "01/04/2020", "--to", "2021-09-30"])
    assert result.exit_code != 0
    assert "is not a date" in result.output


def test_report_command_writes_the_html_and_the_pdf_for_the_period(seed_results_stored, tmp_path):
    from sightline.cli import app

    result = CliRunner().invoke(app, ["report", "annual", "--from", "2020-04-01", "--to", "2021-09-30",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "annual-report.html").read_text()
    assert "1 April 2020 to 30 September 2021" in html and "Table 1: Multi-agency Safeguarding Hub" in html
    assert (tmp_path / "annual-report.pdf").read_bytes().startswith(b"%PDF")
