"""Downloads of a table: CSV and Excel, safe to open in a spreadsheet (no formula injection)."""

import csv
import io

from openpyxl import Workbook

from sightline.reports.tables import Table

# A cell starting with one of these is run as a formula by spreadsheet programs (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_text(value: str) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _rows(table: Table) -> list[list]:
    rows = [[safe_text(h) for h in table.head]]
    for row in table.rows:
        rows.append([safe_text(row.label)] + [c.text if (c.suppressed or not c.applicable or c.value is None)
                                               else c.value for c in row.cells])
    return rows


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_text(table.caption)])
    for row in _rows(table):
        writer.writerow([safe_text(v) if isinstance(v, str) else v for v in row])
    for note in table.notes:
        writer.writerow([safe_text(note)])
    return out.getvalue()


def tables_xlsx(tables: list[Table], *, attribution: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    for table in tables:
        sheet.append([safe_text(table.caption)])
        for row in _rows(table):
            sheet.append([safe_text(v) if isinstance(v, str) else v for v in row])
        for note in table.notes:
            sheet.append([safe_text(note)])
        sheet.append([])
    sheet.append([safe_text(attribution)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
