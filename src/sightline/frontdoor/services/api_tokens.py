"""Tokens for agency systems calling the contacts API. Only a digest is stored."""

import hashlib
import secrets

from django.utils import timezone

from sightline.frontdoor.models import ApiToken


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_issue(*, agency, name: str) -> tuple[ApiToken, str]:
    """A new token for `agency`; the raw token is returned once and never stored."""
    raw = secrets.token_urlsafe(32)
    token = ApiToken(agency=agency, name=name, digest=_digest(raw))
    token.full_clean()
    token.save()
    return token, raw


def api_token_owner(*, raw: str) -> ApiToken | None:
    """The live token matching `raw`, or None. Lookup is by digest, so timing reveals nothing of the token."""
    if not raw:
        return None
    token = ApiToken.objects.select_related("agency").filter(digest=_digest(raw), revoked_at__isnull=True).first()
    if token is not None:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token
