"""What the partnership itself adds to the figures: its targets and its words."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from sightline.reports.sections import SECTIONS_BY_SLUG


class Target(models.Model):
    """The partnership's own target for an indicator, set by the business unit.

    Green when the value meets the target, amber when it misses by no more than the amber band,
    red beyond that; which side is "meeting" follows the indicator's better direction.
    """

    indicator_id = models.CharField(max_length=80, unique=True)
    value = models.DecimalField(max_digits=12, decimal_places=2)
    amber_band = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    set_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_id"]
        constraints = [models.CheckConstraint(condition=models.Q(amber_band__gte=0),
                                              name="target_amber_band_not_negative")]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value}"


class NarrativeKind(models.TextChoices):
    # The four blocks each section of the partnership's annual report is written in.
    TELLS_US = "tells_us", "What does the information tell us?"
    DONE = "done", "What has been done?"
    NEXT = "next", "What next?"
    IMPACT = "impact", "Impact"


class NarrativeBlock(models.Model):
    """The partnership's words for one block of one section of the report for one period."""

    section = models.SlugField(max_length=60)
    kind = models.CharField(max_length=12, choices=NarrativeKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    text = models.TextField(blank=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    edited_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["section", "kind", "period_start", "period_end"],
                                    name="narrative_one_block_per_section_kind_period"),
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                   name="narrative_period_ends_after_start"),
        ]

    def clean(self):
        if self.section not in SECTIONS_BY_SLUG:
            raise ValidationError({"section": "There is no such section of the report."})

    def __str__(self) -> str:
        return f"{self.section} / {self.get_kind_display()} ({self.period_start} to {self.period_end})"
