from datetime import date

from sightline.indicators.rounding import rate_per_10k, round_half_up
from tests.indicators.builders import episode, figure, snapshot_dir


def test_doncaster_2021_looked_after_rate_is_a_whole_number():
    # Published: 548 children looked after at 31 March 2021, population 64,165:
    # 548 / 64,165 x 10,000 = 85.40... -> 85 (CLA rates are whole numbers).
    assert rate_per_10k(548, 64_165, 0) == 85
    # 2017-18 CP: 374 / 65,867 x 10,000 = 56.78... -> 56.8 (CIN rates to one place).
    assert rate_per_10k(374, 65_867, 1) == 56.8


def test_halves_round_up_as_the_dfe_rounds():
    assert round_half_up(85.5, 0) == 86
    assert round_half_up(56.85, 1) == 56.9
    assert round_half_up(22.64999, 1) == 22.6


def test_looked_after_at_31_march_excludes_short_breaks_and_episodes_ending_that_day(tmp_path):
    # At 31 March 2021: child 1 (C2, since 2019) and child 2 (two episodes, the later one open)
    # count once each; child 3 only on short breaks (V3); child 4's episode ended 31 March.
    # 2 children; population 1,000: 2 / 1,000 x 10,000 = 20.
    snapshot_dir(tmp_path, cla_episodes=[
        episode(1, 1, date(2019, 5, 1)),
        episode(2, 2, date(2020, 5, 1), date(2020, 9, 1), ceased="X1"),
        episode(3, 2, date(2020, 9, 1), rne="P"),
        episode(4, 3, date(2020, 5, 1), legal_status="V3"),
        episode(5, 4, date(2020, 5, 1), date(2021, 3, 31))])
    assert figure(tmp_path, "cla_at_end")["numerator"] == 2
    result = figure(tmp_path, "cla_rate_per_10k", population=[1_000])
    assert (result["numerator"], result["denominator"], result["value"]) == (2, 1_000, 20.0)


def test_a_child_starting_and_ceasing_twice_counts_once_each_way(tmp_path):
    # Child 1: started 1 May 2020, ceased 1 Jul, started again 1 Sep, ceased 1 Dec 2020: one start,
    # one cessation. Child 2: a change of placement (X1 then P) is neither a cessation nor a start.
    # Child 3 started before the period: no start in 2020-21.
    snapshot_dir(tmp_path, cla_episodes=[
        episode(1, 1, date(2020, 5, 1), date(2020, 7, 1), ceased="E4A"),
        episode(2, 1, date(2020, 9, 1), date(2020, 12, 1), ceased="E13"),
        episode(3, 2, date(2020, 6, 1), date(2020, 8, 1), ceased="X1"),
        episode(4, 2, date(2020, 8, 1), rne="P"),
        episode(5, 3, date(2019, 6, 1))])
    assert figure(tmp_path, "cla_starts")["numerator"] == 2
    assert figure(tmp_path, "cla_ceases")["numerator"] == 1


def test_looked_after_reviews_in_time(tmp_path):
    # Child 1 starts Mon 1 Jun 2020 (day 0). 20 working days: Jun 2-5 = 1-4, 8-12 = 5-9,
    # 15-19 = 10-14, 22-26 = 15-19, Mon 29 Jun = 20. Reviews: 29 Jun (in time), 29 Sep (3 months
    # from 29 Jun: in time), 30 Mar 2021 (6 months from 29 Sep = 29 Mar: late).
    # Child 2 starts 1 Jun 2020, first review Tue 30 Jun (day 21): late. 2 of 4 = 50%.
    snapshot_dir(tmp_path, cla_episodes=[episode(1, 1, date(2020, 6, 1)), episode(2, 2, date(2020, 6, 1))],
                 cla_reviews=[{"id": 1, "child_id": 1, "date": date(2020, 6, 29)},
                              {"id": 2, "child_id": 1, "date": date(2020, 9, 29)},
                              {"id": 3, "child_id": 1, "date": date(2021, 3, 30)},
                              {"id": 4, "child_id": 2, "date": date(2020, 6, 30)}])
    result = figure(tmp_path, "cla_reviews_in_time")
    assert (result["numerator"], result["denominator"], result["value"]) == (2, 4, 50.0)


def test_care_leavers_aged_19_to_21_in_education_employment_or_training(tmp_path):
    # Year ending 31 March 2021. Ages on 31 March 2021: child 1 born 1 Apr 2001 -> 19 (F2, EET);
    # child 2 born 31 Mar 2000 -> 21 (G5, NEET); child 3 born 1 Apr 1999 -> 21 ("0" not known,
    # in the denominator); child 4 born 1 Apr 2002 -> 18 (left out). 1 of 3 = 33%.
    snapshot_dir(tmp_path, children=[{"id": 1, "date_of_birth": date(2001, 4, 1)},
                                     {"id": 2, "date_of_birth": date(2000, 3, 31)},
                                     {"id": 3, "date_of_birth": date(1999, 4, 1)},
                                     {"id": 4, "date_of_birth": date(2002, 4, 1)}],
                 care_leavers=[{"id": i, "child_id": i, "year_ending": date(2021, 3, 31), "activity": a}
                               for i, a in ((1, "F2"), (2, "G5"), (3, "0"), (4, "F1"))])
    result = figure(tmp_path, "care_leavers_19_21_eet_pct")
    assert (result["numerator"], result["denominator"], result["value"]) == (1, 3, 33.0)
