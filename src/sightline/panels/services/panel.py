"""Holding cases on a multi-agency panel: opening, reviewing at meetings, actions, closing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from sightline.core.calendar.selectors import clock_overrides
from sightline.core.clocks import CLOCKS, effective_rule
from sightline.panels.models import PanelAction, PanelCase, PanelCaseReview, PanelKind, PanelMeeting
from sightline.panels.services._saving import validated_save


def mace_review_due(*, risk_level: str, last_reviewed: date) -> date:
    """The next MACE review: 4, 8 or 12 weeks for high, medium or low risk, unless the partnership sets its own."""
    clock = CLOCKS[f"mace_review_{risk_level}"]
    return effective_rule(clock, clock_overrides().get(clock.id)).due_date(last_reviewed)


def _review_due(case: PanelCase, last_reviewed: date) -> date | None:
    if case.panel.kind == PanelKind.MACE and case.risk_level:
        return mace_review_due(risk_level=case.risk_level, last_reviewed=last_reviewed)
    return None


def panel_meeting_hold(*, panel, date: date) -> PanelMeeting:
    meeting, _ = PanelMeeting.objects.get_or_create(panel=panel, date=date)
    return meeting


def panel_case_open(*, panel, person, referral_date: date, owning_agency, risk_level: str = "",
                    exploitation_type: str = "", recorded_by=None) -> PanelCase:
    if PanelCase.objects.filter(panel=panel, person=person, closed_date__isnull=True).exists():
        raise ValidationError({"person": f"This person already has an open case at {panel}."})
    case = PanelCase(panel=panel, person=person, referral_date=referral_date, owning_agency=owning_agency,
                     risk_level=risk_level, exploitation_type=exploitation_type, recorded_by=recorded_by)
    case.review_due = _review_due(case, referral_date)
    return validated_save(case, user=recorded_by)


@transaction.atomic
def panel_case_review_record(*, case: PanelCase, meeting: PanelMeeting, risk_level: str = "", summary: str = "",
                             recorded_by=None) -> PanelCaseReview:
    """The case discussed at `meeting`; a new risk level, if given, sets the next review date from the meeting."""
    if case.closed_date is not None:
        raise ValidationError({"case": "The case is closed."})
    review = PanelCaseReview(case=case, meeting=meeting, risk_level=risk_level or case.risk_level, summary=summary,
                             owning_agency=case.owning_agency, sensitivity=case.sensitivity,
                             legal_basis=case.legal_basis, recorded_by=recorded_by)
    validated_save(review, user=recorded_by)
    case.risk_level = review.risk_level
    case.review_due = _review_due(case, meeting.date)
    validated_save(case, user=recorded_by)
    return review


def panel_action_set(*, meeting: PanelMeeting, case: PanelCase, agency, action: str, due_date: date,
                     recorded_by=None) -> PanelAction:
    if not action.strip():
        raise ValidationError({"action": "Say what the agency is to do."})
    panel_action = PanelAction(meeting=meeting, case=case, agency=agency, action=action, due_date=due_date,
                               owning_agency=case.owning_agency, sensitivity=case.sensitivity,
                               legal_basis=case.legal_basis, recorded_by=recorded_by)
    return validated_save(panel_action, user=recorded_by)


def panel_action_complete(*, panel_action: PanelAction, completed_date: date, user=None) -> PanelAction:
    if panel_action.completed_date is not None:
        raise ValidationError({"completed_date": "The action is already complete."})
    panel_action.completed_date = completed_date
    return validated_save(panel_action, user=user)


def panel_case_close(*, case: PanelCase, closed_date: date, reason: str, user=None) -> PanelCase:
    if case.closed_date is not None:
        raise ValidationError({"closed_date": "The case is already closed."})
    case.closed_date, case.closure_reason, case.review_due = closed_date, reason, None
    return validated_save(case, user=user)
