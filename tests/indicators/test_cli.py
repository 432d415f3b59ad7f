import csv
from datetime import date

import pytest
from typer.testing import CliRunner

from sightline.indicators import services
from sightline.indicators.cli import app
from tests.factories import PersonFactory, ReferralFactory

runner = CliRunner()


@pytest.fixture
def record(db, childrens_trust, tmp_path, monkeypatch):
    monkeypatch.setattr(services, "SNAPSHOT_ROOT", tmp_path / "snapshots")
    child = PersonFactory()
    for day in (date(2020, 5, 1), date(2020, 6, 1)):
        ReferralFactory(person=child, referral_date=day, owning_agency=childrens_trust)


def test_compute_show_and_export(record, tmp_path):
    computed = runner.invoke(app, ["compute", "--from", "2020-04-01", "--to", "2021-03-31", "--la", "371"])
    assert computed.exit_code == 0, computed.output
    # Two referrals in the period, the second within 12 months of the first: 1 / 2 = 50%.
    assert "re_referral_rate_12m " in computed.output and "50%" in computed.output

    shown = runner.invoke(app, ["show", "re_referral_rate_12m", "--la", "371"])
    assert shown.exit_code == 0, shown.output
    assert "(1 / 2)" in shown.output

    out = tmp_path / "figures.csv"
    exported = runner.invoke(app, ["export", "--format", "csv", "--out", str(out), "--la", "371"])
    assert exported.exit_code == 0, exported.output
    rows = {r["indicator_id"]: r for r in csv.DictReader(out.open()) if r["breakdown"] == ""}
    # 1 re-referral is a count of 1 to 5: hidden unless --unsuppressed.
    assert rows["re_referral_rate_12m"]["value"] == "" and rows["re_referral_rate_12m"]["suppressed"] == "True"


def test_compute_refuses_a_date_it_cannot_read(record):
    result = runner.invoke(app, ["compute", "--as-of", "31/03/2021"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_show_refuses_an_unknown_indicator(record):
    assert runner.invoke(app, ["show", "no_such_indicator"]).exit_code != 0
