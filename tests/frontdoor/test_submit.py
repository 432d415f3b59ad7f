"""The professional's multi-page form: one question a page, check answers, then one contact."""

from django.urls import reverse

from sightline.frontdoor.models import Contact


def walk(client, school=None):
    client.get(reverse("frontdoor:submit"))
    client.post(reverse("frontdoor:submit_step", args=["child"]),
                {"forename": "Amy", "surname": "Smith", "dob_day": "3", "dob_month": "2", "dob_year": "2014"})
    client.post(reverse("frontdoor:submit_step", args=["address"]), {"address": "1 High St", "postcode": "DN1 1AA"})
    client.post(reverse("frontdoor:submit_step", args=["school"]), {"school": school.pk if school else ""})
    client.post(reverse("frontdoor:submit_step", args=["concerns"]), {"concerns": ["domestic_abuse", "neglect"]})
    return client.post(reverse("frontdoor:submit_step", args=["details"]),
                       {"summary": "Officers attended a domestic incident.", "sender_reference": "SYP-1"})


def test_police_officer_walks_the_form_and_one_contact_is_made(client, police_user, school):
    client.force_login(police_user)
    assert walk(client, school)["Location"] == reverse("frontdoor:submit_check")
    page = client.get(reverse("frontdoor:submit_check"))
    assert "Check your answers" in page.text and "3 February 2014" in page.text and "Hall Cross Academy" in page.text
    assert not Contact.objects.exists()   # nothing is recorded before the sender confirms
    done = client.post(reverse("frontdoor:submit_check"))
    contact = Contact.objects.get()
    assert done["Location"] == reverse("frontdoor:submitted", args=[contact.pk])
    given = contact.given_people.get()
    assert (given.surname, given.postcode, given.school_urn) == ("Smith", "DN1 1AA", "136916")
    assert sorted(contact.concerns.values_list("concern", flat=True)) == ["domestic_abuse", "neglect"]
    assert f"FD-{contact.pk}" in client.get(done["Location"]).text


def test_impossible_date_of_birth_is_refused_with_a_message(client, police_user):
    client.force_login(police_user)
    client.get(reverse("frontdoor:submit"))
    page = client.post(reverse("frontdoor:submit_step", args=["child"]),
                       {"forename": "Amy", "surname": "Smith", "dob_day": "31", "dob_month": "2", "dob_year": "2014"})
    assert page.status_code == 200 and "Date of birth must be a real date" in page.text


def test_check_answers_sends_back_to_the_first_missing_question(client, police_user):
    client.force_login(police_user)
    client.get(reverse("frontdoor:submit"))
    assert client.get(reverse("frontdoor:submit_check"))["Location"] == reverse("frontdoor:submit_step",
                                                                                args=["child"])


def test_another_officer_cannot_see_the_acknowledgement(client, police_user, police, django_user_model):
    client.force_login(police_user)
    walk(client)
    client.post(reverse("frontdoor:submit_check"))
    contact = Contact.objects.get()
    other = django_user_model.objects.create(username="other.officer", agency=police)
    client.force_login(other)
    assert client.get(reverse("frontdoor:submitted", args=[contact.pk])).status_code == 404


def test_analyst_cannot_open_the_form(client, analyst):
    client.force_login(analyst)
    assert client.get(reverse("frontdoor:submit")).status_code == 403
