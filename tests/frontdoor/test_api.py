"""The contacts API: a token per agency, stored hashed; idempotent on the sender's reference."""

import json

import pytest

from sightline.frontdoor import services
from sightline.frontdoor.models import ApiToken, Contact

BODY = {"sender_reference": "NICHE-77", "summary": "Domestic incident; child present.",
        "concerns": ["domestic_abuse"],
        "people": [{"forename": "Amy", "surname": "Smith", "date_of_birth": "2014-02-03", "school_urn": "136916"},
                   {"forename": "Jane", "surname": "Smith", "is_subject": False}]}


@pytest.fixture
def police_token(police):
    _, raw = services.api_token_issue(agency=police, name="Niche RMS")
    return raw


def post(client, body, token, content_type="application/json"):
    return client.post("/api/frontdoor/contacts", data=json.dumps(body) if content_type == "application/json"
                       else body, content_type=content_type, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_token_is_stored_only_as_a_digest(police_token):
    stored = ApiToken.objects.get()
    assert police_token not in stored.digest and len(stored.digest) == 64


def test_contact_is_created_then_the_same_reference_returns_it(client, police_token, police):
    first = post(client, BODY, police_token)
    assert first.status_code == 201 and first.json()["created"] is True
    again = post(client, BODY, police_token)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    contact = Contact.objects.get()
    assert (contact.source_agency, contact.referral_source, contact.given_people.count()) == (police, "6", 2)


def test_no_token_or_a_wrong_one_is_refused(client, police_token):
    assert client.post("/api/frontdoor/contacts", data=json.dumps(BODY),
                       content_type="application/json").status_code == 401
    assert post(client, BODY, police_token + "x").status_code == 401
    assert not Contact.objects.exists()


def test_revoked_token_is_refused(client, police_token):
    from django.utils import timezone
    ApiToken.objects.update(revoked_at=timezone.now())
    assert post(client, BODY, police_token).status_code == 401


def test_errors_name_the_field(client, police_token):
    body = dict(BODY, concerns=["arson"], people=[{"forename": "Amy", "date_of_birth": "03/02/2014"}])
    errors = post(client, body, police_token).json()["errors"]
    assert errors["concerns"] == "unknown concerns: arson"
    assert errors["people[0].surname"] == "is required"
    assert errors["people[0].date_of_birth"] == "must be a date as YYYY-MM-DD"


def test_form_encoded_body_is_refused(client, police_token):
    assert post(client, "a=b", police_token, content_type="application/x-www-form-urlencoded").status_code == 415


def test_get_is_not_allowed(client, police_token):
    assert client.get("/api/frontdoor/contacts", HTTP_AUTHORIZATION=f"Bearer {police_token}").status_code == 405


def test_openapi_schema_describes_the_contacts_path(client, db):
    schema = client.get("/api/frontdoor/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]["/contacts"]["post"]["responses"]) >= {"200", "201", "400", "401"}


def test_the_exemption_covers_only_the_api(client, db):
    assert client.get("/frontdoor/").status_code == 302   # still sent to sign in


def test_token_command_prints_a_working_token(client, police, capsys):
    from django.core.management import call_command
    call_command("frontdoor_token_issue", "police", "Niche RMS")
    raw = capsys.readouterr().out.strip().splitlines()[-1]
    assert post(client, BODY, raw).status_code == 201


def test_received_at_in_the_future_is_refused(client, police_token):
    body = dict(BODY, received_at="2099-01-01T09:00:00+00:00")
    assert post(client, body, police_token).json()["errors"]["received_at"] == "cannot be in the future"


def test_received_at_before_the_calendar_is_refused(client, police_token):
    body = dict(BODY, received_at="1999-12-31T09:00:00+00:00")
    assert post(client, body, police_token).json()["errors"]["received_at"] == "cannot be before 2000"
