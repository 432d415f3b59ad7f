from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "sightline.care"
    verbose_name = "Children in care and care leavers"
