"""The SSDA903 validation rules, by DfE code, as packs by collection year.

Code lists that changed between years (sex, placement type) are chosen inside the rules from the
collection year, so the packs for 2024-25 and 2025-26 hold the same rules.
"""

from sightline.returns.engine import RulePack
from sightline.returns.ssda903.rules import (adoption, cohorts, episodes_fields, episodes_sequence,  # noqa: F401
                                             header, integrity, other_tables, reviews_missing)
from sightline.returns.ssda903.rules.base import RULES

PACKS = {year: RulePack(f"SSDA903 {year}", RULES) for year in ("2024-25", "2025-26")}
