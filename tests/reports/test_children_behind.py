"""The children behind a figure: listed on the drill-down only for roles that may see people, audited."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from sightline.core.audit.models import AccessLogEntry
from sightline.indicators.engine import compute
from sightline.indicators.models import Snapshot
from sightline.indicators.periods import year_ending_31_march
from sightline.indicators.services import results_store
from sightline.organisations.models import Role
from tests.factories import PersonFactory, UserFactory
from tests.indicators.builders import episode, snapshot_dir

PAGE = reverse("reports:indicator", args=["cla_at_end"])


@pytest.fixture
def looked_after(db, tmp_path, monkeypatch):
    """Four children with care episodes; three looked after on 31 March 2021, one of them sealed."""
    monkeypatch.setattr("sightline.reports.figures.comparators_of", lambda *args, **kwargs: {})
    brown = PersonFactory(forename="Ben", surname="Brown", la_child_id="DN100002", date_of_birth=dt.date(2012, 5, 6))
    adams = PersonFactory(forename="Zoe", surname="Adams", la_child_id="DN100001", date_of_birth=dt.date(2010, 1, 2))
    breaks = PersonFactory(forename="Sam", surname="Short", la_child_id="DN100003")
    sealed = PersonFactory(forename="Kit", surname="Sealed", la_child_id="DN100004", restricted=True)
    path = snapshot_dir(tmp_path, cla_episodes=[
        episode(1, brown.pk, dt.date(2020, 5, 1)), episode(2, adams.pk, dt.date(2019, 5, 1)),
        episode(3, breaks.pk, dt.date(2020, 5, 1), legal_status="V3"), episode(4, sealed.pk, dt.date(2020, 6, 1))])
    snapshot = Snapshot.objects.create(taken_at=timezone.now(), path=str(path))
    frame = compute(snapshot_dir=path, la_code=settings.SIGHTLINE_LA_CODE, periods=[year_ending_31_march(2021)],
                    indicators=["cla_at_end", "referrals"], population=[60_000])
    results_store(frame=frame, snapshot=snapshot)
    return {"adams": adams, "brown": brown, "breaks": breaks, "sealed": sealed}


@pytest.fixture
def conference_chair(childrens_trust):
    return UserFactory(username="conference.chair", agency=childrens_trust, role=Role.CONFERENCE_CHAIR)


@pytest.mark.parametrize("role", ["mash_manager", "conference_chair"])
def test_practitioners_see_the_children_by_name_with_a_link_to_each(client, looked_after, role, request):
    client.force_login(request.getfixturevalue(role))
    html = client.get(PAGE).content.decode()
    # Adams before Brown (by surname); the short-break child is not counted; the sealed one is counted, not named.
    table = html[html.index('id="children-behind"'):]
    assert table.index("Zoe Adams") < table.index("Ben Brown")
    assert "02/01/2010" in table and "DN100001" in table and "DN100002" in table
    assert reverse("people:person", args=[looked_after["adams"].pk]) in table
    assert "Sam Short" not in html and "Kit Sealed" not in html and "DN100004" not in html
    assert "2 you may see, and 1 more counted whom you may not see" in html


@pytest.mark.parametrize("role", ["board_member", "scrutineer", "analyst"])
def test_governance_roles_never_see_a_name(client, looked_after, role, request):
    client.force_login(request.getfixturevalue(role))
    response = client.get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200
    for person in looked_after.values():
        assert person.surname not in html and person.la_child_id not in html
    assert "Lists of children are for practitioners" in html
    assert not AccessLogEntry.objects.filter(action="indicator_members_view").exists()


def test_roles_without_the_dashboard_get_no_page_and_no_list(client, looked_after, social_worker, police_user):
    for user in (social_worker, police_user):
        client.force_login(user)
        assert client.get(PAGE).status_code in (403, 404)
    assert not AccessLogEntry.objects.filter(action="indicator_members_view").exists()


def test_every_list_shown_is_written_to_the_access_log(client, looked_after, mash_manager):
    client.force_login(mash_manager)
    client.get(PAGE)
    entry = AccessLogEntry.objects.get(action="indicator_members_view")
    assert entry.user == mash_manager
    assert entry.reason == "cla_at_end 2020-04-01 to 2021-03-31: 2 of 2 shown"
    assert entry.path == PAGE


def test_a_long_list_shows_the_first_children_and_counts_the_rest(client, looked_after, mash_manager, monkeypatch):
    monkeypatch.setattr("sightline.reports.selectors.CHILDREN_SHOWN", 1)
    client.force_login(mash_manager)
    html = client.get(PAGE).content.decode()
    assert "Zoe Adams" in html and "Ben Brown" not in html
    assert "And 1 more, not listed here." in html
    assert AccessLogEntry.objects.get(action="indicator_members_view").reason.endswith(": 1 of 2 shown")


def test_an_indicator_without_a_list_says_so_and_logs_nothing(client, looked_after, mash_manager):
    client.force_login(mash_manager)
    html = client.get(reverse("reports:indicator", args=["referrals"])).content.decode()
    assert "This indicator has no list of the children it counts." in html
    assert not AccessLogEntry.objects.filter(action="indicator_members_view").exists()


def test_a_manager_outside_social_care_sees_only_the_children_their_agency_works_with(client, looked_after,
                                                                                      police):
    from tests.factories import InvolvementFactory

    InvolvementFactory(person=looked_after["brown"], agency=police, reason="Missing episode")
    client.force_login(UserFactory(username="police.mash", agency=police, role=Role.MASH_MANAGER))
    html = client.get(PAGE).content.decode()
    # Brown only: Adams is not known to the police, and the sealed child is nobody's to see here.
    assert "Ben Brown" in html and "Zoe Adams" not in html
    assert "1 you may see, and 2 more counted whom you may not see" in html
