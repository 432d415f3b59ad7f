import re
import shutil
import subprocess

import pytest

from sightline.reports.builder import annual_report_build
from sightline.reports.publication import OGL_ATTRIBUTION
from sightline.reports.render import annual_report_html, annual_report_pdf
from tests.reports.factories import FROM, TO, seed_figures

SEED_NUMBERS = ["Table 1", "Table 2", "Table 4", "Table 5", "Table 6", "Table 7", "Graph 1", "Graph 2", "Graph 3",
                "Graph 4", "Graph 5", "Graph 6"]


@pytest.fixture(scope="module")
def report():
    return annual_report_build(figures=seed_figures(), date_from=FROM, date_to=TO, public=True,
                               partnership="Doncaster Safeguarding Children Partnership", area_name="Doncaster")


@pytest.fixture(scope="module")
def html(report):
    return annual_report_html(report)


def test_the_report_has_the_seed_sections_in_a_contents_list_that_links_to_them(html):
    contents = html[html.index('<nav class="contents"'):html.index("</nav>")]
    for slug, title in [("early-help", "Early help"), ("front-door", "Multi-agency Safeguarding Hub"),
                        ("child-protection", "Child protection"), ("children-in-care", "Children in care"),
                        ("care-leavers", "Care leavers"), ("neglect", "Neglect"), ("domestic-abuse", "Domestic abuse"),
                        ("mental-health", "Mental health and wellbeing"), ("exploitation", "Exploitation"),
                        ("training", "Multi-agency safeguarding training")]:
        assert f'<a href="#{slug}">{title}</a>' in contents
        assert f'id="{slug}"' in html


def test_every_table_and_graph_of_the_seed_has_its_counterpart(html):
    for number in SEED_NUMBERS:
        assert re.search(rf"(Data for )?{number}:", html), number


def test_every_graph_has_alt_text_and_its_data_as_a_table(report, html):
    for chart in report.charts():
        assert len(chart.alt) > 40
        assert f"Data for {chart.number}:" in html
    images = re.findall(r"<img [^>]*>", html)
    assert images and all('alt="' in img and 'alt=""' not in img for img in images)


def test_graphs_are_svg_drawn_offline_with_the_report_font(report):
    svg = report.charts()[0].svg()
    assert svg.startswith("<svg") and "Liberation Sans" in svg
    assert "http://" not in svg.replace("http://www.w3.org", "")


def test_public_version_carries_the_licence_and_the_symbols_and_hides_small_numbers(report, html):
    assert OGL_ATTRIBUTION in html
    assert "c = a number from 1 to 5" in html
    assert "Public version" in html
    internal = annual_report_html(annual_report_build(
        figures=seed_figures(), date_from=FROM, date_to=TO, public=False,
        partnership="Doncaster Safeguarding Children Partnership", area_name="Doncaster"))
    assert "not for publication" in internal
    # The voluntary sector's 4 lead practitioner cases show only internally.
    assert ">4</td>" in internal and ">4</td>" not in html


def _poppler(tool: str, path, *args) -> str:
    return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils (make report-tools) reads the PDF back")
def test_the_pdf_is_tagged_titled_in_liberation_sans_with_contents_and_page_numbers(report, html, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(annual_report_pdf(report, html))
    info = _poppler("pdfinfo", path)
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert "Title:           Doncaster Safeguarding Children Partnership annual report" in info
    fonts = _poppler("pdffonts", path)
    assert "Liberation-Sans" in fonts and "DejaVu" not in fonts
    text = _poppler("pdftotext", path)
    pages = int(re.search(r"Page 2 of (\d+)", text).group(1))
    assert f"Page {pages} of {pages}" in text
    assert "Contents" in text and "Table 1: Multi-agency Safeguarding Hub contacts by month" in text


def test_what_the_information_tells_us_comes_before_the_figures_and_the_response_after():
    narratives = {("front-door", "tells_us"): "Demand rose all year.", ("front-door", "impact"): "Fewer re-referrals."}
    html = annual_report_html(annual_report_build(
        figures=seed_figures(), date_from=FROM, date_to=TO, public=True, narratives=narratives,
        partnership="Doncaster Safeguarding Children Partnership", area_name="Doncaster"))
    section = html[html.index('id="front-door"'):html.index('id="child-protection"')]
    assert section.index("Demand rose all year.") < section.index("Table 1:") < section.index("Fewer re-referrals.")
    assert "What does the information tell us?" in section and "Impact" in section
    assert "What has been done?" not in section


def test_dashboard_download_lists_each_indicator_with_england(client, seed_results_stored, analyst):
    from django.urls import reverse

    client.force_login(analyst)
    text = client.get(reverse("reports:dashboard_download", args=["csv"])).content.decode()
    assert "Re-referrals within 12 months" in text and "25.4,22.7" in text


def test_a_section_without_figures_appears_once_the_business_unit_has_written_it():
    def build(narratives):
        return annual_report_html(annual_report_build(
            figures=seed_figures(), date_from=FROM, date_to=TO, public=True, narratives=narratives,
            partnership="Doncaster Safeguarding Children Partnership", area_name="Doncaster"))

    assert 'id="scrutiny"' not in build({})
    assert 'id="scrutiny"' in build({("scrutiny", "tells_us"): "The arrangements are working well."})
