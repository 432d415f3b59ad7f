"""Risk tools as versioned data, and the assessments made with them.

BRIEF: "Risk tools (DASH, exploitation screening...) are versioned data (questions, weights,
thresholds), not code; a completed assessment stores the version it used." A tool version is
never edited once used: a change is a new version.

`questions`: [{"id": "1", "text": "...", "weight": 1}, ...]; an answer of "yes" scores the
question's weight, any other answer scores 0.
`thresholds`: [{"level": "standard", "min_score": 0}, {"level": "high", "min_score": 14}, ...]
in rising order; the level is the last whose min_score the score reaches.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sightline.core.models import SharedInformation

ANSWERS = ("yes", "no", "not_known")


def _questions_error(questions) -> str | None:
    if not isinstance(questions, list) or not questions:
        return "Give the questions as a list."
    ids = [q.get("id") if isinstance(q, dict) else None for q in questions]
    if any(not isinstance(i, str) or not i for i in ids) or len(set(ids)) != len(ids):
        return "Every question needs its own id."
    if any(not isinstance(q.get("weight"), int) or q["weight"] < 0 or not q.get("text") for q in questions):
        return "Every question needs its text and a whole-number weight of 0 or more."
    return None


def _thresholds_error(thresholds) -> str | None:
    if not isinstance(thresholds, list) or not thresholds:
        return "Give the thresholds as a list."
    if any(not isinstance(t, dict) or not t.get("level") or not isinstance(t.get("min_score"), int)
           for t in thresholds):
        return "Every threshold needs a level and a whole-number min_score."
    scores = [t["min_score"] for t in thresholds]
    if scores[0] != 0 or scores != sorted(set(scores)):
        return "Thresholds rise from a min_score of 0, each higher than the last."
    return None


class RiskTool(models.Model):
    code = models.SlugField(max_length=40)
    version = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    source = models.TextField(help_text="Where the questions and thresholds come from, and how far they are verified.")
    questions = models.JSONField()
    thresholds = models.JSONField()
    is_current = models.BooleanField(default=True)

    class Meta:
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="risk_tool_version_unique"),
            models.UniqueConstraint(fields=["code"], condition=Q(is_current=True), name="risk_tool_one_current"),
            models.CheckConstraint(condition=Q(version__gte=1), name="risk_tool_version_from_1"),
        ]

    def clean(self) -> None:
        errors = {}
        if message := _questions_error(self.questions):
            errors["questions"] = message
        if message := _thresholds_error(self.thresholds):
            errors["thresholds"] = message
        if errors:
            raise ValidationError(errors)

    @property
    def levels(self) -> list[str]:
        return [t["level"] for t in self.thresholds]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"


class RiskAssessment(SharedInformation):
    """One completed assessment with a tool version: answers, score, and the level it gave.

    `scored_level` is what the thresholds give; `level` is the final level, which professional
    judgement may raise above the scored level but never lower (SafeLives Marac criteria).
    """

    tool = models.ForeignKey(RiskTool, on_delete=models.PROTECT, related_name="assessments")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="risk_assessments")
    assessor = models.ForeignKey("organisations.User", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    answers = models.JSONField()
    score = models.PositiveSmallIntegerField()
    scored_level = models.CharField(max_length=20)
    level = models.CharField(max_length=20)
    judgement_reason = models.TextField(blank=True)
    completed_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        indexes = [models.Index(fields=["person", "completed_at"]), models.Index(fields=["completed_at", "level"])]

    def clean(self) -> None:
        if self.level != self.scored_level and not self.judgement_reason.strip():
            raise ValidationError({"judgement_reason": "Say why professional judgement sets a higher level."})

    def __str__(self) -> str:
        return f"{self.tool}: {self.level}"
