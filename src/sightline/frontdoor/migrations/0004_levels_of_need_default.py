"""The starting levels of need document (Doncaster's, paraphrased in reference/statutory.md 4.4).

A partnership adds its own document as a new version; decisions keep the version they used.
"""

from django.conf import settings
from django.db import migrations

LEVELS = [
    (1, "Universal", "Achieving expected outcomes; no or low-level unmet need, met by universal services "
                     "with limited advice."),
    (2, "Targeted", "Emerging needs; another service alongside universal services; an early help "
                    "assessment may be appropriate."),
    (3, "Complex", "Significant or complex needs, greater adversity; early help assessment and a team "
                   "around the family; some children open to social care under section 17."),
    (4, "Specialist and statutory", "Specialist statutory intervention: child in need plan (s17), "
                                    "child protection (s47) or care."),
]


def add_default(apps, schema_editor):
    document_model = apps.get_model("frontdoor", "ThresholdDocument")
    descriptor_model = apps.get_model("frontdoor", "LevelOfNeedDescriptor")
    document = document_model.objects.create(partnership=settings.SIGHTLINE_PARTNERSHIP_NAME, version="2017-09",
                                             title="Multi-agency levels of need",
                                             effective_from="2017-09-01")
    descriptor_model.objects.bulk_create(descriptor_model(document=document, level=level, title=title,
                                                          description=text) for level, title, text in LEVELS)


def remove_default(apps, schema_editor):
    apps.get_model("frontdoor", "LevelOfNeedDescriptor").objects.filter(document__version="2017-09").delete()
    apps.get_model("frontdoor", "ThresholdDocument").objects.filter(version="2017-09").delete()


class Migration(migrations.Migration):
    dependencies = [("frontdoor", "0003_triage_checks_decisions")]
    operations = [migrations.RunPython(add_default, remove_default)]
