"""Saving as every service does: validate the whole row, then save with the acting user on the history."""

from django.db import models


def validated_save(obj: models.Model, *, user=None) -> models.Model:
    obj.full_clean()
    # django-simple-history records this user as the author of the change (the audit of writes).
    obj._history_user = user
    obj.save()
    return obj
