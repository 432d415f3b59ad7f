"""The frozen table: what it holds, and that refreshing it never moves a past date."""

import io
import json
import shutil
from datetime import date

import pytest
from django.core.management import call_command

from sightline.core.calendar import bank_holidays
from sightline.core.calendar.bank_holidays import TABLE_PATH, load_table, refreshed_table

# Copied by hand from /reference/statutory.md section 1.5 (weekday bank holidays only).
STATUTORY_MD_LISTS = {
    2018: ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
    2019: ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
    2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
    2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
    2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
}


@pytest.mark.parametrize("year", sorted(STATUTORY_MD_LISTS))
def test_table_matches_the_reference_lists(year):
    in_year = sorted(d for d in bank_holidays() if d.year == year)
    assert in_year == [date.fromisoformat(f"{year}-{md}") for md in STATUTORY_MD_LISTS[year]]


def test_table_covers_2010_to_2030_and_is_frozen_to_its_making():
    table = load_table()
    assert (table["first_year"], table["last_year"]) == (2010, 2030)
    assert date.fromisoformat(table["frozen_through"]) >= date(2026, 11, 28)
    assert all(date.fromisoformat(e["date"]).weekday() < 5 for e in table["bank_holidays"])


def test_refresh_keeps_past_dates_even_where_the_package_disagrees():
    table = {"bank_holidays": [{"date": "2019-05-08", "name": "A holiday the package never had"}]}
    new = refreshed_table(table, frozen_through=date(2020, 1, 1), until_year=2021)
    got = [e["date"] for e in new["bank_holidays"]]
    assert "2019-05-08" in got
    assert "2019-05-06" not in got      # the real 2019 May Day is past: not added afresh
    assert "2020-05-08" in got and "2021-12-28" in got
    assert new["first_year"] == 2019 and new["last_year"] == 2021


def test_refresh_command_extends_the_future_and_leaves_the_past(tmp_path, monkeypatch):
    copy = tmp_path / "table.json"
    shutil.copy(TABLE_PATH, copy)
    monkeypatch.setattr("sightline.core.calendar.management.commands.bank_holidays_refresh.TABLE_PATH", copy)
    call_command("bank_holidays_refresh", "--until", "2032", stdout=io.StringIO())
    before, after = load_table(TABLE_PATH), json.loads(copy.read_text())
    frozen = before["frozen_through"]
    assert [e for e in after["bank_holidays"] if e["date"] <= frozen] == \
           [e for e in before["bank_holidays"] if e["date"] <= frozen]
    assert after["last_year"] == 2032
    # 25 December 2032 is a Saturday: the substitutes are Monday 27 and Tuesday 28.
    assert {"date": "2032-12-28", "name": "Boxing Day (observed)"} in after["bank_holidays"]
