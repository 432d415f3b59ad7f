"""One small synthetic Doncaster (3% of its size), generated once for all the tests of this folder."""

from datetime import date

import pytest

from sightline.synth.partnership import partnership_generate
from sightline.synth.profile import profile_for

SCALE = 0.03
START, END = date(2017, 4, 1), date(2021, 9, 30)


@pytest.fixture(scope="session")
def small_profile():
    return profile_for(371).scaled(SCALE)


@pytest.fixture(scope="session")
def small(small_profile):
    return partnership_generate(small_profile, seed=7, start=START, end=END)
