"""Police notifications by CSV: valid rows kept, errors naming file, row and field."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sightline.frontdoor.csv_import import police_notifications_load
from sightline.frontdoor.models import Contact

HEADER = "sender_reference,received_at,child_forename,child_surname,child_date_of_birth,postcode,school_urn," \
         "police_id,concerns,summary\n"


def test_valid_rows_are_kept_and_bad_rows_named(police, police_user):
    data = (HEADER
            + "R1,2026-03-13 22:15,Amy,Smith,03/02/2014,DN1 1AA,136916,,domestic_abuse,Incident at home\n"
            + "R2,2026-03-13 23:00,Ben,Jones,31/02/2015,,,,,Shouting heard\n"
            + "R3,not a time,Cara,Brown,,,,,,x\n"
            + "R4,2026-03-14 01:00,Dan,Green,,,,,Neglect;domestic abuse,\"Two\nlines\"\n").encode()
    result = police_notifications_load(name="night.csv", data=data, source_agency=police, recorded_by=police_user)
    assert [c.sender_reference for c in result.created] == ["R1", "R4"]
    assert result.errors == [
        "Row 3 of night.csv: child_date_of_birth '31/02/2015' is not a date in the past (use 2014-02-03 or "
        "03/02/2014).",
        "Row 4 of night.csv: received_at 'not a time' is not a date and time (use 2026-03-14T02:10:00+00:00 or "
        "14/03/2026 02:10).",
    ]
    r4 = Contact.objects.get(sender_reference="R4")
    assert sorted(r4.concerns.values_list("concern", flat=True)) == ["domestic_abuse", "neglect"]
    assert r4.summary == "Two\nlines"
    # Friday 13 March 2026 + 1 working day = Monday 16 March 2026.
    assert Contact.objects.get(sender_reference="R1").decision_due_at.date().isoformat() == "2026-03-16"
    assert Contact.objects.get(sender_reference="R1").history.count() == 1


def test_loading_the_same_file_twice_makes_no_duplicates(police):
    data = (HEADER + "R1,2026-03-13 22:15,Amy,Smith,,,,,,x\n").encode()
    police_notifications_load(name="a.csv", data=data, source_agency=police)
    again = police_notifications_load(name="a.csv", data=data, source_agency=police)
    assert (len(again.created), again.already_received, Contact.objects.count()) == (0, 1, 1)


def test_control_characters_are_removed(police):
    data = (HEADER + "R1,2026-03-13 22:15,Am\x07y,Smith,,,,,,=cmd\x1b|x\n").encode()
    police_notifications_load(name="a.csv", data=data, source_agency=police)
    contact = Contact.objects.get()
    assert contact.given_people.get().forename == "Amy" and contact.summary == "=cmd|x"


def test_a_child_already_in_an_open_contact_is_flagged(police):
    first = (HEADER + "R1,2026-03-13 22:15,Amy,Smith,03/02/2014,,,,,x\n").encode()
    second = (HEADER + "R2,2026-03-14 09:15,Amy,SMITH,2014-02-03,,,,,y\n").encode()
    police_notifications_load(name="a.csv", data=first, source_agency=police)
    police_notifications_load(name="b.csv", data=second, source_agency=police)
    r1, r2 = Contact.objects.order_by("received_at")
    assert (r1.possible_duplicate_of, r2.possible_duplicate_of) == (None, r1)


def test_missing_columns_are_named(police):
    result = police_notifications_load(name="bad.csv", data=b"ref,when\nR1,x\n", source_agency=police)
    assert result.errors[0].startswith("bad.csv: the header row lacks sender_reference, received_at")


def test_binary_and_non_utf8_files_are_refused(police):
    assert "NUL bytes" in police_notifications_load(name="x.csv", data=b"a\x00b", source_agency=police).errors[0]
    latin = police_notifications_load(name="x.csv", data=HEADER.encode() + b"R1,\xe9", source_agency=police)
    assert latin.errors[0].startswith("x.csv is not UTF-8 text (byte")


def test_overlong_field_is_named(police):
    data = (HEADER + "R1,2026-03-13 22:15,Amy,Smith,,,,,," + "x" * 20000 + "\n").encode()
    result = police_notifications_load(name="big.csv", data=data, source_agency=police)
    assert result.errors == ["Row 2 of big.csv: summary is longer than 10000 characters."]
    assert not result.created


def test_field_beyond_the_csv_limit_stops_reading_with_the_row_named(police):
    data = (HEADER + "R1,2026-03-13 22:15,Amy,Smith,,,,,,ok\nR2,2026-03-13 22:15,Ben,Smith,,,,,,\""
            + "x" * 200_000 + "\"\n").encode()
    result = police_notifications_load(name="big.csv", data=data, source_agency=police)
    assert result.errors[0].startswith("Row 3 of big.csv: field larger than field limit")
    assert [c.sender_reference for c in result.created] == ["R1"]


def test_police_user_uploads_through_the_page(client, police_user):
    client.force_login(police_user)
    upload = SimpleUploadedFile("night.csv", (HEADER + "R1,2026-03-13 22:15,Amy,Smith,,,,,,x\n").encode(),
                                content_type="text/csv")
    response = client.post(reverse("frontdoor:upload"), {"file": upload})
    assert response.status_code == 200 and "1 notification sent to the front door" in response.text


def test_school_user_cannot_upload_police_notifications(client, school_user):
    client.force_login(school_user)
    assert client.get(reverse("frontdoor:upload")).status_code == 403


def test_api_csv_route_needs_a_police_token(client, health):
    from sightline.frontdoor import services
    _, raw = services.api_token_issue(agency=health, name="EMIS")
    response = client.post("/api/frontdoor/notifications.csv", data=HEADER, content_type="text/csv",
                           HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 403


def test_received_at_in_the_future_is_named(police):
    data = (HEADER + "R1,2099-01-01 09:00,Amy,Smith,,,,,,x\n").encode()
    result = police_notifications_load(name="a.csv", data=data, source_agency=police)
    assert result.errors == ["Row 2 of a.csv: received_at '2099-01-01 09:00' is in the future."]
