"""The published figures a synthetic local authority is calibrated to, one row per LA and year.

`figures_extract` condenses the DfE files (data/dfe in the shared reference folder) into
data/la_figures.csv, which ships with the package so a fresh clone needs nothing else. The
figures are public sector information licensed under the Open Government Licence v3.0
(DfE, dfe-analytical-services/CSC_outcomes_and_enablers, data-raw/, commit 2f5d11a).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import polars as pl

FIGURES_CSV = Path(__file__).parent / "data" / "la_figures.csv"

# Year ending 31 March Y. Numbers shown as "c", "x", "u" or "z" in the DfE files are suppressed
# or unreliable; TRY_CAST turns them into nulls and the profile fills them from neighbouring years.
_EXTRACT_SQL = """
with c1 as (select old_la_code as la, time_period as year, try_cast(referral_count as int) referrals,
                   try_cast(rereferral_percent as double) rereferral_percent
            from read_csv('{d}/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv', all_varchar=true)
            where geographic_level = 'Local authority'),
d3 as (select old_la_code as la, time_period as year, try_cast(CPP_start as int) cpp_start,
              try_cast(CPP_subsequent_percent as double) cpp_subsequent_percent
       from read_csv('{d}/d3_cpps_subsequent_plan_2013_to_2025.csv', all_varchar=true)
       where geographic_level = 'Local authority'),
d5 as (select old_la_code as la, time_period as year, try_cast(CPP_At31 as int) cpp_at31
       from read_csv('{d}/d5_cpps_at31march_by_duration_2013_to_2025.csv', all_varchar=true)
       where geographic_level = 'Local authority'),
cla as (select old_la_code as la, time_period as year, try_cast(children_count as int) cla_at31
        from read_csv('{d}/cla_number_and_rate_per_10k_children.csv', all_varchar=true)
        where geographic_level = 'Local authority' and population_type = 'Children looked after on 31 March each year'),
cl as (select old_la_code as la, time_period as year,
              max(case when breakdown = 'Total' then try_cast(care_leaver_count as int) end) care_leavers_19_21,
              max(case when breakdown = 'Total in education, employment or training'
                       then try_cast(care_leaver_count as int) end) care_leavers_19_21_eet
       from read_csv('{d}/la_care_leavers_activity.csv', all_varchar=true)
       where geographic_level = 'Local authority' and care_leaver_age = '19 to 21 years'
       group by all),
-- Rates for the year ending 31 March Y use the mid-(Y-1) estimate (statutory.md 2.1).
pop as (select old_la_code as la, cast(time_period as int) + 1 as year, la_name,
               try_cast(population_estimate as int) population_0_17
        from read_csv('{d}/ons_mid-year_population_estimates_2012_to_2024.csv', all_varchar=true)
        where geographic_level = 'Local authority')
select cast(pop.la as int) la_code, pop.la_name, pop.year, population_0_17, referrals, rereferral_percent,
       cpp_start, cpp_subsequent_percent, cpp_at31, cla_at31, care_leavers_19_21, care_leavers_19_21_eet
from pop
left join c1 on c1.la = pop.la and cast(c1.year as int) = pop.year
left join d3 on d3.la = pop.la and cast(d3.year as int) = pop.year
left join d5 on d5.la = pop.la and cast(d5.year as int) = pop.year
left join cla on cla.la = pop.la and cast(cla.year as int) = pop.year
left join cl on cl.la = pop.la and cast(cl.year as int) = pop.year
where pop.la is not null and pop.la <> ''
order by la_code, year
"""


def figures_extract(dfe_dir: Path, out: Path = FIGURES_CSV) -> int:
    """Write the per-LA, per-year figures from the DfE files; returns the number of rows."""
    frame = duckdb.sql(_EXTRACT_SQL.format(d=Path(dfe_dir).as_posix())).pl()
    frame.write_csv(out)
    return frame.height


@cache
def la_figures() -> pl.DataFrame:
    return pl.read_csv(FIGURES_CSV)
