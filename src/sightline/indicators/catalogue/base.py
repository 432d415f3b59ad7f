"""What an indicator is: a definition held as data, read by the engine, the docs and the reports.

Each numerator and denominator is one standard SQL query over the snapshot tables (see
`sightline.indicators.snapshot`) and the `periods` table (period_id, period_start, period_end),
returning the columns `period_id`, `breakdown` and `n`. The row whose breakdown is '' is the
total; other rows are its parts (a month "2020-04", a category "NEG", an agency code). The SQL
avoids engine-specific functions so that Spark can run the same text later.

A person-level indicator may also say who it counts: `members` is a query over the same tables
returning `period_id` and `child_id`, one row per thing counted, built from the same rows as the
numerator (see `listed`) so that the list and the figure cannot disagree. `members_of` says whether
those are the numerator's rows or the rest of the denominator's (the late ones, say), which are
usually the list worth acting on.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Literal

Unit = Literal["count", "percent", "rate_per_10k", "rate_per_100k", "days"]
Better = Literal["higher", "lower", "neutral"]
PeriodType = Literal["year_ending_31_march", "month", "quarter", "snapshot", "any"]
MembersOf = Literal["numerator", "rest"]

# Multiplier from the ratio numerator / denominator to the unit.
SCALE = {"count": None, "days": None, "percent": 100, "rate_per_10k": 10_000, "rate_per_100k": 100_000}
# Units whose denominator is the ONS population (unknown for an unknown area, never zero).
POPULATION_RATES = ("rate_per_10k", "rate_per_100k")

# The rows of the ONS population table for each period: the denominator of every rate.
POPULATION = "select period_id, '' as breakdown, population as n from population"


def sql(text: str) -> str:
    return textwrap.dedent(text).strip()


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    definition: str
    numerator: str
    unit: Unit
    better: Better
    period_type: PeriodType
    denominator: str | None = None
    # How the first day counts, for anything measured in days ("start is day 0").
    day_zero: str = ""
    # The DfE published measure this matches: "file.column", e.g. "c1.rereferral_percent".
    dfe_measure: str = ""
    # Decimal places of the published value (CIN: 1; CLA percentages and rates: 0).
    rounding: int = 1
    # CIN and CLA: a published count of 1 to 5 is suppressed (statutory.md 2.2).
    suppress_small: bool = True
    breakdown: str = ""
    theme: str = ""
    notes: tuple[str, ...] = field(default=())
    # Who is counted: one row (period_id, child_id) per counted thing; see the module's docstring.
    members: str | None = None
    members_of: MembersOf = "numerator"
    # What the list is, in words: "Children on a plan at the end of the period".
    members_title: str = ""

    def __post_init__(self) -> None:
        if (SCALE[self.unit] is None) != (self.denominator is None):
            raise ValueError(f"{self.id}: a {self.unit} has {'no' if SCALE[self.unit] is None else 'a'} denominator.")
        if (self.members is None) != (not self.members_title):
            raise ValueError(f"{self.id}: a list of members needs a title, and a title a list.")
        if self.members_of == "rest" and (self.denominator is None or self.denominator == POPULATION):
            raise ValueError(f"{self.id}: only a counted denominator has a rest to list.")


def month_of(column: str) -> str:
    """The "YYYY-MM" label of a date column, in SQL that DuckDB and Spark both read (Spark casts to
    `string`, not to a `varchar` without a length)."""
    return (f"cast(extract(year from {column}) as string) || '-' || "
            f"lpad(cast(extract(month from {column}) as string), 2, '0')")


def counted(rows: str, *, what: str = "*", by_part: bool = False) -> str:
    """Count `rows` (a query giving period_id, and `part` when by_part) per period, and per part.

    `what` is "*" or e.g. "distinct child_id". With parts, one grouping-sets pass gives the total
    (breakdown '') and each part together.
    """
    rows = textwrap.indent(sql(rows), "    ")
    if not by_part:
        return f"select period_id, '' as breakdown, count({what}) as n\nfrom (\n{rows}\n) counted\ngroup by period_id"
    # grouping() tells the total row from a part that is missing or blank, shown as "not recorded".
    return (f"select period_id, case when grouping(part) = 1 then '' else coalesce(nullif(cast(part as string), ''), "
            f"'not recorded') end as breakdown, count({what}) as n\nfrom (\n{rows}\n) counted\n"
            f"group by grouping sets ((period_id), (period_id, part))")


def listed(rows: str, *, distinct: bool = False) -> str:
    """The members behind `rows` (a query giving period_id and child_id, as passed to `counted`):
    every row, or each child once when the figure counts distinct children."""
    rows = textwrap.indent(sql(rows), "    ")
    return f"select {'distinct ' if distinct else ''}period_id, child_id\nfrom (\n{rows}\n) listed"


def age_at(birth: str, on: str) -> str:
    """Whole years of age on the date `on`, in standard SQL."""
    return (f"(extract(year from {on}) - extract(year from {birth}) - case when "
            f"extract(month from {on}) * 100 + extract(day from {on}) < "
            f"extract(month from {birth}) * 100 + extract(day from {birth}) then 1 else 0 end)")


# Working days from a to b with a as day 0, via the calendar table (see core.calendar.arrays).
def working_days(alias_from: str, alias_to: str) -> str:
    return f"({alias_to}.working_day_number - {alias_from}.working_day_number)"
