import pytest

from sightline.core.calendar import duration_band


@pytest.mark.parametrize(("working_days", "band"), [
    (0, "same day"), (1, "1-10"), (10, "1-10"), (11, "11-20"), (20, "11-20"), (21, "21-30"),
    (30, "21-30"), (31, "31-40"), (40, "31-40"), (41, "41-45"), (45, "41-45"), (46, "46-50"),
    (50, "46-50"), (51, "51-60"), (60, "51-60"), (61, "61+"), (400, "61+"),
])
def test_dfe_assessment_duration_bands(working_days, band):
    assert duration_band(working_days) == band


def test_an_assessment_finishing_before_it_started_has_no_band():
    with pytest.raises(ValueError, match="before it started"):
        duration_band(-1)
