"""Downloads of a table: CSV and Excel, safe to open in a spreadsheet (no formula injection)."""

import csv
import io

from openpyxl import Workbook

from sightline.core.spreadsheet import neutralised
from sightline.reports.tables import Table


def _rows(table: Table) -> list[list]:
    rows = [[neutralised(h) for h in table.head]]
    for row in table.rows:
        rows.append([neutralised(row.label)] + [c.text if (c.suppressed or not c.applicable or c.value is None)
                                               else c.value for c in row.cells])
    return rows


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralised(table.caption)])
    for row in _rows(table):
        writer.writerow([neutralised(v) for v in row])
    for note in table.notes:
        writer.writerow([neutralised(note)])
    return out.getvalue()


def tables_xlsx(tables: list[Table], *, attribution: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    for table in tables:
        sheet.append([neutralised(table.caption)])
        for row in _rows(table):
            sheet.append([neutralised(v) for v in row])
        for note in table.notes:
            sheet.append([neutralised(note)])
        sheet.append([])
    sheet.append([neutralised(attribution)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
