"""Partnership assurance: case reviews, audits, training and LADO allegations, imported here for Django."""

from sightline.assurance.models.quality import (
    AllegationOutcome,
    AuditAgencyGrading,
    AuditCase,
    AuditTheme,
    EmploymentSector,
    Grading,
    LADOAllegation,
    MultiAgencyAudit,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
    TrainingTopic,
)
from sightline.assurance.models.reviews import (
    CaseReview,
    CaseReviewKind,
    CaseReviewStatus,
    LearningAction,
    RapidReview,
    RapidReviewDecision,
    SeriousIncident,
)

__all__ = [
    "AllegationOutcome",
    "AuditAgencyGrading",
    "AuditCase",
    "AuditTheme",
    "CaseReview",
    "CaseReviewKind",
    "CaseReviewStatus",
    "EmploymentSector",
    "Grading",
    "LADOAllegation",
    "LearningAction",
    "MultiAgencyAudit",
    "RapidReview",
    "RapidReviewDecision",
    "SeriousIncident",
    "TrainingAttendance",
    "TrainingCourse",
    "TrainingSession",
    "TrainingTopic",
]
