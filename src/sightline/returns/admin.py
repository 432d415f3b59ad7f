from django.contrib import admin

from sightline.returns.models import ReturnLoad


@admin.register(ReturnLoad)
class ReturnLoadAdmin(admin.ModelAdmin):
    """Loads are history: shown, never edited or deleted by hand."""

    list_display = ("format", "la_code", "collection_year", "file_name", "loaded_at", "loaded_by", "is_current")
    list_filter = ("format", "la_code", "collection_year", "is_current")
    exclude = ("source",)
    readonly_fields = [f.name for f in ReturnLoad._meta.fields if f.name != "source"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
