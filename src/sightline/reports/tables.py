"""The tables of the report, built from the figures. Charts and sentences are drawn from these
same objects, so a sentence or a graph can never say something its table does not."""

import datetime as dt
from dataclasses import dataclass, field

from sightline.reports.figures import Figures, Result, years_ending_in
from sightline.reports.publication import PERCENT_UNITS, Cell, suppress_counts, suppress_rate

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# The reporting year runs from April, as the DfE's does.
YEAR_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]
QUARTER_ENDS = (3, 6, 9, 12)


@dataclass
class Row:
    label: str
    cells: list[Cell]


@dataclass
class Table:
    title: str
    head: list[str]
    rows: list[Row]
    number: str = ""
    notes: list[str] = field(default_factory=list)
    dfe_figures: bool = False
    indicator_ids: tuple[str, ...] = ()

    @property
    def caption(self) -> str:
        return f"{self.number}: {self.title}" if self.number else self.title

    @property
    def empty(self) -> bool:
        return all(c.value is None for r in self.rows for c in r.cells)

    def cell(self, row_label: str, column: str) -> Cell:
        row = next(r for r in self.rows if r.label == row_label)
        return row.cells[self.head.index(column) - 1]


def month_label(key: str, short: bool = False) -> str:
    name = MONTHS[int(key[5:]) - 1]
    return f"{name[:3] if short else name} {key[:4]}"


def year_label(year_ending: int) -> str:
    return f"{year_ending - 1}-{str(year_ending)[2:]}"


def part_label(key: str, labels: dict[str, str]) -> str:
    """An agency or category by its name; an unnamed code made readable ("non_crime" -> "Non crime")."""
    return labels.get(key) or key.replace("_", " ").replace("-", " ").capitalize()


def _cell(r: Result | None, field_name: str, unit: str, rounding: int, public: bool) -> Cell:
    if r is None:
        return Cell(None, unit, rounding)
    value = getattr(r, field_name)
    if field_name == "value" and value is None and unit == "count":
        value = r.numerator
    cell = Cell(value, unit, rounding)
    if public:
        if unit == "count":
            cell.suppressed = r.suppressed if field_name == "value" else False
        else:
            cell.suppressed = r.suppressed
            suppress_rate(cell, r.numerator, r.denominator)
    return cell


def _unit(figures: Figures, indicator_id: str) -> tuple[str, int]:
    info = figures.info.get(indicator_id)
    found = figures.of(indicator_id)
    unit = info.unit if info else (found[0].unit if found else "count")
    return unit, (info.rounding if info else 1)


def month_pivot(figures: Figures, indicator_id: str, date_from: dt.date, date_to: dt.date, *, title: str,
                public: bool) -> Table:
    """Months across, reporting years down (Table 1), with a total for counts."""
    unit, rounding = _unit(figures, indicator_id)
    monthly = figures.monthly(indicator_id, date_from, date_to)
    years = sorted({int(k[:4]) if int(k[5:]) >= 4 else int(k[:4]) - 1 for k in monthly})
    with_total = unit == "count"
    rows = []
    for start_year in years:
        cells = []
        for m in YEAR_MONTHS:
            key = f"{start_year + (m < 4)}-{m:02d}"
            if key in monthly:
                cells.append(_cell(monthly[key], "value", unit, rounding, public))
            else:
                cells.append(Cell(None, unit, rounding, applicable=False))
        if with_total:
            shown = [c.value for c in cells if c.applicable and c.value is not None]
            cells.append(Cell(sum(shown) if shown else None, unit, rounding))
        rows.append(Row(year_label(start_year + 1), cells))
    if public and with_total:
        suppress_counts([r.cells for r in rows], row_total=True)
    head = ["Year"] + [MONTHS[m - 1][:3] for m in YEAR_MONTHS] + (["Total"] if with_total else [])
    notes = ["Months outside the period of the report are marked z."] if rows else []
    return Table(title, head, rows, notes=notes, indicator_ids=(indicator_id,))


def month_series(figures: Figures, indicator_id: str, date_from: dt.date, date_to: dt.date, *, title: str,
                 public: bool, column: str = "") -> Table:
    """One row per month: the data behind a line graph."""
    unit, rounding = _unit(figures, indicator_id)
    info = figures.info.get(indicator_id)
    column = column or (info.title if info else indicator_id)
    rows = [Row(month_label(k), [_cell(r, "value", unit, rounding, public)])
            for k, r in figures.monthly(indicator_id, date_from, date_to).items()]
    return Table(title, ["Month", column], rows, indicator_ids=(indicator_id,))


def quarter_points(figures: Figures, indicator_id: str, date_from: dt.date, date_to: dt.date, *, title: str,
                   public: bool, lines: tuple[tuple[str, str], ...]) -> Table:
    """The month at the end of each quarter across, one line per field down (Tables 4 and 5)."""
    unit, rounding = _unit(figures, indicator_id)
    monthly = {k: r for k, r in figures.monthly(indicator_id, date_from, date_to).items()
               if int(k[5:]) in QUARTER_ENDS}
    rows = []
    for label, field_name in lines:
        field_unit = unit if field_name == "value" else "count"
        cells = [_cell(r, field_name, field_unit, rounding, public) for r in monthly.values()]
        if public and field_unit == "count":
            for cell in cells:
                cell.suppressed = cell.suppressed or (cell.value is not None and 1 <= round(cell.value) <= 5)
        rows.append(Row(label, cells))
    return Table(title, ["Month"] + [month_label(k) for k in monthly], rows,
                 indicator_ids=(indicator_id,))


def comparator_years(figures: Figures, indicator_id: str, date_from: dt.date, date_to: dt.date, *, title: str,
                     public: bool, area_name: str, back: int = 3) -> Table:
    """The area against its region, statistical neighbours and England, by year ending 31 March (Table 2)."""
    unit, rounding = _unit(figures, indicator_id)
    years = years_ending_in(date_from, date_to, back=back)
    region_name = next((figures.comparator(indicator_id, y).get("region_name") for y in reversed(years)
                        if figures.comparator(indicator_id, y).get("region_name")), "Region")
    own = [_cell(figures.year(indicator_id, y), "value", unit, rounding, public) for y in years]
    rows = [Row(area_name, own)]
    published = [figures.comparator(indicator_id, y).get("la") for y in years]
    if any(v is not None for v in published):
        # The DfE's own figure for the area, beside ours, so a difference in counting shows.
        rows.append(Row(f"{area_name} (published by the DfE)", [Cell(v, unit, rounding) for v in published]))
    for label, key in ((region_name, "region"), ("Statistical neighbours", "sn_mean"), ("England", "england")):
        rows.append(Row(label, [Cell(figures.comparator(indicator_id, y).get(key), unit, rounding) for y in years]))
    # The DfE attribution is printed only when the table shows a DfE figure; Table 7's comparators are not DfE's.
    shows_dfe = any(cell.value is not None for row in rows[1:] for cell in row.cells)
    return Table(title, [""] + [str(y) for y in years], rows, dfe_figures=shows_dfe, indicator_ids=(indicator_id,),
                 notes=["Years ending 31 March. Statistical neighbours: the mean of the DfE's statistical "
                        "neighbour group."])


def _pooled(parts: dict[str, Result], labels: dict[str, str], groups: dict[str, str]
            ) -> list[tuple[str, float, float | None]]:
    """(label, numerator, denominator) per part, the parts of one group (all the schools) added together."""
    pooled: dict[str, list] = {}
    for key, r in parts.items():
        entry = pooled.setdefault(groups.get(key) or part_label(key, labels), [0.0, None])
        entry[0] += r.numerator or 0
        if r.denominator is not None:
            entry[1] = (entry[1] or 0) + r.denominator
    return [(label, n, d) for label, (n, d) in pooled.items()]


def breakdown_shares(figures: Figures, indicator_id: str, date_from: dt.date, date_to: dt.date, *, title: str,
                     public: bool, labels: dict[str, str] | None = None, groups: dict[str, str] | None = None,
                     category: str = "") -> Table:
    """One row per part (an agency, a category). Counts are shown with their share of the total (Graph 2);
    a percentage is shown with its own numerator and denominator (attendance at conferences).

    `groups` pools parts under one name (each school under "Education (schools)"), adding their
    numerators and denominators, as the seed report counts "Education" as one organisation.
    """
    unit, rounding = _unit(figures, indicator_id)
    parts = figures.breakdowns(indicator_id, date_from, date_to)
    pooled = _pooled(parts, labels or {}, groups or {})
    if unit in PERCENT_UNITS:
        rows = []
        for label, n, d in pooled:
            cell = Cell(round(100 * n / d, rounding) if d else None, unit, rounding)
            if public:
                suppress_rate(cell, n, d)
            rows.append(Row(label, [Cell(n), Cell(d), cell]))
        rows.sort(key=lambda r: (-(r.cells[2].value or 0), r.label))
        if public:
            for row in rows:
                row.cells[0].suppressed = row.cells[2].suppressed
        return Table(title, [category or "Part", "Number", "Out of", "Per cent"], rows, indicator_ids=(indicator_id,))
    pooled.sort(key=lambda p: (-p[1], p[0]))
    total = sum(n for _, n, _ in pooled)
    rows = [Row(label, [Cell(n), Cell(100 * n / total if total else None, "percent")]) for label, n, _ in pooled]
    if rows:
        rows.append(Row("Total", [Cell(total), Cell(100.0 if total else None, "percent")]))
    if public and rows:
        suppress_counts([[r.cells[0]] for r in rows], column_total=True)
        for r in rows:
            r.cells[1].suppressed = r.cells[0].suppressed
    return Table(title, [category or "Part", "Number", "Share"], rows, indicator_ids=(indicator_id,))


def year_change(figures: Figures, indicator_id: str, date_from: dt.date, date_to: dt.date, *, title: str,
                public: bool, labels: dict[str, str] | None = None) -> Table:
    """Each part's count in the last two reporting years and the change between them (Table 6)."""
    years = years_ending_in(date_from, date_to, back=1)[-2:]
    labels = labels or {}
    by_year = [{r.breakdown: r for r in figures.of(indicator_id) if r.breakdown
                and (r.period_start, r.period_end) == (dt.date(y - 1, 4, 1), dt.date(y, 3, 31))} for y in years]
    keys = sorted(set().union(*by_year)) if by_year else []
    rows = []
    for key in keys:
        counts = [by_year[i].get(key) for i in range(len(years))]
        values = [(r.value if r.value is not None else r.numerator) if r else None for r in counts]
        cells = [Cell(v) for v in values]
        change = (100 * (values[-1] - values[0]) / values[0]
                  if len(values) == 2 and values[0] and values[-1] is not None else None)
        change_cell = Cell(change, "percent", 1)
        if public and any(c.value is not None and 1 <= round(c.value) <= 5 for c in cells):
            change_cell.suppressed = True
            for c in cells:
                c.suppressed = c.value is not None and 1 <= round(c.value) <= 5
        rows.append(Row(part_label(key, labels), cells + [change_cell]))
    return Table(title, ["Source"] + [year_label(y) for y in years] + ["Change"], rows,
                 indicator_ids=(indicator_id,))


def key_figures(figures: Figures, items: tuple[tuple[str, str], ...], date_from: dt.date, date_to: dt.date, *,
                title: str, public: bool) -> Table:
    """Headline figures for the last two reporting years, one indicator a row."""
    years = years_ending_in(date_from, date_to, back=1)[-2:]
    rows = []
    for indicator_id, label in items:
        unit, rounding = _unit(figures, indicator_id)
        cells = [_cell(figures.year(indicator_id, y), "value", unit, rounding, public) for y in years]
        if public and unit == "count":
            for cell in cells:
                cell.suppressed = cell.suppressed or (cell.value is not None and 1 <= round(cell.value) <= 5)
        rows.append(Row(label, cells))
    return Table(title, ["Measure"] + [year_label(y) for y in years], rows,
                 indicator_ids=tuple(i for i, _ in items))
