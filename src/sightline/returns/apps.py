from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "sightline.returns"
    verbose_name = "Statutory returns"
