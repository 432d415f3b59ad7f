"""The page to upload a return and read its report: analysts and the business unit only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sightline.core.audit.models import AccessLogEntry
from sightline.organisations.models import Role
from sightline.returns.cin.writer import write_cin
from tests.factories import UserFactory
from tests.returns.cin.baseline import baseline, frames

URL = reverse("returns:validate")


@pytest.fixture
def business_unit_user(childrens_trust):
    return UserFactory(username="business.unit", agency=childrens_trust, role=Role.BUSINESS_UNIT)


@pytest.fixture
def census_bytes(tmp_path) -> bytes:
    rows = baseline()
    rows["ChildIdentifiers"][1]["Sex"] = "X"
    rows["ChildIdentifiers"][1]["LAchildID"] = "=HYPERLINK(1)"
    path = tmp_path / "cin.xml"
    write_cin(frames(rows), path)
    return path.read_bytes()


@pytest.mark.parametrize("who", ["social_worker", "mash_manager", "police_user", "school_user"])
def test_other_roles_are_refused(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"output": "page"}).status_code == 403


def test_signed_out_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["analyst", "business_unit_user"])
def test_analyst_and_business_unit_see_the_upload_form(client, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(URL)
    assert response.status_code == 200
    assert b'class="govuk-file-upload"' in response.content


def test_uploaded_file_is_reported_on_the_page_and_the_check_is_logged(client, analyst, census_bytes):
    client.force_login(analyst)
    upload = SimpleUploadedFile("cin_2026.xml", census_bytes, content_type="text/xml")
    response = client.post(URL, {"file": upload, "year": "2025-26", "output": "page"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Report for cin_2026.xml" in text
    assert "Sex is missing or is not M, F or U." in text  # rule 4180 for the child with sex X
    assert AccessLogEntry.objects.filter(user=analyst, action="return_validate").count() == 1


def test_report_downloads_as_csv_with_formulas_neutralised(client, analyst, census_bytes):
    client.force_login(analyst)
    upload = SimpleUploadedFile("cin_2026.xml", census_bytes, content_type="text/xml")
    response = client.post(URL, {"file": upload, "output": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="cin_2026-report.csv"'
    body = response.content.decode()
    assert "'=HYPERLINK(1)" in body and ",=HYPERLINK" not in body


def test_a_file_that_is_not_a_return_is_an_error_on_the_form(client, analyst):
    client.force_login(analyst)
    upload = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    response = client.post(URL, {"file": upload, "output": "page"})
    assert response.status_code == 400
    assert "notes.txt: this is not a return Sightline can read" in response.content.decode()
    assert b"govuk-error-summary" in response.content
