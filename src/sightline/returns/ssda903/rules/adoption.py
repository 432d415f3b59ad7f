"""SSDA903 rules joining adoption decisions (AD1, PlacedAdoption) to the episodes."""

from sightline.returns.ssda903.rules.base import sql_rule

ADOPTION_PLACEMENTS = "('A3', 'A4', 'A5', 'A6')"
# Per child: when first placed for adoption, when a placement order first applied, when the latest
# period of care started, whether adopted this year, and the end of care (when it has ended).
CHILD_CARE = f"""(select CHILD,
    min(case when PLACE in {ADOPTION_PLACEMENTS} then DECOM end) as placed_for_adoption,
    min(case when LS = 'E1' then DECOM end) as placement_order,
    min(DECOM) as first_care,
    max(case when RNE = 'S' then DECOM end) as period_start,
    bool_or(REC in ('E11', 'E12') and DEC between $start and $end) as adopted,
    bool_or(REC in ('E11', 'E12')) as ever_adopted,
    case when arg_max_null(REC, DECOM) <> 'X1' then arg_max_null(DEC, DECOM) end as left_care,
    arg_max_null(REC, DECOM) as last_rec
  from Episodes group by CHILD)"""


@sql_rule("117", tables=["PlacedAdoption", "Episodes"], fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
          message="A decision about placing the child for adoption is dated after the collection year or after "
                  "the child ceased to be looked after.")
def adoption_decision_too_late(year: int) -> str:
    return (f"select p.row_id from PlacedAdoption p left join {CHILD_CARE} c using (CHILD) where "
            "greatest(p.DATE_PLACED, p.DATE_PLACED_CEASED) > least($end, coalesce(c.left_care, $end))")


@sql_rule("118", tables=["PlacedAdoption", "Episodes"], fields=["DATE_PLACED_CEASED"],
          message="The decision that the child should no longer be placed for adoption is dated before the "
                  "collection year or before the child was first looked after.")
def reversal_too_early(year: int) -> str:
    return (f"select p.row_id from PlacedAdoption p left join {CHILD_CARE} c using (CHILD) where "
            "p.DATE_PLACED_CEASED < $start or p.DATE_PLACED_CEASED < c.first_care")


@sql_rule("1003", tables=["PlacedAdoption", "Episodes"], fields=["DATE_PLACED"],
          message="The decision that the child should be placed for adoption is dated before the child was "
                  "first looked after.")
def decision_before_care(year: int) -> str:
    return f"select p.row_id from PlacedAdoption p join {CHILD_CARE} c using (CHILD) where p.DATE_PLACED < c.first_care"


@sql_rule("552", tables=["PlacedAdoption", "Episodes"], fields=["DATE_PLACED"],
          message="The decision that the child should be placed for adoption is dated after the child was placed "
                  "for adoption.")
def decision_after_placement(year: int) -> str:
    return (f"select p.row_id from PlacedAdoption p join {CHILD_CARE} c using (CHILD) "
            "where p.DATE_PLACED > c.placed_for_adoption")


@sql_rule("554", tables=["PlacedAdoption", "Episodes"], fields=["DATE_PLACED"],
          message="The decision that the child should be placed for adoption is dated after the placement order "
                  "(legal status E1).")
def decision_after_placement_order(year: int) -> str:
    return (f"select p.row_id from PlacedAdoption p join {CHILD_CARE} c using (CHILD) "
            "where p.DATE_PLACED > c.placement_order")


@sql_rule("525", tables=["PlacedAdoption", "Episodes"], fields=["DATE_PLACED_CEASED"],
          message="The decision to place the child for adoption was reversed, yet the child was adopted this year.")
def reversed_but_adopted(year: int) -> str:
    return (f"select p.row_id from PlacedAdoption p join {CHILD_CARE} c using (CHILD) "
            "where p.DATE_PLACED_CEASED is not null and c.adopted")


@sql_rule("557", tables=["PlacedAdoption", "Episodes"], fields=["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
          message="The child left care without being adopted, so record when and why the decision to place them "
                  "for adoption ended.")
def left_care_decision_open(year: int) -> str:
    return (f"select p.row_id from PlacedAdoption p join {CHILD_CARE} c using (CHILD) where p.DATE_PLACED_CEASED is "
            "null and c.left_care is not null and c.last_rec not in ('E11', 'E12')")


@sql_rule("558", tables=["PlacedAdoption", "Episodes"], fields=["DATE_PLACED_CEASED"],
          message="The child was adopted, so the decision to place them for adoption did not end: leave its end "
                  "date blank.")
def adopted_but_reversed(year: int) -> str:
    return (f"select p.row_id from PlacedAdoption p join {CHILD_CARE} c using (CHILD) "
            "where p.DATE_PLACED_CEASED is not null and c.ever_adopted")


@sql_rule("563", tables=["PlacedAdoption"], fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
          message="The decision to place the child for adoption has an end date but no start date.")
def reversal_without_decision(year: int) -> str:
    return "select row_id from PlacedAdoption where DATE_PLACED_CEASED is not null and DATE_PLACED is null"


_DECISIONS = """(select row_id, DATE_PLACED, lag(DATE_PLACED_CEASED) over w as prev_ceased, lag(row_id) over w as prev,
    lead(row_id) over w as next, DATE_PLACED_CEASED from PlacedAdoption where DATE_PLACED is not null
    window w as (partition by CHILD order by DATE_PLACED, row_id))"""


@sql_rule("579", tables=["PlacedAdoption"], fields=["DATE_PLACED"],
          message="A new decision to place the child for adoption starts before the previous one ended.")
def decisions_overlap(year: int) -> str:
    return f"select row_id from {_DECISIONS} where prev is not null and DATE_PLACED < prev_ceased"


@sql_rule("583", tables=["PlacedAdoption"], fields=["DATE_PLACED_CEASED"],
          message="A later decision to place the child for adoption is recorded, but this earlier one was never "
                  "ended.")
def earlier_decision_never_ended(year: int) -> str:
    return f"select row_id from {_DECISIONS} where next is not null and DATE_PLACED_CEASED is null"


@sql_rule("551", tables=["Episodes", "PlacedAdoption"], fields=["PLACE"],
          message="The child is placed for adoption but no decision that they should be placed for adoption is "
                  "recorded.")
def placed_without_decision(year: int) -> str:
    return (f"select row_id from Episodes where PLACE in {ADOPTION_PLACEMENTS} and CHILD not in "
            "(select CHILD from PlacedAdoption where DATE_PLACED is not null)")


@sql_rule("553", tables=["Episodes", "PlacedAdoption"], fields=["LS"],
          message="A placement order was granted (E1) but no decision that the child should be placed for adoption "
                  "is recorded.")
def order_without_decision(year: int) -> str:
    return ("select row_id from Episodes where LS = 'E1' and CHILD not in "
            "(select CHILD from PlacedAdoption where DATE_PLACED is not null)")


@sql_rule("408", tables=["Episodes"], fields=["PLACE", "LS"],
          message="A child placed for adoption under a placement order (A5, A6) must have legal status E1 or D1.")
def placed_without_order(year: int) -> str:
    return "select row_id from Episodes where PLACE in ('A5', 'A6') and LS not in ('E1', 'D1')"


@sql_rule("390", tables=["Episodes"], fields=["REC"],
          message="The child left care by adoption but was never placed for adoption (A3 to A6).")
def adopted_without_placement(year: int) -> str:
    return ("select row_id from Episodes where REC in ('E11', 'E12') and CHILD not in "
            f"(select CHILD from Episodes where PLACE in {ADOPTION_PLACEMENTS})")


@sql_rule("601", tables=["Episodes", "AD1"], fields=["REC"],
          message="The child was adopted this year but the adoption details (AD1) are not given.")
def adopted_without_details(year: int) -> str:
    return ("select row_id from Episodes where REC in ('E11', 'E12') and DEC between $start and $end "
            "and CHILD not in (select CHILD from AD1)")


@sql_rule("602", tables=["AD1", "Episodes"], fields=["CHILD"],
          message="Adoption details (AD1) are given but the episodes do not show the child adopted this year.")
def details_without_adoption(year: int) -> str:
    return f"select a.row_id from AD1 a left join {CHILD_CARE} c using (CHILD) where not coalesce(c.adopted, false)"


@sql_rule("331", tables=["AD1", "Episodes"], fields=["DATE_MATCH"],
          message="The child was matched with adopters after being placed for adoption.")
def matched_after_placement(year: int) -> str:
    return f"select a.row_id from AD1 a join {CHILD_CARE} c using (CHILD) where a.DATE_MATCH > c.placed_for_adoption"


@sql_rule("521", tables=["AD1", "Episodes"], fields=["DATE_INT"],
          message="The decision that adoption is in the child's best interests is dated after the child was "
                  "placed for adoption.")
def best_interests_after_placement(year: int) -> str:
    return f"select a.row_id from AD1 a join {CHILD_CARE} c using (CHILD) where a.DATE_INT > c.placed_for_adoption"


@sql_rule("334", tables=["AD1", "Episodes"], fields=["DATE_INT"],
          message="The decision that the child should be placed for adoption is dated before their latest period "
                  "of care began.")
def decision_before_period(year: int) -> str:
    return f"select a.row_id from AD1 a join {CHILD_CARE} c using (CHILD) where a.DATE_INT < c.period_start"


@sql_rule("523", tables=["AD1", "PlacedAdoption"], fields=["DATE_INT"],
          message="The date the child should be placed for adoption (AD1) differs from the date of that decision "
                  "in PlacedAdoption.")
def decision_dates_differ(year: int) -> str:
    return ("select a.row_id from AD1 a where a.DATE_INT is not null and not exists (select 1 from PlacedAdoption p "
            "where p.CHILD = a.CHILD and p.DATE_PLACED = a.DATE_INT)")


@sql_rule("151", tables=["AD1"], fields=["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
                                         "LS_ADOPTR"],
          message="Give all of the adoption details or none of them.")
def adoption_details_partial(year: int) -> str:
    fields = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
    given = " + ".join(f"({f} is not null)::int" for f in fields)
    return f"select row_id from AD1 where {given} not in (0, {len(fields)})"


@sql_rule("134", tables=["OC3", "AD1", "PlacedAdoption"], fields=["CHILD"],
          message="Adoption details are not given for a care leaver (OC3).")
def care_leaver_with_adoption(year: int) -> str:
    return ("select row_id from OC3 where CHILD in (select CHILD from AD1 union select CHILD from PlacedAdoption)")


@sql_rule("582", tables=["Episodes", "AD1"], fields=["DEC"], severity="query",
          message="The child was adopted on the day they were matched with the adopters; matching usually comes "
                  "first: check both dates.")
def adopted_on_match_day(year: int) -> str:
    return ("select e.row_id from Episodes e join AD1 a using (CHILD) where e.REC in ('E11', 'E12') "
            "and e.DEC = a.DATE_MATCH")


@sql_rule("335", tables=["AD1", "Episodes"], fields=["FOSTER_CARE"],
          message="Adoption by the foster carers (FOSTER_CARE) disagrees with the adoption placement: A3 or A5 "
                  "is with the current foster carers, A4 or A6 is not.")
def foster_carers_disagree(year: int) -> str:
    return (f"select a.row_id from AD1 a join (select CHILD, arg_max(PLACE, DECOM) as place from Episodes "
            f"where PLACE in {ADOPTION_PLACEMENTS} group by CHILD) e using (CHILD) "
            "where (a.FOSTER_CARE = '0' and e.place in ('A3', 'A5')) "
            "or (a.FOSTER_CARE = '1' and e.place in ('A4', 'A6'))")
