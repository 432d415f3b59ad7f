"""Exports of the figures as CSV, Excel or JSON, safe to open in a spreadsheet.

A text cell beginning with = + - @ (or a tab or carriage return) would run as a formula in
Excel or LibreOffice; such cells are written with a leading apostrophe (OWASP's advice).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from sightline.core.spreadsheet import neutralised

FORMATS = ("csv", "xlsx", "json")
def rows_write(rows: Sequence[dict], *, path: Path, format: str) -> Path:
    """Write `rows` (dicts with the same keys) to `path` in `format`."""
    if format not in FORMATS:
        raise ValueError(f"Choose an export format from {', '.join(FORMATS)}, not {format!r}.")
    columns = list(rows[0].keys()) if rows else []
    if format == "json":
        path.write_text(json.dumps(list(rows), indent=1, default=str))
    elif format == "csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows([neutralised(row[c]) for c in columns] for row in rows)
    else:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Indicators")
        sheet.append(columns)
        for row in rows:
            sheet.append([neutralised(row[c]) for c in columns])
        book.save(path)
    return path
