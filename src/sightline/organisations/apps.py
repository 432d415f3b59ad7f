from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "sightline.organisations"
    verbose_name = "Agencies, teams and users"
