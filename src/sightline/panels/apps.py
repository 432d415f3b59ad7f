from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "sightline.panels"
    verbose_name = "Domestic abuse, exploitation and multi-agency panels"
