import datetime as dt
from zoneinfo import ZoneInfo

from django.urls import reverse

from sightline.frontdoor import services
from sightline.frontdoor.views import work
from tests.frontdoor.conftest import amy_details

LONDON = ZoneInfo("Europe/London")


def _contact(police, police_user, received_at, surname="Smith"):
    contact, _ = services.contact_record(source_agency=police, recorded_by=police_user, summary="Concern.",
                                         concerns=["neglect", "domestic_abuse"],
                                         people=[amy_details(surname=surname)], received_at=received_at)
    return contact


def test_queue_row_shows_link_times_in_london_child_and_concerns(client, mash_worker, police, police_user):
    # Received Monday 15 June 2026 09:05 in London (08:05 UTC, summer time); the one working day runs to the end
    # of Tuesday 16 June.
    contact = _contact(police, police_user, dt.datetime(2026, 6, 15, 9, 5, tzinfo=LONDON))
    client.force_login(mash_worker)
    text = client.get(reverse("frontdoor:queue")).text
    assert f'href="/frontdoor/contacts/{contact.pk}/">FD-{contact.pk}</a>' in text
    assert "15 Jun 09:05" in text
    assert "by Tue 16 Jun 23:59" in text
    assert "Amy Smith (03/02/2014)" in text
    assert "Neglect, Domestic abuse" in text or "Domestic abuse, Neglect" in text
    assert "South Yorkshire Police" in text
    assert "1 contact waiting, most urgent first" in text


def test_queue_counts_every_waiting_contact_when_only_the_most_urgent_are_shown(client, mash_worker, police,
                                                                                  police_user, monkeypatch):
    now = dt.datetime.now(tz=LONDON)
    older = _contact(police, police_user, now - dt.timedelta(hours=3), surname="Older")
    newer = _contact(police, police_user, now - dt.timedelta(hours=1), surname="Newer")
    monkeypatch.setattr(work, "QUEUE_SHOWN", 1)
    client.force_login(mash_worker)
    text = client.get(reverse("frontdoor:queue")).text
    # Both are unrated, so both are due at the end of the next working day and the earlier received comes first.
    assert "2 contacts waiting; the 1 most urgent shown" in text
    assert f"FD-{older.pk}" in text and f"FD-{newer.pk}" not in text
