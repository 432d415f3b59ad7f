"""Load the SafeLives Dash risk identification checklist (Dash RIC) as risk tool "dash_ric", version 1.

Version 1 is frozen here: a change to the questions or thresholds is a new version in a new
migration, so that every completed assessment keeps the version it was scored with.
"""

from django.db import migrations

SOURCE = (
    "SafeLives Dash risk identification checklist, 24 questions (reference/statutory.md section 4.1). "
    "Scoring: count of 'yes' answers; 14 or more is high risk and meets the Marac 'visible high risk' "
    "criterion (V-secondary: Plymouth SCB, NIDAS, SafeLives Marac criteria). The medium (10-13) and "
    "standard (0-9) bands are local practice, not SafeLives criteria. Professional judgement may raise "
    "the level but never lower it. Question topics are paraphrased: questions 1-9 are V-secondary "
    "(DASH 2009 form), 10-24 Unverified against the SafeLives form; the exact wording must come from "
    "the licensed SafeLives form, used with acknowledgement."
)

TOPICS = (
    "Did the current incident result in injury?",
    "Is the victim very frightened?",
    "What is the victim afraid of: further injury or violence, being killed, and who?",
    "Does the victim feel isolated from family or friends (the abuser stops contact)?",
    "Is the victim feeling depressed or having suicidal thoughts?",
    "Has the victim separated or tried to separate from the abuser in the past year?",
    "Is there conflict over child contact?",
    "Does the abuser constantly text, call, contact, follow, stalk or harass the victim?",
    "Is the victim pregnant or has she had a baby in the last 18 months?",
    "Is the abuse happening more often?",
    "Is the abuse getting worse?",
    "Does the abuser try to control everything the victim does, or is excessively jealous?",
    "Has the abuser used weapons or objects to hurt the victim?",
    "Has the abuser threatened to kill the victim or someone else, and did the victim believe it?",
    "Has the abuser tried to strangle, choke, suffocate or drown the victim?",
    "Does the abuser do or say sexual things that make the victim feel bad or hurt them or someone else?",
    "Is there another person who has threatened the victim or whom the victim is afraid of?",
    "Has the abuser hurt anyone else (children, siblings, an elderly relative, a stranger, a previous partner)?",
    "Has the abuser ever mistreated an animal or the family pet?",
    "Are there financial issues, such as dependence on the abuser or the abuser losing their job?",
    "Has the abuser had problems in the past year with drugs, alcohol or mental health affecting normal life?",
    "Has the abuser ever threatened or attempted suicide?",
    "Has the abuser broken bail, an injunction or an agreement about contact with the victim or children?",
    "Does the abuser have a criminal history of domestic abuse, sexual violence or other violence?",
)

THRESHOLDS = [
    {"level": "standard", "min_score": 0},
    {"level": "medium", "min_score": 10},
    {"level": "high", "min_score": 14},
]


def load(apps, schema_editor):
    RiskTool = apps.get_model("panels", "RiskTool")
    RiskTool.objects.update_or_create(
        code="dash_ric", version=1,
        defaults={
            "title": "SafeLives Dash risk identification checklist",
            "source": SOURCE,
            "questions": [{"id": str(n), "text": text, "weight": 1} for n, text in enumerate(TOPICS, start=1)],
            "thresholds": THRESHOLDS,
            "is_current": True,
        },
    )


def unload(apps, schema_editor):
    apps.get_model("panels", "RiskTool").objects.filter(code="dash_ric", version=1, assessments__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("panels", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
