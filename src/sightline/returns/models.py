"""Each load of a return into the record, and the records it made.

A ReturnLoad is kept for ever: which file (its SHA-256 and a compressed copy of its bytes), for
which local authority and collection year, when and by whom, and what became of its rows. The
current load of a (format, LA, year) is the one not superseded; a newer return for the same year
supersedes it and replaces the records it made, and the older load, with its file, stays as the
history of what that return said. LoadedRecord ties each record a load made to the load.
"""

from django.conf import settings
from django.db import models


class ReturnLoad(models.Model):
    format = models.CharField(max_length=16)
    la_code = models.CharField("DfE LA code", max_length=3)
    collection_year = models.CharField(max_length=7)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField("SHA-256 of the file", max_length=64)
    source = models.BinaryField("the file, gzip-compressed", editable=False)
    loaded_at = models.DateTimeField(auto_now_add=True)
    loaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    owning_agency = models.ForeignKey("organisations.Agency", on_delete=models.PROTECT, related_name="+")
    is_current = models.BooleanField(default=True)
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="superseded")
    # Rows loaded per table, and the rows left out (with the reason) because they could not be.
    loaded_counts = models.JSONField(default=dict)
    not_loaded = models.JSONField(default=list)

    class Meta:
        ordering = ["-loaded_at"]
        constraints = [
            models.UniqueConstraint(fields=["format", "la_code", "collection_year"],
                                    condition=models.Q(is_current=True), name="return_load_one_current"),
        ]
        indexes = [models.Index(fields=["format", "la_code", "collection_year", "sha256"])]

    def __str__(self) -> str:
        return f"{self.format} {self.collection_year} for LA {self.la_code}: {self.file_name}"


class LoadedRecord(models.Model):
    """A record (a person, a referral with everything under it) that a load made or updated."""

    load = models.ForeignKey(ReturnLoad, on_delete=models.CASCADE, related_name="records")
    model = models.CharField(max_length=60)
    object_id = models.BigIntegerField()
    # For a referral: a hash of the episode as the return gave it (with everything under it), so
    # that a newer return leaves unchanged episodes alone and replaces only what it changed.
    fingerprint = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [models.Index(fields=["load", "model"]), models.Index(fields=["model", "object_id"])]
