"""SSDA903 rules about who belongs in OC2 (looked after for 12 months), OC3 (care leavers) and PrevPerm."""

from sightline.returns.ssda903.rules.base import age, sql_rule

# Looked after continuously for 12 months at 31 March: looked after on 31 March, in a period of
# care that began on or before 31 March a year earlier.
CLA12 = """(select CHILD from Episodes group by CHILD
    having bool_or(DECOM <= $end and DEC is null)
       and max(case when RNE = 'S' then DECOM end) <= $start - interval 1 day)"""
HEALTH = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
ANY_HEALTH_BLANK = "(" + " or ".join(f"{f} is null" for f in HEALTH) + ")"
OC2_ITEMS = ("CONVICTED", "HEALTH_CHECK", *HEALTH, "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


def _oc2(code: str, where: str, message: str, fields: list[str], cohort: bool = False) -> None:
    tables = ["OC2", "Episodes"] if cohort else ["OC2"]

    @sql_rule(code, tables=tables, fields=fields, message=message)
    def check(year: int) -> str:
        return f"select row_id from OC2 where {where}"


_oc2("185", f"SDQ_SCORE is not null and CHILD not in {CLA12}", "The child was not looked after for 12 months "
     "at 31 March, so no SDQ score is recorded.", ["SDQ_SCORE"], cohort=True)
_oc2("198", f"SDQ_REASON is not null and CHILD not in {CLA12}", "The child was not looked after for 12 months "
     "at 31 March, so no reason for a missing SDQ score is recorded.", ["SDQ_REASON"], cohort=True)
_oc2("190", "(" + " or ".join(f"{f} is not null" for f in OC2_ITEMS) + f") and CHILD not in {CLA12}",
     "The child was not looked after for 12 months at 31 March, so the items about that year are left blank.",
     list(OC2_ITEMS), cohort=True)
_oc2("191", f"{ANY_HEALTH_BLANK} and CHILD in {CLA12}", "The child was looked after for 12 months at 31 March, so "
     "give immunisations, teeth check, health assessment and substance misuse.", list(HEALTH), cohort=True)
_oc2("182", "(" + " or ".join(f"{f} is not null" for f in ("SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
                                                             "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"))
     + f") and {ANY_HEALTH_BLANK}", "Give immunisations, teeth check, health assessment and substance misuse, or "
     "leave every OC2 item blank.", list(HEALTH))
_oc2("188", f"{age('DOB', '$end')} < 4 and (SDQ_SCORE is not null or SDQ_REASON is not null)",
     "The child was under 4 at 31 March, so no SDQ score or reason is recorded.", ["SDQ_SCORE", "SDQ_REASON"])
_oc2("189", f"{age('DOB', '$start')} >= 17 and (SDQ_SCORE is not null or SDQ_REASON is not null)",
     "The young person was 17 or over on 1 April, so no SDQ score or reason is recorded.", ["SDQ_SCORE", "SDQ_REASON"])
_oc2("542", f"{age('DOB', '$end')} < 10 and CONVICTED is not null",
     "The child was under 10 at 31 March, so no conviction information is recorded.", ["CONVICTED"])
_oc2("543", f"{age('DOB', '$end')} >= 10 and CONVICTED is null and CHILD in {CLA12}",
     "The child was 10 or over at 31 March and looked after for 12 months, so give the conviction information.",
     ["CONVICTED"], cohort=True)
_oc2("544", f"CONVICTED is not null and {ANY_HEALTH_BLANK}", "Conviction information is given, so give "
     "immunisations, teeth check, health assessment and substance misuse too.", ["CONVICTED", *HEALTH])
_oc2("545", f"{age('DOB', '$end')} < 5 and HEALTH_CHECK is null and CHILD in {CLA12}",
     "The child was under 5 at 31 March and looked after for 12 months, so give the health check information.",
     ["HEALTH_CHECK"], cohort=True)
_oc2("546", f"{age('DOB', '$end')} >= 5 and HEALTH_CHECK is not null",
     "The child was 5 or over at 31 March, so the health check item (for under-5s) is left blank.", ["HEALTH_CHECK"])
_oc2("547", f"HEALTH_CHECK is not null and {ANY_HEALTH_BLANK}", "Health check information is given, so give "
     "immunisations, teeth check, health assessment and substance misuse too.", ["HEALTH_CHECK", *HEALTH])


@sql_rule("347", tables=["OC3"], fields=["ACCOM", "DOB"],
          message="A care leaver under 18 cannot be accommodated in a foyer (T1, T2).")
def foyer_under_18(year: int) -> str:
    return f"select row_id from OC3 where ACCOM in ('T1', 'T2') and {age('DOB', '$end')} < 18"


@sql_rule("3001", tables=["OC3"], fields=["ACCOM", "DOB"],
          message="At 17 a care leaver cannot be living with former foster carers (Z1, Z2).")
def former_foster_carers_at_17(year: int) -> str:
    return f"select row_id from OC3 where ACCOM in ('Z1', 'Z2') and {age('DOB', '$end')} = 17"


@sql_rule("1011", tables=["OC3", "Episodes"], fields=["CHILD"],
          message="The young person's care passed to another council (E3), so that council gives the care leaver "
                  "information.")
def transferred_care_leaver(year: int) -> str:
    return ("select row_id from OC3 where CHILD in (select CHILD from Episodes group by CHILD "
            "having arg_max_null(REC, DECOM) = 'E3')")


@sql_rule("1007", tables=["OC3", "Episodes"], fields=["CHILD", "DOB"],
          message="The young person was still looked after on their 17th or 18th birthday, so care leaver "
                  "information is not needed.")
def still_looked_after_on_birthday(year: int) -> str:
    birthday = "cast(o.DOB + to_years(b.n) as date)"
    return (f"select o.row_id from OC3 o cross join (select unnest([17, 18]) as n) b join Episodes e "
            f"on e.CHILD = o.CHILD and e.DECOM <= {birthday} and (e.DEC is null or e.DEC > {birthday}) "
            f"where {birthday} between $start and $end")


@sql_rule("628", tables=["Header", "OC3", "Episodes"], fields=["MOTHER"],
          message="The care leaver was not looked after this year, so motherhood details are not recorded.")
def care_leaver_motherhood(year: int) -> str:
    return ("select row_id from Header where MOTHER is not null and CHILD in (select CHILD from OC3) "
            "and CHILD not in (select CHILD from Episodes)")


@sql_rule("630", tables=["Episodes", "PrevPerm"], fields=["RNE"],
          message="The child started to be looked after this year, so give their previous permanence option "
                  "(PrevPerm).")
def previous_permanence_missing(year: int) -> str:
    return ("select row_id from Episodes where RNE = 'S' and DECOM between $start and $end and CHILD not in "
            "(select CHILD from PrevPerm where PREV_PERM is not null)")


@sql_rule("634", tables=["PrevPerm", "Episodes"], fields=["PREV_PERM"],
          message="Previous permanence is recorded only for periods of care starting on or after 1 April 2016.")
def previous_permanence_too_old(year: int) -> str:
    return ("select p.row_id from PrevPerm p join (select CHILD, max(case when RNE = 'S' then DECOM end) as began "
            "from Episodes group by CHILD) e using (CHILD) where p.PREV_PERM is not null "
            "and e.began < date '2016-04-01'")


@sql_rule("210", tables=["Header", "Episodes"], fields=["UPN"],
          message="The child had been looked after for more than a week at 31 March, so UN4 (UPN not yet obtained) "
                  "no longer applies.")
def upn_not_yet_obtained(year: int) -> str:
    return ("select row_id from Header where upper(UPN) = 'UN4' and CHILD in (select CHILD from Episodes "
            "where DEC is null and DECOM < $end - interval 7 day)")


@sql_rule("426", tables=["Episodes"], fields=["LS"],
          message="A child on short breaks cannot be under both V3 and V4 in the same year.")
def both_short_break_kinds(year: int) -> str:
    return ("select row_id from Episodes where LS in ('V3', 'V4') and CHILD in (select CHILD from Episodes "
            "group by CHILD having bool_or(LS = 'V3') and bool_or(LS = 'V4'))")


@sql_rule("516", tables=["Episodes"], fields=["REC", "PLACE"],
          message="A special guardianship order to former foster carers or others (E45, E46) needs a foster "
                  "placement (U1 to U6).")
def guardianship_without_foster(year: int) -> str:
    return ("select row_id from Episodes where REC in ('E45', 'E46') "
            "and PLACE not in ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')")


@sql_rule("383", tables=["Episodes"], fields=["PLACE"],
          message="After a temporary placement the child must return to the placement they came from.")
def temporary_without_return(year: int) -> str:
    return """select row_id from (select row_id, PLACE,
                lag(PLACE) over w as prev_place, lead(PLACE) over w as next_place,
                lag(PL_POST) over w as prev_post, lead(PL_POST) over w as next_post,
                lag(URN) over w as prev_urn, lead(URN) over w as next_urn
              from Episodes window w as (partition by CHILD order by DECOM, row_id))
              where PLACE in ('T0', 'T1', 'T2', 'T3', 'T4') and prev_place is not null and next_place is not null
                and (prev_place <> next_place or prev_post is distinct from next_post
                     or prev_urn is distinct from next_urn)"""


_oc2("157", f"SDQ_REASON = 'SDQ1' and {age('DOB', '$start')} >= 4 and {age('DOB', '$end')} <= 16",
     "SDQ1 (child under 4 or over 17) cannot be the reason for no SDQ score: the child was 4 to 16 all year.",
     ["SDQ_REASON", "DOB"])
_oc2("186", f"SDQ_SCORE is null and SDQ_REASON is null and {age('DOB', '$start')} >= 4 "
     f"and {age('DOB', '$end')} < 17 and CHILD in {CLA12}",
     "The child was 4 to 16 and looked after for 12 months at 31 March, so give an SDQ score or the reason "
     "there is none.", ["SDQ_SCORE", "SDQ_REASON"], cohort=True)


@sql_rule("215", tables=["OC2", "OC3"], fields=list(OC2_ITEMS),
          message="The young person has care leaver information (OC3), so the items about children looked after "
                  "for 12 months are left blank.")
def care_leaver_with_oc2(year: int) -> str:
    return ("select row_id from OC2 where CHILD in (select CHILD from OC3) and ("
            + " or ".join(f"{f} is not null" for f in OC2_ITEMS) + ")")


@sql_rule("EPI", tables=["Header", "Episodes", "OC3"], fields=["CHILD"], severity="query",
          message="The child has no episodes (and is not a care leaver in OC3): load their episodes so that the "
                  "other checks can run.")
def child_without_episodes(year: int) -> str:
    return ("select row_id from Header where CHILD not in (select CHILD from Episodes where CHILD is not null) "
            "and CHILD not in (select CHILD from OC3 where CHILD is not null)")


@sql_rule("377", tables=["Episodes"], fields=["PLACE"],
          message="No more than two temporary placements for the foster carers' holiday (T3) are allowed in a "
                  "collection year.")
def too_many_holiday_placements(year: int) -> str:
    return ("select row_id from Episodes where PLACE = 'T3' and DECOM between $start and $end and CHILD in "
            "(select CHILD from Episodes where PLACE = 'T3' and DECOM between $start and $end "
            "group by CHILD having count(*) > 2)")


@sql_rule("367", tables=["Episodes"], fields=["LS", "DECOM", "DEC"],
          message="Short breaks (V3) add up to more than 75 days in the collection year.")
def too_much_respite(year: int) -> str:
    days = "greatest(least(coalesce(DEC, $end), $end) - greatest(DECOM, $start), 0)"
    return ("select row_id from Episodes where LS = 'V3' and CHILD in (select CHILD from Episodes where LS = 'V3' "
            f"group by CHILD having sum({days}) > 75)")
