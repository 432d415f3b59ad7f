from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "sightline.frontdoor"
    verbose_name = "Front door (MASH)"
