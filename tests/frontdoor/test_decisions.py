import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sightline.casework.models import EarlyHelpEpisode, Referral
from sightline.frontdoor import services
from sightline.frontdoor.models import Decision, LevelOfNeedDescriptor, ThresholdDocument
from sightline.people.models import Involvement
from tests.factories import ReferralFactory


def level(n):
    return LevelOfNeedDescriptor.objects.get(document__version="2017-09", level=n)


def propose(contact, user, outcome="assessment", n=4, rationale="Amy witnessed repeated violence.", **kw):
    return services.decision_propose(contact=contact, user=user, descriptor=level(n), outcome=outcome,
                                     rationale=rationale, **kw)


def test_decision_without_a_rationale_is_refused(matched_contact, mash_worker):
    with pytest.raises(ValidationError) as error:
        propose(matched_contact, mash_worker, rationale="   ")
    assert "rationale" in error.value.message_dict
    assert not Decision.objects.exists()


def test_sign_off_without_a_rationale_is_refused(matched_contact, mash_worker, mash_manager):
    decision = propose(matched_contact, mash_worker)
    with pytest.raises(ValidationError):
        services.decision_sign_off(decision=decision, manager=mash_manager, rationale="")
    matched_contact.refresh_from_db()
    assert matched_contact.decided_at is None


def test_decision_waits_until_every_person_is_confirmed(police_contact, mash_worker):
    with pytest.raises(ValidationError):
        propose(police_contact, mash_worker)


def test_only_a_manager_signs_off(matched_contact, mash_worker):
    decision = propose(matched_contact, mash_worker)
    with pytest.raises(PermissionDenied):
        services.decision_sign_off(decision=decision, manager=mash_worker)


def test_sign_off_opens_a_referral_dated_the_day_received(matched_contact, mash_worker, mash_manager, child):
    decision = propose(matched_contact, mash_worker)
    services.decision_sign_off(decision=decision, manager=mash_manager)
    referral = Referral.objects.get(person=child)
    assert referral.referral_date == timezone.localtime(matched_contact.received_at).date()
    assert referral.referral_source == "6"
    assert list(decision.referrals.all()) == [referral]
    matched_contact.refresh_from_db()
    assert matched_contact.decided_at == decision.signed_off_at


def test_decision_keeps_the_threshold_version_it_used(matched_contact, mash_worker):
    newer = ThresholdDocument.objects.create(partnership="DSCP", version="2026-01", title="Levels of need",
                                             effective_from=dt.date(2026, 1, 1))
    LevelOfNeedDescriptor.objects.create(document=newer, level=4, title="Statutory", description="...")
    decision = propose(matched_contact, mash_worker)   # uses the 2017-09 descriptor
    assert decision.threshold_version == "2017-09"


def test_referral_from_open_early_help_is_a_step_up(matched_contact, mash_worker, mash_manager, child,
                                                    childrens_trust):
    episode = EarlyHelpEpisode.objects.create(person=child, owning_agency=childrens_trust, lead_agency=childrens_trust,
                                              start_date=dt.date(2026, 1, 5))
    services.decision_sign_off(decision=propose(matched_contact, mash_worker), manager=mash_manager)
    assert Referral.objects.get(person=child).stepped_up_from == episode


def test_early_help_with_a_school_after_a_closed_case_is_a_step_down(matched_contact, mash_worker, mash_manager,
                                                                     child, school):
    closed = ReferralFactory(person=child, referral_date=timezone.localdate() - dt.timedelta(days=90),
                             closure_date=timezone.localdate() - dt.timedelta(days=30), reason_for_closure="RC9")
    decision = propose(matched_contact, mash_worker, outcome="early_help", n=2, early_help_provider="school",
                       early_help_agency=school)
    services.decision_sign_off(decision=decision, manager=mash_manager)
    episode = EarlyHelpEpisode.objects.get(person=child)
    assert (episode.lead_agency, episode.stepped_down_from, episode.level_of_need) == (school, closed, 2)
    assert Involvement.objects.filter(person=child, agency=school).exists()


def test_early_help_needs_a_provider(matched_contact, mash_worker):
    with pytest.raises(ValidationError) as error:
        propose(matched_contact, mash_worker, outcome="early_help", n=2)
    assert "early_help_provider" in error.value.message_dict


def test_existing_case_outcome_needs_an_open_case(matched_contact, mash_worker, mash_manager):
    decision = propose(matched_contact, mash_worker, outcome="existing_case")
    with pytest.raises(ValidationError):
        services.decision_sign_off(decision=decision, manager=mash_manager)
    matched_contact.refresh_from_db()
    assert matched_contact.decided_at is None


def test_no_further_action_opens_nothing(matched_contact, mash_worker, mash_manager, child):
    services.decision_sign_off(decision=propose(matched_contact, mash_worker, outcome="nfa", n=1),
                               manager=mash_manager)
    assert not Referral.objects.filter(person=child).exists()
    assert not EarlyHelpEpisode.objects.filter(person=child).exists()


def test_a_new_version_needs_all_four_levels(db):
    with pytest.raises(ValidationError):
        services.threshold_document_publish(partnership="DSCP", version="2026-01", title="Levels of need",
                                            effective_from=dt.date(2026, 1, 1), levels=[(1, "Universal", "...")])


def test_decisions_after_a_new_version_use_it_and_earlier_ones_keep_theirs(matched_contact, mash_worker):
    from sightline.frontdoor.selectors import current_descriptors
    earlier = propose(matched_contact, mash_worker)
    services.threshold_document_publish(
        partnership="DSCP", version="2026-01", title="Levels of need", effective_from=dt.date(2026, 1, 1),
        levels=[(n, f"Level {n}", "...") for n in (1, 2, 3, 4)])
    assert {d.document.version for d in current_descriptors()} == {"2026-01"}
    earlier.refresh_from_db()
    assert earlier.threshold_version == "2017-09"


def test_admin_fixes_a_version_once_a_decision_used_it(client, django_user_model, matched_contact, mash_worker):
    admin = django_user_model.objects.create_superuser("admin", password="x" * 16, role="administrator")
    client.force_login(admin)
    propose(matched_contact, mash_worker)
    document = ThresholdDocument.objects.get(version="2017-09")
    page = client.get(f"/admin/frontdoor/thresholddocument/{document.pk}/change/")
    assert page.status_code == 200
    assert 'name="version"' not in page.text and 'name="descriptors-0-description"' not in page.text
