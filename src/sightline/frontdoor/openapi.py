"""The OpenAPI 3 description of the contacts API, served at /api/frontdoor/openapi.json."""

from sightline.frontdoor.models import Concern

PERSON = {
    "type": "object", "required": ["forename", "surname"], "additionalProperties": False,
    "properties": {
        "forename": {"type": "string", "maxLength": 100}, "surname": {"type": "string", "maxLength": 100},
        "date_of_birth": {"type": "string", "format": "date"},
        "address": {"type": "string", "maxLength": 200}, "postcode": {"type": "string", "maxLength": 8},
        "nhs_number": {"type": "string", "maxLength": 10}, "upn": {"type": "string", "maxLength": 13},
        "police_id": {"type": "string", "maxLength": 40},
        "school_urn": {"type": "string", "maxLength": 7, "description": "DfE URN of the child's school"},
        "is_subject": {"type": "boolean", "default": True,
                       "description": "true for a child the contact is about; false for an adult or other person"},
    },
}
CONTACT_IN = {
    "type": "object", "required": ["sender_reference", "summary", "concerns", "people"],
    "additionalProperties": False,
    "properties": {
        "sender_reference": {"type": "string", "maxLength": 100,
                             "description": "Your own reference; sending it again returns the first contact"},
        "summary": {"type": "string", "maxLength": 10000},
        "concerns": {"type": "array", "minItems": 1, "items": {"type": "string", "enum": Concern.values}},
        "people": {"type": "array", "minItems": 1, "maxItems": 20, "items": {"$ref": "#/components/schemas/Person"}},
        "received_at": {"type": "string", "format": "date-time", "description": "Defaults to the time of receipt"},
        "referrer_name": {"type": "string", "maxLength": 200},
    },
}
CONTACT_OUT = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"}, "reference": {"type": "string", "example": "FD-1042"},
        "sender_reference": {"type": "string"}, "received_at": {"type": "string", "format": "date-time"},
        "decision_due_at": {"type": "string", "format": "date-time"},
        "decided": {"type": "boolean"}, "created": {"type": "boolean"},
    },
}
ERRORS = {"type": "object", "properties": {"errors": {"type": "object", "additionalProperties": {"type": "string"}}}}
CSV_RESULT = {"type": "object", "properties": {
    "created": {"type": "integer"}, "already_received": {"type": "integer"},
    "errors": {"type": "array", "items": {"type": "string"}}}}


def _json(schema_ref: str) -> dict:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}


SCHEMA = {
    "openapi": "3.0.3",
    "info": {"title": "Sightline front door contacts API", "version": "1.0.0",
             "description": "Agency systems send contacts about children to the multi-agency front door. "
                            "Each agency has its own token, sent as `Authorization: Bearer <token>`."},
    "servers": [{"url": "/api/frontdoor"}],
    "security": [{"agencyToken": []}],
    "paths": {
        "/contacts": {"post": {
            "summary": "Send a contact",
            "description": "Idempotent on sender_reference: the same reference from the same agency returns the "
                           "contact already received (200) instead of making another (201).",
            "requestBody": {"required": True, "content": _json("ContactIn")},
            "responses": {"201": {"description": "Contact received", "content": _json("ContactOut")},
                          "200": {"description": "Already received with this reference",
                                  "content": _json("ContactOut")},
                          "400": {"description": "Invalid contact", "content": _json("Errors")},
                          "401": {"description": "Missing, unknown or revoked token"},
                          "413": {"description": "Body too large"},
                          "415": {"description": "Body is not application/json"}}}},
        "/notifications.csv": {"post": {
            "summary": "Send police notifications as CSV",
            "description": "Columns: sender_reference, received_at, child_forename, child_surname, "
                           "child_date_of_birth, postcode, school_urn, police_id, concerns, summary. "
                           "Valid rows are kept; each invalid row is reported by row and field.",
            "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}},
            "responses": {"200": {"description": "Rows loaded", "content": _json("CsvResult")},
                          "400": {"description": "The file could not be read", "content": _json("CsvResult")},
                          "401": {"description": "Missing, unknown or revoked token"},
                          "413": {"description": "File too large"}}}},
    },
    "components": {
        "securitySchemes": {"agencyToken": {"type": "http", "scheme": "bearer"}},
        "schemas": {"Person": PERSON, "ContactIn": CONTACT_IN, "ContactOut": CONTACT_OUT, "Errors": ERRORS,
                    "CsvResult": CSV_RESULT},
    },
}
