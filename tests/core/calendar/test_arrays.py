"""The numpy and SQL forms, on the awkward days (counted by hand in the comments)."""

from datetime import date

import duckdb
import numpy as np
import pytest

from sightline.core.calendar import (
    add_working_days_array,
    bank_holidays_between,
    working_days_between_array,
    working_days_sql_table,
)


def test_count_with_a_missing_date_is_masked():
    # [Thu 7 May 2020, Mon 11 May): Thu 7 only, Fri 8 being VE Day.
    got = working_days_between_array(["2020-05-07", "NaT"], ["2020-05-11", "2020-05-11"])
    assert got.tolist() == [1, None]
    assert got.dtype == np.int64


def test_due_date_from_a_missing_date_is_missing():
    got = add_working_days_array(np.array(["2020-05-07", "NaT"], dtype="datetime64[D]"), 1)
    assert got[0] == np.datetime64("2020-05-11")
    assert np.isnat(got[1])


def test_arrays_refuse_dates_outside_the_known_years():
    with pytest.raises(ValueError, match="outside the years"):
        working_days_between_array(["1999-01-04"], ["2000-01-04"])


def test_bank_holidays_between_is_inclusive():
    # 2022 from 2 June to 19 September: the Jubilee pair, the late summer holiday, the funeral.
    got = bank_holidays_between(date(2022, 6, 2), date(2022, 9, 19))
    assert got.tolist() == [date(2022, 6, 2), date(2022, 6, 3), date(2022, 8, 29), date(2022, 9, 19)]


@pytest.fixture
def sql():
    connection = duckdb.connect()
    connection.register("working_days", working_days_sql_table(date(2020, 1, 1), date(2024, 12, 31)))
    return connection


def test_sql_counts_working_days_by_subtracting_numbers(sql):
    query = """select b.working_day_number - a.working_day_number from working_days a, working_days b
             where a.date = ? and b.date = ?"""
    # Thu 7 May 2020 to Mon 11 May: 1 (VE Day). Thu 1 Feb 2024 to Mon 8 Apr: 45 (see
    # test_45_working_days_across_29_february_2024). Mon 11 May 2020 back to Thu 7: -1.
    for start, end, expected in [(date(2020, 5, 7), date(2020, 5, 11), 1),
                                 (date(2024, 2, 1), date(2024, 4, 8), 45),
                                 (date(2020, 5, 11), date(2020, 5, 7), -1)]:
        assert sql.execute(query, [start, end]).fetchone()[0] == expected


def test_sql_finds_a_due_date_by_number(sql):
    query = """select due.date from working_days start_day join working_days due
               on due.is_working_day and due.working_day_number = start_day.working_day_number + ?
             where start_day.date = ?"""
    # Fri 16 Sep 2022 + 1: Mon 19 (State Funeral) skipped, so Tue 20. Sat 29 Feb 2020 + 0: Mon 2 Mar.
    assert sql.execute(query, [1, date(2022, 9, 16)]).fetchone()[0] == date(2022, 9, 20)
    assert sql.execute(query, [0, date(2020, 2, 29)]).fetchone()[0] == date(2020, 3, 2)


def test_sql_table_honours_local_closure_days():
    table = working_days_sql_table(date(2025, 12, 22), date(2025, 12, 31), closures={date(2025, 12, 24)})
    # Working: Mon 22, Tue 23, Mon 29, Tue 30, Wed 31 (24 closed, 25 and 26 holidays, 27-28 weekend).
    working = [d for d, w in zip(table["date"].to_pylist(), table["is_working_day"].to_pylist(), strict=True) if w]
    assert working == [date(2025, 12, 22), date(2025, 12, 23), date(2025, 12, 29), date(2025, 12, 30),
                       date(2025, 12, 31)]
