"""The partnership's own adjustments to the calendar and to the clocks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from sightline.core.calendar.bank_holidays import bank_holidays
from sightline.core.clocks import CLOCKS, Unit


# A local rule counts days; "before the next school day" belongs to Operation Encompass alone.
OVERRIDE_UNITS = [(Unit.WORKING_DAYS.value, "working days"), (Unit.DAYS.value, "calendar days"),
                  (Unit.WEEKS.value, "weeks"), (Unit.MONTHS.value, "months")]


class LocalClosureDay(models.Model):
    """A weekday on which the partnership does not work (for example an extra closure at Christmas).

    It stops every working-day clock for the day, as a bank holiday does.
    """

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]
        verbose_name = "local closure day"

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}: {self.reason}"

    def clean(self) -> None:
        # Weekends and bank holidays are already non-working: recording them would change nothing
        # and would mislead whoever reads the list.
        if self.date is None:
            return
        if self.date.weekday() >= 5:
            raise ValidationError({"date": f"{self.date:%A %d %B %Y} is a weekend day, which is not a working day anyway."})
        if self.date in bank_holidays():
            raise ValidationError({"date": f"{self.date:%d %B %Y} is already a bank holiday "
                                           f"({bank_holidays()[self.date]})."})


class ClockOverride(models.Model):
    """The partnership's own rule or rating thresholds for one clock in the catalogue.

    The rule (amount and unit) may be changed only for a clock the catalogue marks overridable;
    the amber and red thresholds may be set for any clock, since they change only how a clock is
    shown, not when it is due.
    """

    clock_id = models.CharField(max_length=60, unique=True)
    amount = models.PositiveIntegerField(null=True, blank=True)
    unit = models.CharField(max_length=20, blank=True, choices=OVERRIDE_UNITS)
    amber_at = models.FloatField(null=True, blank=True,
                                 help_text="Amber when this share of the time or less is left (0.2 = 20%).")
    red_at = models.FloatField(null=True, blank=True,
                               help_text="Red when this share of the time or less is left; blank: red only once missed.")
    reason = models.CharField(max_length=300, help_text="Why the partnership sets its own rule or thresholds.")

    class Meta:
        ordering = ["clock_id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(amount__isnull=True) & Q(unit="")) | (Q(amount__isnull=False) & ~Q(unit="")),
                name="clock_override_amount_with_unit"),
            models.CheckConstraint(condition=Q(amount__isnull=True) | Q(amount__gt=0), name="clock_override_amount_positive"),
            models.CheckConstraint(condition=Q(amber_at__isnull=True) | Q(amber_at__gte=0, amber_at__lte=1),
                                   name="clock_override_amber_share"),
            models.CheckConstraint(condition=Q(red_at__isnull=True) | Q(red_at__gte=0, red_at__lte=1),
                                   name="clock_override_red_share"),
        ]

    def __str__(self) -> str:
        return f"{self.clock_id}: {self.reason}"

    def clean(self) -> None:
        clock = CLOCKS.get(self.clock_id)
        if clock is None:
            raise ValidationError({"clock_id": f"There is no clock {self.clock_id!r} in the catalogue."})
        if (self.amount is not None or self.unit) and not clock.overridable:
            raise ValidationError({"amount": f"{clock.title} is set by {clock.source}; "
                                             "the partnership cannot change its rule, only its thresholds."})
        if (self.amount is None) != (not self.unit):
            raise ValidationError({"unit": "Give both the amount and the unit of the rule, or neither."})
        amber = clock.amber_at if self.amber_at is None else self.amber_at
        if self.red_at is not None and self.red_at > amber:
            raise ValidationError({"red_at": "Red must start at or after amber (a smaller share of the time left)."})
