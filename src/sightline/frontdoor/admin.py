from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sightline.frontdoor.models import ApiToken, LevelOfNeedDescriptor, RatingTarget, ThresholdDocument


@admin.register(RatingTarget)
class RatingTargetAdmin(SimpleHistoryAdmin):
    list_display = ("rating", "hours")


def _used(document) -> bool:
    return document is not None and document.descriptors.filter(decisions__isnull=False).exists()


class DescriptorInline(admin.TabularInline):
    model = LevelOfNeedDescriptor
    extra = 0

    def get_readonly_fields(self, request, obj=None):
        return ("level", "title", "description") if _used(obj) else ()

    def has_add_permission(self, request, obj=None):
        return not _used(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _used(obj) and super().has_delete_permission(request, obj)


@admin.register(ThresholdDocument)
class ThresholdDocumentAdmin(SimpleHistoryAdmin):
    list_display = ("title", "version", "partnership", "effective_from")
    inlines = [DescriptorInline]

    def get_readonly_fields(self, request, obj=None):
        # A version that decisions have used is fixed: publish a new version instead.
        if _used(obj):
            return ("partnership", "version", "title", "effective_from")
        return ()


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "created_at", "last_used_at", "revoked_at")
    fields = ("name", "agency", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("name", "agency", "created_at", "last_used_at")

    def has_add_permission(self, request):
        # Tokens are issued by `manage.py frontdoor_token_issue`, which shows the token once.
        return False
