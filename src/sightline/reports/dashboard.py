"""The line of sight: one tile per indicator, grouped as the annual report groups them."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sightline.reports.charts import sparkline
from sightline.reports.figures import Figures, Result, reporting_year
from sightline.reports.publication import Cell, format_value
from sightline.reports.sections import DASHBOARD_GROUPS
from sightline.reports.tables import Row, Table


@dataclass
class Comparison:
    label: str
    value: float | None
    text: str


@dataclass
class Tile:
    indicator_id: str
    title: str
    definition: str
    unit: str
    better: str
    latest: Result | None
    latest_text: str
    # The latest whole year ending 31 March: the figure set against England, region and neighbours.
    year: Result | None
    year_text: str
    trend: list[float | None]
    sparkline: str
    comparisons: list[Comparison]
    significance: str
    rag: str

    @property
    def rag_label(self) -> str:
        return {"green": "On target", "amber": "Near target", "red": "Off target"}.get(self.rag, "No target set")


def rag(value: float | None, better: str, target) -> str:
    """Green when the target is met, amber within the amber band of it, red beyond; none without a target."""
    if value is None or target is None or better not in ("higher", "lower"):
        return ""
    goal, band = float(target.value), float(target.amber_band or Decimal(0))
    gap = (goal - value) if better == "higher" else (value - goal)
    if gap <= 0:
        return "green"
    return "amber" if gap <= band else "red"


def _significance(found: dict) -> str:
    """The benchmarks' test against England, in words; nothing when it was not tested."""
    sig = found.get("significance")
    if isinstance(sig, str):
        return sig
    if not sig or sig.get("result") in (None, "not tested"):
        return ""
    if sig["result"] == "not significant":
        return f"Not significantly different from England ({sig.get('method', '')})."
    return f"Significantly {sig['result']} than England ({sig.get('method', '')})."


def _in_window(r: Result, date_from: dt.date | None, date_to: dt.date | None) -> bool:
    return (date_from is None or r.period_start >= date_from) and (date_to is None or r.period_end <= date_to)


def tile_build(figures: Figures, indicator_id: str, *, targets: dict, date_from: dt.date | None = None,
               date_to: dt.date | None = None) -> Tile:
    info = figures.info.get(indicator_id)
    totals = sorted((r for r in figures.of(indicator_id) if r.breakdown == "" and _in_window(r, date_from, date_to)),
                    key=lambda r: (r.period_end, r.period_start))
    latest = max(totals, key=lambda r: (r.period_end, r.period_start), default=None)
    unit = info.unit if info else (latest.unit if latest else "count")
    rounding = info.rounding if info else 1
    better = info.better if info else ""
    months = figures.monthly(indicator_id, latest.period_start, latest.period_end) if latest else {}
    if len(months) >= 2:
        trend = [r.value for r in months.values()]
    else:
        # Without months, the trend is the run of comparable periods (the same length, give or take a
        # leap day or a short month) ending at the latest.
        length = (latest.period_end - latest.period_start).days if latest else 0
        trend = [r.value for r in totals if abs((r.period_end - r.period_start).days - length) <= 3]
    years = [r for r in totals if (r.period_start, r.period_end) == (dt.date(r.period_end.year - 1, 4, 1),
                                                                      dt.date(r.period_end.year, 3, 31))]
    year = max(years, key=lambda r: r.period_end, default=None)
    comparisons, significance = [], ""
    if year is not None:
        found = figures.comparator(indicator_id, reporting_year(year.period_end))
        for label, key in (("England", "england"), (found.get("region_name") or "Region", "region"),
                           ("Statistical neighbours", "sn_mean")):
            if found.get(key) is not None:
                comparisons.append(Comparison(label, found[key], format_value(found[key], unit, rounding)))
        significance = _significance(found)
    value = latest.value if latest else None
    return Tile(indicator_id, info.title if info else indicator_id, info.definition if info else "", unit, better,
                latest, format_value(value, unit, rounding) if latest else "x",
                year, format_value(year.value, unit, rounding) if year else "", trend, sparkline(trend),
                comparisons, significance, rag(value, better, targets.get(indicator_id)))


def dashboard_build(figures: Figures, *, targets: dict, date_from: dt.date | None = None,
                    date_to: dt.date | None = None) -> list[tuple[str, str, list[Tile]]]:
    groups = []
    for slug, title, indicator_ids in DASHBOARD_GROUPS:
        tiles = [tile_build(figures, i, targets=targets, date_from=date_from, date_to=date_to)
                 for i in indicator_ids if figures.of(i) or i in figures.info]
        groups.append((slug, title, tiles))
    return groups


def dashboard_table(groups: list[tuple[str, str, list[Tile]]]) -> Table:
    """The dashboard as one table, for download: each indicator's latest figure and its comparators."""
    rows = []
    for _, _, tiles in groups:
        for t in tiles:
            compared = {c.label if c.label in ("England", "Statistical neighbours") else "Region": c.value
                        for c in t.comparisons}
            rows.append(Row(f"{t.title} ({t.latest.period_label})" if t.latest else t.title, [
                Cell(None) if t.latest is None else Cell(t.latest.value, t.unit),
                Cell(compared.get("England"), t.unit), Cell(compared.get("Region"), t.unit),
                Cell(compared.get("Statistical neighbours"), t.unit)]))
    return Table("The partnership's indicators", ["Indicator", "Latest", "England", "Region",
                                                   "Statistical neighbours"], rows)
