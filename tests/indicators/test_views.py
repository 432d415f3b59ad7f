from datetime import date

import pytest
from django.utils import timezone

from sightline.indicators.models import IndicatorResult, Snapshot
from sightline.organisations.models import Role
from tests.factories import UserFactory


@pytest.fixture
def figures(db):
    snapshot = Snapshot.objects.create(taken_at=timezone.now(), path="/tmp/none")
    common = {"snapshot": snapshot, "computed_at": timezone.now(), "area_code": "371", "period_start": date(2020, 4, 1),
              "period_end": date(2021, 3, 31), "period_label": "2020-21"}
    IndicatorResult.objects.create(indicator_id="re_referral_rate_12m", numerator=1237, denominator=4870, value=25.4,
                                   unit="percent", **common)
    IndicatorResult.objects.create(indicator_id="cpp_second_or_subsequent_pct", numerator=3, denominator=40,
                                   value=7.5, unit="percent", suppressed=True, **common)
    return snapshot


def test_signed_out_visitor_is_sent_to_sign_in(client, figures):
    assert client.get("/api/indicators/").status_code == 302
    assert client.get("/indicators/").status_code == 302


def test_board_member_sees_figures_with_small_counts_hidden(client, figures, childrens_trust):
    client.force_login(UserFactory(agency=childrens_trust, role=Role.BOARD_MEMBER))
    body = client.get("/api/indicators/").json()
    by_id = {r["indicator_id"]: r for r in body["results"]}
    assert by_id["re_referral_rate_12m"]["value"] == 25.4
    hidden = by_id["cpp_second_or_subsequent_pct"]
    assert (hidden["numerator"], hidden["value"], hidden["suppressed"]) == (None, None, True)


def test_analyst_sees_small_counts(client, figures, analyst):
    client.force_login(analyst)
    body = client.get("/api/indicators/cpp_second_or_subsequent_pct/").json()
    assert body["results"][0]["numerator"] == 3


def test_detail_gives_comparators_for_whole_years(client, figures, analyst):
    client.force_login(analyst)
    body = client.get("/api/indicators/re_referral_rate_12m/").json()
    benchmark = body["benchmarks"][0]
    assert (benchmark["year"], benchmark["england"], benchmark["sn_mean"]) == (2021, 22.7, 21.8)
    assert benchmark["significance"]["result"] == "higher"


def test_api_carries_no_person_data(client, figures, analyst):
    client.force_login(analyst)
    body = client.get("/api/indicators/re_referral_rate_12m/").json()
    assert set(body["results"][0]) == {"indicator_id", "area_code", "period_start", "period_end", "period_label",
                                       "breakdown", "numerator", "denominator", "value", "unit", "suppressed"}


def test_unknown_indicator_is_not_found(client, figures, analyst):
    client.force_login(analyst)
    assert client.get("/api/indicators/no_such_thing/").status_code == 404


def test_figures_page_lists_the_catalogue(client, figures, analyst):
    client.force_login(analyst)
    page = client.get("/indicators/").content.decode()
    assert "Re-referrals within 12 months" in page and "25.4%" in page
