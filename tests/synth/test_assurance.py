"""Serious incidents, reviews, LADO allegations, training and audits in a generated partnership."""

import datetime as dt

import polars as pl
import pytest

from sightline.assurance.models import AuditAgencyGrading, CaseReview, LearningAction, RapidReview, TrainingAttendance
from sightline.core.clocks import CLOCKS
from sightline.panels.models import PanelCase, PanelCaseReview
from sightline.synth.load import partnership_load


def _due(clock: str, start: dt.date) -> dt.date:
    return CLOCKS[clock].rule.due_date(start)


def test_serious_incidents_are_due_five_working_days_after_the_authority_knew(small):
    incidents = small["assurance_seriousincident"]
    assert incidents.height > 0
    for row in incidents.iter_rows(named=True):
        assert row["notification_due"] == _due("serious_incident_notification", row["la_aware_date"])
        assert row["notified_date"] is None or row["notified_date"] >= row["la_aware_date"]


def test_every_rapid_review_belongs_to_a_notified_incident_and_is_due_15_working_days_on(small):
    reviews = small["assurance_rapidreview"].join(
        small["assurance_seriousincident"].select(pl.col("id").alias("incident_id"), "notified_date"),
        on="incident_id", how="left")
    assert reviews.height > 0
    assert reviews["incident_id"].is_unique().all()
    assert reviews.filter(pl.col("notified_date").is_null() | (pl.col("started_date") < pl.col("notified_date"))
                          ).is_empty()
    for row in reviews.iter_rows(named=True):
        assert row["due_date"] == _due("rapid_review", row["notified_date"])
        assert (row["completed_date"] is None) == (row["decision"] == "")


def test_practice_reviews_follow_a_review_decision_and_are_due_six_months_on(small):
    reviews = small["assurance_casereview"]
    rapid = small["assurance_rapidreview"].select(pl.col("id").alias("rapid_review_id"), "decision", "completed_date")
    linked = reviews.join(rapid, on="rapid_review_id")
    assert linked.height > 0
    assert linked.filter(pl.col("decision") != pl.col("kind")).is_empty()
    assert linked.filter(pl.col("decision_date") < pl.col("completed_date")).is_empty()
    for row in reviews.iter_rows(named=True):
        assert row["due_date"] == _due("local_child_safeguarding_practice_review", row["decision_date"])
        assert (row["status"] == "published") == (row["published_date"] is not None)


def test_lado_allegations_are_referred_after_receipt_with_an_outcome_only_when_closed(small):
    lado = small["assurance_ladoallegation"]
    assert lado.height > 0
    assert lado.filter(pl.col("referral_date") < pl.col("received_date")).is_empty()
    assert lado.filter(pl.col("closed_date") < pl.col("referral_date")).is_empty()
    assert lado.filter(pl.col("closed_date").is_null() != (pl.col("outcome") == "")).is_empty()


def test_lado_employers_are_agencies_and_in_education_the_childs_school(small):
    lado = small["assurance_ladoallegation"].filter(pl.col("employer_code").is_not_null())
    agencies = small["organisations_agency"].select(pl.col("code").alias("employer_code"), "kind")
    employers = lado.join(agencies, on="employer_code", how="left")
    assert employers.filter(pl.col("kind").is_null()).is_empty()
    schools = employers.filter(pl.col("sector") == "education")
    assert schools.height > 0
    assert (schools["kind"] == "school").all()
    pupils = small["synth_child"].select("person_id", "school_urn")
    assert schools.join(pupils, on="person_id").filter(
        ~pl.col("employer_code").str.ends_with(pl.col("school_urn"))).is_empty()


def test_training_feedback_only_when_attended_and_within_the_places(small):
    attendance = small["assurance_trainingattendance"]
    assert attendance.filter(pl.col("feedback_score").is_not_null()).height > 0
    evaluated = pl.col("feedback_score").is_not_null() | pl.col("confidence_before").is_not_null()
    assert attendance.filter(~pl.col("attended") & evaluated).is_empty()
    assert attendance.filter((pl.col("feedback_score") < 1) | (pl.col("feedback_score") > 5)).is_empty()
    booked = attendance.group_by("session_id").len().join(
        small["assurance_trainingsession"], left_on="session_id", right_on="id")
    assert booked.filter(pl.col("len") > pl.col("places")).is_empty()


def test_no_training_while_courses_were_postponed(small):
    # Seed report: face-to-face courses stopped with the pandemic; the virtual offer began in autumn 2020.
    days = small["assurance_trainingsession"]
    assert days.filter(pl.col("date").is_between(dt.date(2020, 4, 1), dt.date(2020, 9, 30))).is_empty()
    assert days.filter(pl.col("date") >= dt.date(2020, 10, 1), pl.col("date") < dt.date(2021, 4, 1))[
        "is_virtual"].all()


def test_audits_resume_in_july_2021_with_six_neglect_cases(small):
    audits = small["assurance_multiagencyaudit"]
    assert audits.filter(pl.col("audit_date").is_between(dt.date(2020, 4, 1), dt.date(2021, 6, 30))).is_empty()
    july = audits.filter(pl.col("audit_date").is_between(dt.date(2021, 7, 1), dt.date(2021, 7, 31)))
    assert july["theme"].to_list() == ["neglect"]
    assert small["assurance_auditcase"].filter(pl.col("audit_id") == july["id"][0]).height == 6


def test_each_audit_case_is_graded_once_per_agency_and_always_by_the_trust(small):
    gradings = small["assurance_auditagencygrading"]
    assert gradings.select("audit_case_id", "agency_code").is_unique().all()
    by_trust = gradings.filter(pl.col("agency_code") == "doncaster-childrens-trust")
    assert by_trust["audit_case_id"].sort().to_list() == small["assurance_auditcase"]["id"].sort().to_list()


def test_learning_actions_come_from_a_review_or_an_audit_not_both(small):
    actions = small["assurance_learningaction"]
    assert actions.height > 0
    assert actions.filter(pl.col("case_review_id").is_null() == pl.col("audit_id").is_null()).is_empty()


@pytest.fixture
def loaded(db, small):
    return partnership_load(small, la_code=371)


def test_panels_and_assurance_load_into_the_record(loaded, small):
    assert PanelCase.objects.count() == small["panels_panelcase"].height
    assert PanelCaseReview.objects.count() == small["panels_panelcasereview"].height
    assert RapidReview.objects.count() == small["assurance_rapidreview"].height
    assert CaseReview.objects.count() == small["assurance_casereview"].height
    assert TrainingAttendance.objects.count() == small["assurance_trainingattendance"].height
    assert AuditAgencyGrading.objects.count() == small["assurance_auditagencygrading"].height
    assert LearningAction.objects.count() == small["assurance_learningaction"].height
    review = RapidReview.objects.select_related("incident").first()
    assert review.incident.notified_date <= review.started_date
    case = PanelCase.objects.filter(panel__kind="mace").select_related("panel", "owning_agency").first()
    assert case.owning_agency.code == "doncaster-childrens-trust"
    assert case.panel.name == "Doncaster MACE panel"
