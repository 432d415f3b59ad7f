"""Writing to the access log: the one way a view of a person's record is recorded."""

from django.http import HttpRequest

from sightline.core.audit.models import AccessLogEntry


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def access_record(*, user, action: str, person_id: int | None = None, record=None, request: HttpRequest | None = None,
                  reason: str = "") -> AccessLogEntry:
    return AccessLogEntry.objects.create(
        user=user,
        person_id=person_id,
        action=action,
        record_type=record._meta.label if record is not None else "",
        record_id=str(record.pk) if record is not None else "",
        path=(request.get_full_path()[:500] if request is not None else ""),
        ip_address=_client_ip(request),
        reason=reason[:500],
    )
