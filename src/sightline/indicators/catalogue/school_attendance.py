"""School attendance of children on child protection plans, from the schools' feeds."""

from sightline.indicators.catalogue.base import Indicator, counted

# Academic year Y runs from 1 September Y to 31 August Y+1 (`academic_year` is the year it starts).
YEAR_START = "cast(cast(u.academic_year as string) || '-09-01' as date)"
YEAR_END = "cast(cast(u.academic_year + 1 as string) || '-08-31' as date)"

# Each pupil's whole-year sessions, added over schools, for children on a plan at some time in the year;
# the year belongs to the period it ends in.
_PUPILS_ON_PLANS = f"""
    with pupils as (
        select a.child_id, a.academic_year, sum(a.sessions_possible) as possible, sum(a.sessions_missed) as missed
        from school_attendance a where a.term = 'year'
        group by a.child_id, a.academic_year
        having sum(a.sessions_possible) > 0
    )
    select p.period_id, u.child_id, u.possible, u.missed
    from pupils u join periods p on {YEAR_END} between p.period_start and p.period_end
    where exists (select 1 from cp_plans c where c.child_id = u.child_id and c.start_date <= {YEAR_END}
                  and (c.end_date is null or c.end_date >= {YEAR_START}))"""

INDICATORS = (
    Indicator(
        id="persistent_absence_cpp_pct",
        title="Persistent absence of children on child protection plans",
        definition="Children on a child protection plan at any time in the academic year ending (31 August) in "
                   "the period who missed 10% or more of their possible sessions that year (the DfE's persistent "
                   "absence), as a percentage of those children with a whole-year attendance record.",
        numerator=counted(f"select period_id, child_id from ({_PUPILS_ON_PLANS}\n) planned "
                          f"where missed * 10 >= possible", what="distinct child_id"),
        denominator=counted(f"select period_id, child_id from ({_PUPILS_ON_PLANS}\n) planned",
                            what="distinct child_id"),
        unit="percent", better="lower", period_type="year_ending_31_march", theme="School attendance",
        notes=("Sessions at every school the child attended in the year are added together.",
               "Termly returns are not used: only the whole-year figure (term 'year')."),
    ),
)
