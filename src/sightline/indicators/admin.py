from django.contrib import admin

from sightline.indicators.models import IndicatorResult, Snapshot


class _ReadOnly(admin.ModelAdmin):
    # Figures come only from the engine; an edited figure would no longer match its snapshot.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Snapshot)
class SnapshotAdmin(_ReadOnly):
    list_display = ("taken_at", "path")
    date_hierarchy = "taken_at"


@admin.register(IndicatorResult)
class IndicatorResultAdmin(_ReadOnly):
    list_display = ("indicator_id", "area_code", "period_label", "breakdown", "numerator", "denominator", "value",
                    "suppressed")
    list_filter = ("indicator_id", "area_code")
