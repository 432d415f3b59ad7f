"""Rules about the return as a whole: its header and the spread of its codes."""

from sightline.returns.cin.rules import collect
from sightline.returns.engine import Tables, rule


@rule(code="100", severity="error", tables=["Header"], fields=["ReferenceDate"],
      message="The reference date in the header is not the last day of the collection year (31 March).")
def reference_date_wrong(t: Tables):
    return t.sql("select row_id from Header where ReferenceDate is null or ReferenceDate <> $end")


@rule(code="2886Q", severity="query", tables=["ChildIdentifiers"], fields=["Sex"],
      message="More than 2% of the children already born have no sex recorded (U or blank); check the return.")
def too_many_sex_unknown(t: Tables):
    return t.sql("""
        select null as row_id, cast(round(100.0 * unknown / born, 1) as varchar) || '%' as value
        from (select count(*) as born, count(*) filter (where Sex is null or Sex = 'U') as unknown
              from ChildIdentifiers where PersonBirthDate is not null)
        where born > 0 and unknown * 100.0 / born > 2""")


@rule(code="2887Q", severity="query", tables=["Disabilities"], fields=["Disability"],
      message="Fewer than 8 different disability codes are used across the whole return; check that "
              "disabilities are being recorded.")
def few_disability_codes(t: Tables):
    return t.sql("""
        select null as row_id, cast(used as varchar) || ' codes used' as value
        from (select count(distinct Disability) as used from Disabilities where Disability <> 'NONE')
        where used < 8""")


@rule(code="2888Q", severity="query", tables=["Disabilities"], fields=["Disability"],
      message="No child in the return has more than one disability recorded; record every disability a child has.")
def one_disability_each(t: Tables):
    return t.sql("""
        with per_child as (select LAchildID, count(distinct Disability) as codes from Disabilities
                           where Disability <> 'NONE' group by LAchildID)
        select null as row_id from per_child having count(*) > 0 and max(codes) = 1""")


RULES = collect(globals())
