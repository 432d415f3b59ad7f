"""Every write at the front door, one business action per function (see each module)."""

from sightline.frontdoor.services.api_tokens import api_token_issue, api_token_owner
from sightline.frontdoor.services.checks import check_answer, check_request, checks_chase_overdue
from sightline.frontdoor.services.contacts import GivenDetails, contact_record, given_person_create, given_person_link
from sightline.frontdoor.services.decisions import decision_propose, decision_sign_off
from sightline.frontdoor.services.thresholds import threshold_document_publish
from sightline.frontdoor.services.triage import contact_rate, decision_due_at, target_hours

__all__ = [
    "GivenDetails",
    "api_token_issue",
    "api_token_owner",
    "check_answer",
    "check_request",
    "checks_chase_overdue",
    "contact_rate",
    "contact_record",
    "decision_due_at",
    "decision_propose",
    "decision_sign_off",
    "given_person_create",
    "given_person_link",
    "target_hours",
    "threshold_document_publish",
]
