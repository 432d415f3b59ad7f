"""MACE and other panel cases: opening, review dates from the risk level, actions and closing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sightline.core.calendar.models import ClockOverride
from sightline.panels.models import PanelKind
from sightline.panels.services import (
    panel_action_complete,
    panel_action_set,
    panel_case_close,
    panel_case_open,
    panel_case_review_record,
    panel_meeting_hold,
)
from tests.factories import AgencyFactory, PersonFactory
from tests.panels.factories import PanelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mace():
    return PanelFactory(kind=PanelKind.MACE, name="Doncaster MACE")


@pytest.fixture
def trust():
    return AgencyFactory(code="childrens-trust", kind="childrens_services")


@pytest.fixture
def young_person():
    return PersonFactory(forename="Kai", date_of_birth=dt.date(2008, 7, 1))


def _open(mace, trust, young_person, risk="medium", referral_date=dt.date(2024, 3, 1)):
    return panel_case_open(panel=mace, person=young_person, referral_date=referral_date, owning_agency=trust,
                           risk_level=risk, exploitation_type="criminal")


@pytest.mark.parametrize(("risk", "due"), [
    ("high", dt.date(2024, 3, 29)),    # 01/03/2024 + 4 weeks
    ("medium", dt.date(2024, 4, 26)),  # + 8 weeks
    ("low", dt.date(2024, 5, 24)),     # + 12 weeks
])
def test_mace_review_due_follows_the_risk_level(mace, trust, young_person, risk, due):
    assert _open(mace, trust, young_person, risk).review_due == due


def test_a_local_override_changes_the_mace_review_interval(mace, trust, young_person):
    ClockOverride.objects.create(clock_id="mace_review_high", amount=2, unit="weeks", reason="Weekly panel")
    # 01/03/2024 + 2 weeks = 15/03/2024.
    assert _open(mace, trust, young_person, "high").review_due == dt.date(2024, 3, 15)


def test_review_that_raises_risk_brings_the_next_review_forward(mace, trust, young_person):
    case = _open(mace, trust, young_person, "low")
    meeting = panel_meeting_hold(panel=mace, date=dt.date(2024, 3, 13))
    panel_case_review_record(case=case, meeting=meeting, risk_level="high", summary="Missing overnight twice.")
    case.refresh_from_db()
    # 13/03/2024 + 4 weeks = 10/04/2024.
    assert (case.risk_level, case.review_due) == ("high", dt.date(2024, 4, 10))


def test_mace_case_needs_risk_level_and_exploitation_type(mace, trust, young_person):
    with pytest.raises(ValidationError) as error:
        panel_case_open(panel=mace, person=young_person, referral_date=dt.date(2024, 3, 1), owning_agency=trust)
    assert "risk_level" in error.value.message_dict


def test_only_mace_cases_record_exploitation(trust, young_person):
    marac = PanelFactory(kind=PanelKind.MARAC, name="Doncaster MARAC")
    with pytest.raises(ValidationError, match="Only MACE"):
        panel_case_open(panel=marac, person=young_person, referral_date=dt.date(2024, 3, 1), owning_agency=trust,
                        exploitation_type="sexual")


def test_marac_case_has_no_mace_review_date(trust, young_person):
    marac = PanelFactory(kind=PanelKind.MARAC, name="Doncaster MARAC")
    case = panel_case_open(panel=marac, person=young_person, referral_date=dt.date(2024, 3, 1), owning_agency=trust)
    assert case.review_due is None


def test_a_second_open_case_on_the_same_panel_is_refused(mace, trust, young_person):
    _open(mace, trust, young_person)
    with pytest.raises(ValidationError, match="already has an open case"):
        _open(mace, trust, young_person)


def test_after_closing_the_person_can_be_referred_again(mace, trust, young_person):
    case = _open(mace, trust, young_person)
    panel_case_close(case=case, closed_date=dt.date(2024, 6, 1), reason="Risk reduced; support from early help.")
    again = _open(mace, trust, young_person, referral_date=dt.date(2024, 9, 1))
    assert again.pk != case.pk


def test_review_at_another_panels_meeting_is_refused(mace, trust, young_person):
    case = _open(mace, trust, young_person)
    missing_panel = PanelFactory(kind=PanelKind.OTHER, name="Missing panel")
    other = panel_meeting_hold(panel=missing_panel, date=dt.date(2024, 3, 13))
    with pytest.raises(ValidationError, match="different panel"):
        panel_case_review_record(case=case, meeting=other)


def test_action_cannot_be_due_before_its_meeting(mace, trust, young_person):
    case = _open(mace, trust, young_person)
    meeting = panel_meeting_hold(panel=mace, date=dt.date(2024, 3, 13))
    with pytest.raises(ValidationError, match="due before the meeting"):
        panel_action_set(meeting=meeting, case=case, agency=trust, action="Disruption visit",
                         due_date=dt.date(2024, 3, 12))


def test_action_completed_once(mace, trust, young_person):
    case = _open(mace, trust, young_person)
    meeting = panel_meeting_hold(panel=mace, date=dt.date(2024, 3, 13))
    action = panel_action_set(meeting=meeting, case=case, agency=trust, action="Return home interview",
                              due_date=dt.date(2024, 3, 20))
    panel_action_complete(panel_action=action, completed_date=dt.date(2024, 3, 18))
    with pytest.raises(ValidationError, match="already complete"):
        panel_action_complete(panel_action=action, completed_date=dt.date(2024, 3, 19))
