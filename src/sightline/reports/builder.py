"""The annual report assembled: for each section, its narrative, tables, graphs and sentences."""

import datetime as dt
from dataclasses import dataclass, field

from sightline.reports import charts, sentences, tables
from sightline.reports.charts import Chart
from sightline.reports.figures import Figures
from sightline.reports.models import NarrativeKind
from sightline.reports.publication import OGL_ATTRIBUTION, SYMBOLS_NOTE
from sightline.reports.sections import SECTIONS, Item, Section
from sightline.reports.tables import Table


@dataclass
class Block:
    table: Table
    chart: Chart | None = None
    sentence: str = ""


@dataclass
class SectionOut:
    slug: str
    title: str
    intro: str
    narrative: list[tuple[str, str, str]]
    blocks: list[Block]

    @property
    def reading(self) -> list[tuple[str, str, str]]:
        """What the information tells us: read before the figures, as the seed report sets it out."""
        return [n for n in self.narrative if n[0] == NarrativeKind.TELLS_US]

    @property
    def response(self) -> list[tuple[str, str, str]]:
        """What has been done, what next and the impact: after the figures."""
        return [n for n in self.narrative if n[0] != NarrativeKind.TELLS_US]


@dataclass
class AnnualReport:
    partnership: str
    area_name: str
    date_from: dt.date
    date_to: dt.date
    public: bool
    sections: list[SectionOut]
    generated_at: dt.datetime
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.partnership} annual report"

    @property
    def period(self) -> str:
        return f"{self.date_from:%-d %B %Y} to {self.date_to:%-d %B %Y}"

    @property
    def version(self) -> str:
        return "Public version" if self.public else "Internal version: not for publication"

    def tables(self) -> list[Table]:
        return [b.table for s in self.sections for b in s.blocks]

    def charts(self) -> list[Chart]:
        return [b.chart for s in self.sections for b in s.blocks if b.chart is not None]


def _block(item: Item, figures: Figures, date_from: dt.date, date_to: dt.date, public: bool, area_name: str,
           labels: dict[str, str], groups: dict[str, str]) -> Block:
    args = (figures, item.indicator_id, date_from, date_to)
    info = figures.info.get(item.indicator_id)
    title = item.title or (info.title if info else item.indicator_id)
    if item.kind == "month_pivot":
        table = tables.month_pivot(*args, title=title, public=public)
        return Block(table, None, sentences.year_on_year(table, item.noun))
    if item.kind == "month_line":
        table = tables.month_series(*args, title=title, public=public, column=item.y_title)
        chart = (charts.line_chart(table, number=item.number, title=title, y_title=item.y_title)
                 if not table.empty else None)
        return Block(table, chart, sentences.first_to_last(table, item.noun))
    if item.kind == "quarter_points":
        table = tables.quarter_points(*args, title=title, public=public, lines=item.lines)
        return Block(table, None, sentences.first_to_last(table, item.noun, row=len(item.lines) - 1))
    if item.kind in ("comparators", "comparator_chart"):
        table = tables.comparator_years(*args, title=title, public=public, area_name=area_name)
        chart = (charts.comparator_chart(table, number=item.number, title=title, y_title=item.y_title)
                 if item.kind == "comparator_chart" and not table.empty else None)
        return Block(table, chart, sentences.against_comparators(table, item.noun))
    if item.kind == "shares":
        table = tables.breakdown_shares(*args, title=title, public=public, labels=labels, groups=groups)
        chart = (charts.bar_chart(table, number=item.number, title=title, y_title=item.y_title)
                 if item.number.startswith("Graph") and not table.empty else None)
        return Block(table, chart, sentences.largest_part(table, item.noun))
    if item.kind == "year_change":
        return Block(tables.year_change(*args, title=title, public=public, labels=labels))
    if item.kind == "key_figures":
        table = tables.key_figures(figures, item.items, date_from, date_to, title=title, public=public)
        chart = (charts.year_bars(table, number=item.number, title=title, y_title=item.y_title)
                 if item.number.startswith("Graph") and not table.empty else None)
        return Block(table, chart)
    raise ValueError(f"Unknown kind of report item: {item.kind}")


def _not_computed(block: Block, figures: Figures) -> Block:
    missing = [i for i in block.table.indicator_ids if i not in figures.info and not figures.of(i)]
    if missing:
        block.table.notes.append("Not yet computed: Sightline's indicator catalogue has no definition of "
                                 + ", ".join(missing) + ".")
    return block


def _number(block: Block, item: Item) -> Block:
    # A graph's number belongs to the graph; its data table carries the same caption as "data for".
    if block.chart is not None:
        block.table.number = f"Data for {item.number}" if item.number else ""
    else:
        block.table.number = item.number
    return block


def annual_report_build(*, figures: Figures, date_from: dt.date, date_to: dt.date, public: bool,
                        partnership: str, area_name: str, narratives: dict[tuple[str, str], str] | None = None,
                        labels: dict[str, str] | None = None, groups: dict[str, str] | None = None,
                        sections: tuple[Section, ...] = SECTIONS,
                        now: dt.datetime | None = None) -> AnnualReport:
    if date_to < date_from:
        raise ValueError("The report period ends before it starts.")
    narratives = narratives or {}
    labels = labels or {}
    out = []
    for section in sections:
        blocks = [_not_computed(_number(_block(item, figures, date_from, date_to, public, area_name, labels,
                                               groups or {}), item), figures) for item in section.items]
        narrative = [(kind.value, kind.label, narratives[(section.slug, kind.value)]) for kind in NarrativeKind
                     if narratives.get((section.slug, kind.value), "").strip()]
        if blocks or narrative or section.intro:
            out.append(SectionOut(section.slug, section.title, section.intro, narrative, blocks))
    notes = [SYMBOLS_NOTE] if public else ["Internal version: small numbers are shown and it must not be published."]
    notes.append(OGL_ATTRIBUTION)
    return AnnualReport(partnership, area_name, date_from, date_to, public, out,
                        now or dt.datetime.now(dt.UTC), notes)
