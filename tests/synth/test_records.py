"""Agency copies of a person: realistically wrong, with the truth kept apart."""

import polars as pl

from sightline.people.identifiers import nhs_number_is_valid


def _with_truth(small):
    people = small["people_person"].select(pl.col("id").alias("person_id"), pl.col("forename").alias("true_forename"),
                                           pl.col("date_of_birth").alias("true_dob"),
                                           pl.col("nhs_number").alias("true_nhs"))
    return small["agency_person_records"].join(small["truth"], on=["record_id", "agency"]).join(people, on="person_id")


def test_every_copy_has_exactly_one_true_person(small):
    copies, truth = small["agency_person_records"], small["truth"]
    assert copies.height == truth.height
    assert copies.select("record_id", "agency").n_unique() == copies.height
    assert "person_id" not in copies.columns


def test_police_copies_lack_nhs_numbers_far_more_often_than_health_copies(small):
    copies = small["agency_person_records"]
    missing = copies.group_by("agency").agg((pl.col("nhs_number") == "").mean().alias("missing"))
    share = dict(zip(missing["agency"].to_list(), missing["missing"].to_list()))
    assert share["police"] > 0.4 > 0.1 > share["health"]


def test_an_nhs_number_in_a_copy_is_the_persons_own(small):
    rows = _with_truth(small).filter(pl.col("nhs_number") != "")
    assert rows.filter(pl.col("nhs_number") != pl.col("true_nhs")).is_empty()
    assert all(nhs_number_is_valid(n) for n in rows["nhs_number"].head(200).to_list())


def test_the_faults_recorded_in_the_truth_are_in_the_copies(small):
    rows = _with_truth(small)
    swapped = rows.filter(pl.col("day_month_transposed"))
    assert swapped.height > 0
    assert swapped.filter((pl.col("date_of_birth").dt.day() != pl.col("true_dob").dt.month())
                          | (pl.col("date_of_birth").dt.month() != pl.col("true_dob").dt.day())).is_empty()
    nicknamed = rows.filter(pl.col("nickname"))
    assert nicknamed.height > 0
    assert nicknamed.filter(pl.col("forename") == pl.col("true_forename")).is_empty()
    clean = rows.filter(~pl.col("day_month_transposed"))
    assert clean.filter(pl.col("date_of_birth") != pl.col("true_dob")).is_empty()
