"""Text a spreadsheet would run as a formula (OWASP "CSV injection"), made inert with a leading apostrophe.

Every export that a person may open in Excel (validation reports, indicator and table downloads,
Annex A, the synthetic agency feeds) passes its text through here.
"""

import polars as pl

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralised(value):
    """`value` with a leading apostrophe if it is text a spreadsheet would run; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """The same for every text column of a frame, set-based."""
    text = [c for c, t in frame.schema.items() if t == pl.String]
    starts = lambda c: pl.any_horizontal([pl.col(c).str.starts_with(s) for s in FORMULA_STARTS])  # noqa: E731
    return frame.with_columns([pl.when(starts(c)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
                               for c in text]) if text else frame
