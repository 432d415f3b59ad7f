"""The days that catch working-day code out. Expected values are counted by hand in the comments."""

from datetime import date, datetime

import pytest

from sightline.core.calendar import add_months, add_working_days, is_working_day, working_days_between


def test_ve_day_2020_moved_to_friday_8_may():
    # The early May bank holiday moved from Monday 4 May to Friday 8 May 2020.
    assert not is_working_day(date(2020, 5, 8))
    assert is_working_day(date(2020, 5, 4))
    # Thu 7 May + 1: Fri 8 (holiday), Sat, Sun, so Mon 11 May.
    assert add_working_days(date(2020, 5, 7), 1) == date(2020, 5, 11)
    # [Thu 7, Mon 11) holds one working day: Thu 7.
    assert working_days_between(date(2020, 5, 7), date(2020, 5, 11)) == 1


def test_platinum_jubilee_2_and_3_june_2022():
    assert not is_working_day(date(2022, 6, 2))
    assert not is_working_day(date(2022, 6, 3))
    # The spring bank holiday moved off the last Monday of May.
    assert is_working_day(date(2022, 5, 30))
    # Wed 1 June + 1: Thu 2 and Fri 3 holidays, then the weekend: Mon 6 June.
    assert add_working_days(date(2022, 6, 1), 1) == date(2022, 6, 6)
    assert working_days_between(date(2022, 6, 1), date(2022, 6, 6)) == 1


def test_state_funeral_19_september_2022():
    assert not is_working_day(date(2022, 9, 19))
    # Fri 16 + 1: the weekend, Mon 19 (holiday), so Tue 20.
    assert add_working_days(date(2022, 9, 16), 1) == date(2022, 9, 20)
    assert add_working_days(date(2022, 9, 20), -1) == date(2022, 9, 16)


def test_coronation_8_may_2023():
    assert not is_working_day(date(2023, 5, 8))
    # [Fri 28 Apr, Tue 9 May): Fri 28, (Mon 1 May holiday), Tue 2 to Fri 5, (Mon 8 holiday) = 5.
    assert working_days_between(date(2023, 4, 28), date(2023, 5, 9)) == 5


def test_boxing_day_2020_substitute_monday_28_december():
    # 26 December 2020 was a Saturday; Monday 28 is the substitute.
    assert not is_working_day(date(2020, 12, 28))
    # Thu 24 + 1: Fri 25, weekend, Mon 28, so Tue 29.
    assert add_working_days(date(2020, 12, 24), 1) == date(2020, 12, 29)


def test_christmas_2021_substitutes_27_and_28_december():
    # 25 and 26 December 2021 fell at the weekend; Monday 27 and Tuesday 28 are the substitutes.
    assert not is_working_day(date(2021, 12, 27))
    assert not is_working_day(date(2021, 12, 28))
    assert add_working_days(date(2021, 12, 24), 1) == date(2021, 12, 29)
    # Fri 31 Dec + 1: weekend, Mon 3 Jan 2022 (New Year's Day substitute), so Tue 4 Jan.
    assert add_working_days(date(2021, 12, 31), 1) == date(2022, 1, 4)


def test_day_zero_convention():
    # Same day is 0; Friday to Monday is 1; end before start is negative.
    assert working_days_between(date(2025, 1, 10), date(2025, 1, 10)) == 0
    assert working_days_between(date(2025, 1, 10), date(2025, 1, 13)) == 1
    assert working_days_between(date(2025, 1, 13), date(2025, 1, 10)) == -1
    # A Saturday start counts from Monday: Saturday to Monday is 0, to Tuesday 1.
    assert working_days_between(date(2025, 1, 11), date(2025, 1, 13)) == 0
    assert working_days_between(date(2025, 1, 11), date(2025, 1, 14)) == 1


def test_adding_rolls_a_weekend_start_forward():
    # Friday + 1 = Monday; Saturday + 0 = Monday; Saturday + 1 = Tuesday; Saturday - 1 = Friday.
    assert add_working_days(date(2025, 1, 10), 1) == date(2025, 1, 13)
    assert add_working_days(date(2025, 1, 11), 0) == date(2025, 1, 13)
    assert add_working_days(date(2025, 1, 11), 1) == date(2025, 1, 14)
    assert add_working_days(date(2025, 1, 11), -1) == date(2025, 1, 10)
    # 29 February 2020 was a Saturday: + 0 is Monday 2 March.
    assert add_working_days(date(2020, 2, 29), 0) == date(2020, 3, 2)


def test_45_working_days_across_29_february_2024():
    # From Thu 1 Feb 2024 (day 0): Feb 2 = 1; weeks of 5, 12, 19 Feb = 2-16; Mon 26 Feb to
    # Fri 1 Mar = 17-21 (Thu 29 Feb = 20); weeks of 4, 11, 18 Mar = 22-36; Mon 25 to Thu 28
    # Mar = 37-40; Good Friday 29 Mar and Easter Monday 1 Apr skipped; Tue 2 to Fri 5 Apr =
    # 41-44; Mon 8 Apr = 45.
    assert add_working_days(date(2024, 2, 1), 45) == date(2024, 4, 8)
    assert working_days_between(date(2024, 2, 1), date(2024, 4, 8)) == 45
    assert add_working_days(date(2024, 2, 1), 20) == date(2024, 2, 29)


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2020, 2, 29), 1, date(2020, 3, 29)),
    (date(2020, 2, 29), 12, date(2021, 2, 28)),     # 2021 has no 29 February
    (date(2024, 2, 29), 48, date(2028, 2, 29)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),      # leap year: the month's last day is the 29th
    (date(2023, 1, 31), 1, date(2023, 2, 28)),
    (date(2024, 3, 31), -1, date(2024, 2, 29)),
    (date(2023, 11, 30), 3, date(2024, 2, 29)),
    (date(2024, 8, 31), 6, date(2025, 2, 28)),
    (date(2024, 10, 15), 3, date(2025, 1, 15)),     # across the year end
])
def test_add_months_end_of_month_rule(start, months, expected):
    assert add_months(start, months) == expected


def test_local_closure_day_is_not_a_working_day():
    closures = {date(2025, 12, 24)}
    assert is_working_day(date(2025, 12, 24))
    assert not is_working_day(date(2025, 12, 24), closures)
    # Tue 23 Dec + 1 with Wed 24 closed: Thu 25 and Fri 26 holidays, weekend, Mon 29.
    assert add_working_days(date(2025, 12, 23), 1, closures) == date(2025, 12, 29)
    assert add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 24)


def test_dates_outside_the_known_years_are_refused():
    with pytest.raises(ValueError, match="outside the years"):
        is_working_day(date(1999, 12, 31))
    with pytest.raises(ValueError, match="outside the years"):
        add_working_days(date(2060, 12, 29), 5)


def test_a_datetime_is_refused_so_the_caller_chooses_the_time_zone():
    with pytest.raises(TypeError):
        is_working_day(datetime(2025, 1, 10, 23, 30))
