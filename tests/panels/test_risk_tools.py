"""Risk tools are data: the DASH RIC version 1 loaded by migration, scored by count of "yes"."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sightline.panels.models import RiskTool
from sightline.panels.services import risk_assessment_complete, risk_assessment_score, risk_tool_version_publish
from tests.factories import PersonFactory, UserFactory
from tests.panels.factories import RiskToolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dash():
    return RiskTool.objects.get(code="dash_ric", version=1)


def _answers(yes: int, total: int = 24) -> dict[str, str]:
    # The first `yes` questions answered yes, the rest split between no and not known.
    return {str(n): "yes" if n <= yes else ("no" if n % 2 else "not_known") for n in range(1, total + 1)}


def test_dash_version_1_has_24_questions_each_weighing_1(dash):
    assert len(dash.questions) == 24
    assert {q["weight"] for q in dash.questions} == {1}
    assert dash.is_current


@pytest.mark.parametrize(("yes", "expected"), [
    (0, (0, "standard")),
    (9, (9, "standard")),     # 9 ticks: the top of the local standard band
    (10, (10, "medium")),     # 10 ticks: local medium band 10-13
    (13, (13, "medium")),     # 13 ticks: one short of the Marac threshold
    (14, (14, "high")),       # 14 ticks: SafeLives visible high risk
    (24, (24, "high")),
])
def test_dash_scores_by_ticks_at_each_threshold(dash, yes, expected):
    assert risk_assessment_score(tool=dash, answers=_answers(yes)) == expected


def test_not_known_does_not_score(dash):
    answers = {str(n): "not_known" for n in range(1, 25)}
    assert risk_assessment_score(tool=dash, answers=answers) == (0, "standard")


def test_weights_come_from_the_tool():
    tool = RiskToolFactory()
    # a (1) + c (3) = 4, at or above the high threshold of 3; b (2) alone = 2, low.
    assert risk_assessment_score(tool=tool, answers={"a": "yes", "b": "no", "c": "yes"}) == (4, "high")
    assert risk_assessment_score(tool=tool, answers={"a": "no", "b": "yes", "c": "no"}) == (2, "low")


def test_every_question_must_be_answered(dash):
    answers = _answers(3)
    del answers["17"]
    with pytest.raises(ValidationError, match="not answered: 17"):
        risk_assessment_score(tool=dash, answers=answers)


def test_an_answer_outside_yes_no_not_known_is_refused(dash):
    with pytest.raises(ValidationError, match="question 2 was not"):
        risk_assessment_score(tool=dash, answers={**_answers(1), "2": "maybe"})


@pytest.fixture
def idva(db):
    return UserFactory(username="idva")


def test_professional_judgement_raises_13_ticks_to_high(dash, idva):
    assessment = risk_assessment_complete(tool=dash, person=PersonFactory(), answers=_answers(13),
                                          owning_agency=idva.agency, assessor=idva, judgement_level="high",
                                          judgement_reason="Recent strangulation and escalating stalking.")
    assert (assessment.score, assessment.scored_level, assessment.level) == (13, "medium", "high")
    assert assessment.tool.version == 1


def test_professional_judgement_cannot_lower_a_high_score(dash, idva):
    with pytest.raises(ValidationError, match="cannot lower"):
        risk_assessment_complete(tool=dash, person=PersonFactory(), answers=_answers(14), owning_agency=idva.agency,
                                 assessor=idva, judgement_level="medium", judgement_reason="Victim minimises.")


def test_raising_the_level_needs_a_reason(dash, idva):
    with pytest.raises(ValidationError, match="professional judgement"):
        risk_assessment_complete(tool=dash, person=PersonFactory(), answers=_answers(2), owning_agency=idva.agency,
                                 assessor=idva, judgement_level="high")


def test_a_new_version_becomes_current_and_old_assessments_keep_theirs(dash, idva):
    old = risk_assessment_complete(tool=dash, person=PersonFactory(), answers=_answers(14), owning_agency=idva.agency,
                                   assessor=idva, completed_at=dt.datetime(2024, 1, 5, 10, tzinfo=dt.UTC))
    new = risk_tool_version_publish(code="dash_ric", title=dash.title, source="Local bands changed.",
                                    questions=dash.questions,
                                    thresholds=[{"level": "standard", "min_score": 0},
                                                {"level": "high", "min_score": 12}])
    dash.refresh_from_db()
    assert (new.version, new.is_current, dash.is_current) == (2, True, False)
    old.refresh_from_db()
    assert (old.tool_id, old.level) == (dash.pk, "high")
    with pytest.raises(ValidationError, match="has been replaced"):
        risk_assessment_complete(tool=dash, person=PersonFactory(), answers=_answers(1), owning_agency=idva.agency,
                                 assessor=idva)


@pytest.mark.parametrize(("thresholds", "message"), [
    ([{"level": "low", "min_score": 1}], "from a min_score of 0"),
    ([{"level": "low", "min_score": 0}, {"level": "high", "min_score": 0}], "each higher"),
    ([{"level": "low"}], "whole-number min_score"),
])
def test_badly_shaped_thresholds_are_refused(thresholds, message):
    with pytest.raises(ValidationError, match=message):
        risk_tool_version_publish(code="screen", title="Screen", source="Test", thresholds=thresholds,
                                  questions=[{"id": "a", "text": "A?", "weight": 1}])


def test_questions_need_distinct_ids():
    with pytest.raises(ValidationError, match="its own id"):
        risk_tool_version_publish(code="screen", title="Screen", source="Test",
                                  thresholds=[{"level": "low", "min_score": 0}],
                                  questions=[{"id": "a", "text": "A?", "weight": 1},
                                             {"id": "a", "text": "B?", "weight": 1}])
