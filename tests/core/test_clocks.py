"""Each clock's due date and state, the ratings, and local rules. Dates counted by hand."""

from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sightline.core.clocks import CLOCKS, Override, Rating, State, read_clock

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(("clock_id", "start", "due"), [
    # Fri 16 Sep 2022 + 1 WD: Mon 19 (State Funeral) skipped: Tue 20.
    ("contact_decision", date(2022, 9, 16), date(2022, 9, 20)),
    # Thu 1 Feb 2024 + 45 WD: Mon 8 Apr (Good Friday, Easter Monday skipped; 29 Feb counted).
    ("assessment", date(2024, 2, 1), date(2024, 4, 8)),
    ("assessment_from_start", date(2024, 2, 1), date(2024, 4, 8)),
    # Tue 24 May 2022 + 15 WD: 25-27 May = 1-3, Mon 30 and Tue 31 = 4-5, Wed 1 Jun = 6, Thu 2 and
    # Fri 3 Jun (Jubilee) skipped, 6-10 Jun = 7-11, 13-16 Jun = 12-15: Thu 16 Jun.
    ("initial_child_protection_conference", date(2022, 5, 24), date(2022, 6, 16)),
    # Mon 14 Dec 2020 + 10 WD: 15-18 Dec = 1-4, 21-24 Dec = 5-8, Fri 25 and Mon 28 skipped,
    # Tue 29 = 9, Wed 30 = 10.
    ("core_group_first", date(2020, 12, 14), date(2020, 12, 30)),
    # 30 Nov 2023 + 3 months: 30 Feb does not exist; 2024 is a leap year: 29 Feb.
    ("child_protection_review_first", date(2023, 11, 30), date(2024, 2, 29)),
    # 31 Aug 2024 + 6 months: 28 Feb 2025.
    ("child_protection_review_later", date(2024, 8, 31), date(2025, 2, 28)),
    # Mon 24 Apr 2023 + 20 WD: 25-28 Apr = 1-4, Mon 1 May skipped, 2-5 May = 5-8, Mon 8 May
    # (Coronation) skipped, 9-12 May = 9-12, 15-19 May = 13-17, 22-24 May = 18-20: Wed 24 May.
    ("looked_after_review_first", date(2023, 4, 24), date(2023, 5, 24)),
    ("looked_after_review_second", date(2023, 5, 24), date(2023, 8, 24)),
    ("looked_after_review_later", date(2023, 8, 24), date(2024, 2, 24)),
    # Thu 24 Dec 2020 + 10 WD: Fri 25 and Mon 28 skipped, 29-31 Dec = 1-3, Fri 1 Jan skipped,
    # 4-8 Jan = 4-8, Mon 11 = 9, Tue 12 = 10.
    ("care_plan", date(2020, 12, 24), date(2021, 1, 12)),
    ("initial_health_assessment", date(2023, 4, 24), date(2023, 5, 24)),
    # Wed 1 Jun 2022 + 5 WD: Thu 2 and Fri 3 skipped, 6-10 Jun = 1-5: Fri 10 Jun.
    ("serious_incident_notification", date(2022, 6, 1), date(2022, 6, 10)),
    # Fri 10 Jun 2022 + 15 WD: three clear weeks: Fri 1 Jul.
    ("rapid_review", date(2022, 6, 10), date(2022, 7, 1)),
    ("local_child_safeguarding_practice_review", date(2021, 8, 31), date(2022, 2, 28)),
    # Tue 3 Jan 2023 + 4, 8, 12 weeks: 31 Jan, 28 Feb, 28 Mar.
    ("mace_review_high", date(2023, 1, 3), date(2023, 1, 31)),
    ("mace_review_medium", date(2023, 1, 3), date(2023, 2, 28)),
    ("mace_review_low", date(2023, 1, 3), date(2023, 3, 28)),
    # Fri 24 Dec 2021 + 1 WD: Mon 27 and Tue 28 (substitutes) skipped: Wed 29.
    ("lado_referral", date(2021, 12, 24), date(2021, 12, 29)),
])
def test_due_date(clock_id, start, due):
    assert read_clock(clock_id, start=start, as_of=start).due == due


def test_every_clock_cites_a_source_with_a_verification_mark():
    for clock in CLOCKS.values():
        assert clock.source and clock.starts and clock.met_by
        assert clock.verification in {"V-primary", "V-secondary", "Unverified"}


def test_only_local_practice_clocks_may_have_their_rule_changed():
    overridable = {clock.id for clock in CLOCKS.values() if clock.overridable}
    assert overridable == {"mace_review_high", "mace_review_medium", "mace_review_low", "lado_referral"}


def test_contact_decision_through_its_states():
    start = date(2022, 9, 16)                         # due Tue 20 Sep (Mon 19 a holiday)
    on_start = read_clock("contact_decision", start=start, as_of=start)
    assert (on_start.state, on_start.working_days_left, on_start.rating) == (State.RUNNING, 1, Rating.GREEN)
    on_due_day = read_clock("contact_decision", start=start, as_of=date(2022, 9, 20))
    assert (on_due_day.state, on_due_day.working_days_left, on_due_day.rating) == (State.RUNNING, 0, Rating.AMBER)
    overdue = read_clock("contact_decision", start=start, as_of=date(2022, 9, 21))
    assert (overdue.state, overdue.working_days_left, overdue.rating) == (State.MISSED, -1, Rating.RED)
    met = read_clock("contact_decision", start=start, as_of=date(2022, 9, 30), completed=date(2022, 9, 20))
    assert (met.state, met.rating) == (State.MET, Rating.GREEN)
    late = read_clock("contact_decision", start=start, as_of=date(2022, 9, 30), completed=date(2022, 9, 21))
    assert (late.state, late.rating, late.working_days_left) == (State.MISSED, Rating.RED, None)


def test_a_datetime_start_is_read_as_its_london_date():
    # 23:30 UTC on Thu 15 Sep 2022 is 00:30 BST on Fri 16: due Tue 20 as for Friday.
    reading = read_clock("contact_decision", start=datetime(2022, 9, 15, 23, 30, tzinfo=timezone.utc),
                         as_of=date(2022, 9, 16))
    assert reading.due == date(2022, 9, 20)


def test_assessment_turns_amber_with_a_fifth_of_the_time_left():
    # Due Mon 8 Apr 2024 (day 45). Fri 22 Mar is day 36: 9 left, 9/45 = 20%, amber.
    # Thu 21 Mar is day 35: 10 left, 22%, green.
    start = date(2024, 2, 1)
    assert read_clock("assessment", start=start, as_of=date(2024, 3, 22)).rating == Rating.AMBER
    assert read_clock("assessment", start=start, as_of=date(2024, 3, 21)).rating == Rating.GREEN
    assert read_clock("assessment", start=start, as_of=date(2024, 3, 22)).working_days_left == 9


def test_local_thresholds_change_the_rating_not_the_due_date():
    # Day 20 (Thu 29 Feb): 25 left, 56%: green. Day 23 (Tue 5 Mar): 22 left, 49%: amber.
    # Day 35 (Thu 21 Mar): 10 left, 22%: red under red_at 25%.
    start, override = date(2024, 2, 1), Override(amber_at=0.5, red_at=0.25)

    def rating(as_of):
        return read_clock("assessment", start=start, as_of=as_of, override=override).rating

    assert (rating(date(2024, 2, 29)), rating(date(2024, 3, 5)), rating(date(2024, 3, 21))) == \
           (Rating.GREEN, Rating.AMBER, Rating.RED)
    assert read_clock("assessment", start=start, as_of=start, override=override).due == date(2024, 4, 8)


def test_local_rule_for_an_overridable_clock():
    # LADO referral in 2 WD from Fri 24 Dec 2021: Mon 27 and Tue 28 skipped: Wed 29 = 1, Thu 30 = 2.
    lado = read_clock("lado_referral", start=date(2021, 12, 24), as_of=date(2021, 12, 24),
                      override=Override(amount=2, unit="working_days"))
    assert lado.due == date(2021, 12, 30)
    assert str(lado.rule) == "2 working days"
    # MACE high risk every 6 weeks from Tue 3 Jan 2023: Tue 14 Feb.
    mace = read_clock("mace_review_high", start=date(2023, 1, 3), as_of=date(2023, 1, 3),
                      override=Override(amount=6, unit="weeks"))
    assert mace.due == date(2023, 2, 14)


def test_statutory_rule_cannot_be_overridden():
    with pytest.raises(ValueError, match="cannot be overridden"):
        read_clock("assessment", start=date(2024, 2, 1), as_of=date(2024, 2, 1),
                   override=Override(amount=60, unit="working_days"))


def test_local_closure_day_moves_the_due_date():
    # Tue 23 Dec 2025 + 1 WD with Wed 24 closed: Thu 25, Fri 26, weekend: Mon 29.
    reading = read_clock("contact_decision", start=date(2025, 12, 23), as_of=date(2025, 12, 23),
                         closures={date(2025, 12, 24)})
    assert reading.due == date(2025, 12, 29)


def test_clock_stopped_before_it_fell_due_is_neither_met_nor_missed():
    # First looked-after review due Wed 24 May 2023; the child went home on 10 May.
    stopped = read_clock("looked_after_review_first", start=date(2023, 4, 24), as_of=date(2023, 6, 1),
                         stopped=date(2023, 5, 10))
    assert (stopped.state, stopped.rating) == (State.STOPPED, None)
    too_late = read_clock("looked_after_review_first", start=date(2023, 4, 24), as_of=date(2023, 6, 1),
                          stopped=date(2023, 5, 25))
    assert too_late.state == State.MISSED


def test_month_clock_due_on_a_saturday_leaves_no_working_day_on_the_friday():
    # Review decided Thu 28 Mar 2024 + 6 months = Sat 28 Sep 2024. On Fri 27 no working day
    # is left after today; on the Saturday itself it is still running, with none left.
    start = date(2024, 3, 28)
    friday = read_clock("local_child_safeguarding_practice_review", start=start, as_of=date(2024, 9, 27))
    saturday = read_clock("local_child_safeguarding_practice_review", start=start, as_of=date(2024, 9, 28))
    assert friday.due == date(2024, 9, 28)
    assert (friday.working_days_left, friday.rating) == (0, Rating.AMBER)
    assert (saturday.state, saturday.working_days_left) == (State.RUNNING, 0)


class TestOperationEncompass:
    def test_friday_night_incident_is_due_before_tuesday_school_after_the_funeral(self):
        # Fri 16 Sep 2022 22:30; Sat, Sun, Mon 19 (State Funeral) are not school days: Tue 20 09:00.
        reading = read_clock("operation_encompass", start=datetime(2022, 9, 16, 22, 30, tzinfo=LONDON),
                             as_of=datetime(2022, 9, 16, 22, 30, tzinfo=LONDON))
        assert reading.due == datetime(2022, 9, 20, 9, 0, tzinfo=LONDON)

    def test_early_morning_incident_is_due_the_same_morning(self):
        reading = read_clock("operation_encompass", start=datetime(2022, 9, 20, 2, 0),
                             as_of=datetime(2022, 9, 20, 2, 0))
        assert reading.due == datetime(2022, 9, 20, 9, 0, tzinfo=LONDON)

    def test_incident_in_school_hours_is_due_next_school_day(self):
        # 08:30 UTC is 09:30 BST, after school opened: Wed 21 at 09:00.
        reading = read_clock("operation_encompass", start=datetime(2022, 9, 20, 8, 30, tzinfo=timezone.utc),
                             as_of=datetime(2022, 9, 20, 8, 30, tzinfo=timezone.utc))
        assert reading.due == datetime(2022, 9, 21, 9, 0, tzinfo=LONDON)

    def test_school_closure_date_is_skipped(self):
        # Wed 21 Sep 2022 a training day: Thu 22 at 09:00.
        reading = read_clock("operation_encompass", start=datetime(2022, 9, 20, 10, 0),
                             as_of=datetime(2022, 9, 20, 10, 0), school_closures={date(2022, 9, 21)})
        assert reading.due == datetime(2022, 9, 22, 9, 0, tzinfo=LONDON)

    def test_hours_left_and_rating(self):
        # Incident 02:00, due 09:00: 7 hours allowed. At 07:00, 2 left (29%): green; at 08:00,
        # 1 left (14%): amber; told at 08:45: met; told at 09:05: missed.
        start = datetime(2022, 9, 20, 2, 0)
        seven = read_clock("operation_encompass", start=start, as_of=datetime(2022, 9, 20, 7, 0))
        eight = read_clock("operation_encompass", start=start, as_of=datetime(2022, 9, 20, 8, 0))
        assert (seven.hours_left, seven.rating) == (2.0, Rating.GREEN)
        assert (eight.hours_left, eight.rating) == (1.0, Rating.AMBER)
        assert read_clock("operation_encompass", start=start, as_of=datetime(2022, 9, 20, 10, 0),
                          completed=datetime(2022, 9, 20, 8, 45)).state == State.MET
        assert read_clock("operation_encompass", start=start, as_of=datetime(2022, 9, 20, 10, 0),
                          completed=datetime(2022, 9, 20, 9, 5)).state == State.MISSED

    def test_needs_times_not_dates(self):
        with pytest.raises(TypeError, match="datetimes"):
            read_clock("operation_encompass", start=date(2022, 9, 20), as_of=date(2022, 9, 20))


def test_docs_list_every_clock():
    # docs/clocks.md is written by hand; this keeps it from falling behind the catalogue.
    docs = (Path(__file__).resolve().parents[2] / "docs" / "clocks.md").read_text()
    assert [clock_id for clock_id in CLOCKS if f"`{clock_id}`" not in docs] == []
