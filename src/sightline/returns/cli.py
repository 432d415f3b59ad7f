"""`sightline returns ...`: validate, import and export statutory returns.

Every command dispatches on the file's format through `sightline.returns.formats`, so a new
return (SSDA903, Annex A) needs no change here: see that module's docstring.
Exit codes of `validate`: 0 no errors (queries allowed), 1 errors found, 2 a file could not be read.
"""

from __future__ import annotations

import re
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(help="Statutory returns: validate, import into the record, export.", no_args_is_help=True)
console = Console(stderr=True)


def _setup() -> None:
    from sightline.cli import setup_django

    setup_django()


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/"
                    "{task.total}"), TimeElapsedColumn(), console=console, transient=True)


def normalise_year(year: str | None) -> str | None:
    """2026 or 2025-26 -> 2025-26 (a census year is named by the year it ends in)."""
    if year is None or re.fullmatch(r"\d{4}-\d{2}", year):
        return year
    if re.fullmatch(r"\d{4}", year):
        end = int(year)
        return f"{end - 1}-{end % 100:02d}"
    raise typer.BadParameter(f"{year!r} is not a collection year; write 2025-26 (or 2026).")


def _summary_table(report) -> Table:
    table = Table(title=f"{report.file}: {report.errors} errors, {report.queries} queries")
    for col in ("rule", "severity", "issues", "children", "status", "message"):
        table.add_column(col)
    summary = report.summary()
    for row in summary.filter((summary["issues"] > 0) | (summary["status"] != "ran")).iter_rows(named=True):
        table.add_row(row["rule"], row["severity"], str(row["issues"]), str(row["children"]), row["status"],
                      row["message"])
    return table


@app.command()
def validate(files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, readable=True),
             year: str = typer.Option(None, help="Collection year, e.g. 2025-26 (default: the year the file gives)."),
             out: Path = typer.Option(None, help="Write the report here: .csv or .xlsx.")) -> None:
    """Check return files against the DfE rules of their collection year."""
    _setup()
    import polars as pl

    from sightline.returns.formats import UnknownFormat, detect
    from sightline.returns.report import Report
    from sightline.returns.validation import validate_read

    year = normalise_year(year)
    reports, unreadable = [], False
    with _progress() as progress:
        task = progress.add_task("Validating", total=len(files))
        for path in files:
            progress.update(task, description=f"Reading {path.name}")
            try:
                fmt = detect(path)
                read = fmt.read(path, path.name)
                progress.update(task, description=f"Checking {path.name}")
                report = validate_read(fmt, read, year)
            except (UnknownFormat, ValueError) as exc:
                console.print(f"[red]{exc}[/red]")
                unreadable = True
                progress.advance(task)
                continue
            if report.unreadable:
                console.print(f"[red]{report.unreadable}[/red]")
                unreadable = True
            reports.append(report)
            progress.advance(task)
    for report in reports:
        console.print(_summary_table(report))
    if out is not None and reports:
        combined = Report(file="", pack=reports[0].pack, issues=pl.concat([r.issues for r in reports]),
                          not_run={k: v for r in reports for k, v in r.not_run.items()})
        if out.suffix.lower() == ".xlsx":
            combined.write_xlsx(out)
        else:
            combined.write_csv(out)
        console.print(f"Report written to {out}")
    if unreadable:
        raise typer.Exit(2)
    raise typer.Exit(1 if any(r.errors for r in reports) else 0)


@app.command("import")
def import_(files: list[Path] = typer.Argument(..., exists=True, dir_okay=False, readable=True),
            la: str = typer.Option(..., help="DfE LA code of the local authority, e.g. 371."),
            year: str = typer.Option(None, help="Collection year (default: the year the file gives).")) -> None:
    """Load return files into the record (a file already loaded changes nothing)."""
    _setup()
    from sightline.returns.formats import ReturnNotLoadable
    from sightline.returns.formats import UnknownFormat
    from sightline.returns.services import ImportNotSupported, return_load

    year, failed = normalise_year(year), False
    with _progress() as progress:
        task = progress.add_task("Loading", total=len(files))
        for path in files:
            progress.update(task, description=f"Loading {path.name}")
            try:
                load, report = return_load(path=path, la_code=la, year=year)
            except (ReturnNotLoadable, UnknownFormat, ImportNotSupported, ValueError) as exc:
                console.print(f"[red]{exc}[/red]")
                failed = True
            else:
                loaded = sum(load.loaded_counts.values())
                console.print(f"{path.name}: {load.collection_year} for LA {la}, {loaded:,} rows in the record, "
                              f"{len(load.not_loaded):,} rows left out; {report.errors:,} errors and "
                              f"{report.queries:,} queries to look at (run `sightline returns validate`).")
                for row in load.not_loaded[:20]:
                    console.print(f"  Row {row['row']:,} of {row['table']} (line {row['line']}, child "
                                  f"{row['LAchildID']}): not loaded because {row['reason']}.")
            progress.advance(task)
    raise typer.Exit(2 if failed else 0)


@app.command()
def export(format: str = typer.Argument(..., help="Which return: cin."),
           la: str = typer.Option(..., help="DfE LA code."),
           year: str = typer.Option(..., help="Collection year, e.g. 2025-26 (or 2026)."),
           out: Path = typer.Option(..., file_okay=False, help="Folder to write the file into.")) -> None:
    """Write a return from the record."""
    _setup()
    from sightline.returns.formats import ReturnNotLoadable
    from sightline.returns.formats import formats

    fmt = formats().get(format)
    if fmt is None or fmt.export is None:
        can = ", ".join(name for name, f in formats().items() if f.export)
        console.print(f"[red]Sightline cannot export {format!r}; it can export {can}.[/red]")
        raise typer.Exit(2)
    try:
        path = fmt.export(la_code=la, year=normalise_year(year), out=out)
    except (ReturnNotLoadable, ValueError) as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    console.print(f"Written {path}")
