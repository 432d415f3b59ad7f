import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sightline.indicators.catalogue import CATALOGUE
from sightline.indicators.catalogue.base import Indicator
from sightline.indicators.docs import indicators_markdown
from sightline.indicators.export import rows_write

HOSTILE = [{"indicator_id": "x", "breakdown": "=HYPERLINK(\"http://evil\")", "value": 1.5},
           {"indicator_id": "y", "breakdown": "+1+1", "value": -2.0},
           {"indicator_id": "z", "breakdown": "@SUM(A1)", "value": None}]


def test_csv_export_neutralises_formulae(tmp_path):
    rows = list(csv.DictReader(rows_write(HOSTILE, path=tmp_path / "out.csv", format="csv").open()))
    assert [r["breakdown"] for r in rows] == ["'=HYPERLINK(\"http://evil\")", "'+1+1", "'@SUM(A1)"]
    # Numbers stay numbers: a negative value is not text that could be a formula.
    assert rows[1]["value"] == "-2.0"


def test_xlsx_export_neutralises_formulae(tmp_path):
    sheet = load_workbook(rows_write(HOSTILE, path=tmp_path / "out.xlsx", format="xlsx")).active
    cells = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert cells == ["'=HYPERLINK(\"http://evil\")", "'+1+1", "'@SUM(A1)"]


def test_json_export(tmp_path):
    assert json.loads(rows_write(HOSTILE, path=tmp_path / "out.json", format="json").read_text())[0]["value"] == 1.5


def test_unknown_export_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="csv, xlsx, json"):
        rows_write(HOSTILE, path=tmp_path / "out.txt", format="txt")


def test_docs_page_is_generated_from_the_catalogue():
    page = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"
    assert page.read_text() == indicators_markdown(), "Run `sightline indicators docs` to regenerate it."


def test_every_indicator_is_documented_with_its_sql():
    page = indicators_markdown()
    for indicator in CATALOGUE.values():
        assert f"`{indicator.id}`: " in page
        assert indicator.numerator in page


def test_a_rate_must_have_a_denominator():
    with pytest.raises(ValueError, match="has a denominator"):
        Indicator(id="bad", title="Bad", definition="", numerator="select 1", unit="percent", better="higher",
                  period_type="any")


DUCKDB_ONLY = ("::", "strftime", "date_diff", "datediff", "date_trunc", "qualify", "read_parquet", "list_",
               "epoch", "interval 12")


@pytest.mark.parametrize("indicator", list(CATALOGUE.values()), ids=list(CATALOGUE))
def test_indicator_sql_keeps_to_standard_sql(indicator):
    # So that Spark can run the same text later: ANSI intervals ('12' month), extract, cast, coalesce.
    text = (indicator.numerator + (indicator.denominator or "")).lower()
    assert not [token for token in DUCKDB_ONLY if token in text]
