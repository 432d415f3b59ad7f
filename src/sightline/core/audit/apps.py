from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "sightline.core.audit"
    label = "audit"
    verbose_name = "Audit log"
