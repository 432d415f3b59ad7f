"""`sightline report ...`: write the annual report to files."""

from pathlib import Path

import typer

from sightline.core.cli_options import date_option

app = typer.Typer(help="The partnership's reports.", no_args_is_help=True)


@app.command()
def annual(date_from: str = typer.Option(..., "--from", help="First day of the period, e.g. 2020-04-01."),
           date_to: str = typer.Option(..., "--to", help="Last day of the period, e.g. 2021-09-30."),
           out: Path = typer.Option(Path("reports"), "--out", help="Folder to write annual-report.html and .pdf."),
           internal: bool = typer.Option(False, "--internal", help="Show small numbers (not for publication).")
           ) -> None:
    """Write the annual report for a period as HTML and accessible PDF, from the computed indicators."""
    from sightline.cli import setup_django

    start, end = date_option(date_from, "--from"), date_option(date_to, "--to")
    if end < start:
        raise typer.BadParameter("--to must be on or after --from.")
    setup_django()
    from sightline.reports.services import annual_report_write

    written = annual_report_write(date_from=start, date_to=end, out_dir=out, public=not internal,
                                  name="annual-report" + ("-internal" if internal else ""))
    typer.echo(f"Wrote {written.html} and {written.pdf} in {written.seconds:.1f} s.")
