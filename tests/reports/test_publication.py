from hypothesis import given
from hypothesis import strategies as st

from sightline.reports.publication import Cell, format_value, suppress_counts


def _row(*values):
    return [Cell(v) for v in values]


def test_counts_of_one_to_five_are_suppressed_and_zero_is_kept():
    grid = [_row(0, 1, 5, 6)]
    suppress_counts(grid)
    assert [c.text for c in grid[0]] == ["0", "c", "c", "6"]


def test_a_lone_suppressed_cell_takes_the_next_smallest_with_it_when_the_row_has_a_total():
    # 3 is suppressed; with the total 63 shown it would be 63 - 40 - 20 = 3, so 20 goes too.
    grid = [_row(40, 3, 20, 63)]
    suppress_counts(grid, row_total=True)
    assert [c.text for c in grid[0]] == ["40", "c", "c", "63"]


def test_secondary_suppression_skips_true_zeros():
    # 0 is published as a true zero, so the next smallest non-zero cell (12) is taken instead.
    grid = [_row(0, 4, 12, 30, 46)]
    suppress_counts(grid, row_total=True)
    assert [c.text for c in grid[0]] == ["0", "c", "c", "30", "46"]


def test_secondary_suppression_works_down_columns_too():
    grid = [_row(2), _row(9), _row(30), _row(41)]
    suppress_counts(grid, column_total=True)
    assert [r[0].text for r in grid] == ["c", "c", "30", "41"]


def test_the_total_is_suppressed_when_nothing_else_can_hide_the_cell():
    grid = [_row(4, 4)]
    suppress_counts(grid, row_total=True)
    assert [c.text for c in grid[0]] == ["c", "c"]


@given(st.lists(st.lists(st.integers(min_value=0, max_value=40), min_size=2, max_size=5), min_size=2, max_size=5))
def test_no_suppressed_cell_can_be_recovered_from_its_row_or_column_total(values):
    width = len(values[0])
    body = [(row + [0] * width)[:width] for row in values]
    rows = [r + [sum(r)] for r in body]
    totals = [sum(r[j] for r in rows) for j in range(width + 1)]
    grid = [[Cell(v) for v in r] for r in rows + [totals]]
    suppress_counts(grid, row_total=True, column_total=True)
    lines = [row for row in grid] + [[row[j] for row in grid] for j in range(width + 1)]
    for line in lines:
        if not line[-1].suppressed:
            hidden = [c for c in line[:-1] if c.suppressed]
            assert len(hidden) != 1, "a single hidden cell would equal the total less the others"
    for row in grid:
        for cell in row:
            if cell.value in range(1, 6):
                assert cell.suppressed


def test_figures_are_written_with_their_unit_and_rounding():
    assert format_value(1706, "count") == "1,706"
    assert format_value(25.44, "percent", 1) == "25.4%"
    assert format_value(81.7, "rate_per_10k", 0) == "82"
    assert format_value(None) == "x"
