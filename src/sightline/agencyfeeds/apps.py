from django.apps import AppConfig


class AgencyFeedsConfig(AppConfig):
    name = "sightline.agencyfeeds"
    verbose_name = "Agency feeds: health presentations and school attendance"
