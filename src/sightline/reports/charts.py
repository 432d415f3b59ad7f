"""Graphs drawn from the tables (Altair, rendered offline to SVG or PNG by vl-convert).

Each graph is drawn from the same Table that is printed beside it, and its alt text is written
from that table. Suppressed cells are left out of the public graph, never drawn.
"""

import base64
from dataclasses import dataclass

import altair as alt
import vl_convert

from sightline.reports.tables import Table

FONT = "Liberation Sans, Arial, sans-serif"
COLOURS = ["#1d70b8", "#d4351c", "#00703c", "#6f72af", "#f47738"]
WIDTH, HEIGHT = 520, 220


@dataclass
class Chart:
    number: str
    title: str
    alt: str
    spec: dict
    table: Table

    @property
    def caption(self) -> str:
        return f"{self.number}: {self.title}" if self.number else self.title

    def svg(self) -> str:
        return vl_convert.vegalite_to_svg(self.spec)

    def png(self, scale: float = 2.0) -> bytes:
        return vl_convert.vegalite_to_png(self.spec, scale=scale)

    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg().encode()).decode()


def _visible(cell) -> float | None:
    return None if cell.suppressed or not cell.applicable else cell.value


def _configure(chart: alt.Chart) -> dict:
    spec = chart.properties(width=WIDTH, height=HEIGHT).configure(font=FONT).configure_view(stroke=None) \
        .configure_axis(labelFontSize=11, titleFontSize=11).configure_legend(labelFontSize=11, orient="bottom")
    spec = spec.to_dict()
    # The schema address is only a label; nothing is fetched, but keep the spec free of URLs.
    spec.pop("$schema", None)
    return spec


def _num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


def _points(values) -> str:
    shown = [(label, v) for label, v in values if v is not None]
    if not shown:
        return "no figures are available"
    low = min(shown, key=lambda p: p[1])
    high = max(shown, key=lambda p: p[1])
    return (f"from {_num(shown[0][1])} in {shown[0][0]} to {_num(shown[-1][1])} in {shown[-1][0]}; "
            f"lowest {_num(low[1])} ({low[0]}), highest {_num(high[1])} ({high[0]})")


def line_chart(table: Table, *, number: str, title: str, y_title: str) -> Chart:
    data = [{"month": r.label, "value": _visible(r.cells[0]), "order": i} for i, r in enumerate(table.rows)]
    chart = alt.Chart(alt.Data(values=data)).mark_line(point=True, color=COLOURS[0]).encode(
        x=alt.X("month:N", sort=[d["month"] for d in data], title=None, axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=False)),
    )
    alt_text = f"Line graph of {y_title.lower()} by month, " + _points([(d["month"], d["value"]) for d in data]) + "."
    return Chart(number, title, alt_text, _configure(chart), table)


def bar_chart(table: Table, *, number: str, title: str, y_title: str) -> Chart:
    rows = [r for r in table.rows if r.label != "Total"]
    data = [{"part": r.label, "value": _visible(r.cells[0])} for r in rows]
    chart = alt.Chart(alt.Data(values=data)).mark_bar(color=COLOURS[0]).encode(
        x=alt.X("value:Q", title=y_title), y=alt.Y("part:N", sort=None, title=None))
    described = "; ".join(f"{d['part']} {_num(d['value'])}" if d["value"] is not None else f"{d['part']} not shown"
                          for d in data) or "no figures are available"
    return Chart(number, title, f"Bar chart of {y_title.lower()}: {described}.", _configure(chart), table)


def year_bars(table: Table, *, number: str, title: str, y_title: str) -> Chart:
    """Columns for each measure (a row of the table) in each year (a column)."""
    data = [{"year": year, "measure": r.label, "value": _visible(c)}
            for r in table.rows for year, c in zip(table.head[1:], r.cells, strict=True)]
    chart = alt.Chart(alt.Data(values=data)).mark_bar().encode(
        x=alt.X("year:N", title=None), xOffset="measure:N", y=alt.Y("value:Q", title=y_title),
        color=alt.Color("measure:N", title=None, scale=alt.Scale(range=COLOURS)))
    described = "; ".join(f"{d['measure']} {d['year']}: " + (_num(d["value"]) if d["value"] is not None
                                                              else "not shown") for d in data)
    return Chart(number, title, f"Column chart of {y_title.lower()}: {described}.", _configure(chart), table)


def comparator_chart(table: Table, *, number: str, title: str, y_title: str) -> Chart:
    """One line each for the area, its region, its statistical neighbours and England, over the years."""
    data = [{"year": year, "who": r.label, "value": _visible(c)}
            for r in table.rows for year, c in zip(table.head[1:], r.cells, strict=True)]
    chart = alt.Chart(alt.Data(values=data)).mark_line(point=True).encode(
        x=alt.X("year:N", title="Year ending 31 March"), y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=False)),
        color=alt.Color("who:N", title=None, sort=[r.label for r in table.rows],
                        scale=alt.Scale(range=COLOURS)))
    parts = []
    for r in table.rows:
        pts = [(year, _visible(c)) for year, c in zip(table.head[1:], r.cells, strict=True)]
        parts.append(f"{r.label} " + _points(pts))
    return Chart(number, title, f"Line graph of {y_title.lower()}, by year ending 31 March. " + ". ".join(parts) + ".",
                 _configure(chart), table)


def sparkline(values: list[float | None], *, width: int = 120, height: int = 28) -> str:
    """A small inline SVG line of the trend, for a dashboard tile (drawn by hand: it must be quick)."""
    shown = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(shown) < 2:
        return ""
    low, high = min(v for _, v in shown), max(v for _, v in shown)
    span = (high - low) or 1
    step = (width - 4) / max(len(values) - 1, 1)
    points = " ".join(f"{2 + i * step:.1f},{height - 2 - (v - low) / span * (height - 4):.1f}" for i, v in shown)
    last_x, last_y = points.split(" ")[-1].split(",")
    return (f'<svg class="sl-sparkline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'aria-hidden="true" focusable="false"><polyline fill="none" stroke="#1d70b8" stroke-width="2" '
            f'points="{points}"/><circle cx="{last_x}" cy="{last_y}" r="2.5" fill="#1d70b8"/></svg>')
