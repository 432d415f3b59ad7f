"""Factual sentences written from a table's own cells, so the words and the table cannot disagree.

A sentence is only written when every cell it needs is published; otherwise it is left out.
"""

from sightline.reports.publication import Cell
from sightline.reports.tables import MONTHS, Table


def _usable(*cells: Cell) -> bool:
    return all(c is not None and c.applicable and not c.suppressed and c.value is not None for c in cells)


def _movement(noun: str, first: Cell, first_when: str, last: Cell, last_when: str) -> str:
    if first.value == last.value:
        return f"{noun} stayed at {first.text} from {first_when} to {last_when}."
    verb = "rose" if last.value > first.value else "fell"
    sentence = f"{noun} {verb} from {first.text} in {first_when} to {last.text} in {last_when}"
    if first.unit == "count" and first.value:
        change = round(abs(last.value - first.value) / first.value * 100)
        sentence += f", {'an increase' if verb == 'rose' else 'a decrease'} of {change}%"
    return sentence + "."


def year_on_year(table: Table, noun: str) -> str:
    """The first month of the first year against the same month a year later (Table 1)."""
    if len(table.rows) < 2:
        return ""
    first_row, second_row = table.rows[0], table.rows[1]
    for i, cell in enumerate(first_row.cells):
        if cell.applicable and i < len(second_row.cells) and second_row.cells[i].applicable:
            month = next(m for m in MONTHS if m.startswith(table.head[i + 1]))
            start_year = int(first_row.label[:4])
            month_number = MONTHS.index(month) + 1
            year = start_year + (month_number < 4)
            if not _usable(cell, second_row.cells[i]):
                return ""
            return _movement(noun, cell, f"{month} {year}", second_row.cells[i], f"{month} {year + 1}")
    return ""


def first_to_last(table: Table, noun: str, row: int = 0) -> str:
    """Across the columns of one row (Tables 4 and 5) or down a one-column series (a graph's data)."""
    if len(table.head) == 2 and len(table.rows) >= 2:
        first, last = table.rows[0], table.rows[-1]
        if not _usable(first.cells[0], last.cells[0]):
            return ""
        return _movement(noun, first.cells[0], first.label, last.cells[0], last.label)
    if not table.rows or len(table.rows[row].cells) < 2:
        return ""
    cells = table.rows[row].cells
    if not _usable(cells[0], cells[-1]):
        return ""
    return _movement(noun, cells[0], table.head[1], cells[-1], table.head[-1])


def against_comparators(table: Table, noun: str) -> str:
    """The area's latest year against each comparator (Table 2, Graph 6)."""
    if not table.rows:
        return ""
    column = len(table.head) - 2
    own = table.rows[0].cells[column]
    if not _usable(own):
        return ""
    parts, published = [], ""
    for r in table.rows[1:]:
        other = r.cells[column]
        if r.label.endswith("(published by the DfE)"):
            published = f" The DfE published {other.text} for {table.rows[0].label}." if _usable(other) else ""
            continue
        if _usable(other):
            word = "above" if own.value > other.value else "below" if own.value < other.value else "the same as"
            name = "statistical neighbours" if r.label == "Statistical neighbours" else r.label
            parts.append(f"{word} {name} ({other.text})")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return (f"In the year ending 31 March {table.head[-1]}, {noun} in {table.rows[0].label} was {own.text}, "
            f"{listed}.{published}")


def largest_part(table: Table, noun: str) -> str:
    """Which part holds the most (Graph 2), or attends most often (conferences)."""
    parts = [r for r in table.rows if r.label != "Total"]
    if not parts:
        return ""
    top = parts[0]
    if "Out of" in table.head:
        number, out_of, share = top.cells
    else:
        total = next((r for r in table.rows if r.label == "Total"), None)
        if total is None:
            return ""
        number, share, out_of = top.cells[0], top.cells[1], total.cells[0]
    if not _usable(number, out_of, share):
        return ""
    return f"{top.label} {noun} {number.text} of {out_of.text} ({share.text})."
