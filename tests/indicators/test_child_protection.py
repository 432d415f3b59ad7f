from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq

from sightline.indicators.periods import year_ending_31_march
from sightline.indicators.snapshot import TABLES, snapshot_schema
from tests.indicators.builders import figure, plan, referral, snapshot_dir


def test_plan_ending_on_31_march_is_not_open_at_31_march(tmp_path):
    # Open at 31 March 2021: plan 1 (started 2019, before the period, still open), plan 3 (started
    # that day). Not open: plan 2 ended on 31 March, plan 4 starts 1 April.
    snapshot_dir(tmp_path, cp_plans=[plan(1, 1, date(2019, 6, 1)), plan(2, 2, date(2020, 6, 1), date(2021, 3, 31)),
                                     plan(3, 3, date(2021, 3, 31)), plan(4, 4, date(2021, 4, 1))])
    assert figure(tmp_path, "cpp_at_end")["numerator"] == 2


def test_doncaster_2017_18_plans_per_10000(tmp_path):
    # Published: 374 children on a plan at 31 March 2018, mid-2017 population 65,867:
    # 374 / 65,867 x 10,000 = 56.78... -> 56.8.
    schema = snapshot_schema(next(t for t in TABLES if t.name == "cp_plans"))
    ids = pa.array(range(1, 375), pa.int64())
    columns = {"id": ids, "child_id": ids, "start_date": pa.array([date(2017, 9, 1)] * 374, pa.date32()),
               "end_date": pa.nulls(374, pa.date32()), "initial_category": pa.array(["NEG"] * 374),
               "latest_category": pa.array(["NEG"] * 374), "number_of_previous_plans": pa.array([0] * 374, pa.int64())}
    pq.write_table(pa.table(columns, schema=schema), tmp_path / "cp_plans.parquet")
    result = figure(tmp_path, "cpp_rate_per_10k", periods=[year_ending_31_march(2018)], population=[65_867])
    assert (result["numerator"], result["denominator"], result["value"]) == (374, 65_867, 56.8)


def test_second_plan_counts_however_long_ago_the_first_was(tmp_path):
    # In 2020-21: child 1's plan follows one in 2012 (subsequent); child 2's carries a previous plan
    # from another LA (number_of_previous_plans 1: subsequent); child 3's is a first plan; child 4
    # starts two plans in the year, the second is subsequent. 3 of 5 starting = 60.0%.
    snapshot_dir(tmp_path, cp_plans=[
        plan(1, 1, date(2012, 1, 9), date(2012, 9, 1)), plan(2, 1, date(2020, 5, 1)),
        plan(3, 2, date(2020, 6, 1), previous=1), plan(4, 3, date(2020, 7, 1)),
        plan(5, 4, date(2020, 4, 6), date(2020, 8, 1)), plan(6, 4, date(2021, 1, 4))])
    result = figure(tmp_path, "cpp_second_or_subsequent_pct")
    assert (result["numerator"], result["denominator"], result["value"]) == (3, 5, 60.0)
    assert figure(tmp_path, "cpp_starts")["numerator"] == 5
    # Children: 1, 2, 3 and 4 (twice) = 4.
    assert figure(tmp_path, "cpp_children_starting")["numerator"] == 4


def test_categories_are_shares_of_children_on_a_plan_at_the_end(tmp_path):
    # At 31 March 2021: EMO, EMO, NEG open; a NEG plan that ended is not. EMO 2/3 = 66.7%, NEG 33.3%.
    snapshot_dir(tmp_path, cp_plans=[plan(1, 1, date(2020, 5, 1), category="EMO"), plan(2, 2, date(2020, 5, 1),
                                     category="EMO"), plan(3, 3, date(2020, 5, 1), category="NEG"),
                                     plan(4, 4, date(2020, 5, 1), date(2020, 9, 1), category="NEG")])
    assert figure(tmp_path, "cpp_category_pct", breakdown="EMO")["value"] == 66.7
    assert figure(tmp_path, "cpp_category_pct", breakdown="NEG")["value"] == 33.3
    assert figure(tmp_path, "cpp_category_pct")["value"] == 100.0


def _review(id, plan_id, on):
    return {"id": id, "referral_id": 1, "plan_id": plan_id, "kind": "review", "date": on, "plan_decided": True}


def test_reviews_in_time(tmp_path):
    # At 31 March 2021, plans open at least 3 months:
    #  1: start 1 Jun 2020, reviews 1 Sep (<= 1 Sep, in time), 1 Mar 2021 (<= 1 Mar): in time.
    #  2: start 1 Jun 2020, first review 2 Sep: late.
    #  3: start 1 Jun 2020, review 1 Sep, none since: due by 1 Mar 2021, overdue at 31 March: late.
    #  4: start 1 Feb 2021: under 3 months, not in the cohort.
    # 1 of 3 = 33.3%.
    snapshot_dir(tmp_path, cp_plans=[plan(1, 1, date(2020, 6, 1)), plan(2, 2, date(2020, 6, 1)),
                                     plan(3, 3, date(2020, 6, 1)), plan(4, 4, date(2021, 2, 1))],
                 conferences=[_review(1, 1, date(2020, 9, 1)), _review(2, 1, date(2021, 3, 1)),
                              _review(3, 2, date(2020, 9, 2)), _review(4, 3, date(2020, 9, 1))])
    result = figure(tmp_path, "cpp_reviews_in_time")
    assert (result["numerator"], result["denominator"], result["value"]) == (1, 3, 33.3)


def test_initial_conferences_and_the_15_day_clock(tmp_path):
    # Strategy discussion Tue 1 Dec 2020 (day 0). 15 working days: Dec 2-4 = 1-3, 7-11 = 4-8,
    # 14-18 = 9-13, Mon 21 = 14, Tue 22 = 15. ICPC 22 Dec in time; 23 Dec late.
    snapshot_dir(tmp_path, referrals=[referral(1, 1, date(2020, 11, 20)), referral(2, 2, date(2020, 11, 20))],
                 section47s=[{"id": i, "referral_id": i, "start_date": date(2020, 12, 1), "icpc_date": held}
                             for i, held in ((1, date(2020, 12, 22)), (2, date(2020, 12, 23)))],
                 conferences=[{"id": 1, "referral_id": 1, "kind": "initial", "date": date(2020, 12, 22)},
                              {"id": 2, "referral_id": 2, "kind": "initial", "date": date(2020, 12, 23)},
                              {"id": 3, "referral_id": 1, "kind": "review", "date": date(2021, 3, 22)}])
    assert figure(tmp_path, "icpc_within_15wd")["value"] == 50.0
    assert figure(tmp_path, "icpc_count")["numerator"] == 2
    assert figure(tmp_path, "icpc_children")["numerator"] == 2
    assert figure(tmp_path, "review_conferences")["numerator"] == 1
