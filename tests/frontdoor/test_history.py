import datetime as dt

from django.utils import timezone

from sightline.casework.models import EarlyHelpEpisode
from sightline.frontdoor import services
from sightline.frontdoor.history import child_history
from tests.factories import ChildProtectionPlanFactory, ReferralFactory
from tests.frontdoor.conftest import amy_details


def warnings(user, contact):
    return [w for h in child_history(user=user, contact=contact) for w in h.warnings]


def test_decider_sees_a_referral_within_twelve_months(matched_contact, mash_worker, child):
    ReferralFactory(person=child, referral_date=timezone.localdate() - dt.timedelta(days=100))
    assert any("re-referral" in w for w in warnings(mash_worker, matched_contact))


def test_referral_older_than_twelve_months_is_not_flagged(matched_contact, mash_worker, child):
    ReferralFactory(person=child, referral_date=timezone.localdate() - dt.timedelta(days=400))
    assert not any("re-referral" in w for w in warnings(mash_worker, matched_contact))


def test_decider_sees_an_open_plan_and_a_step_down(matched_contact, mash_worker, child, childrens_trust):
    plan = ChildProtectionPlanFactory(referral__person=child)
    EarlyHelpEpisode.objects.create(person=child, owning_agency=childrens_trust, lead_agency=childrens_trust,
                                    start_date=timezone.localdate() - dt.timedelta(days=20),
                                    stepped_down_from=plan.referral)
    found = warnings(mash_worker, matched_contact)
    assert "Subject of an open child protection plan." in found
    assert any(w.startswith("Stepped down to early help") for w in found)


def test_decider_sees_repeated_domestic_abuse_contacts(matched_contact, mash_worker, child, police, police_user):
    for n in range(2):
        other, _ = services.contact_record(source_agency=police, recorded_by=police_user, summary="again",
                                           concerns=["domestic_abuse"], people=[amy_details()],
                                           sender_reference=f"SYP-{n}")
        services.given_person_link(given=other.given_people.get(), person=child, user=mash_worker)
    assert "2 other domestic abuse notifications in the last 12 months." in warnings(mash_worker, matched_contact)
