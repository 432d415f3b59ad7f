"""The append-only log of who looked at whose record, when, from where and why.

The model refuses to update or delete a row; on PostgreSQL a trigger refuses it too, so not even
a query typed at the database prompt can rewrite the log (migration 0002).
"""

from django.conf import settings
from django.db import models


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The access log is append-only: entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError("The access log is append-only: entries cannot be deleted.")


class AccessLogEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The person whose record was seen, and what exactly (a record type and id, or a list).
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    action = models.CharField(max_length=40)
    record_type = models.CharField(max_length=60, blank=True)
    record_id = models.CharField(max_length=60, blank=True)
    path = models.CharField(max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    reason = models.CharField(max_length=500, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = "access log entry"
        verbose_name_plural = "access log"
        ordering = ["-at"]
        default_permissions = ("view",)

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The access log is append-only: entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The access log is append-only: entries cannot be deleted.")
