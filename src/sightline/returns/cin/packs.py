"""The CIN census rule packs by collection year.

2025-26 is the full pack (every rule of the DfE's 2025/26 CIN census validation list). 2024-25
used the same (Sex M/F/U) schema and rules. 2023-24 returns follow the 2024 schema, which
records GenderCurrent (1, 2, 0, 9) instead of Sex, so its two sex rules are overridden.
"""

from sightline.returns.cin.rules import assessments, child, episodes, header, plans, protection, section47
from sightline.returns.cin.schema import GENDER_CURRENT, sql_list
from sightline.returns.engine import RulePack, Tables, rule

CIN_2025_26 = RulePack("CIN census 2025-26", (*header.RULES, *child.RULES, *episodes.RULES, *assessments.RULES,
                                               *section47.RULES, *plans.RULES, *protection.RULES))
CIN_2024_25 = CIN_2025_26.derive("CIN census 2024-25")


@rule(code="4180", severity="error", tables=["ChildIdentifiers"], fields=["GenderCurrent"],
      message="Gender is missing or is not 1, 2, 0 or 9.")
def gender_missing_or_invalid(t: Tables):
    return t.sql(f"""select row_id from ChildIdentifiers
                     where GenderCurrent is null or GenderCurrent not in {sql_list(GENDER_CURRENT)}""")


@rule(code="8750", severity="error", tables=["ChildIdentifiers"], fields=["GenderCurrent"],
      message="An unborn child (expected date of birth and no date of birth) must have gender 0.")
def unborn_gender_not_zero(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers where PersonBirthDate is null
                    and ExpectedPersonBirthDate is not null and GenderCurrent is distinct from '0'""")


CIN_2023_24 = CIN_2024_25.derive("CIN census 2023-24", override=[gender_missing_or_invalid, unborn_gender_not_zero])

PACKS = {"2023-24": CIN_2023_24, "2024-25": CIN_2024_25, "2025-26": CIN_2025_26}
