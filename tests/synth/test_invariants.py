"""What must hold in any generated partnership, whatever the seed."""

import datetime as dt

import numpy as np
import polars as pl

from sightline.people.identifiers import nhs_number_is_valid, upn_is_valid
from sightline.synth.partnership import partnership_generate


def _no_end_before_start(frame: pl.DataFrame, start: str, end: str) -> int:
    return frame.filter(pl.col(end).is_not_null() & (pl.col(end) < pl.col(start))).height


def test_no_episode_ends_before_it_starts(small):
    checks = [("casework_referral", "referral_date", "closure_date"), ("casework_cinplan", "start_date", "end_date"),
              ("casework_assessment", "start_date", "authorisation_date"),
              ("casework_earlyhelpepisode", "start_date", "end_date"),
              ("care_lookedafterepisode", "start_date", "end_date"), ("care_placement", "start_date", "end_date"),
              ("care_missingepisode", "start_date", "end_date")]
    for table, start, end in checks:
        assert _no_end_before_start(small[table], start, end) == 0, table
    plans = small["casework_childprotectionplan"]
    # CIN rule 8840: a plan cannot end on the day it started.
    assert plans.filter(pl.col("end_date") <= pl.col("start_date")).is_empty()


def test_every_plan_was_made_at_an_initial_conference_on_its_first_day(small):
    plans = small["casework_childprotectionplan"]
    initial = small["casework_childprotectionconference"].filter((pl.col("kind") == "initial") & pl.col("plan_decided"))
    joined = plans.join(initial, left_on="id", right_on="plan_id", how="left")
    assert plans.height > 0
    assert joined.filter(pl.col("date").is_null() | (pl.col("date") != pl.col("start_date"))).is_empty()


def test_conferences_are_on_weekdays(small):
    days = small["casework_childprotectionconference"]["date"].dt.weekday()
    assert days.max() <= 5  # Polars: Monday 1 .. Sunday 7


def test_no_child_is_looked_after_twice_at_once(small):
    episodes = small["care_lookedafterepisode"].sort("person_id", "start_date").with_columns(
        pl.col("end_date").shift(1).over("person_id").alias("previous_end"),
        pl.col("start_date").shift(1).over("person_id").alias("previous_start"))
    overlapping = episodes.filter(pl.col("previous_start").is_not_null() & (
        pl.col("previous_end").is_null() | (pl.col("start_date") < pl.col("previous_end"))))
    assert episodes.height > 0
    assert overlapping.is_empty()


def test_no_child_has_two_plans_at_once(small):
    plans = small["casework_childprotectionplan"].sort("person_id", "start_date").with_columns(
        pl.col("end_date").shift(1).over("person_id").alias("previous_end"),
        pl.col("id").shift(1).over("person_id").alias("previous_id"))
    assert plans.filter(pl.col("previous_id").is_not_null() & (
        pl.col("previous_end").is_null() | (pl.col("start_date") < pl.col("previous_end")))).is_empty()


def test_ages_are_consistent_with_events(small):
    people = small["people_person"].select(pl.col("id").alias("person_id"), "date_of_birth")
    referrals = small["casework_referral"].join(people, on="person_id")
    assert referrals.filter(pl.col("referral_date") < pl.col("date_of_birth")).is_empty()
    for table in ("casework_childprotectionplan", "care_lookedafterepisode"):
        rows = small[table].join(people, on="person_id").with_columns(
            (pl.col("date_of_birth").dt.offset_by("18y")).alias("eighteen"))
        assert rows.filter(pl.col("start_date") >= pl.col("eighteen")).is_empty(), table
        assert rows.filter(pl.col("start_date") < pl.col("date_of_birth")).is_empty(), table
    leavers = small["care_careleaver"].join(people, on="person_id").with_columns(
        pl.col("date_of_birth").dt.offset_by("17y").alias("seventeen"),
        pl.col("date_of_birth").dt.offset_by("22y").alias("twenty_two"))
    assert leavers.height > 0
    # Aged 17 to 21 on their birthday in the collection year (1 April to 31 March).
    assert leavers.filter((pl.col("seventeen") > pl.col("year_ending"))
                          | (pl.col("twenty_two") <= pl.col("year_ending") - dt.timedelta(days=365))).is_empty()


def test_nhs_numbers_and_upns_are_valid_and_unique(small):
    people = small["people_person"]
    nhs = people.filter(pl.col("nhs_number") != "")["nhs_number"]
    upns = people.filter(pl.col("upn") != "")["upn"]
    assert nhs.len() > 0.85 * people.height
    assert upns.len() > 0
    assert all(nhs_number_is_valid(n) for n in nhs.to_list())
    assert all(upn_is_valid(u) for u in upns.to_list())
    assert nhs.n_unique() == nhs.len() and upns.n_unique() == upns.len()


def test_every_child_without_a_upn_has_a_reason(small):
    children = small["people_person"].filter(pl.col("la_child_id") != "")
    assert children.filter((pl.col("upn") == "") == (pl.col("upn_unknown") == "")).is_empty()


def test_nothing_happens_after_the_extract_date(small):
    last = dt.date(2021, 9, 30)
    assert small["casework_referral"]["referral_date"].max() <= last
    assert small["casework_childprotectionconference"]["date"].max() <= last
    assert small["casework_childprotectionplan"]["end_date"].max() <= last


def test_the_same_seed_gives_the_same_partnership(small, small_profile):
    again = partnership_generate(small_profile, seed=7, start=dt.date(2017, 4, 1), end=dt.date(2021, 9, 30))
    for table in ("people_person", "casework_referral", "care_lookedafterepisode", "frontdoor_contact"):
        assert again[table].equals(small[table]), table


def test_another_seed_gives_another_partnership(small, small_profile):
    other = partnership_generate(small_profile, seed=8, start=dt.date(2017, 4, 1), end=dt.date(2021, 9, 30))
    assert not other["people_person"]["nhs_number"].equals(small["people_person"]["nhs_number"])


def test_referrals_come_from_the_most_deprived_areas_more_often(small):
    children = small["synth_child"]
    referred = small["casework_referral"].select("person_id").unique()
    rates = children.with_columns(pl.col("person_id").is_in(referred["person_id"].implode()).alias("referred")).group_by(
        pl.col("deprivation_decile") <= 3).agg(pl.col("referred").mean())
    by_group = dict(zip(rates["deprivation_decile"].to_list(), rates["referred"].to_list()))
    assert by_group[True] > 1.3 * by_group[False]
    assert np.isfinite(by_group[True])
