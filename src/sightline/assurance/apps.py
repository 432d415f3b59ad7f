from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "sightline.assurance"
    verbose_name = "Case reviews, audits, training and allegations (LADO)"
