"""Looked-after children and care leavers, as the SSDA903 return records them."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from sightline.care.codes import (CareLeaverActivity, CategoryOfNeed, InTouch, LegalStatus, MissingKind,
                                  ReasonEpisodeCeased, ReasonNewEpisode, ReviewParticipation)
from sightline.core.models import SharedInformation


class Placement(SharedInformation):
    """A placement with one carer; several SSDA903 episodes may fall within it (legal status changes)."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="placements")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    placement_type = models.CharField("PLACE", max_length=3)
    provider = models.CharField("PLACE_PROVIDER", max_length=3, blank=True)
    postcode = models.CharField("PL_POST", max_length=8, blank=True)
    urn = models.CharField("URN", max_length=8, blank=True)
    reason_change = models.CharField("REASON_PLACE_CHANGE", max_length=6, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(
            condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
            name="placement_ends_after_start")]


class LookedAfterEpisode(SharedInformation):
    """One SSDA903 episode: a period with one legal status and one placement."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="looked_after_episodes")
    placement = models.ForeignKey(Placement, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="episodes")
    start_date = models.DateField("DECOM")
    reason_new_episode = models.CharField("RNE", max_length=1, choices=ReasonNewEpisode.choices)
    legal_status = models.CharField("LS", max_length=2, choices=LegalStatus.choices)
    category_of_need = models.CharField("CIN", max_length=2, choices=CategoryOfNeed.choices)
    placement_type = models.CharField("PLACE", max_length=3)
    placement_provider = models.CharField("PLACE_PROVIDER", max_length=3, blank=True)
    end_date = models.DateField("DEC", null=True, blank=True)
    reason_ceased = models.CharField("REC", max_length=3, choices=ReasonEpisodeCeased.choices, blank=True)
    reason_place_change = models.CharField("REASON_PLACE_CHANGE", max_length=6, blank=True)
    home_postcode = models.CharField("HOME_POST", max_length=8, blank=True)
    placement_postcode = models.CharField("PL_POST", max_length=8, blank=True)
    urn = models.CharField("URN", max_length=8, blank=True)
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "start_date"]), models.Index(fields=["start_date", "end_date"])]
        constraints = [models.CheckConstraint(
            condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
            name="episode_ends_after_start")]

    def clean(self) -> None:
        errors = {}
        if self.end_date and not self.reason_ceased:
            errors["reason_ceased"] = "Give the reason the episode ceased (REC) when it has an end date (DEC)."
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "The episode cannot end (DEC) before it starts (DECOM)."
        if self.person_id and self.start_date:
            # SSDA903: episodes of one child never overlap; the next may start on the day the last ended.
            others = LookedAfterEpisode.objects.filter(person_id=self.person_id).exclude(pk=self.pk).filter(
                models.Q(end_date__isnull=True) | models.Q(end_date__gt=self.start_date))
            if self.end_date:
                others = others.filter(start_date__lt=self.end_date)
            if others.exists():
                errors["start_date"] = "This child is already looked after on these dates; episodes cannot overlap."
        if errors:
            raise ValidationError(errors)


class LookedAfterReview(SharedInformation):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="looked_after_reviews")
    date = models.DateField("REVIEW")
    participation = models.CharField("REVIEW_CODE", max_length=3, choices=ReviewParticipation.choices)


class MissingEpisode(SharedInformation):
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="missing_episodes")
    kind = models.CharField("MISSING", max_length=1, choices=MissingKind.choices)
    start_date = models.DateField("MIS_START")
    end_date = models.DateField("MIS_END", null=True, blank=True)
    return_interview_offered = models.BooleanField("return home interview offered", null=True)
    return_interview_accepted = models.BooleanField("return home interview accepted", null=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__isnull=True) | models.Q(
                end_date__gte=models.F("start_date")), name="missing_ends_after_start"),
            models.CheckConstraint(condition=~models.Q(return_interview_accepted=True) | models.Q(
                return_interview_offered=True), name="rhi_accepted_only_if_offered"),
        ]


class CareLeaver(SharedInformation):
    """A care leaver's activity and accommodation around a birthday (SSDA903 OC3)."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_leaver_records")
    year_ending = models.DateField("collection year ending")
    in_touch = models.CharField("IN_TOUCH", max_length=4, choices=InTouch.choices)
    activity = models.CharField("ACTIV", max_length=2, choices=CareLeaverActivity.choices, blank=True)
    accommodation = models.CharField("ACCOM", max_length=2, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "year_ending"], name="care_leaver_one_per_year")]
