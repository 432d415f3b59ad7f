"""Who is behind a figure: each list worked out by hand on one small record, year ending 31 March 2021."""

from datetime import date

import pytest

from sightline.indicators.catalogue import CATALOGUE
from sightline.indicators.members import member_ids
from sightline.indicators.models import Snapshot
from sightline.indicators.selectors import indicator_members
from tests.indicators.builders import episode, figure, plan, referral, snapshot_dir

START, END = date(2020, 4, 1), date(2021, 3, 31)


@pytest.fixture
def record(tmp_path):
    return snapshot_dir(
        tmp_path,
        # Child 1: re-referred twice in the year (1 June and 1 September, within 12 months of January).
        # Child 2: referred in May 2020, 16 months after 2019: not a re-referral.
        # Child 3: two referrals on one day; the one recorded second is the re-referral.
        referrals=[referral(1, 1, date(2020, 1, 10)), referral(2, 1, date(2020, 6, 1)),
                   referral(3, 1, date(2020, 9, 1)), referral(4, 2, date(2019, 1, 1)),
                   referral(5, 2, date(2020, 5, 1)), referral(6, 3, date(2020, 7, 1)),
                   referral(7, 3, date(2020, 7, 1))],
        # Child 1's assessment: 7 working days; child 2's: May to December, far beyond 45.
        assessments=[{"id": 1, "referral_id": 2, "start_date": date(2020, 6, 1),
                      "authorisation_date": date(2020, 6, 10)},
                     {"id": 2, "referral_id": 5, "start_date": date(2020, 5, 1),
                      "authorisation_date": date(2020, 12, 1)}],
        # Child 1's conference: 7 working days after the strategy discussion; child 2's: 2 months after.
        section47s=[{"id": 1, "referral_id": 2, "start_date": date(2020, 6, 1), "icpc_date": date(2020, 6, 10)},
                    {"id": 2, "referral_id": 5, "start_date": date(2020, 6, 1), "icpc_date": date(2020, 8, 3)}],
        # Child 4: a plan in 2019, a second from October 2020 (no review: overdue since January).
        # Child 5: a first plan from November 2020, reviewed in January (in time, next due July).
        # Child 6: a plan ending on 31 March, so not open at the end.
        cp_plans=[plan(1, 4, date(2019, 1, 1), date(2019, 6, 1)), plan(2, 4, date(2020, 10, 1)),
                  plan(3, 5, date(2020, 11, 1)), plan(4, 6, date(2020, 4, 10), date(2021, 3, 31))],
        conferences=[{"id": 1, "plan_id": 3, "kind": "review", "date": date(2021, 1, 15)}],
        # Child 7 looked after at the end; child 8 only on short breaks (V3); child 9 left in December.
        cla_episodes=[episode(1, 7, date(2020, 5, 1)), episode(2, 8, date(2020, 5, 1), legal_status="V3"),
                      episode(3, 9, date(2020, 5, 1), date(2020, 12, 1))],
        # Children 10 and 11 are 20 on 31 March 2021; 10 is in education (F1), 11 is not (G4); 12 is 15.
        care_leavers=[{"id": 1, "child_id": 10, "year_ending": END, "activity": "F1"},
                      {"id": 2, "child_id": 11, "year_ending": END, "activity": "G4"},
                      {"id": 3, "child_id": 12, "year_ending": END, "activity": "G4"}],
        children=[{"id": 10, "date_of_birth": date(2000, 6, 1)}, {"id": 11, "date_of_birth": date(2001, 1, 1)},
                  {"id": 12, "date_of_birth": date(2005, 6, 1)}],
    )


EXPECTED = {
    "re_referral_rate_12m": [1, 3],
    "re_referral_rate_12m_child": [1, 3],
    "assessments_within_45wd": [2],
    "icpc_within_15wd": [2],
    "cpp_second_or_subsequent": [4],
    "cpp_at_end": [4, 5],
    "cpp_rate_per_10k": [4, 5],
    "cpp_reviews_in_time": [4],
    "cla_at_end": [7],
    "cla_rate_per_10k": [7],
    "care_leavers_19_21_eet_pct": [11],
}


@pytest.mark.parametrize("indicator_id", sorted(EXPECTED))
def test_members_are_the_children_the_figure_counts(record, indicator_id):
    snapshot = Snapshot(path=str(record))
    assert member_ids(indicator_id=indicator_id, period_start=START, period_end=END, snapshot=snapshot) == \
        EXPECTED[indicator_id]
    # figure() also checks that the list has as many rows as the figure counts.
    figure(record, indicator_id, population=[1_000])


def test_a_child_re_referred_twice_is_two_of_the_numerators_rows(record):
    # Referrals 2, 3 (child 1) and 7 (child 3): three re-referrals, two children.
    assert figure(record, "re_referral_rate_12m")["numerator"] == 3
    assert figure(record, "re_referral_rate_12m_child")["numerator"] == 2


def test_the_late_lists_are_the_rest_of_the_denominator(record):
    # Two assessments, one in time: the list is the other one.
    result = figure(record, "assessments_within_45wd")
    assert (result["numerator"], result["denominator"]) == (1, 2)
    assert CATALOGUE["assessments_within_45wd"].members_of == "rest"


def test_every_indicator_with_members_is_checked_here():
    assert sorted(EXPECTED) == sorted(i for i, indicator in CATALOGUE.items() if indicator.members)


@pytest.mark.django_db
def test_indicator_members_reads_the_given_snapshot(record):
    snapshot = Snapshot(path=str(record))
    assert indicator_members(indicator_id="cla_at_end", period_start=START, period_end=END,
                             snapshot=snapshot) == [7]


@pytest.mark.django_db
def test_indicator_members_is_empty_without_a_snapshot_or_a_list(record):
    assert indicator_members(indicator_id="cla_at_end", period_start=START, period_end=END) == []
    assert indicator_members(indicator_id="referrals", period_start=START, period_end=END,
                             snapshot=Snapshot(path=str(record))) == []


def test_an_indicator_without_a_list_says_so(record):
    from sightline.indicators.engine import members

    with pytest.raises(ValueError, match="no list of members"):
        members(snapshot_dir=record, indicator_id="referrals", periods=[])
