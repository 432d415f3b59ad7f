"""Write an Annex A workbook as inspectors expect it: a sheet per list, the template's headings,
real Excel dates shown as dd/mm/yyyy, and no cell that a spreadsheet would run as a formula."""

import datetime as dt
from pathlib import Path

import polars as pl
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from sightline.returns.annexa.spec import LISTS
from sightline.core.spreadsheet import neutralised

DATE_STYLE = "dd/mm/yyyy"
COLUMN_WIDTH = 22


def write_annex_a(lists: dict[int, pl.DataFrame], path: Path | str) -> Path:
    """Lists by number (frames with the template's headings) to an .xlsx at `path`; every list gets a sheet."""
    path = Path(path)
    book = Workbook(write_only=True)
    for number, (_, columns) in LISTS.items():
        sheet = book.create_sheet(f"List {number}")
        sheet.freeze_panes = "A2"
        names = [name for name, _ in columns]
        for i in range(len(names)):
            sheet.column_dimensions[get_column_letter(i + 1)].width = COLUMN_WIDTH
        heading = []
        for name in names:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = Font(bold=True)
            heading.append(cell)
        sheet.append(heading)
        frame = lists.get(number)
        if frame is None or frame.height == 0:
            continue
        frame = frame.select([pl.col(n) if n in frame.columns else pl.lit(None).alias(n) for n in names])
        for row in frame.iter_rows():
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=neutralised(value))
                if isinstance(value, dt.date):
                    cell.number_format = DATE_STYLE
                cells.append(cell)
            sheet.append(cells)
    book.save(path)
    return path
