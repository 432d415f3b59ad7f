from django.apps import AppConfig


class WorkingCalendarConfig(AppConfig):
    name = "sightline.core.calendar"
    # "calendar" would shadow the standard library module's name in the app registry.
    label = "working_calendar"
    verbose_name = "Working days and statutory clocks"
    default_auto_field = "django.db.models.BigAutoField"
