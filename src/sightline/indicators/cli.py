"""`sightline indicators ...`: compute, show, export and document the figures."""

from __future__ import annotations

from pathlib import Path

import typer

from sightline.core.cli_options import date_option

app = typer.Typer(help="The partnership's indicators: compute, show, export, document.", no_args_is_help=True)


def _django() -> None:
    from sightline.cli import setup_django

    setup_django()


def _la_code(la: str | None) -> str:
    from django.conf import settings

    return la or settings.SIGHTLINE_LA_CODE


@app.command()
def compute(as_of: str = typer.Option(None, "--as-of", help="Four years ending 31 March before this date, and "
                                                            "the year to it (default today)."),
            date_from: str = typer.Option(None, "--from", help="Start of one period (with --to)."),
            date_to: str = typer.Option(None, "--to", help="End of one period (with --from)."),
            la: str = typer.Option(None, "--la", help="DfE LA code (default SIGHTLINE_LA_CODE).")) -> None:
    """Take a snapshot of the record and compute every indicator on it."""
    _django()
    from sightline.indicators.services import indicators_compute

    try:
        results = indicators_compute(as_of=date_option(as_of, "--as-of"), date_from=date_option(date_from, "--from"),
                                     date_to=date_option(date_to, "--to"), la_code=_la_code(la))
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    totals = [r for r in results if not r.breakdown]
    # Months are stored for the dashboard's trends; the terminal shows the years.
    for result in (r for r in totals if (r.period_end - r.period_start).days > 31):
        typer.echo(f"  {result.indicator_id:<40} {result.period_label:<26} {_shown(result.value, result.unit)}")
    typer.echo(f"{len(results)} figures stored ({len(totals)} totals) from snapshot {results[0].snapshot_id}."
               if results else "No figures computed.")


def _shown(value, unit: str) -> str:
    if value is None:
        return "-"
    return f"{value:g}%" if unit == "percent" else f"{value:g}"


@app.command()
def show(indicator_id: str, la: str = typer.Option(None, "--la")) -> None:
    """An indicator's definition, its latest figures and, where the DfE publishes it, its comparators."""
    _django()
    from sightline.indicators.benchmarks import comparators
    from sightline.indicators.catalogue import CATALOGUE
    from sightline.indicators.dfe import MEASURES
    from sightline.indicators.models import IndicatorResult
    from sightline.indicators.selectors import latest_snapshot

    indicator = CATALOGUE.get(indicator_id)
    if indicator is None:
        raise typer.BadParameter(f"No indicator {indicator_id!r}; `sightline indicators docs` lists them.")
    la_code = _la_code(la)
    typer.echo(f"{indicator.title} ({indicator.id})\n{indicator.definition}\nUnit: {indicator.unit}; better: "
               f"{indicator.better}; DfE measure: {indicator.dfe_measure or 'none'}")
    snapshot = latest_snapshot()
    results = IndicatorResult.objects.filter(snapshot=snapshot, indicator_id=indicator_id, area_code=la_code,
                                             breakdown="").order_by("period_start") if snapshot else []
    for result in results:
        line = f"  {result.period_label:<26} {_shown(result.value, result.unit):>10}  ({result.numerator}"
        line += f" / {result.denominator})" if result.denominator is not None else ")"
        if indicator_id in MEASURES and result.period_start.strftime("%m-%d") == "04-01" \
                and result.period_end.strftime("%m-%d") == "03-31":
            found = comparators(indicator_id, la_code, result.period_end.year, numerator=result.numerator,
                                denominator=result.denominator)
            line += (f"  England {found['england']}, {found['region_name']} {found['region']}, neighbours mean "
                     f"{found['sn_mean']} median {found['sn_median']}; {found['significance']['result']}")
        typer.echo(line)


@app.command()
def export(format: str = typer.Option("csv", "--format", help="csv, xlsx or json"),
           out: Path = typer.Option(..., "--out", help="File to write."),
           la: str = typer.Option(None, "--la"),
           unsuppressed: bool = typer.Option(False, "--unsuppressed",
                                             help="Include counts of 1 to 5 (for analysts; not for publication).")
           ) -> None:
    """Export the latest figures. Counts of 1 to 5 are hidden unless --unsuppressed."""
    _django()
    from sightline.indicators.export import FORMATS, rows_write
    from sightline.indicators.models import IndicatorResult
    from sightline.indicators.selectors import latest_snapshot

    if format not in FORMATS:
        raise typer.BadParameter(f"Choose one of {', '.join(FORMATS)}.", param_hint="--format")
    snapshot = latest_snapshot()
    results = IndicatorResult.objects.filter(snapshot=snapshot, area_code=_la_code(la)).order_by(
        "indicator_id", "period_start", "breakdown") if snapshot else []
    rows = []
    for r in results:
        hidden = r.suppressed and not unsuppressed
        rows.append({"indicator_id": r.indicator_id, "area_code": r.area_code, "period_label": r.period_label,
                     "period_start": r.period_start.isoformat(), "period_end": r.period_end.isoformat(),
                     "breakdown": r.breakdown, "numerator": None if hidden else r.numerator,
                     "denominator": None if hidden else r.denominator, "value": None if hidden else r.value,
                     "unit": r.unit, "suppressed": r.suppressed})
    rows_write(rows, path=out, format=format)
    typer.echo(f"{len(rows)} figures written to {out}.")


@app.command()
def docs(out: Path = typer.Option(Path("docs/indicators.md"), "--out")) -> None:
    """Write docs/indicators.md from the catalogue."""
    from sightline.indicators.docs import indicators_markdown

    out.write_text(indicators_markdown())
    typer.echo(f"Wrote {out}.")
