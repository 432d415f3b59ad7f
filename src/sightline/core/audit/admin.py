from django.contrib import admin

from sightline.core.audit.models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "action", "person_id", "record_type", "record_id", "ip_address")
    list_filter = ("action",)
    search_fields = ("user__username", "person_id", "record_id")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
