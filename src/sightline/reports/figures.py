"""The figures the reports are written from: indicator results and benchmarks, never raw records.

This is the one module that reads the indicators layer. Everything else in reports works on a
`Figures` object, so a report can be built from any set of results (tests build one by hand). The
ids of the children behind a figure also come from here (`members_of`), as bare ids: the names
are the person layer's, behind sightline.core.access.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Result:
    indicator_id: str
    period_start: dt.date
    period_end: dt.date
    period_label: str
    breakdown: str
    numerator: float | None
    denominator: float | None
    value: float | None
    unit: str
    suppressed: bool = False


@dataclass(frozen=True)
class Info:
    """What the catalogue says about an indicator, as much as the reports need."""

    id: str
    title: str
    definition: str
    unit: str
    better: str = ""
    rounding: int = 1
    dfe_measure: str = ""
    # What the list of the children behind the figure is; blank when the indicator has none.
    members_title: str = ""


@dataclass
class Figures:
    la_code: str
    results: list[Result]
    info: dict[str, Info]
    # (indicator_id, year ending 31 March) -> the comparators dict of indicators.benchmarks.
    comparators: dict[tuple[str, int], dict] = field(default_factory=dict)

    def __post_init__(self):
        self._by_indicator: dict[str, list[Result]] = {}
        for r in self.results:
            self._by_indicator.setdefault(r.indicator_id, []).append(r)

    def of(self, indicator_id: str) -> list[Result]:
        return self._by_indicator.get(indicator_id, [])

    def monthly(self, indicator_id: str, date_from: dt.date, date_to: dt.date) -> dict[str, Result]:
        """Month breakdowns ("2020-04") inside the window, from the widest result period that holds them."""
        found: dict[str, Result] = {}
        # A total for one calendar month, or a count on one day (a snapshot), also stands for its month;
        # an explicit month breakdown of a wider period is preferred, the widest period last.
        for r in self.of(indicator_id):
            if r.breakdown == "" and (_whole_month(r) or r.period_start == r.period_end):
                key = f"{r.period_end:%Y-%m}"
                if date_from <= _month_start(key) <= date_to:
                    found[key] = r
        for r in sorted(self.of(indicator_id), key=lambda r: r.period_end - r.period_start):
            if _is_month(r.breakdown) and date_from <= _month_start(r.breakdown) <= date_to:
                found[r.breakdown] = r
        return dict(sorted(found.items()))

    def breakdowns(self, indicator_id: str, date_from: dt.date, date_to: dt.date) -> dict[str, Result]:
        """Category breakdowns (agency, category of abuse) of the result covering the window."""
        covering = self.covering(indicator_id, date_from, date_to)
        if covering is None:
            return {}
        return {r.breakdown: r for r in self.of(indicator_id)
                if r.breakdown and not _is_month(r.breakdown)
                and (r.period_start, r.period_end) == (covering.period_start, covering.period_end)}

    def covering(self, indicator_id: str, date_from: dt.date, date_to: dt.date) -> Result | None:
        """The total for the period closest to the window (exact first, then the latest ending inside it)."""
        totals = [r for r in self.of(indicator_id) if r.breakdown == ""]
        exact = [r for r in totals if (r.period_start, r.period_end) == (date_from, date_to)]
        if exact:
            return exact[0]
        inside = [r for r in totals if date_from <= r.period_end <= date_to]
        return max(inside, key=lambda r: (r.period_end, r.period_end - r.period_start), default=None)

    def year(self, indicator_id: str, year_ending: int) -> Result | None:
        """The total for the year ending 31 March of `year_ending`, as the DfE publishes it."""
        start, end = dt.date(year_ending - 1, 4, 1), dt.date(year_ending, 3, 31)
        for r in self.of(indicator_id):
            if r.breakdown == "" and (r.period_start, r.period_end) == (start, end):
                return r
        return None

    def comparator(self, indicator_id: str, year_ending: int) -> dict:
        return self.comparators.get((indicator_id, year_ending), {})


def _is_month(breakdown: str) -> bool:
    return len(breakdown) == 7 and breakdown[4] == "-" and breakdown[:4].isdigit() and breakdown[5:].isdigit()


def _whole_month(r: Result) -> bool:
    after = r.period_end + dt.timedelta(days=1)
    return r.period_start.day == 1 and after.day == 1 and (after.month - r.period_start.month) % 12 == 1 \
        and r.period_end - r.period_start < dt.timedelta(days=31)


def _month_start(breakdown: str) -> dt.date:
    return dt.date(int(breakdown[:4]), int(breakdown[5:]), 1)


def years_ending_in(date_from: dt.date, date_to: dt.date, back: int = 0) -> list[int]:
    """Years ending 31 March that end inside the window, and `back` more before the first."""
    last = date_to.year if date_to >= dt.date(date_to.year, 3, 31) else date_to.year - 1
    first = date_from.year + (1 if date_from > dt.date(date_from.year, 3, 31) else 0)
    first = min(first, last)
    return list(range(first - back, last + 1))


def _number(v) -> float | None:
    if v is None:
        return None
    return float(v) if isinstance(v, Decimal | int | float) else float(v)


def comparators_of(indicator_id: str, la_code: str, year: int, *, numerator: float | None = None,
                   denominator: float | None = None) -> dict:
    """England, region and statistical neighbours for one indicator and year ending 31 March; the
    significance test uses our own numerator and denominator when we have them."""
    from sightline.indicators.benchmarks import comparators
    from sightline.indicators.dfe import MEASURES

    if indicator_id not in MEASURES:
        return {}
    return comparators(indicator_id, la_code, year, numerator=numerator, denominator=denominator) or {}


def reporting_year(day: dt.date) -> int:
    """The latest year ending 31 March that has ended by `day`: the year whose benchmarks apply."""
    return day.year if day >= dt.date(day.year, 3, 31) else day.year - 1


def figures_load(*, la_code: str, comparator_years: range | list[int] | None = None) -> Figures:
    """Every indicator result for the area, the catalogue, and the benchmarks.

    Benchmarks are fetched for the given years, or else for the years of the area's own figures.
    """
    from sightline.indicators.catalogue import CATALOGUE
    from sightline.indicators.models import IndicatorResult

    rows = IndicatorResult.objects.filter(area_code=la_code).order_by("computed_at").values_list(
        "indicator_id", "period_start", "period_end", "period_label", "breakdown", "numerator", "denominator",
        "value", "unit", "suppressed")
    # Each snapshot computes the figures afresh: the latest computation of each figure stands.
    latest = {(i, s, e, b): Result(i, s, e, label, b, _number(n), _number(d), _number(v), u, bool(sup))
              for i, s, e, label, b, n, d, v, u, sup in rows.iterator(chunk_size=5000)}
    results = list(latest.values())
    info = {key: Info(id=key, title=ind.title, definition=ind.definition, unit=ind.unit,
                      better=getattr(ind, "better", "") or "", rounding=_rounding(ind),
                      dfe_measure=getattr(ind, "dfe_measure", "") or "",
                      members_title=getattr(ind, "members_title", "") or "")
            for key, ind in CATALOGUE.items()}
    own: dict[str, dict[int, Result]] = {}
    for r in results:
        if r.breakdown == "":
            years = own.setdefault(r.indicator_id, {})
            year = reporting_year(r.period_end)
            # The year's own figure, when there is one, feeds the significance test.
            if (r.period_start, r.period_end) == (dt.date(year - 1, 4, 1), dt.date(year, 3, 31)) or year not in years:
                years[year] = r
    bench = {}
    for indicator_id, by_year in own.items():
        for year in (comparator_years if comparator_years is not None else sorted(by_year)):
            mine = by_year.get(year)
            found = comparators_of(indicator_id, la_code, year, numerator=mine.numerator if mine else None,
                                   denominator=mine.denominator if mine else None)
            if found:
                bench[(indicator_id, year)] = found
    return Figures(la_code=la_code, results=results, info=info, comparators=bench)


def members_of(indicator_id: str, period_start: dt.date, period_end: dt.date) -> list[int]:
    """The ids of the people behind a figure, from the latest snapshot: for a caller that has
    already checked its user may see people, and filters the ids through sightline.core.access."""
    from sightline.indicators.selectors import indicator_members

    return indicator_members(indicator_id=indicator_id, period_start=period_start, period_end=period_end)


def _rounding(indicator) -> int:
    rounding = getattr(indicator, "rounding", 1)
    return rounding if isinstance(rounding, int) else 1
