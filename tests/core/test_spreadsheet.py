import datetime as dt

import polars as pl
import pytest
import typer

from sightline.core.cli_options import date_option
from sightline.core.spreadsheet import neutralised, neutralised_frame


def test_text_a_spreadsheet_would_run_gets_an_apostrophe_and_nothing_else_changes():
    assert [neutralised(v) for v in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx", "Amy", 7, None]] == [
        "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "'\nx", "Amy", 7, None]


def test_a_frame_is_made_safe_column_by_column_the_same_way():
    frame = pl.DataFrame({"name": ["=cmd|' /C calc'!A0", "Amy", None], "count": [1, 2, 3]})
    assert neutralised_frame(frame).to_dict(as_series=False) == {
        "name": ["'=cmd|' /C calc'!A0", "Amy", None], "count": [1, 2, 3]}


def test_a_date_option_is_read_as_yyyy_mm_dd_or_refused_naming_the_option():
    assert date_option("2020-04-01", "--from") == dt.date(2020, 4, 1)
    assert date_option(None, "--from") is None
    with pytest.raises(typer.BadParameter) as error:
        date_option("01/04/2020", "--from")
    assert error.value.param_hint == "--from" and "YYYY-MM-DD" in str(error.value)
