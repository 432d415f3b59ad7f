"""SSDA903 rules on how a child's episodes follow one another."""

from sightline.returns.ssda903.rules.base import EPISODES_IN_ORDER, sql_rule

# Continuation episodes follow the last one the same day; S starts a new period of care.
CONTINUATION = "('L', 'P', 'T', 'B', 'U')"


@sql_rule("142", tables=["Episodes"], fields=["DEC"],
          message="A later episode has started but this one has no end date.")
def open_episode_not_last(year: int) -> str:
    return f"select row_id from {EPISODES_IN_ORDER} where DEC is null and n < episodes"


@sql_rule("501", tables=["Episodes"], fields=["DECOM"],
          message="The episode starts before the previous episode ended.")
def starts_before_previous_ends(year: int) -> str:
    return f"select row_id from {EPISODES_IN_ORDER} where DECOM < prev_DEC"


@sql_rule("357", tables=["Episodes"], fields=["RNE"],
          message="The child's first episode must have reason for new episode S (started to be looked after); "
                  "check for a missing earlier episode.")
def first_episode_not_start(year: int) -> str:
    return f"select row_id from {EPISODES_IN_ORDER} where n = 1 and RNE <> 'S'"


@sql_rule("388", tables=["Episodes"], fields=["REC"],
          message="The episode ended with X1 (a new episode begins) but no episode follows it.")
def continuation_missing(year: int) -> str:
    return f"select row_id from {EPISODES_IN_ORDER} where REC = 'X1' and n = episodes"


@sql_rule("437", tables=["Episodes"], fields=["REC"],
          message="The child died (E2) or was assessed as 18 or over (E15), but later episodes are recorded.")
def episodes_after_final_end(year: int) -> str:
    return f"select row_id from {EPISODES_IN_ORDER} where REC in ('E2', 'E15') and n < episodes"


@sql_rule("431", tables=["Episodes"], fields=["RNE", "DECOM"],
          message="The reason for new episode is S (started to be looked after) but the previous episode ended "
                  "the same day.")
def new_period_same_day(year: int) -> str:
    return f"select row_id from {EPISODES_IN_ORDER} where RNE = 'S' and DECOM = prev_DEC"


@sql_rule("432", tables=["Episodes"], fields=["RNE"],
          message="The previous episode ended the period of care, so this episode's reason must be S.")
def new_period_not_start(year: int) -> str:
    return f"select row_id from {EPISODES_IN_ORDER} where prev_REC is not null and prev_REC <> 'X1' and RNE <> 'S'"


@sql_rule("433", tables=["Episodes"], fields=["RNE", "DECOM"],
          message="The reason for new episode says it continues the previous one, but it does not start the day "
                  "the previous episode ended.")
def continuation_not_same_day(year: int) -> str:
    return (f"select row_id from {EPISODES_IN_ORDER} where RNE in {CONTINUATION} and n > 1 "
            "and DECOM is distinct from prev_DEC")


_SAME_PLACEMENT = ("PLACE = prev_PLACE and PL_POST is not distinct from prev_PL_POST "
                   "and URN is not distinct from prev_URN")


@sql_rule("434", tables=["Episodes"], fields=["RNE", "LS", "PLACE", "PL_POST", "URN"],
          message="The reason for new episode is a change of legal status only (L), but the legal status is "
                  "unchanged or the placement changed.")
def legal_status_only_not_shown(year: int) -> str:
    return (f"select row_id from {EPISODES_IN_ORDER} where RNE = 'L' and n > 1 "
            f"and (LS = prev_LS or not ({_SAME_PLACEMENT}))")


@sql_rule("435", tables=["Episodes"], fields=["RNE", "LS", "PLACE", "PL_POST", "URN"],
          message="The reason for new episode is a change of placement only (P or U), but the legal status "
                  "changed or the placement did not.")
def placement_only_not_shown(year: int) -> str:
    return (f"select row_id from {EPISODES_IN_ORDER} where RNE in ('P', 'U') and n > 1 "
            f"and (LS <> prev_LS or ({_SAME_PLACEMENT}))")


@sql_rule("436", tables=["Episodes"], fields=["RNE", "LS", "PLACE", "PL_POST", "URN"],
          message="The reason for new episode is a change of both legal status and placement (T or B), but one "
                  "of them did not change.")
def both_change_not_shown(year: int) -> str:
    return (f"select row_id from {EPISODES_IN_ORDER} where RNE in ('T', 'B') and n > 1 "
            f"and (LS = prev_LS or ({_SAME_PLACEMENT}))")


@sql_rule("504", tables=["Episodes"], fields=["CIN"],
          message="The category of need differs from the one recorded when this period of care started.")
def need_changed_within_period(year: int) -> str:
    return f"""select row_id from (select row_id, CIN,
                 first_value(CIN) over (partition by CHILD, period order by n) as period_CIN
               from (select *, sum(case when RNE = 'S' then 1 else 0 end) over (partition by CHILD order by n)
                       as period from {EPISODES_IN_ORDER}))
               where CIN <> period_CIN"""


@sql_rule("225", tables=["Episodes"], fields=["REASON_PLACE_CHANGE"],
          message="The child moved to a new placement from this one, so give the reason for the placement change.")
def place_change_reason_needed(year: int) -> str:
    return (f"select row_id from {EPISODES_IN_ORDER} where REC = 'X1' and next_RNE in ('P', 'T', 'B', 'U') "
            "and REASON_PLACE_CHANGE is null and PLACE not in ('T0', 'T1', 'T2', 'T3', 'T4') "
            "and DEC >= $start")


@sql_rule("399", tables=["Episodes", "Header", "Reviews"], fields=["LS"],
          message="The child is only ever on short breaks (V3, V4), so mother, review and participation details "
                  "are not recorded.")
def short_breaks_with_details(year: int) -> str:
    return ("select e.row_id from Episodes e join Header h using (CHILD) where e.CHILD in (select CHILD from "
            "Episodes group by CHILD having bool_and(LS in ('V3', 'V4'))) and (h.MOTHER is not null or "
            "e.CHILD in (select CHILD from Reviews))")
