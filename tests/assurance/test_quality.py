"""Audits, training, learning actions and LADO allegations: the rules they keep."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sightline.assurance import selectors
from sightline.assurance.models import CaseReview, LearningAction, TrainingAttendance
from sightline.assurance.services import (
    audit_case_grade,
    lado_allegation_close,
    lado_allegation_record,
    learning_action_set,
    training_attendance_record,
)
from sightline.organisations.models import Role
from tests.assurance.factories import (
    LADOAllegationFactory,
    MultiAgencyAuditFactory,
    TrainingSessionFactory,
    TrustFactory,
)
from tests.factories import AgencyFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def _refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_audit_case_keeps_each_agencys_grading(police, health):
    audit = MultiAgencyAuditFactory()
    case = audit_case_grade(audit=audit, person=PersonFactory(), owning_agency=TrustFactory(),
                            overall_grading="requires_improvement",
                            agency_gradings={police: "good", health: "inadequate"})
    assert dict(case.agency_gradings.values_list("agency__code", "grading")) == {"police": "good",
                                                                                  "health": "inadequate"}


def test_an_unknown_grading_is_refused(police):
    with pytest.raises(ValidationError):
        audit_case_grade(audit=MultiAgencyAuditFactory(), person=PersonFactory(), owning_agency=TrustFactory(),
                         overall_grading="good", agency_gradings={police: "excellent"})


def test_audits_count_their_cases_for_the_business_unit(police):
    audit = MultiAgencyAuditFactory()
    for _ in range(6):
        audit_case_grade(audit=audit, person=PersonFactory(), owning_agency=TrustFactory(), overall_grading="good",
                         agency_gradings={police: "good"})
    business_unit = UserFactory(role=Role.BUSINESS_UNIT)
    assert selectors.audits(user=business_unit).get().cases_audited == 6
    assert not selectors.audits(user=UserFactory(role=Role.AGENCY_CONTRIBUTOR)).exists()


def test_learning_action_comes_from_a_review_or_an_audit_not_both(police):
    review = CaseReview.objects.create(person=PersonFactory(), title="Child C", decision_date=dt.date(2024, 1, 8),
                                       due_date=dt.date(2024, 7, 8), owning_agency=TrustFactory())
    with pytest.raises(ValidationError, match="one case review or one audit"):
        learning_action_set(agency=police, action="Brief staff", due_date=dt.date(2024, 9, 1), case_review=review,
                            audit=MultiAgencyAuditFactory())
    _refused(lambda: LearningAction.objects.create(agency=police, action="Brief staff", due_date=dt.date(2024, 9, 1)))


def test_a_full_session_refuses_another_booking(police):
    session = TrainingSessionFactory(places=2)
    training_attendance_record(session=session, agency=police, attended=True, feedback_score=5)
    training_attendance_record(session=session, agency=police, attended=False)
    with pytest.raises(ValidationError, match="full"):
        training_attendance_record(session=session, agency=police, attended=True)


@pytest.mark.parametrize("fields", [
    {"attended": True, "feedback_score": 6},
    {"attended": True, "confidence_before": 0},
    {"attended": False, "feedback_score": 4},
])
def test_training_evaluation_outside_the_scale_is_refused(police, fields):
    _refused(lambda: TrainingAttendance.objects.create(session=TrainingSessionFactory(), agency=police, **fields))


def test_training_sessions_report_booked_and_attended(police, health):
    session = TrainingSessionFactory(places=10)
    for agency, attended in [(police, True), (police, False), (health, True)]:
        training_attendance_record(session=session, agency=agency, attended=attended)
    row = selectors.training_sessions(user=UserFactory(role=Role.BOARD_MEMBER)).get()
    assert (row.booked, row.attended) == (3, 2)


def test_lado_referral_cannot_precede_the_allegation(school):
    with pytest.raises(ValidationError):
        lado_allegation_record(received_date=dt.date(2024, 3, 5), referral_date=dt.date(2024, 3, 4),
                               sector="education", employer=school, owning_agency=TrustFactory())


def test_lado_close_needs_an_outcome():
    allegation = LADOAllegationFactory()
    with pytest.raises(ValidationError, match="outcome"):
        lado_allegation_close(allegation=allegation, closed_date=dt.date(2024, 5, 1), outcome="")


def test_lado_outcome_without_closure_is_refused_by_the_database():
    _refused(lambda: LADOAllegationFactory(outcome="unfounded"))


def test_lado_closed_before_referral_is_refused_by_the_database():
    _refused(lambda: LADOAllegationFactory(closed_date=dt.date(2024, 3, 4), outcome="false"))


def test_social_worker_sees_lado_allegations_about_a_child_but_a_school_stranger_does_not(social_worker, school_user):
    allegation = LADOAllegationFactory(owning_agency=social_worker.agency)
    assert list(selectors.lado_allegations_for(user=social_worker, person=allegation.person)) == [allegation]
    assert not selectors.lado_allegations_for(user=school_user, person=allegation.person).exists()


def test_case_review_published_without_a_date_is_refused():
    _refused(lambda: CaseReview.objects.create(person=PersonFactory(), title="Child D", status="published",
                                               decision_date=dt.date(2024, 1, 8), due_date=dt.date(2024, 7, 8),
                                               owning_agency=AgencyFactory()))
