"""Time the whole annual report for a Doncaster-sized partnership: read the stored figures and the
benchmarks, build the tables, graphs and sentences, write the HTML and the PDF.

The record is the Doncaster-sized synthetic snapshot of bench_indicators.py (about 67,000 children,
years ending 31 March 2018 to 2022); its indicators are computed for the four years, the seed
report's period (1 April 2020 to 30 September 2021) and each month of it, and stored in a fresh
SQLite database. Only the report is timed; the target is under 15 s.
Run: `.venv/bin/python benchmarks/bench_reports.py [--write-docs] [--out DIR]`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from performance_doc import section_write


HERE = Path(__file__).resolve().parent
SECTION = "## Reports (issue 8)"
LIMIT_SECONDS = 15.0
FROM, TO = date(2020, 4, 1), date(2021, 9, 30)


def _periods():
    from sightline.indicators.periods import between, month, year_ending_31_march

    months = [month(y, m) for y in (2020, 2021) for m in range(1, 13) if FROM <= date(y, m, 1) <= TO]
    return [year_ending_31_march(y) for y in range(2018, 2023)] + [between(FROM, TO)] + months


def _store(snapshot_dir: Path) -> int:
    from django.utils import timezone

    from sightline.indicators.engine import compute
    from sightline.indicators.models import Snapshot
    from sightline.indicators.services import results_store

    frame = compute(snapshot_dir=snapshot_dir, la_code="371", periods=_periods())
    snapshot = Snapshot.objects.create(taken_at=timezone.now(), path=str(snapshot_dir), row_counts={})
    return len(results_store(frame=frame, snapshot=snapshot))


def _pages(path: Path) -> str:
    """The page count, read back by poppler's pdfinfo when it is installed (`make report-tools`)."""
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)


def _write_docs(figure: dict) -> None:
    body = (f"{SECTION}\n\n`benchmarks/bench_reports.py`: the annual report for 1 April 2020 to 30 September 2021 "
            f"from a Doncaster-sized record ({figure['results']:,} stored indicator results).\n\n"
            "| step | seconds |\n| --- | --- |\n"
            f"| read results and benchmarks, build tables, graphs and sentences | {figure['build']:.2f} |\n"
            f"| write the HTML | {figure['html']:.2f} |\n"
            f"| write the PDF (WeasyPrint, PDF/UA-1, {figure['pages']} pages) | {figure['pdf']:.2f} |\n"
            f"| **whole report** (target under {LIMIT_SECONDS:.0f} s) | **{figure['total']:.2f}** |\n")
    section_write(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-docs", action="store_true", help="Record the figures in docs/performance.md.")
    parser.add_argument("--out", type=Path, help="Keep the report's HTML and PDF in this folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SIGHTLINE_VAR_DIR"] = tmp
        os.environ["DATABASE_URL"] = ""
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sightline.settings")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        sys.path.insert(0, str(HERE))
        from bench_indicators import generate

        snapshot_dir = Path(tmp) / "snapshot"
        snapshot_dir.mkdir()
        generate(snapshot_dir, scale=1, first_year=2018, last_year=2022)
        results = _store(snapshot_dir)

        from sightline.reports.builder import AnnualReport
        from sightline.reports.render import annual_report_html, annual_report_pdf
        from sightline.reports.services import annual_report_make

        began = time.perf_counter()
        report: AnnualReport = annual_report_make(date_from=FROM, date_to=TO, public=True)
        for chart in report.charts():
            chart.svg()
        built = time.perf_counter()
        html = annual_report_html(report)
        written = time.perf_counter()
        pdf = annual_report_pdf(report, html)
        done = time.perf_counter()
        out = args.out or Path(tmp) / "out"
        out.mkdir(parents=True, exist_ok=True)
        (out / "annual-report.html").write_text(html)
        (out / "annual-report.pdf").write_bytes(pdf)
        pages = _pages(out / "annual-report.pdf")
    figure = {"results": results, "build": built - began, "html": written - built, "pdf": done - written,
              "total": done - began, "pages": pages}
    print(f"Annual report from {results:,} indicator results: built in {figure['build']:.2f} s, HTML "
          f"{figure['html']:.2f} s, PDF {figure['pdf']:.2f} s; whole report {figure['total']:.2f} s "
          f"(limit {LIMIT_SECONDS:.0f} s).")
    if args.write_docs:
        _write_docs(figure)
    return 0 if figure["total"] < LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
