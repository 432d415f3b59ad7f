"""`sightline returns validate | import | export` and their exit codes."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sightline.cli import app
from sightline.organisations.models import AgencyKind
from sightline.people.models import Person
from sightline.returns.cin.writer import write_cin
from tests.factories import AgencyFactory
from tests.returns.cin.baseline import baseline, frames

runner = CliRunner()


@pytest.fixture
def census_file(tmp_path) -> Path:
    path = tmp_path / "cin.xml"
    write_cin(frames(baseline()), path)
    return path


def test_validate_valid_file_exits_0(census_file):
    result = runner.invoke(app, ["returns", "validate", str(census_file)])
    assert result.exit_code == 0, result.output


def test_validate_file_with_errors_exits_1_and_writes_the_report(census_file, tmp_path):
    census_file.write_text(census_file.read_text().replace("<Sex>M</Sex>", "<Sex>X</Sex>"))
    out = tmp_path / "report.xlsx"
    result = runner.invoke(app, ["returns", "validate", str(census_file), "--year", "2025-26", "--out", str(out)])
    assert result.exit_code == 1, result.output
    rows = list(load_workbook(out)["Issues"].iter_rows(values_only=True))
    assert rows[1][1:3] == ("B2", "ChildIdentifiers") and rows[1][6] == "4180"


def test_validate_unreadable_file_exits_2_and_names_the_line(census_file):
    census_file.write_text(census_file.read_text()[:500])
    result = runner.invoke(app, ["returns", "validate", str(census_file)])
    assert result.exit_code == 2
    assert "cin.xml, line" in result.output


def test_validate_file_of_unknown_format_exits_2(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    result = runner.invoke(app, ["returns", "validate", str(path)])
    assert result.exit_code == 2
    assert "not a return Sightline can read" in result.output


def test_import_then_export_through_the_command_line(db, census_file, tmp_path):
    AgencyFactory(code="doncaster", kind=AgencyKind.CHILDRENS_SERVICES, la_code="371")
    result = runner.invoke(app, ["returns", "import", str(census_file), "--la", "371"])
    assert result.exit_code == 0, result.output
    assert "0 rows left out" in result.output
    assert Person.objects.count() == 3
    result = runner.invoke(app, ["returns", "export", "cin", "--la", "371", "--year", "2026", "--out",
                                 str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "CIN_census_371_2025-26.xml").exists()


def test_export_of_unknown_return_exits_2(db, tmp_path):
    result = runner.invoke(app, ["returns", "export", "nonsense", "--la", "371", "--year", "2026", "--out",
                                 str(tmp_path)])
    assert result.exit_code == 2
