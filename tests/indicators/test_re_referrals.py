from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sightline.indicators.periods import year_ending_31_march
from tests.indicators.builders import figure, referral, snapshot_dir


def test_same_day_referral_counts_as_re_referral_once(tmp_path):
    # Child 1: two referrals on 5 May 2020, nothing earlier. The one recorded second is a
    # re-referral (zero days since 2018), the first is not: 1 of 2 = 50.0%.
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 5, 5)), referral(2, 1, date(2020, 5, 5))])
    result = figure(tmp_path, "re_referral_rate_12m")
    assert (result["numerator"], result["denominator"], result["value"]) == (1, 2, 50.0)


def test_referral_exactly_12_months_after_the_last_is_a_re_referral(tmp_path):
    # 1 April 2019 then 1 April 2020: exactly 12 months, counted. Child 2: 31 March 2019 then
    # 1 April 2020 is 12 months and a day: not counted. Period 2020-21 holds the two later ones.
    snapshot_dir(tmp_path, referrals=[
        referral(1, 1, date(2019, 4, 1)), referral(2, 1, date(2020, 4, 1)),
        referral(3, 2, date(2019, 3, 31)), referral(4, 2, date(2020, 4, 1))])
    result = figure(tmp_path, "re_referral_rate_12m")
    assert (result["numerator"], result["denominator"], result["value"]) == (1, 2, 50.0)


def test_29_february_looks_back_to_28_february(tmp_path):
    # 28 Feb 2021 minus 12 months is 28 Feb 2020, so a referral on 29 Feb 2020 is within.
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 2, 29)), referral(2, 1, date(2021, 2, 28))])
    assert figure(tmp_path, "re_referral_rate_12m")["numerator"] == 1


def test_referral_on_31_march_belongs_to_the_year_ending_that_day(tmp_path):
    # 31 March 2021 is in 2020-21; 1 April 2021 is in 2021-22 and is a re-referral of it.
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2021, 3, 31)), referral(2, 1, date(2021, 4, 1))])
    years = [year_ending_31_march(2021), year_ending_31_march(2022)]
    first = figure(tmp_path, "re_referral_rate_12m", periods=years)
    second = figure(tmp_path, "re_referral_rate_12m", periods=years[::-1])
    assert (first["numerator"], first["denominator"]) == (0, 1)
    assert (second["numerator"], second["denominator"]) == (1, 1)


def test_another_childs_referral_is_not_a_previous_referral(tmp_path):
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 6, 1)), referral(2, 2, date(2020, 7, 1))])
    assert figure(tmp_path, "re_referral_rate_12m")["numerator"] == 0


def test_child_level_counts_each_child_once(tmp_path):
    # Child 1: three referrals in 2020-21, two of them re-referrals -> one child re-referred.
    # Child 2: one referral. Children referred: 2. 1 / 2 = 50.0%.
    # Referral level: 2 re-referrals of 4 referrals = 50.0% as well, but from 2 and 4.
    snapshot_dir(tmp_path, referrals=[
        referral(1, 1, date(2020, 5, 1)), referral(2, 1, date(2020, 8, 1)), referral(3, 1, date(2020, 11, 1)),
        referral(4, 2, date(2020, 6, 1))])
    child = figure(tmp_path, "re_referral_rate_12m_child")
    assert (child["numerator"], child["denominator"]) == (1, 2)
    level = figure(tmp_path, "re_referral_rate_12m")
    assert (level["numerator"], level["denominator"]) == (2, 4)


def test_referrals_by_month_and_in_total(tmp_path):
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 4, 30)), referral(2, 2, date(2020, 4, 1)),
                                      referral(3, 3, date(2021, 3, 31))])
    assert figure(tmp_path, "referrals")["numerator"] == 3
    assert figure(tmp_path, "referrals", breakdown="2020-04")["numerator"] == 2
    assert figure(tmp_path, "referrals", breakdown="2021-03")["numerator"] == 1


def _reference_re_referrals(referrals: list[tuple[int, int, date]], start: date, end: date) -> int:
    """A plain day-by-day reading of the definition, independent of the SQL."""
    count = 0
    for id_, child, on in referrals:
        if not start <= on <= end:
            continue
        back = on.replace(year=on.year - 1) if not (on.month == 2 and on.day == 29) else date(on.year - 1, 2, 28)
        if any(c == child and (o < on or (o == on and i < id_)) and o >= back for i, c, o in referrals if i != id_):
            count += 1
    return count


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 900)), min_size=1, max_size=25))
def test_re_referral_count_matches_a_plain_reference(tmp_path_factory, drawn):
    base = date(2019, 1, 1)
    referrals = [(i + 1, child, base + timedelta(days=offset)) for i, (child, offset) in enumerate(drawn)]
    path = snapshot_dir(tmp_path_factory.mktemp("referrals"),
                        referrals=[referral(i, c, d) for i, c, d in referrals])
    year = year_ending_31_march(2021)
    assert figure(path, "re_referral_rate_12m")["numerator"] == _reference_re_referrals(referrals, year.start, year.end)
