from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "sightline.reports"
    label = "reports"
    verbose_name = "Dashboard and reports"
