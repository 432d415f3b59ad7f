"""The periods figures are computed for: years ending 31 March, months, or any range of dates."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"The period {self.label} ends ({self.end}) before it starts ({self.start}).")


def year_ending_31_march(year: int) -> Period:
    """The reporting year of the CIN census and SSDA903: 1 April (year-1) to 31 March `year`."""
    return Period(date(year - 1, 4, 1), date(year, 3, 31), f"{year - 1}-{year % 100:02d}")


def month(year: int, number: int) -> Period:
    last = calendar.monthrange(year, number)[1]
    return Period(date(year, number, 1), date(year, number, last), f"{year}-{number:02d}")


def between(start: date, end: date) -> Period:
    return Period(start, end, f"{start:%d/%m/%Y} to {end:%d/%m/%Y}")


def _reporting_year(day: date) -> int:
    return day.year + 1 if day.month > 3 else day.year


def years_to(as_of: date, count: int = 4) -> list[Period]:
    """The `count` complete years ending 31 March before `as_of`, then the year to `as_of`."""
    current = _reporting_year(as_of)
    years = [year_ending_31_march(y) for y in range(current - count, current)]
    if as_of == date(current, 3, 31):
        return years + [year_ending_31_march(current)]
    return years + [Period(date(current - 1, 4, 1), as_of, f"{current - 1}-{current % 100:02d} to {as_of:%d/%m/%Y}")]


def months_to(as_of: date, count: int = 48) -> list[Period]:
    """The `count` calendar months up to the one holding `as_of`, that last one ending on `as_of`."""
    index = as_of.year * 12 + as_of.month - 1
    months = [month(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]
    last = months[-1]
    if as_of < last.end:
        months[-1] = Period(last.start, as_of, f"{last.label} to {as_of:%d/%m/%Y}")
    return months
