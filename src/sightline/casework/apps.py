from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "sightline.casework"
    verbose_name = "Children in need, early help and child protection"
