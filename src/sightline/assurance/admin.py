"""Reference data the partnership business unit maintains: the training courses."""

from django.contrib import admin

from sightline.assurance.models import TrainingCourse


@admin.register(TrainingCourse)
class TrainingCourseAdmin(admin.ModelAdmin):
    list_display = ["title", "topic", "is_active"]
    list_filter = ["topic", "is_active"]
    search_fields = ["title"]
