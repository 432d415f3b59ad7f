from django.contrib import admin

from sightline.core.calendar.models import ClockOverride, LocalClosureDay


@admin.register(LocalClosureDay)
class LocalClosureDayAdmin(admin.ModelAdmin):
    list_display = ["date", "reason"]
    date_hierarchy = "date"


@admin.register(ClockOverride)
class ClockOverrideAdmin(admin.ModelAdmin):
    list_display = ["clock_id", "amount", "unit", "amber_at", "red_at", "reason"]
