"""The report written out: HTML, and an accessible PDF (PDF/UA-1) from the same HTML."""

from pathlib import Path

from django.template.loader import render_to_string
from weasyprint import HTML

from sightline.reports.builder import AnnualReport


def annual_report_html(report: AnnualReport) -> str:
    return render_to_string("reports/annual_report.html", {"report": report})


def annual_report_pdf(report: AnnualReport, html: str | None = None) -> bytes:
    # Charts are embedded as data: URIs, so WeasyPrint never needs to fetch anything.
    document = HTML(string=html or annual_report_html(report), base_url=str(Path.cwd()))
    return document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
