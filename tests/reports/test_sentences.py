import re

from sightline.reports import sentences, tables
from sightline.reports.builder import annual_report_build
from sightline.reports.figures import Figures
from tests.reports.factories import FROM, INFO, TO, result, seed_figures


def _report(public=True):
    return annual_report_build(figures=seed_figures(), date_from=FROM, date_to=TO, public=public,
                               partnership="Doncaster Safeguarding Children Partnership", area_name="Doncaster")


def test_contacts_sentence_reads_as_the_seed_report_does():
    table = tables.month_pivot(seed_figures(), "contacts_per_month", FROM, TO, title="", public=True)
    # (2,292 - 1,706) / 1,706 = 34.3% -> 34%.
    assert sentences.year_on_year(table, "Contacts") == (
        "Contacts rose from 1,706 in April 2020 to 2,292 in April 2021, an increase of 34%.")


def test_re_referral_sentence_names_each_comparator_and_its_figure():
    table = tables.comparator_years(seed_figures(), "re_referral_rate_12m", FROM, TO, title="", public=True,
                                    area_name="Doncaster")
    assert sentences.against_comparators(table, "the re-referral rate") == (
        "In the year ending 31 March 2021, the re-referral rate in Doncaster was 25.4%, above Yorkshire and the "
        "Humber (22.6%), above statistical neighbours (21.8%) and above England (22.7%).")


def test_every_figure_in_every_sentence_is_printed_in_its_own_table():
    for section in _report().sections:
        for block in section.blocks:
            if not block.sentence:
                continue
            printed = {c.text for r in block.table.rows for c in r.cells} | set(block.table.head)
            figures = re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?%?", block.sentence.split(", an increase")[0]
                                 .split(", a decrease")[0])
            quoted = [f for f in figures if f not in {"31", "10,000"} and not re.fullmatch(r"20\d\d", f)]
            assert quoted, block.sentence
            for figure in quoted:
                assert figure in printed, f"{figure} of {block.sentence!r} is not in {block.table.caption}"


def test_the_percentage_change_is_worked_from_the_same_cells_as_the_table():
    table = tables.month_pivot(seed_figures(), "contacts_per_month", FROM, TO, title="", public=True)
    first, later = table.cell("2020-21", "Apr").value, table.cell("2021-22", "Apr").value
    sentence = sentences.year_on_year(table, "Contacts")
    assert f"an increase of {round((later - first) / first * 100)}%" in sentence


def test_no_sentence_is_written_from_a_suppressed_figure():
    figures = Figures("371", [result("contacts_per_month", FROM, TO, value=4, breakdown="2020-04"),
                              result("contacts_per_month", FROM, TO, value=9, breakdown="2021-04")], INFO)
    public = tables.month_pivot(figures, "contacts_per_month", FROM, TO, title="", public=True)
    internal = tables.month_pivot(figures, "contacts_per_month", FROM, TO, title="", public=False)
    assert sentences.year_on_year(public, "Contacts") == ""
    assert sentences.year_on_year(internal, "Contacts") == (
        "Contacts rose from 4 in April 2020 to 9 in April 2021, an increase of 125%.")
