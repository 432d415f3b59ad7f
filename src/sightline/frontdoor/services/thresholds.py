"""Publishing a partnership's levels of need as a new version; decisions keep the version they used."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from sightline.frontdoor.models import LevelOfNeedDescriptor, ThresholdDocument


@transaction.atomic
def threshold_document_publish(*, partnership: str, version: str, title: str, effective_from: date,
                               levels: list[tuple[int, str, str]]) -> ThresholdDocument:
    """A new document with its four levels (level, title, description); it applies from `effective_from`."""
    if sorted(level for level, _, _ in levels) != [1, 2, 3, 4]:
        raise ValidationError({"levels": "Describe each of the four levels of need once."})
    document = ThresholdDocument(partnership=partnership, version=version, title=title, effective_from=effective_from)
    document.full_clean()
    document.save()
    for level, level_title, description in levels:
        descriptor = LevelOfNeedDescriptor(document=document, level=level, title=level_title, description=description)
        descriptor.full_clean()
        descriptor.save()
    return document
