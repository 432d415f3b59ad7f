"""Every write of the reports app: the partnership's words and targets, and the written report."""

import datetime as dt
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from sightline.core import access
from sightline.reports.builder import AnnualReport, annual_report_build
from sightline.reports.figures import figures_load, years_ending_in
from sightline.reports.models import NarrativeBlock, NarrativeKind, Target
from sightline.reports.render import annual_report_html, annual_report_pdf
from sightline.reports.selectors import area_name, breakdown_groups, breakdown_labels


def narrative_save(*, user, section: str, kind: str, date_from: dt.date, date_to: dt.date,
                   text: str) -> NarrativeBlock:
    access.require(user, "reports.edit_narrative")
    if kind not in NarrativeKind.values:
        raise ValidationError({"kind": "There is no such block of the narrative."})
    key = {"section": section, "kind": kind, "period_start": date_from, "period_end": date_to}
    # One history entry per edit: the block is made with its first words, not saved blank first.
    block = NarrativeBlock.objects.filter(**key).first() or NarrativeBlock(**key)
    block.text, block.edited_by = text.strip(), user
    block.full_clean()
    block.save()
    return block


def target_set(*, user, indicator_id: str, value: Decimal, amber_band: Decimal) -> Target:
    access.require(user, "reports.set_target")
    target = Target.objects.filter(indicator_id=indicator_id).first() or Target(indicator_id=indicator_id)
    target.value, target.amber_band, target.set_by = value, amber_band, user
    target.full_clean()
    target.save()
    return target


def annual_report_make(*, date_from: dt.date, date_to: dt.date, public: bool) -> AnnualReport:
    """The report for a period, from the stored indicator results, the benchmarks and the narrative."""
    years = years_ending_in(date_from, date_to, back=4)
    figures = figures_load(la_code=settings.SIGHTLINE_LA_CODE, comparator_years=years)
    narratives = {(b.section, b.kind): b.text
                  for b in NarrativeBlock.objects.filter(period_start=date_from, period_end=date_to)}
    labels = breakdown_labels()
    return annual_report_build(figures=figures, date_from=date_from, date_to=date_to, public=public,
                               partnership=settings.SIGHTLINE_PARTNERSHIP_NAME, area_name=area_name(),
                               narratives=narratives, labels=labels, groups=breakdown_groups())


@dataclass
class Written:
    html: Path
    pdf: Path
    seconds: float


def annual_report_write(*, date_from: dt.date, date_to: dt.date, out_dir: Path, public: bool = True,
                        name: str = "annual-report") -> Written:
    started = time.perf_counter()
    report = annual_report_make(date_from=date_from, date_to=date_to, public=public)
    html = annual_report_html(report)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path, pdf_path = out_dir / f"{name}.html", out_dir / f"{name}.pdf"
    html_path.write_text(html, encoding="utf-8")
    pdf_path.write_bytes(annual_report_pdf(report, html))
    return Written(html_path, pdf_path, time.perf_counter() - started)
