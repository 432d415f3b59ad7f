"""Every read in the agency feeds app, through sightline.core.access."""

from django.db.models import QuerySet

from sightline.agencyfeeds.models import HealthPresentation, SchoolAttendance, SchoolExclusion
from sightline.core import access


def health_presentations_for(*, user, person) -> QuerySet[HealthPresentation]:
    qs = access.visible_records(user, HealthPresentation.objects.select_related("provider"))
    return qs.filter(person=person).order_by("-presented_on")


def school_attendance_for(*, user, person) -> QuerySet[SchoolAttendance]:
    qs = access.visible_records(user, SchoolAttendance.objects.select_related("school"))
    return qs.filter(person=person).order_by("-academic_year", "term")


def school_exclusions_for(*, user, person) -> QuerySet[SchoolExclusion]:
    qs = access.visible_records(user, SchoolExclusion.objects.select_related("school"))
    return qs.filter(person=person).order_by("-start_date")
