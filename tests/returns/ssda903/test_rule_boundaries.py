"""Where SSDA903 rules draw their lines: birthdays, whole days, and the 12 months to 31 March."""

import datetime as dt

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sightline.returns.ssda903.rules.base import age
from tests.returns.ssda903.helpers import add, edit, flagged, run
from tests.returns.ssda903.sample import clean


def flags(tmp_path, code: str, *edits) -> set:
    tables = clean()
    for apply in edits:
        apply(tables)
    return flagged(run(tables, tmp_path, [code]), code)


@pytest.mark.parametrize("dec, hit", [("13/06/2025", False), ("14/06/2025", True)])
def test_police_protection_may_last_three_days_but_not_four(tmp_path, dec, hit):
    # C2's episode starts 10/06/2025: to 13/06 is 3 days (72 hours), to 14/06 is 4.
    assert bool(flags(tmp_path, "361", edit("Episodes", "C2", LS="L1", DEC=dec))) is hit


@pytest.mark.parametrize("review, code, hit", [("01/03/2027", "PN0", True), ("28/02/2027", "PN0", False)])
def test_a_child_is_four_on_their_fourth_birthday(tmp_path, review, code, hit):
    # With C2 born on 01/03/2023, the fourth birthday is 01/03/2027.
    assert bool(flags(tmp_path, "440", edit("Reviews", "C2", DOB="01/03/2023", REVIEW=review,
                                            REVIEW_CODE=code))) is hit


@pytest.mark.parametrize("decom, hit", [("19/08/2024", False), ("20/08/2024", True)])
def test_starting_care_the_day_before_eighteen_is_allowed(tmp_path, decom, hit):
    # C4 is born 20/08/2006, so turns 18 on 20/08/2024.
    episode = add("Episodes", CHILD="C4", DECOM=decom, RNE="S", LS="V2", CIN="N4", PLACE="U6", PLACE_PROVIDER="PR1",
                  DEC="01/05/2025", REC="E8")
    assert bool(flags(tmp_path, "352", episode)) is hit


@pytest.mark.parametrize("decom, hit", [("31/03/2025", False), ("01/04/2025", True)])
def test_twelve_months_looked_after_means_since_31_march_a_year_before(tmp_path, decom, hit):
    # C1 has an SDQ score; it is only wanted when her period of care began by 31/03/2025.
    assert bool(flags(tmp_path, "185", edit("Episodes", "C1", 0, DECOM=decom))) is hit



@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
@settings(max_examples=200, deadline=None)
def test_sql_age_agrees_with_counting_birthdays(dob, on):
    # Reference: whole years, less one when this year's birthday is still to come (29 February born
    # children turn a year older on 1 March in other years).
    expected = on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
    query = f"select {age('dob', 'on_date')} from (select DATE '{dob}' as dob, DATE '{on}' as on_date)"
    assert duckdb.sql(query).fetchall() == [(expected,)]
