"""How a figure is written down: rounding, units and the DfE's suppression of small numbers.

Statutory reference §2.2: any count from 1 to 5 is suppressed ("c") in the public version, with
secondary suppression so that a suppressed cell cannot be worked back from a total; 0 is a true
zero; "x" is not available; "z" is not applicable.
"""

from dataclasses import dataclass

SUPPRESSED = "c"
NOT_AVAILABLE = "x"
NOT_APPLICABLE = "z"
SMALL = range(1, 6)

OGL_ATTRIBUTION = ("Contains public sector information licensed under the Open Government Licence v3.0 "
                   "(Department for Education and Office for National Statistics statistics).")
SYMBOLS_NOTE = (f"{SUPPRESSED} = a number from 1 to 5, or a number that would reveal one, kept out of the public "
                f"version; {NOT_AVAILABLE} = not available; {NOT_APPLICABLE} = not applicable; 0 = a true zero.")

PERCENT_UNITS = {"percent", "percentage", "%"}


def is_small(count) -> bool:
    return count is not None and round(count) in SMALL


def format_value(value, unit: str = "count", rounding: int = 1) -> str:
    """A figure as the report prints it: counts with thousands separators, rates and percentages rounded."""
    if value is None:
        return NOT_AVAILABLE
    if unit in PERCENT_UNITS:
        return f"{value:,.{rounding}f}%"
    if unit == "count":
        return f"{round(value):,}"
    return f"{value:,.{rounding}f}"


@dataclass
class Cell:
    value: float | None
    unit: str = "count"
    rounding: int = 1
    suppressed: bool = False
    applicable: bool = True

    @property
    def text(self) -> str:
        if not self.applicable:
            return NOT_APPLICABLE
        if self.suppressed:
            return SUPPRESSED
        return format_value(self.value, self.unit, self.rounding)


def suppress_counts(grid: list[list[Cell]], *, row_total: bool = False, column_total: bool = False) -> None:
    """Primary and secondary suppression of a grid of counts, in place.

    Primary: every count from 1 to 5. Secondary: where a row (or column) has a total as its last
    cell and exactly one of its other cells is suppressed, the next smallest non-zero cell is
    suppressed too (or the total, when there is none), until nothing changes.
    """
    for row in grid:
        for cell in row:
            if cell.unit == "count" and is_small(cell.value):
                cell.suppressed = True
    if not (row_total or column_total):
        return
    lines = []
    if row_total:
        lines += [row for row in grid]
    if column_total and grid:
        lines += [[row[j] for row in grid] for j in range(len(grid[0]))]
    changed = True
    while changed:
        changed = False
        for line in lines:
            parts, total = line[:-1], line[-1]
            hidden = [c for c in parts if c.suppressed and c.applicable]
            if len(hidden) != 1 or total.suppressed:
                continue
            candidates = [c for c in parts if not c.suppressed and c.applicable and c.value]
            target = min(candidates, key=lambda c: c.value) if candidates else total
            if not target.suppressed:
                target.suppressed = changed = True


def suppress_rate(cell: Cell, numerator, denominator) -> None:
    """A rate or percentage is kept out when the count it is made from is small."""
    if is_small(numerator) or is_small(denominator):
        cell.suppressed = True
