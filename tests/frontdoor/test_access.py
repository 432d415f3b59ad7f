"""Every front door page refuses users of the wrong agency or role (403 or 404)."""

import pytest
from django.urls import reverse

from sightline.frontdoor.models import AgencyCheck, ContactPerson, Decision
from sightline.people.models import Person


def _actions(contact):
    given = contact.given_people.get()
    return [
        ("given_link", [contact.pk, given.pk], {"person": 1}),
        ("given_create", [contact.pk, given.pk], {}),
        ("rate", [contact.pk], {"rating": "red"}),
        ("check_request", [contact.pk], {"agency": contact.source_agency_id, "question": "?"}),
        ("decide", [contact.pk], {"outcome": "nfa", "rationale": "x"}),
        ("sign_off", [contact.pk], {}),
    ]


@pytest.mark.parametrize("who", ["police_user", "health_user", "school_user", "analyst", "social_worker"])
def test_contact_actions_are_refused_outside_the_front_door(client, request, who, police_contact):
    client.force_login(request.getfixturevalue(who))
    for name, args, data in _actions(police_contact):
        assert client.post(reverse(f"frontdoor:{name}", args=args), data).status_code in (403, 404), name
    assert not ContactPerson.objects.exists() and not AgencyCheck.objects.exists()
    assert not Decision.objects.exists() and not Person.objects.filter(surname="Smith", forename="Amy").exists()
    police_contact.refresh_from_db()
    assert police_contact.rating == ""


@pytest.mark.parametrize("step", ["child", "address", "school", "concerns", "details"])
def test_form_pages_are_refused_to_an_analyst(client, analyst, step):
    client.force_login(analyst)
    assert client.get(reverse("frontdoor:submit_step", args=[step])).status_code == 403


def test_check_answers_page_is_refused_to_the_board(client, childrens_trust, django_user_model):
    board = django_user_model.objects.create(username="board", agency=childrens_trust, role="board_member")
    client.force_login(board)
    assert client.get(reverse("frontdoor:submit_check")).status_code == 403


@pytest.mark.parametrize("who", ["police_user", "health_user", "mash_worker", "analyst"])
def test_encompass_list_is_for_schools_only(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("frontdoor:encompass")).status_code == 403


def test_health_user_cannot_answer_the_police_check_by_posting(client, health_user, police_check):
    client.force_login(health_user)
    response = client.post(police_check.get_absolute_url(), {"information": "x", "known_to_agency": "yes",
                                                            "sensitivity": "partnership", "legal_basis": "ca2004_s11"})
    assert response.status_code == 404
    police_check.refresh_from_db()
    assert police_check.answered_at is None
