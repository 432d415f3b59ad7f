import pytest
from django.db import DatabaseError, connection, transaction

from sightline.core.audit.models import AccessLogEntry, AppendOnlyError
from sightline.core.audit.services import access_record


@pytest.fixture
def entry(social_worker, child):
    return access_record(user=social_worker, action="person_view", person_id=child.pk, record=child)


@pytest.mark.django_db
def test_an_entry_cannot_be_changed_through_the_model(entry):
    entry.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()


@pytest.mark.django_db
def test_an_entry_cannot_be_deleted_through_the_model(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()


@pytest.mark.django_db
def test_bulk_update_and_delete_are_refused(entry):
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().update(reason="x")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()


@pytest.mark.django_db
def test_database_refuses_update_and_delete_on_postgresql(entry):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger exists on PostgreSQL only; SQLite relies on the model")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_accesslogentry SET reason = 'x'")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_accesslogentry")
    assert AccessLogEntry.objects.filter(pk=entry.pk, reason="").exists()


@pytest.mark.django_db
def test_admin_cannot_change_or_delete_the_log(client, entry):
    from tests.factories import UserFactory

    admin = UserFactory(agency=None, role="administrator", is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = f"/admin/audit/accesslogentry/{entry.pk}/change/"
    assert client.get(url).status_code == 200  # shown read-only
    assert client.post(url, {"reason": "x"}).status_code == 403
    assert client.post(f"/admin/audit/accesslogentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AccessLogEntry.objects.get(pk=entry.pk).reason == ""
