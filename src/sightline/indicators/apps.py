from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "sightline.indicators"
    verbose_name = "Indicators and benchmarks"
    default_auto_field = "django.db.models.BigAutoField"
