from datetime import date

import polars as pl
import pytest

from sightline.agencyfeeds.models import HealthPresentation, SchoolAttendance
from sightline.indicators.periods import month
from sightline.indicators.snapshot import snapshot_write
from tests.factories import AgencyFactory, PersonFactory
from tests.indicators.builders import figure, plan, snapshot_dir

# Ages on the day: child 1 born 10 May 2006; child 2 born 31 March 2003, so 18 on 31 March 2021;
# child 3 born 1 January 2010; child 4 born 1 January 2008; child 5 born 1 June 2009.
CHILDREN = [{"id": 1, "date_of_birth": date(2006, 5, 10)}, {"id": 2, "date_of_birth": date(2003, 3, 31)},
            {"id": 3, "date_of_birth": date(2010, 1, 1)}, {"id": 4, "date_of_birth": date(2008, 1, 1)},
            {"id": 5, "date_of_birth": date(2009, 6, 1)}]


def _seen(rows: list[tuple[int, date, str]]) -> list[dict]:
    return [{"id": i, "child_id": child, "provider_id": 9, "kind": kind, "presented_on": on}
            for i, (child, on, kind) in enumerate(rows, start=1)]


SELF_HARM = _seen([
    (1, date(2020, 4, 30), "ae_self_harm"),
    (1, date(2020, 5, 1), "ae_self_harm"),
    (1, date(2020, 5, 1), "ae_self_harm"),      # the same day twice: one attendance
    (1, date(2020, 6, 15), "ae_mental_health"),  # not self-harm
    (4, date(2020, 7, 1), "ae_self_harm"),
    (4, date(2020, 7, 1), "ae_self_harm"),      # twice in one day only: not a repeat
    (3, date(2020, 3, 31), "ae_self_harm"),     # before the year
    (3, date(2021, 3, 31), "ae_self_harm"),     # the year's last day; 12 months to the day after the last
    (3, date(2021, 4, 1), "ae_self_harm"),      # after the year
    (2, date(2021, 3, 30), "ae_self_harm"),     # aged 17
    (2, date(2021, 3, 31), "ae_self_harm"),     # aged 18 that day: not a child
    (5, date(2020, 3, 30), "ae_self_harm"),     # 12 months and a day before the next
    (5, date(2021, 3, 31), "ae_self_harm"),
])


def test_self_harm_attendances_by_month_count_a_child_once_a_day(tmp_path):
    # 2020-21: child 1 on 30 Apr and 1 May (twice, once counted), child 4 on 1 Jul (once counted),
    # child 2 on 30 Mar, children 3 and 5 on 31 Mar = 6. By month: Apr 1, May 1, Jul 1, Mar 3.
    snapshot_dir(tmp_path, children=CHILDREN, health_presentations=SELF_HARM)
    total = figure(tmp_path, "ae_self_harm_attendances")
    assert (total["numerator"], total["value"], total["suppressed"]) == (6, 6.0, False)
    assert figure(tmp_path, "ae_self_harm_attendances", breakdown="2020-04")["numerator"] == 1
    assert figure(tmp_path, "ae_self_harm_attendances", breakdown="2020-05")["numerator"] == 1
    assert figure(tmp_path, "ae_self_harm_attendances", breakdown="2020-07")["numerator"] == 1
    march = figure(tmp_path, "ae_self_harm_attendances", breakdown="2021-03")
    assert (march["numerator"], march["suppressed"]) == (3, True)


def test_self_harm_attendances_fall_in_the_month_of_the_day(tmp_path):
    # 30 April is April's last day; the two attendances on 1 May are May's one.
    snapshot_dir(tmp_path, children=CHILDREN, health_presentations=SELF_HARM)
    assert figure(tmp_path, "ae_self_harm_attendances", periods=[month(2020, 4)])["numerator"] == 1
    assert figure(tmp_path, "ae_self_harm_attendances", periods=[month(2020, 5)])["numerator"] == 1
    assert figure(tmp_path, "ae_self_harm_attendances", periods=[month(2020, 6)])["numerator"] == 0


def test_self_harm_rate_per_10000_children(tmp_path):
    # 6 attendances / 8,000 children x 10,000 = 7.5.
    snapshot_dir(tmp_path, children=CHILDREN, health_presentations=SELF_HARM)
    result = figure(tmp_path, "ae_self_harm_per_10k", population=[8_000])
    assert (result["numerator"], result["denominator"], result["value"]) == (6, 8_000, 7.5)


def test_repeat_self_harm_needs_an_earlier_day_within_12_months(tmp_path):
    # Children attending in 2020-21: 1, 4, 2 (on 30 Mar, aged 17), 3, 5 = 5.
    # Repeats: child 1 (1 May after 30 Apr); child 3 (31 Mar 2021, exactly 12 months after 31 Mar 2020).
    # Not: child 4 (both on one day), child 2 (none earlier), child 5 (12 months and a day). 2 / 5 = 40%.
    snapshot_dir(tmp_path, children=CHILDREN, health_presentations=SELF_HARM)
    result = figure(tmp_path, "self_harm_repeat_pct")
    assert (result["numerator"], result["denominator"], result["value"]) == (2, 5, 40.0)


ADMISSIONS = _seen([
    (1, date(2020, 4, 1), "mh_admission"),      # the year's first day
    (1, date(2020, 9, 10), "mh_admission"),
    (1, date(2020, 9, 10), "mh_admission"),     # sent twice: one admission
    (3, date(2021, 3, 31), "mh_admission"),
    (3, date(2021, 4, 1), "mh_admission"),      # after the year
    (2, date(2021, 3, 31), "mh_admission"),     # aged 18: not a child
    (4, date(2020, 8, 1), "ae_self_harm"),      # not an admission
])


def test_mental_health_admissions_count_admissions_not_children(tmp_path):
    # 2020-21: child 1 on 1 Apr and 10 Sep, child 3 on 31 Mar = 3 (a count of 1 to 5: suppressed).
    snapshot_dir(tmp_path, children=CHILDREN, health_presentations=ADMISSIONS)
    total = figure(tmp_path, "mental_health_admissions")
    assert (total["numerator"], total["suppressed"]) == (3, True)
    assert [figure(tmp_path, "mental_health_admissions", breakdown=m)["numerator"]
            for m in ("2020-04", "2020-09", "2021-03")] == [1, 1, 1]


def test_mental_health_admission_rate_per_100000_children(tmp_path):
    # 3 admissions / 64,165 children x 100,000 = 4.675... -> 4.7.
    snapshot_dir(tmp_path, children=CHILDREN, health_presentations=ADMISSIONS)
    result = figure(tmp_path, "mental_health_admissions_per_100k", population=[64_165])
    assert (result["numerator"], result["denominator"], result["value"]) == (3, 64_165, 4.7)


def test_persistent_absence_of_children_on_plans_in_the_academic_year_ending_in_the_period(tmp_path):
    # Year ending 31 March 2021 holds 31 August 2020, the end of academic year 2019/20.
    # Child 1: on a plan Jan-Jun 2020; 15 of 200 and 16 of 100 sessions missed, 31 of 300 = 10.3%: absent.
    # Child 2: plan from 31 Aug 2020, the year's last day; 29 of 300 = 9.7% (the autumn row is not added).
    # Child 3: plan ended 31 Aug 2019, before the year: left out. Child 4: 30 of 300 = 10%: absent.
    # Child 5: on a plan, but only 2020/21 attendance: left out. 2 of 3 = 66.7%.
    def year(i, child, possible, missed, academic_year=2019, term="year", school=7):
        return {"id": i, "child_id": child, "school_id": school, "academic_year": academic_year, "term": term,
                "sessions_possible": possible, "sessions_missed": missed}

    snapshot_dir(tmp_path, cp_plans=[plan(1, 1, date(2020, 1, 10), date(2020, 6, 1)), plan(2, 2, date(2020, 8, 31)),
                                     plan(3, 3, date(2019, 1, 1), date(2019, 8, 31)), plan(4, 4, date(2019, 1, 1)),
                                     plan(5, 5, date(2019, 1, 1))],
                 school_attendance=[year(1, 1, 200, 15), year(2, 1, 100, 16, school=8), year(3, 2, 300, 29),
                                    year(4, 2, 100, 100, term="autumn"), year(5, 3, 300, 100),
                                    year(6, 4, 300, 30), year(7, 5, 300, 200, academic_year=2020)])
    result = figure(tmp_path, "persistent_absence_cpp_pct")
    assert (result["numerator"], result["denominator"], result["value"]) == (2, 3, 66.7)


@pytest.mark.django_db
def test_snapshot_exports_the_health_and_attendance_feeds(tmp_path):
    health = AgencyFactory(kind="health_provider")
    school = AgencyFactory(kind="school")
    child = PersonFactory(date_of_birth=date(2010, 1, 1))
    HealthPresentation.objects.create(person=child, provider=health, owning_agency=health, kind="ae_self_harm",
                                      presented_on=date(2021, 3, 31), discharged_on=date(2021, 4, 1))
    SchoolAttendance.objects.create(person=child, school=school, owning_agency=school, academic_year=2020,
                                    term="year", sessions_possible=300, sessions_missed=30)
    counts = snapshot_write(tmp_path)
    assert (counts["health_presentations"], counts["school_attendance"]) == (1, 1)
    seen = pl.read_parquet(tmp_path / "health_presentations.parquet").to_dicts()[0]
    assert (seen["child_id"], seen["kind"], seen["presented_on"], seen["discharged_on"]) == (
        child.id, "ae_self_harm", date(2021, 3, 31), date(2021, 4, 1))
    # 30 of 300 sessions missed: exactly 10%, persistently absent (the database's own flag).
    assert pl.read_parquet(tmp_path / "school_attendance.parquet")["persistent_absence"].to_list() == [True]


def test_an_admission_rate_without_a_population_is_unknown_not_infinite(tmp_path):
    # An area with no ONS population (not an LA the DfE publishes): 3 admissions, no rate.
    snapshot_dir(tmp_path, children=CHILDREN, health_presentations=ADMISSIONS)
    result = figure(tmp_path, "mental_health_admissions_per_100k", population=[None])
    assert (result["numerator"], result["denominator"], result["value"]) == (3, None, None)
