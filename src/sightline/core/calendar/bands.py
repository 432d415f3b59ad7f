"""DfE assessment duration bands (CIN census table C2; statutory.md section 2.1, V-primary)."""

from __future__ import annotations

# (upper bound in working days, label); "same day" is day 0 under the day-0 convention.
DURATION_BANDS: tuple[tuple[int, str], ...] = (
    (0, "same day"),
    (10, "1-10"),
    (20, "11-20"),
    (30, "21-30"),
    (40, "31-40"),
    (45, "41-45"),
    (50, "46-50"),
    (60, "51-60"),
)
OVER_SIXTY = "61+"


def duration_band(working_days: int) -> str:
    """The DfE band for an assessment lasting `working_days` (day 0 = same day).

    A negative duration (completed before it started) has no band: DfE excludes such cases.
    """
    if working_days < 0:
        raise ValueError(f"A duration of {working_days} working days has no DfE band: "
                         "the assessment is dated as finishing before it started.")
    for upper, label in DURATION_BANDS:
        if working_days <= upper:
            return label
    return OVER_SIXTY
