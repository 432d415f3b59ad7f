"""Every read of the figures. Aggregates, and the bare ids behind a figure for a caller that filters
them through sightline.core.access; small counts are hidden from roles outside the partnership's
analysts, as the DfE hides them from the public."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from sightline.indicators.members import has_members, member_ids
from sightline.indicators.models import IndicatorResult, Snapshot
from sightline.organisations.models import Role

# Who works with the figures themselves and may see counts of 1 to 5.
UNSUPPRESSED_ROLES = frozenset({Role.BUSINESS_UNIT, Role.ANALYST, Role.ADMINISTRATOR})


def may_see_figures(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def sees_small_numbers(user) -> bool:
    return may_see_figures(user) and user.role in UNSUPPRESSED_ROLES


def latest_snapshot() -> Snapshot | None:
    return Snapshot.objects.filter(results__isnull=False).order_by("-taken_at").distinct().first()


def indicator_members(*, indicator_id: str, period_start: date, period_end: date,
                      snapshot: Snapshot | None = None) -> list[int]:
    """The person ids behind a figure, from `snapshot` (default the latest with results); empty when
    the indicator lists no members or there is no snapshot. Ids only: the caller decides, through
    sightline.core.access, whom its user may see, and audits what it shows."""
    snapshot = snapshot or latest_snapshot()
    if snapshot is None or not has_members(indicator_id):
        return []
    return member_ids(indicator_id=indicator_id, period_start=period_start, period_end=period_end,
                      snapshot=snapshot)


def results_latest(*, user, la_code: str, indicator_id: str | None = None,
                   totals_only: bool = False) -> QuerySet[IndicatorResult]:
    if not may_see_figures(user):
        raise PermissionDenied("Sign in to see the partnership's figures.")
    snapshot = latest_snapshot()
    if snapshot is None:
        return IndicatorResult.objects.none()
    results = IndicatorResult.objects.filter(snapshot=snapshot, area_code=la_code)
    if indicator_id is not None:
        results = results.filter(indicator_id=indicator_id)
    if totals_only:
        results = results.filter(breakdown="")
    return results.order_by("indicator_id", "period_start", "period_end", "breakdown")


def result_as_dict(result: IndicatorResult, *, user) -> dict:
    """A result as the dashboard and the exports show it: hidden figures are null."""
    hidden = result.suppressed and not sees_small_numbers(user)
    return {
        "indicator_id": result.indicator_id, "area_code": result.area_code,
        "period_start": result.period_start.isoformat(), "period_end": result.period_end.isoformat(),
        "period_label": result.period_label, "breakdown": result.breakdown,
        "numerator": None if hidden else result.numerator, "denominator": None if hidden else result.denominator,
        "value": None if hidden else result.value, "unit": result.unit, "suppressed": result.suppressed,
    }
