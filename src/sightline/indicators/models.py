"""Computed figures and the snapshots they were computed from. Aggregates only: no person data."""

import uuid

from django.db import models


class Snapshot(models.Model):
    """A columnar copy of the record (Parquet files in `path`) taken at one moment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taken_at = models.DateTimeField()
    path = models.CharField(max_length=500)
    # {"referrals": 5681, ...}: what the figures rest on, for the reader who doubts one.
    row_counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-taken_at"]
        get_latest_by = "taken_at"

    def __str__(self) -> str:
        return f"Snapshot of {self.taken_at:%d/%m/%Y %H:%M}"


class IndicatorResult(models.Model):
    """One figure: an indicator for one area and period, in total (blank breakdown) or for one part."""

    indicator_id = models.CharField(max_length=64)
    area_code = models.CharField("LA code", max_length=9)
    period_start = models.DateField()
    period_end = models.DateField()
    period_label = models.CharField(max_length=40)
    breakdown = models.CharField(max_length=40, blank=True)
    numerator = models.BigIntegerField()
    denominator = models.BigIntegerField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=16)
    # True when the statutory rule would hide this figure from publication (a count of 1 to 5).
    suppressed = models.BooleanField(default=False)
    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="results")
    computed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["indicator_id", "area_code", "period_end"])]
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "indicator_id", "area_code", "period_start", "period_end",
                                            "breakdown"], name="indicator_result_unique"),
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                   name="indicator_result_period_ordered"),
        ]

    def __str__(self) -> str:
        part = f" [{self.breakdown}]" if self.breakdown else ""
        return f"{self.indicator_id} {self.area_code} {self.period_label}{part}: {self.value}"
