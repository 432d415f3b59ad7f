"""Every write in the panels app: domestic abuse, Operation Encompass, panels, risk assessments."""

from sightline.panels.services.domestic_abuse import (
    da_incident_record,
    da_referral_record,
    da_referrals_mark_repeats,
    encompass_due_at,
    encompass_notification_acknowledge,
    encompass_notification_create,
    encompass_notification_send,
    is_repeat_victim,
    months_earlier_array,
)
from sightline.panels.services.panel import (
    mace_review_due,
    panel_action_complete,
    panel_action_set,
    panel_case_close,
    panel_case_open,
    panel_case_review_record,
    panel_meeting_hold,
)
from sightline.panels.services.risk import risk_assessment_complete, risk_assessment_score, risk_tool_version_publish

__all__ = [
    "da_incident_record",
    "da_referral_record",
    "da_referrals_mark_repeats",
    "encompass_due_at",
    "encompass_notification_acknowledge",
    "encompass_notification_create",
    "encompass_notification_send",
    "is_repeat_victim",
    "mace_review_due",
    "months_earlier_array",
    "panel_action_complete",
    "panel_action_set",
    "panel_case_close",
    "panel_case_open",
    "panel_case_review_record",
    "panel_meeting_hold",
    "risk_assessment_complete",
    "risk_assessment_score",
    "risk_tool_version_publish",
]
