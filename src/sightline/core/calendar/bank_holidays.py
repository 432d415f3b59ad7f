"""England and Wales bank holidays: a frozen table for the past, the `holidays` package for the rest.

The table (data/bank_holidays_england_and_wales.json) holds the weekday bank holidays of
2010-2030. Dates on or before its `frozen_through` date are never regenerated, so a working-day
figure for 2019 is the same next year as it was when first published. Years outside the table,
but inside COVERED_YEARS, come from the installed `holidays` package; outside COVERED_YEARS the
calendar refuses to answer rather than guess.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

import holidays
import numpy as np

TABLE_PATH = Path(__file__).resolve().parent / "data" / "bank_holidays_england_and_wales.json"
COVERED_YEARS = range(2000, 2061)


def package_bank_holidays(years: range) -> dict[date, str]:
    """Weekday bank holidays in England and Wales for `years`, from the `holidays` package.

    A holiday falling at a weekend is dropped: the package also lists its substitute
    ("observed") weekday, and the weekend day is not a working day anyway.
    """
    found = holidays.country_holidays("GB", subdiv="ENG", years=years)
    return {day: name for day, name in sorted(found.items()) if day.weekday() < 5}


def load_table(path: Path = TABLE_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def dump_table(table: dict) -> str:
    """The table as JSON text, one bank holiday a line so that a change reads well in a diff."""
    header = ",\n".join(f" {json.dumps(key)}: {json.dumps(value)}"
                         for key, value in table.items() if key != "bank_holidays")
    rows = ",\n".join(f"  {json.dumps(entry, ensure_ascii=False)}" for entry in table["bank_holidays"])
    return "{\n" + header + ',\n "bank_holidays": [\n' + rows + "\n ]\n}\n"


def refreshed_table(table: dict, *, frozen_through: date, until_year: int) -> dict:
    """The table with every date after `frozen_through` regenerated from the package.

    Dates on or before `frozen_through` are kept exactly as they are, even where the package now
    disagrees: past figures must not move. Only what is still to come is taken afresh, up to the
    end of `until_year`.
    """
    kept = [entry for entry in table.get("bank_holidays", [])
            if date.fromisoformat(entry["date"]) <= frozen_through]
    first_year = min((date.fromisoformat(e["date"]).year for e in kept), default=frozen_through.year + 1)
    fresh = package_bank_holidays(range(frozen_through.year, until_year + 1))
    kept += [{"date": day.isoformat(), "name": name} for day, name in fresh.items() if day > frozen_through]
    return {
        "division": "england-and-wales",
        "source": f"holidays {holidays.__version__}: country_holidays('GB', subdiv='ENG'), weekdays only",
        "first_year": first_year,
        "last_year": until_year,
        "frozen_through": frozen_through.isoformat(),
        "bank_holidays": sorted(kept, key=lambda entry: entry["date"]),
    }


@cache
def bank_holidays() -> dict[date, str]:
    """Every weekday bank holiday in COVERED_YEARS, with its name."""
    table = load_table()
    table_years = range(table["first_year"], table["last_year"] + 1)
    found = {date.fromisoformat(e["date"]): e["name"] for e in table["bank_holidays"]}
    for day, name in package_bank_holidays(COVERED_YEARS).items():
        if day.year not in table_years:
            found[day] = name
    return dict(sorted(found.items()))


@cache
def bank_holiday_array() -> np.ndarray:
    """The bank holidays as a sorted datetime64[D] array, built once."""
    return np.array(sorted(bank_holidays()), dtype="datetime64[D]")


def bank_holidays_between(start: date, end: date) -> np.ndarray:
    """Bank holidays from `start` to `end` inclusive, as a sorted datetime64[D] array.

    For a SQL parameter (DuckDB binds a list of dates), use `.tolist()`: it gives datetime.date.
    """
    every = bank_holiday_array()
    return every[(every >= np.datetime64(start, "D")) & (every <= np.datetime64(end, "D"))]
