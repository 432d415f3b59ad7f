"""Domestic abuse incidents, referrals and Operation Encompass notices in a generated partnership."""

import datetime as dt

import polars as pl


def test_a_referral_is_a_repeat_only_with_another_in_the_12_months_before(small):
    referrals = small["panels_domesticabusereferral"]
    victim = referrals.filter(pl.col("is_repeat")).row(0, named=True)
    same = referrals.filter((pl.col("victim_id") == victim["victim_id"]) & (pl.col("id") != victim["id"]))
    year_before = victim["referral_date"].replace(year=victim["referral_date"].year - 1)
    assert same.filter(pl.col("referral_date").is_between(year_before, victim["referral_date"])).height >= 1
    first_ever = referrals.sort("referral_date").unique("victim_id", keep="first")
    assert not first_ever["is_repeat"].any()


def test_children_at_an_incident_are_under_18_and_never_the_victim(small):
    incidents = small["panels_domesticabuseincident"]
    children = small["panels_domesticabuseincidentchild"].join(
        incidents.select(pl.col("id").alias("incident_id"), "occurred_at", "victim_id"), on="incident_id").join(
        small["people_person"].select(pl.col("id").alias("child_id"), "date_of_birth"), on="child_id")
    assert children.height > 0
    assert children.filter(pl.col("child_id") == pl.col("victim_id")).is_empty()
    on_day = children.with_columns(pl.col("occurred_at").dt.date().alias("day"))
    assert on_day.filter((pl.col("date_of_birth") > pl.col("day"))
                         | (pl.col("date_of_birth").dt.offset_by("18y") <= pl.col("day"))).is_empty()
    assert incidents.filter(pl.col("alleged_perpetrator_id") == pl.col("victim_id")).is_empty()


def test_encompass_notices_go_to_schools_and_are_sent_after_they_are_made(small):
    notices = small["panels_operationencompassnotification"]
    schools = small["organisations_agency"].filter(pl.col("kind") == "school")["code"]
    assert notices.height > 0
    assert notices["school_code"].is_in(schools.implode()).all()
    assert notices.filter(pl.col("sent_at") < pl.col("created_at")).is_empty()
    assert notices.filter(pl.col("acknowledged_at") < pl.col("sent_at")).is_empty()
    assert notices["created_at"].max().date() <= dt.date(2021, 9, 30)


def test_children_known_to_social_care_miss_more_school(small):
    attendance = small["agencyfeeds_schoolattendance"]
    referred = small["casework_referral"]["person_id"].unique().implode()
    rates = attendance.with_columns(pl.col("person_id").is_in(referred).alias("known"),
                                    (pl.col("sessions_missed") * 10 >= pl.col("sessions_possible")).alias("pa")
                                    ).group_by("known").agg(pl.col("pa").mean())
    share = dict(zip(rates["known"].to_list(), rates["pa"].to_list()))
    assert attendance.filter(pl.col("sessions_missed") > pl.col("sessions_possible")).is_empty()
    assert share[True] > share[False]


def test_health_presentations_are_of_children_aged_10_to_17(small):
    rows = small["agencyfeeds_healthpresentation"].join(
        small["people_person"].select(pl.col("id").alias("person_id"), "date_of_birth"), on="person_id")
    assert rows.height > 0
    assert rows.filter((pl.col("presented_on") < pl.col("date_of_birth").dt.offset_by("10y"))
                       | (pl.col("presented_on") >= pl.col("date_of_birth").dt.offset_by("18y"))).is_empty()
    assert rows.filter(pl.col("discharged_on") < pl.col("presented_on")).is_empty()
