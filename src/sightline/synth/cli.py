"""`sightline synth`: generate a synthetic partnership into the record, as Parquet, or both."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

import typer

from sightline.core.cli_options import date_option

app = typer.Typer(help="Generate a synthetic partnership calibrated to published figures.")

PROFILES = {"doncaster": 371}
DEFAULT_REPORT = Path("docs/calibration.md")


def _setup() -> None:
    from sightline.cli import setup_django

    setup_django()


@app.callback(invoke_without_command=True)
def synth(
    ctx: typer.Context,
    profile: str = typer.Option("doncaster", "--profile", help="doncaster, or a DfE LA code (e.g. 372)."),
    las: int = typer.Option(0, "--las", help="Generate this many authorities of varied profile (national scale)."),
    seed: int = typer.Option(2021, "--seed"),
    start: str = typer.Option("2017-04-01", "--start", help="First day of the activity (history starts 2 years "
                                                            "earlier)."),
    end: str = typer.Option("2021-09-30", "--end", help="Last day: the date of the extract."),
    scale: float = typer.Option(1.0, "--scale", help="A fraction of the authority's size (tests, quick looks)."),
    into_db: bool = typer.Option(False, "--into-db", help="Load into the record (skipped if already loaded)."),
    out: Path = typer.Option(None, "--out", help="Write Parquet (one file per record table) and feeds here."),
    calibration_report: bool = typer.Option(False, "--calibration-report",
                                            help=f"Measure the output and write {DEFAULT_REPORT}."),
    report: Path = typer.Option(DEFAULT_REPORT, "--report", help="Where --calibration-report writes."),
    returns: Path = typer.Option(None, "--returns", help="With --into-db: write each complete year's statutory "
                                                         "returns (CIN census, SSDA903) from the record here."),
) -> None:
    """Generate, then load and/or write. Deterministic from --seed."""
    if ctx.invoked_subcommand is not None:
        return
    _setup()
    from sightline.synth.profile import profile_for, profiles_national

    first, last = date_option(start, "--start"), date_option(end, "--end")
    if last <= first:
        raise typer.BadParameter("--end must be after --start.", param_hint="--end")
    if not (into_db or out or calibration_report):
        raise typer.BadParameter("Say what to do: --into-db, --out DIR and/or --calibration-report.")
    if returns and not into_db:
        raise typer.BadParameter("The returns are written from the record: add --into-db.", param_hint="--returns")
    if las:
        profiles = profiles_national(las)
    else:
        code = PROFILES.get(profile.lower()) or (int(profile) if profile.isdigit() else None)
        if code is None:
            raise typer.BadParameter(f"Unknown profile {profile!r}: use doncaster or a DfE LA code.",
                                     param_hint="--profile")
        profiles = [profile_for(code)]
    with tempfile.TemporaryDirectory(prefix="sightline-synth-") as scratch:
        base = out or Path(scratch)
        for p in profiles:
            _one(p.scaled(scale) if scale != 1.0 else p, seed=seed, start=first, end=last, into_db=into_db,
                 out=(base / str(p.la_code)) if len(profiles) > 1 else base,
                 write=bool(out) or calibration_report, report=report if calibration_report else None)
            if returns:
                _returns(p.la_code, first, last, returns)


def _returns(la_code: int, first: date, last: date, out: Path) -> None:
    """Each year ending 31 March wholly inside the activity, in every format the returns app can write."""
    from sightline.returns.formats import formats

    years = [y for y in range(first.year + 1, last.year + 1) if date(y - 1, 4, 1) >= first and date(y, 3, 31) <= last]
    for name, fmt in sorted(formats().items()):
        if fmt.export is None:
            continue
        for year in years:
            path = fmt.export(la_code=str(la_code), year=f"{year - 1}-{year % 100:02d}", out=out)
            typer.echo(f"  {name} {year - 1}-{year % 100:02d}: {path}")


def _one(profile, *, seed: int, start: date, end: date, into_db: bool, out: Path, write: bool,
         report: Path | None) -> None:
    from sightline.synth.calibration import calibration_markdown, calibration_measure
    from sightline.synth.load import already_loaded, partnership_load
    from sightline.synth.output import feeds_write, parquet_write
    from sightline.synth.partnership import partnership_generate

    if into_db and not write and already_loaded(profile.la_code):
        typer.echo(f"{profile.la_name} is already in the record; nothing generated.")
        return
    began = time.perf_counter()
    tables = partnership_generate(profile, seed=seed, start=start, end=end)
    typer.echo(f"{profile.la_name}: generated {sum(t.height for t in tables.values()):,} rows in "
               f"{time.perf_counter() - began:.1f} s.")
    if write:
        parquet_write(tables, out)
        feeds_write(tables, out / "feeds")
        typer.echo(f"  written to {out}")
    if into_db:
        began = time.perf_counter()
        loaded = partnership_load(tables, la_code=profile.la_code)
        if loaded:
            typer.echo(f"  loaded {sum(loaded.values()):,} rows into the record in "
                       f"{time.perf_counter() - began:.1f} s.")
        else:
            typer.echo(f"  {profile.la_name} is already in the record; nothing loaded.")
    if report is not None:
        figures = calibration_measure(out, profile)
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(calibration_markdown(figures, profile, seed=seed))
        within = sum(f.within is True for f in figures)
        typer.echo(f"  calibration: {within} of {sum(f.within is not None for f in figures)} figures within "
                   f"tolerance; written to {report}")


@app.command("figures")
def figures(dfe_dir: Path = typer.Argument(..., exists=True, file_okay=False,
                                           help="The folder of DfE files (data/dfe of the shared reference).")) -> None:
    """Refresh the published figures the generator is calibrated to from a newer set of DfE files."""
    from sightline.synth.figures import FIGURES_CSV, figures_extract

    typer.echo(f"{figures_extract(dfe_dir):,} authority-years written to {FIGURES_CSV}.")
