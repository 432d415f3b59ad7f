from datetime import date, datetime, timezone

import polars as pl
import pytest

from sightline.frontdoor.models import Contact, ContactConcern
from sightline.indicators.models import IndicatorResult, Snapshot
from sightline.indicators.services import indicators_compute, periods_for, snapshot_take
from tests.factories import ChildProtectionPlanFactory, PersonFactory, ReferralFactory


@pytest.fixture
def record(db, childrens_trust):
    amy, ben = PersonFactory(), PersonFactory(date_of_birth=date(2010, 1, 1))
    ReferralFactory(person=amy, referral_date=date(2020, 5, 1), owning_agency=childrens_trust)
    ReferralFactory(person=amy, referral_date=date(2020, 9, 1), owning_agency=childrens_trust)
    ReferralFactory(person=ben, referral_date=date(2020, 10, 1), owning_agency=childrens_trust)
    ChildProtectionPlanFactory(referral__person=ben, referral__referral_date=date(2019, 2, 1),
                               referral__owning_agency=childrens_trust, start_date=date(2019, 3, 1))
    # 23:30 UTC on 31 July 2020 is 00:30 on 1 August in London (summer time).
    contact = Contact.objects.create(received_at=datetime(2020, 7, 31, 23, 30, tzinfo=timezone.utc),
                                     decided_at=datetime(2020, 8, 3, 9, 0, tzinfo=timezone.utc),
                                     summary="Concern", owning_agency=childrens_trust)
    ContactConcern.objects.create(contact=contact, concern="neglect")
    return amy, ben


def test_snapshot_exports_the_record_with_typed_dates(record, tmp_path):
    snapshot = snapshot_take(directory=tmp_path)
    assert snapshot.row_counts["referrals"] == 4
    referrals = pl.read_parquet(tmp_path / "referrals.parquet").sort("referral_date")
    assert referrals["referral_date"].to_list()[:2] == [date(2019, 2, 1), date(2020, 5, 1)]
    contacts = pl.read_parquet(tmp_path / "contacts.parquet")
    assert contacts["received_on"].to_list() == [date(2020, 8, 1)]
    assert contacts["decided_on"].to_list() == [date(2020, 8, 3)]
    assert Snapshot.objects.get().path == str(tmp_path)


def test_compute_stores_the_figures_of_the_record(record, tmp_path):
    snapshot = snapshot_take(directory=tmp_path)
    results = indicators_compute(date_from=date(2020, 4, 1), date_to=date(2021, 3, 31), la_code="371",
                                 snapshot=snapshot)
    stored = IndicatorResult.objects.get(indicator_id="re_referral_rate_12m", breakdown="")
    # Three referrals in 2020-21; Amy's of 1 Sep follows hers of 1 May: 1 / 3 = 33.3%.
    assert (stored.numerator, stored.denominator, stored.value) == (1, 3, 33.3)
    assert stored.suppressed is True
    assert stored.area_code == "371" and stored.period_label == "01/04/2020 to 31/03/2021"
    # Ben's plan from 2019 is open at 31 March 2021; Doncaster mid-2020 population 64,165:
    # 1 / 64,165 x 10,000 = 0.16 -> 0.2.
    rate = IndicatorResult.objects.get(indicator_id="cpp_rate_per_10k", breakdown="")
    assert (rate.numerator, rate.denominator, rate.value) == (1, 64_165, 0.2)
    # Received Saturday 1 Aug (London), decided Monday 3 Aug: day 0, in time.
    decided = IndicatorResult.objects.get(indicator_id="contact_decision_within_1wd", breakdown="")
    assert decided.value == 100.0
    assert len(results) == IndicatorResult.objects.count()


def test_periods_default_to_four_years_the_year_to_date_and_48_months():
    labels = [p.label for p in periods_for(as_of=date(2021, 7, 30))]
    assert labels[:5] == ["2017-18", "2018-19", "2019-20", "2020-21", "2021-22 to 30/07/2021"]
    # 48 months: August 2017 to July 2021, the last one to the 30th.
    assert labels[5] == "2017-08" and labels[-2] == "2021-06" and labels[-1] == "2021-07 to 30/07/2021"
    assert len(labels) == 5 + 48


def test_on_31_march_the_year_to_date_is_the_whole_year():
    periods = periods_for(as_of=date(2021, 3, 31))
    assert [p.label for p in periods[:5]] == ["2016-17", "2017-18", "2018-19", "2019-20", "2020-21"]
    assert periods[52].label == "2021-03"


def test_periods_need_both_ends_of_a_range():
    with pytest.raises(ValueError, match="both"):
        periods_for(date_from=date(2020, 4, 1))
