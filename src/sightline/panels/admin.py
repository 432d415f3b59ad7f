"""Reference data the partnership maintains: the panels and the risk tool versions."""

from django.contrib import admin

from sightline.panels.models import Panel, RiskTool


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]


@admin.register(RiskTool)
class RiskToolAdmin(admin.ModelAdmin):
    list_display = ["code", "version", "title", "is_current"]
    list_filter = ["code", "is_current"]

    def get_readonly_fields(self, request, obj=None):
        # A version once used is the record of how assessments were scored: change it by a new version.
        if obj is not None and obj.assessments.exists():
            return ["code", "version", "title", "source", "questions", "thresholds"]
        return []
