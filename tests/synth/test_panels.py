"""MACE and MARAC cases in a generated partnership: the panels' own rules hold."""

import datetime as dt

import polars as pl

from sightline.core.clocks import CLOCKS
from sightline.synth.panels import meeting_days
from sightline.synth.partnership import partnership_generate


def _cases(small, kind: str) -> pl.DataFrame:
    panel = small["panels_panel"].filter(pl.col("kind") == kind)["id"][0]
    return small["panels_panelcase"].filter(pl.col("panel_id") == panel)


def test_no_panel_case_closes_before_it_opens_and_closed_cases_give_a_reason(small):
    cases = small["panels_panelcase"]
    assert cases.filter(pl.col("closed_date") < pl.col("referral_date")).is_empty()
    assert cases.filter(pl.col("closed_date").is_not_null() & (pl.col("closure_reason") == "")).is_empty()
    assert cases.filter(pl.col("closed_date").is_null() & (pl.col("closure_reason") != "")).is_empty()


def test_no_panel_or_assurance_record_is_dated_after_the_extract(small):
    last = dt.date(2021, 9, 30)
    for table, column in (("panels_panelcase", "referral_date"), ("panels_panelcase", "closed_date"),
                          ("panels_panelmeeting", "date"), ("panels_panelaction", "completed_date"),
                          ("assurance_seriousincident", "notified_date"), ("assurance_rapidreview", "completed_date"),
                          ("assurance_casereview", "published_date"), ("assurance_ladoallegation", "closed_date"),
                          ("assurance_trainingsession", "date"), ("assurance_multiagencyaudit", "audit_date")):
        assert small[table][column].max() <= last, (table, column)


def test_nobody_has_two_open_cases_at_one_panel_at_once(small):
    spells = small["panels_panelcase"].sort("panel_id", "person_id", "referral_date").with_columns(
        pl.col("closed_date").shift(1).over("panel_id", "person_id").alias("previous_close"),
        pl.col("id").shift(1).over("panel_id", "person_id").alias("previous"))
    assert spells.filter(pl.col("previous").is_not_null() & (
        pl.col("previous_close").is_null() | (pl.col("previous_close") > pl.col("referral_date")))).is_empty()


def test_mace_cases_are_children_of_10_to_17_with_a_risk_level_and_type(small):
    mace = _cases(small, "mace").join(small["people_person"].select(pl.col("id").alias("person_id"), "date_of_birth"),
                                      on="person_id")
    assert mace.height > 0
    assert mace.filter((pl.col("referral_date") < pl.col("date_of_birth").dt.offset_by("10y"))
                       | (pl.col("referral_date") >= pl.col("date_of_birth").dt.offset_by("18y"))).is_empty()
    assert set(mace["risk_level"]) <= {"low", "medium", "high"}
    assert set(mace["exploitation_type"]) <= {"sexual", "criminal", "both"}


def test_open_mace_cases_are_due_for_review_as_the_clock_says(small):
    mace = _cases(small, "mace")
    last_review = small["panels_panelcasereview"].join(
        small["panels_panelmeeting"].select(pl.col("id").alias("meeting_id"), "date"), on="meeting_id").group_by(
        "case_id").agg(pl.col("date").max().alias("last_review"))
    rows = mace.join(last_review, left_on="id", right_on="case_id", how="left")
    open_ = rows.filter(pl.col("closed_date").is_null())
    assert open_.height > 0
    for case in open_.iter_rows(named=True):
        since = case["last_review"] or case["referral_date"]
        assert case["review_due"] == CLOCKS[f"mace_review_{case['risk_level']}"].rule.due_date(since)
    # Closed cases and MARAC cases have no review date (panel_case_close clears it).
    assert rows.filter(pl.col("closed_date").is_not_null() & pl.col("review_due").is_not_null()).is_empty()
    assert _cases(small, "marac")["review_due"].is_null().all()


def test_reviews_are_at_the_cases_panel_between_referral_and_closure(small):
    reviews = small["panels_panelcasereview"].join(
        small["panels_panelmeeting"].select(pl.col("id").alias("meeting_id"), pl.col("panel_id").alias("held_by"),
                                            "date"), on="meeting_id").join(
        small["panels_panelcase"].select(pl.col("id").alias("case_id"), "panel_id", "referral_date", "closed_date"),
        on="case_id")
    assert reviews.height > 0
    assert reviews.filter(pl.col("held_by") != pl.col("panel_id")).is_empty()
    assert reviews.filter((pl.col("date") < pl.col("referral_date")) | (pl.col("date") > pl.col("closed_date"))
                          ).is_empty()
    assert reviews.select("meeting_id", "case_id").is_unique().all()


def test_mace_reviews_come_no_later_than_a_week_after_the_last_review_made_them_due(small):
    mace_ids = _cases(small, "mace").select(pl.col("id").alias("case_id"))
    dates = small["panels_panelcasereview"].join(small["panels_panelmeeting"].select(
        pl.col("id").alias("meeting_id"), "date"), on="meeting_id").join(mace_ids, on="case_id").sort(
        "case_id", "date").with_columns(pl.col("date").diff().over("case_id").dt.total_days().alias("gap"),
                                        pl.col("risk_level").shift(1).over("case_id").alias("set_before"))
    # 4, 8 or 12 weeks by the level set at the review before, and one meeting's slip.
    allowed = pl.col("set_before").replace_strict({"high": 28, "medium": 56, "low": 84}) + 7
    assert dates.filter(pl.col("gap").is_not_null()).height > 0
    assert dates.filter(pl.col("gap") > allowed).is_empty()


def test_a_mace_case_holds_the_level_set_at_its_last_review(small):
    last = small["panels_panelcasereview"].join(small["panels_panelmeeting"].select(
        pl.col("id").alias("meeting_id"), "date"), on="meeting_id").sort("date").group_by("case_id").agg(
        pl.col("risk_level").last().alias("last_level"))
    mace = _cases(small, "mace").join(last, left_on="id", right_on="case_id")
    assert mace.height > 0
    assert mace.filter(pl.col("risk_level") != pl.col("last_level")).is_empty()


def test_marac_cases_are_victims_of_high_risk_incidents_heard_within_three_weeks(small):
    marac = _cases(small, "marac")
    high = small["panels_domesticabuseincident"].filter(pl.col("dash_risk_level") == "high").select(
        pl.col("victim_id").alias("person_id"), pl.col("occurred_at").dt.date().alias("day"))
    matched = marac.join(high, on="person_id").filter(
        (pl.col("referral_date") >= pl.col("day")) & (pl.col("referral_date") <= pl.col("day") + dt.timedelta(days=7)))
    assert marac.height > 0
    assert matched.select("id").n_unique() == marac.height
    heard = marac.filter(pl.col("closed_date").is_not_null())
    assert heard.filter(pl.col("closed_date") > pl.col("referral_date") + dt.timedelta(days=21)).is_empty()


def test_meetings_skip_bank_holidays():
    # Tuesdays of December 2020: 1, 8, 15, 22 and 29; none a bank holiday (Christmas was a Friday).
    first, last = dt.date(2020, 12, 1), dt.date(2020, 12, 31)
    days = meeting_days((first - dt.date(1970, 1, 1)).days, (last - dt.date(1970, 1, 1)).days, 1)
    assert [dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in days] == [
        dt.date(2020, 12, d) for d in (1, 8, 15, 22, 29)]
    mondays = meeting_days((dt.date(2021, 5, 1) - dt.date(1970, 1, 1)).days,
                           (dt.date(2021, 5, 31) - dt.date(1970, 1, 1)).days, 0)
    # Mondays of May 2021: 3 (Early May bank holiday), 10, 17, 24, 31 (Spring bank holiday).
    assert [dt.date(1970, 1, 1) + dt.timedelta(days=int(d)) for d in mondays] == [
        dt.date(2021, 5, d) for d in (10, 17, 24)]


def test_actions_are_not_due_or_done_before_their_meeting(small):
    actions = small["panels_panelaction"].join(
        small["panels_panelmeeting"].select(pl.col("id").alias("meeting_id"), "date"), on="meeting_id")
    assert actions.height > 0
    assert actions.filter((pl.col("due_date") < pl.col("date")) | (pl.col("completed_date") < pl.col("date"))
                          ).is_empty()


def test_the_same_seed_gives_the_same_panels_and_assurance(small, small_profile):
    again = partnership_generate(small_profile, seed=7, start=dt.date(2017, 4, 1), end=dt.date(2021, 9, 30))
    for table in ("panels_panelcase", "panels_panelcasereview", "assurance_seriousincident",
                  "assurance_trainingattendance", "assurance_auditagencygrading", "assurance_ladoallegation"):
        assert again[table].equals(small[table]), table
