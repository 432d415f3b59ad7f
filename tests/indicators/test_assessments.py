from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sightline.core.calendar import working_days_between
from sightline.indicators.periods import year_ending_31_march
from tests.indicators.builders import figure, referral, snapshot_dir


def _assessment(id, start, authorised, referral_id=1):
    return {"id": id, "referral_id": referral_id, "start_date": start, "authorisation_date": authorised}


def test_bank_holidays_inside_the_45_day_window_are_not_counted(tmp_path):
    # Start Monday 21 Dec 2020 (day 0). Not working: Fri 25 Dec, Mon 28 Dec (Boxing Day
    # substitute), Fri 1 Jan. Working days: 22, 23, 24 Dec = 1-3; 29, 30, 31 Dec = 4-6; then
    # 5 a week from Mon 4 Jan = 7: week of 22 Feb is 42-46, so Thu 25 Feb = 45, Fri 26 Feb = 46.
    # Weekdays alone would make 25 Feb day 48 and fail it.
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 12, 18))], assessments=[
        _assessment(1, date(2020, 12, 21), date(2021, 2, 25)),
        _assessment(2, date(2020, 12, 21), date(2021, 2, 26))])
    result = figure(tmp_path, "assessments_within_45wd")
    assert (result["numerator"], result["denominator"], result["value"]) == (1, 2, 50.0)


def test_same_day_assessment_is_in_time(tmp_path):
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 6, 1))],
                 assessments=[_assessment(1, date(2020, 6, 1), date(2020, 6, 1))])
    assert figure(tmp_path, "assessments_within_45wd")["value"] == 100.0


def test_assessment_authorised_before_it_started_is_left_out(tmp_path):
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 6, 1))], assessments=[
        _assessment(1, date(2020, 6, 10), date(2020, 6, 1)), _assessment(2, date(2020, 6, 1), date(2020, 6, 2))])
    result = figure(tmp_path, "assessments_within_45wd")
    assert (result["numerator"], result["denominator"]) == (1, 1)


def test_assessments_count_in_the_year_they_were_authorised(tmp_path):
    # Authorised 31 March 2021: 2020-21. Authorised 1 April 2021: 2021-22. Started 1 Feb 2021.
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2021, 2, 1))], assessments=[
        _assessment(1, date(2021, 2, 1), date(2021, 3, 31)), _assessment(2, date(2021, 2, 1), date(2021, 4, 1))])
    assert figure(tmp_path, "assessments_within_45wd")["denominator"] == 1
    later = [year_ending_31_march(2022)]
    assert figure(tmp_path, "assessments_within_45wd", periods=later)["denominator"] == 1


def test_working_together_measure_runs_from_the_referral(tmp_path):
    # Referral Mon 2 Nov 2020 is day 0. Tue 3 - Fri 6 Nov = 1-4, then five a week: Fri 18 Dec = 34,
    # Mon 21 - Thu 24 Dec = 35-38; 25 and 28 Dec are bank holidays; Tue 29 - Thu 31 Dec = 39-41;
    # 1 Jan is a bank holiday; Mon 4 - Thu 7 Jan = 42-45. So 7 Jan is within and 8 Jan is not.
    # Both assessments started 1 Dec 2020, well within 45 days of their start (the DfE measure).
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 11, 2))], assessments=[
        _assessment(1, date(2020, 12, 1), date(2021, 1, 7)), _assessment(2, date(2020, 12, 1), date(2021, 1, 8))])
    from_referral = figure(tmp_path, "assessments_within_45wd_from_referral")
    assert (from_referral["numerator"], from_referral["denominator"]) == (1, 2)
    assert figure(tmp_path, "assessments_within_45wd")["numerator"] == 2


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 90)), min_size=1, max_size=30))
def test_assessments_in_time_match_the_scalar_working_day_count(tmp_path_factory, drawn):
    # The reference counts with the one-date-at-a-time calendar API, not the SQL calendar table.
    base = date(2020, 1, 1)
    rows = [(base + timedelta(days=s), base + timedelta(days=s + d)) for s, d in drawn]
    path = snapshot_dir(tmp_path_factory.mktemp("assessments"), referrals=[referral(1, 1, base)],
                        assessments=[_assessment(i, s, a) for i, (s, a) in enumerate(rows)])
    year = year_ending_31_march(2021)
    authorised = [(s, a) for s, a in rows if year.start <= a <= year.end]
    expected = sum(1 for s, a in authorised if working_days_between(s, a) <= 45)
    result = figure(path, "assessments_within_45wd")
    assert (result["numerator"], result["denominator"]) == (expected, len(authorised))
