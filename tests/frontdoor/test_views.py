"""The pages: each works for its users and refuses others (403 or 404), and views are logged."""

import pytest
from django.urls import reverse

from sightline.core.audit.models import AccessLogEntry
from sightline.frontdoor.models import Decision, LevelOfNeedDescriptor


def test_queue_lists_the_contact_for_the_mash(client, mash_worker, police_contact):
    client.force_login(mash_worker)
    response = client.get(reverse("frontdoor:queue"))
    assert response.status_code == 200
    assert f"FD-{police_contact.pk}" in response.text
    assert 'hx-trigger="every 30s"' in response.text


def test_queue_polling_returns_only_the_rows(client, mash_worker, police_contact):
    client.force_login(mash_worker)
    response = client.get(reverse("frontdoor:queue"), HTTP_HX_REQUEST="true")
    assert "<html" not in response.text and f"FD-{police_contact.pk}" in response.text


@pytest.mark.parametrize("who", ["police_user", "school_user", "analyst", "social_worker"])
def test_queue_is_refused_to_others(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("frontdoor:queue")).status_code == 403


def test_contact_page_is_logged_against_the_child(client, mash_worker, matched_contact, child):
    client.force_login(mash_worker)
    response = client.get(matched_contact.get_absolute_url())
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(action="contact_view")
    assert (entry.person_id, entry.record_id) == (child.pk, str(matched_contact.pk))


@pytest.mark.parametrize("who", ["police_user", "health_user", "school_user", "analyst", "social_worker"])
def test_contact_page_is_refused_to_others(client, request, who, matched_contact):
    client.force_login(request.getfixturevalue(who))
    assert client.get(matched_contact.get_absolute_url()).status_code in (403, 404)


def test_contact_naming_a_sealed_child_is_hidden(client, mash_worker, matched_contact, child):
    child.restricted = True
    child.save()
    client.force_login(mash_worker)
    assert client.get(matched_contact.get_absolute_url()).status_code == 404


def test_page_suggests_the_match_and_the_worker_confirms(client, mash_worker, police_contact, child):
    client.force_login(mash_worker)
    page = client.get(police_contact.get_absolute_url())
    assert "This is the same person" in page.text and child.la_child_id in page.text
    given = police_contact.given_people.get()
    client.post(reverse("frontdoor:given_link", args=[police_contact.pk, given.pk]), {"person": child.pk})
    given.refresh_from_db()
    assert given.person == child


def test_police_user_cannot_link_through_the_page(client, police_user, police_contact, child):
    client.force_login(police_user)
    given = police_contact.given_people.get()
    response = client.post(reverse("frontdoor:given_link", args=[police_contact.pk, given.pk]), {"person": child.pk})
    assert response.status_code == 404


def test_manager_rates_through_the_page(client, mash_manager, police_contact, mash_team):
    client.force_login(mash_manager)
    client.post(reverse("frontdoor:rate", args=[police_contact.pk]), {"rating": "amber", "team": mash_team.pk})
    police_contact.refresh_from_db()
    assert (police_contact.rating, police_contact.team) == ("amber", mash_team)


def test_worker_rating_is_refused(client, mash_worker, police_contact):
    client.force_login(mash_worker)
    assert client.post(reverse("frontdoor:rate", args=[police_contact.pk]), {"rating": "red"}).status_code == 403


def test_decision_page_without_rationale_shows_the_error(client, mash_manager, matched_contact):
    client.force_login(mash_manager)
    descriptor = LevelOfNeedDescriptor.objects.get(level=4)
    response = client.post(reverse("frontdoor:decide", args=[matched_contact.pk]),
                           {"descriptor": descriptor.pk, "outcome": "assessment", "rationale": "", "sign_off": "1"})
    assert response.status_code == 400
    assert "Give the reason for this decision" in response.text
    assert not Decision.objects.exists()


def test_manager_decides_and_signs_off_in_one_step(client, mash_manager, matched_contact, child):
    client.force_login(mash_manager)
    descriptor = LevelOfNeedDescriptor.objects.get(level=4)
    client.post(reverse("frontdoor:decide", args=[matched_contact.pk]),
                {"descriptor": descriptor.pk, "outcome": "assessment", "rationale": "Significant harm likely.",
                 "sign_off": "1"})
    matched_contact.refresh_from_db()
    assert matched_contact.decided_at is not None
    assert matched_contact.decision.referrals.get().person == child


def test_health_user_sees_and_answers_the_health_check(client, health_user, health_check):
    client.force_login(health_user)
    assert f"Check {health_check.pk}" in client.get(reverse("frontdoor:checks")).text
    assert client.get(health_check.get_absolute_url()).status_code == 200
    response = client.post(health_check.get_absolute_url(), {"information": "Known to health visiting.",
                                                            "known_to_agency": "yes", "sensitivity": "partnership",
                                                            "legal_basis": "ca2004_s11"})
    assert response.status_code == 302
    health_check.refresh_from_db()
    assert health_check.answered_at is not None
    assert AccessLogEntry.objects.filter(action="agency_check_view", record_id=str(health_check.pk)).exists()


@pytest.mark.parametrize("who", ["school_user", "health_user", "analyst"])
def test_police_check_page_is_refused_to_other_agencies(client, request, who, police_check):
    client.force_login(request.getfixturevalue(who))
    assert client.get(police_check.get_absolute_url()).status_code in (403, 404)


def test_school_users_check_list_does_not_show_police_checks(client, school_user, police_check):
    client.force_login(school_user)
    response = client.get(reverse("frontdoor:checks"))
    assert response.status_code == 200 and f"Check {police_check.pk}" not in response.text


def test_analyst_has_no_check_list(client, analyst):
    client.force_login(analyst)
    assert client.get(reverse("frontdoor:checks")).status_code == 403


def test_anonymous_user_is_sent_to_sign_in(client, police_contact):
    assert client.get(police_contact.get_absolute_url()).status_code == 302


def test_manager_signs_off_the_workers_proposal_unchanged(client, mash_worker, mash_manager, matched_contact):
    descriptor = LevelOfNeedDescriptor.objects.get(level=2)
    client.force_login(mash_worker)
    client.post(reverse("frontdoor:decide", args=[matched_contact.pk]),
                {"descriptor": descriptor.pk, "outcome": "advice", "rationale": "Parents accepted advice.",
                 "sign_off": "1"})   # a worker's sign_off is ignored: only a proposal is made
    decision = Decision.objects.get()
    assert decision.signed_off_at is None
    client.force_login(mash_manager)
    assert "Sign off this proposal" in client.get(matched_contact.get_absolute_url()).text
    client.post(reverse("frontdoor:sign_off", args=[matched_contact.pk]))
    decision.refresh_from_db()
    assert (decision.proposed_by, decision.signed_off_by) == (mash_worker, mash_manager)
