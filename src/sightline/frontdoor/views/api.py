"""The contacts API for agency systems. Deny by default: every view needs a live agency token.

The login middleware lets /api/frontdoor/ through (agency systems have no session); the token,
sent as `Authorization: Bearer <token>`, is checked here instead. CSRF does not apply: no cookies
are read.
"""

import json
from functools import wraps

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from sightline.frontdoor import services
from sightline.frontdoor.csv_import import MAX_BYTES, police_notifications_load
from sightline.frontdoor.models import Contact
from sightline.frontdoor.openapi import SCHEMA
from sightline.frontdoor.payloads import contact_payload
from sightline.organisations.models import AgencyKind

MAX_JSON_BYTES = 256 * 1024


def token_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
        token = services.api_token_owner(raw=raw.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            response = JsonResponse({"errors": {"": "Send a valid agency token as Authorization: Bearer <token>."}},
                                    status=401)
            response["WWW-Authenticate"] = 'Bearer realm="sightline-frontdoor"'
            return response
        request.api_agency = token.agency
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)


def _contact_json(contact: Contact, created: bool) -> dict:
    return {"id": contact.pk, "reference": f"FD-{contact.pk}", "sender_reference": contact.sender_reference,
            "received_at": contact.received_at.isoformat(), "decision_due_at": contact.decision_due_at.isoformat(),
            "decided": contact.decided_at is not None, "created": created}


@require_POST
@token_required
def contacts(request):
    if request.content_type != "application/json":
        return JsonResponse({"errors": {"": "Send the contact as application/json."}}, status=415)
    if len(request.body) > MAX_JSON_BYTES:
        return JsonResponse({"errors": {"": f"The body is over {MAX_JSON_BYTES:,} bytes."}}, status=413)
    try:
        data = json.loads(request.body)
    except (ValueError, RecursionError):
        return JsonResponse({"errors": {"": "The body is not valid JSON."}}, status=400)
    payload, errors = contact_payload(data)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    try:
        contact, created = services.contact_record(
            source_agency=request.api_agency, summary=payload.summary, concerns=payload.concerns,
            people=payload.people, received_at=payload.received_at, sender_reference=payload.sender_reference,
            referrer_name=payload.referrer_name)
    except ValidationError as error:
        return JsonResponse({"errors": {k: " ".join(v) for k, v in error.message_dict.items()}}, status=400)
    return JsonResponse(_contact_json(contact, created), status=201 if created else 200)


@require_POST
@token_required
def notifications_csv(request):
    if request.api_agency.kind != AgencyKind.POLICE:
        return JsonResponse({"errors": ["Only a police force sends police notifications."]}, status=403)
    if len(request.body) > MAX_BYTES:
        return JsonResponse({"errors": [f"The file is over {MAX_BYTES:,} bytes."]}, status=413)
    name = request.headers.get("X-Filename", "notifications.csv")[:100]
    result = police_notifications_load(name=name, data=request.body, source_agency=request.api_agency)
    unreadable = not result.created and not result.already_received and result.errors
    return JsonResponse(result.as_dict(), status=400 if unreadable else 200)


@require_GET
def openapi(request):
    return JsonResponse(SCHEMA)
