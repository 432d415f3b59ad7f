"""Scoring risk assessments from a tool's data, and publishing new versions of a tool."""

from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sightline.panels.models import ANSWERS, RiskAssessment, RiskTool
from sightline.panels.services._saving import validated_save


def risk_assessment_score(*, tool: RiskTool, answers: Mapping[str, str]) -> tuple[int, str]:
    """The score (sum of the weights of questions answered "yes") and the level the thresholds give."""
    ids = [question["id"] for question in tool.questions]
    if missing := [i for i in ids if i not in answers]:
        raise ValidationError({"answers": f"Answer every question; not answered: {', '.join(missing)}."})
    if unknown := sorted(set(answers) - set(ids)):
        raise ValidationError({"answers": f"{tool} has no question {', '.join(unknown)}."})
    if bad := sorted(i for i, answer in answers.items() if answer not in ANSWERS):
        raise ValidationError({"answers": f"Answer yes, no or not_known; question {', '.join(bad)} was not."})
    score = sum(question["weight"] for question in tool.questions if answers[question["id"]] == "yes")
    level = [t["level"] for t in tool.thresholds if score >= t["min_score"]][-1]
    return score, level


def risk_assessment_complete(*, tool: RiskTool, person, answers: Mapping[str, str], owning_agency, assessor,
                             completed_at: datetime | None = None, judgement_level: str = "",
                             judgement_reason: str = "") -> RiskAssessment:
    """A completed assessment with the current version of `tool`.

    `judgement_level` is the practitioner's professional judgement: it may raise the level above
    the scored one (SafeLives Marac criterion 2) but not lower it.
    """
    if not tool.is_current:
        raise ValidationError({"tool": f"{tool} has been replaced; use the current version."})
    score, scored_level = risk_assessment_score(tool=tool, answers=answers)
    level = scored_level
    if judgement_level:
        levels = tool.levels
        if judgement_level not in levels:
            raise ValidationError({"level": f"{judgement_level} is not a level of {tool}."})
        if levels.index(judgement_level) < levels.index(scored_level):
            raise ValidationError({"level": "Professional judgement cannot lower the level the answers give."})
        level = judgement_level
    assessment = RiskAssessment(tool=tool, person=person, answers=dict(answers), score=score, scored_level=scored_level,
                                level=level, judgement_reason=judgement_reason, owning_agency=owning_agency,
                                assessor=assessor, recorded_by=assessor, completed_at=completed_at or timezone.now())
    return validated_save(assessment, user=assessor)


@transaction.atomic
def risk_tool_version_publish(*, code: str, title: str, source: str, questions: list, thresholds: list) -> RiskTool:
    """The next version of tool `code`, which becomes current; earlier assessments keep their version."""
    latest = RiskTool.objects.select_for_update().filter(code=code).aggregate(latest=Max("version"))["latest"]
    tool = RiskTool(code=code, version=(latest or 0) + 1, title=title, source=source, questions=questions,
                    thresholds=thresholds)
    tool.full_clean(validate_constraints=False)
    RiskTool.objects.filter(code=code, is_current=True).update(is_current=False)
    tool.save()
    return tool
