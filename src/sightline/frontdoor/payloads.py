"""Checking a contact sent by an agency system as JSON, field by field, with errors naming the field."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from sightline.frontdoor.models import Concern
from sightline.frontdoor.services import GivenDetails

MAX_PEOPLE = 20
# Agency systems' clocks drift; a few minutes ahead is not "in the future".
CLOCK_SKEW = dt.timedelta(minutes=5)
# The working-day calendar starts in 2000 (sightline.core.calendar.bank_holidays.COVERED_YEARS).
EARLIEST_YEAR = 2000
PERSON_TEXT = {"forename": 100, "surname": 100, "address": 200, "postcode": 8, "nhs_number": 10, "upn": 13,
               "police_id": 40, "school_urn": 7}


@dataclass
class ContactPayload:
    sender_reference: str = ""
    summary: str = ""
    concerns: list[str] = field(default_factory=list)
    people: list[GivenDetails] = field(default_factory=list)
    received_at: dt.datetime | None = None
    referrer_name: str = ""


def _text(value, where: str, limit: int, errors: dict, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors[where] = "must be a string"
        return ""
    value = value.strip()
    if required and not value:
        errors[where] = "is required"
    elif len(value) > limit:
        errors[where] = f"must be at most {limit} characters"
    return value


def _person(raw, n: int, errors: dict) -> GivenDetails | None:
    where = f"people[{n}]"
    if not isinstance(raw, dict):
        errors[where] = "must be an object"
        return None
    unknown = set(raw) - set(PERSON_TEXT) - {"date_of_birth", "is_subject"}
    if unknown:
        errors[where] = f"has unknown fields: {', '.join(sorted(unknown))}"
    values = {name: _text(raw.get(name), f"{where}.{name}", limit, errors, required=name in ("forename", "surname"))
              for name, limit in PERSON_TEXT.items()}
    born = None
    if raw.get("date_of_birth") is not None:
        try:
            born = dt.date.fromisoformat(raw["date_of_birth"])
        except (TypeError, ValueError):
            errors[f"{where}.date_of_birth"] = "must be a date as YYYY-MM-DD"
    is_subject = raw.get("is_subject", True)
    if not isinstance(is_subject, bool):
        errors[f"{where}.is_subject"] = "must be true or false"
    return GivenDetails(date_of_birth=born, is_subject=is_subject is not False, **values)


def contact_payload(data) -> tuple[ContactPayload, dict[str, str]]:
    """The payload and a dict of errors by field path (empty when the payload is good)."""
    errors: dict[str, str] = {}
    payload = ContactPayload()
    if not isinstance(data, dict):
        return payload, {"": "the body must be a JSON object"}
    unknown = set(data) - {"sender_reference", "summary", "concerns", "people", "received_at", "referrer_name"}
    if unknown:
        errors[""] = f"unknown fields: {', '.join(sorted(unknown))}"
    payload.sender_reference = _text(data.get("sender_reference"), "sender_reference", 100, errors, required=True)
    payload.summary = _text(data.get("summary"), "summary", 10000, errors, required=True)
    payload.referrer_name = _text(data.get("referrer_name"), "referrer_name", 200, errors)
    concerns = data.get("concerns")
    if not isinstance(concerns, list) or not concerns or not all(isinstance(c, str) for c in concerns):
        errors["concerns"] = f"must be a non-empty list of: {', '.join(Concern.values)}"
    elif bad := [c for c in concerns if c not in Concern.values]:
        errors["concerns"] = f"unknown concerns: {', '.join(bad)}"
    else:
        payload.concerns = concerns
    people = data.get("people")
    if not isinstance(people, list) or not 1 <= len(people) <= MAX_PEOPLE:
        errors["people"] = f"must be a list of 1 to {MAX_PEOPLE} people"
    else:
        payload.people = [p for p in (_person(raw, n, errors) for n, raw in enumerate(people)) if p]
        if payload.people and not any(p.is_subject for p in payload.people):
            errors["people"] = "must include at least one child the contact is about (is_subject true)"
    if data.get("received_at") is not None:
        moment = parse_datetime(data["received_at"]) if isinstance(data["received_at"], str) else None
        if moment is None or moment.tzinfo is None:
            errors["received_at"] = "must be an ISO 8601 date and time with a UTC offset"
        elif moment > timezone.now() + CLOCK_SKEW:
            errors["received_at"] = "cannot be in the future"
        elif moment.year < EARLIEST_YEAR:
            errors["received_at"] = f"cannot be before {EARLIEST_YEAR}"
        else:
            payload.received_at = moment
    return payload, errors
