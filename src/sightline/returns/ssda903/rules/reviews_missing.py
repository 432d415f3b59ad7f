"""SSDA903 rules on reviews and on periods missing or away from placement."""

from sightline.returns.ssda903.rules.base import age, blank_or_invalid_date, invalid_code, invalid_dates, sql_rule

# A child's episodes with the period each covers (an open episode runs to the end of the year).
COVERED = "select CHILD, DECOM, coalesce(DEC, $end) as until, DEC, REC from Episodes"


@sql_rule("166", tables=["Reviews"], fields=["REVIEW"], message="The review date is blank or not a date.")
def review_date_not_valid(year: int) -> str:
    return blank_or_invalid_date("Reviews", "REVIEW")


@sql_rule("167", tables=["Reviews"], fields=["REVIEW_CODE"],
          message="The child's participation in the review is blank or not a valid code.")
def participation_not_valid(year: int) -> str:
    return invalid_code("Reviews", "REVIEW_CODE")


@sql_rule("440", tables=["Reviews"], fields=["REVIEW_CODE", "DOB", "REVIEW"],
          message="Participation is PN0 (child under 4) but the child was 4 or over on the day of the review.")
def under_4_code_but_older(year: int) -> str:
    return f"select row_id from Reviews where REVIEW_CODE = 'PN0' and {age('DOB', 'REVIEW')} >= 4"


@sql_rule("441", tables=["Reviews"], fields=["REVIEW_CODE", "DOB", "REVIEW"],
          message="The child was under 4 on the day of the review, so participation must be PN0.")
def under_4_without_code(year: int) -> str:
    return f"select row_id from Reviews where REVIEW_CODE <> 'PN0' and {age('DOB', 'REVIEW')} < 4"


@sql_rule("1004", tables=["Missing"], fields=["MIS_START"], message="The date the child went missing or away is not "
                                                                      "a date.")
def missing_start_not_date(year: int) -> str:
    return invalid_dates("Missing", "MIS_START")


@sql_rule("1005", tables=["Missing"], fields=["MIS_END"], message="The date the child came back is not a date.")
def missing_end_not_date(year: int) -> str:
    return invalid_dates("Missing", "MIS_END")


@sql_rule("1006", tables=["Missing"], fields=["MISSING"], message="Missing must be M (missing) or A (away from "
                                                                    "placement without authorisation).")
def missing_kind_not_valid(year: int) -> str:
    return invalid_code("Missing", "MISSING", blank_ok=True)


@sql_rule("564", tables=["Missing"], fields=["MIS_START"],
          message="The child was missing or away but the date it started is blank.")
def missing_without_start(year: int) -> str:
    return ("select row_id from Missing where MISSING is not null and MIS_START is null "
            f"and row_id not in ({invalid_dates('Missing', 'MIS_START')})")


@sql_rule("565", tables=["Missing"], fields=["MISSING", "MIS_START"],
          message="A start date is given but not whether the child was missing or away.")
def start_without_kind(year: int) -> str:
    return "select row_id from Missing where MIS_START is not null and MISSING is null"


@sql_rule("566", tables=["Missing"], fields=["MISSING", "MIS_END"],
          message="An end date is given but not whether the child was missing or away.")
def end_without_kind(year: int) -> str:
    return "select row_id from Missing where MIS_END is not null and MISSING is null"


@sql_rule("567", tables=["Missing"], fields=["MIS_START", "MIS_END"],
          message="The missing or away period ends before it starts.")
def missing_ends_before_start(year: int) -> str:
    return "select row_id from Missing where MIS_END < MIS_START"


@sql_rule("570", tables=["Missing"], fields=["MIS_START"],
          message="The missing or away period starts after the collection year ended.")
def missing_after_year(year: int) -> str:
    return "select row_id from Missing where MIS_START > $end"


@sql_rule("571", tables=["Missing"], fields=["MIS_END"],
          message="The missing or away period ends outside the collection year.")
def missing_end_outside_year(year: int) -> str:
    return "select row_id from Missing where MIS_END < $start or MIS_END > $end"


@sql_rule("574", tables=["Missing"], fields=["MIS_START", "MIS_END"],
          message="A missing or away period starts while the previous one is still open or before it ended.")
def missing_periods_overlap(year: int) -> str:
    return ("select row_id from (select row_id, MIS_START, lag(MIS_END) over w as prev_end, "
            "lag(row_id) over w as prev_row from Missing where MIS_START is not null "
            "window w as (partition by CHILD order by MIS_START, row_id)) "
            "where prev_row is not null and (prev_end is null or prev_end > MIS_START)")


@sql_rule("586", tables=["Missing", "Header"], fields=["MIS_START"],
          message="The missing or away period starts before the child was born.")
def missing_before_birth(year: int) -> str:
    return "select m.row_id from Missing m join Header h using (CHILD) where m.MIS_START < h.DOB"


@sql_rule("581", tables=["Missing", "Episodes"], fields=["MIS_START"],
          message="The missing or away period starts before the child's first episode of care.")
def missing_before_care(year: int) -> str:
    return ("select m.row_id from Missing m join (select CHILD, min(DECOM) as first from Episodes group by CHILD) e "
            "using (CHILD) where m.MIS_START < e.first")


@sql_rule("578", tables=["Missing", "Episodes"], fields=["MIS_START"],
          message="The missing or away period starts after the child ceased to be looked after.")
def missing_after_care(year: int) -> str:
    return (f"select m.row_id from Missing m join (select CHILD, min(DECOM) as first from Episodes group by CHILD) f "
            f"using (CHILD) where m.MIS_START > f.first and not exists (select 1 from ({COVERED}) e "
            f"where e.CHILD = m.CHILD and m.MIS_START between e.DECOM and e.until)")


@sql_rule("575", tables=["Missing", "Episodes"], fields=["MIS_END"],
          message="The placement the child went missing from has ended, so the missing or away period needs an "
                  "end date.")
def missing_open_after_placement(year: int) -> str:
    return ("select m.row_id from Missing m join Episodes e on e.CHILD = m.CHILD and m.MIS_START >= e.DECOM "
            "and m.MIS_START < e.DEC where m.MIS_END is null")


@sql_rule("577", tables=["Missing", "Episodes"], fields=["MIS_END"],
          message="The child has ceased to be looked after, but a missing or away period has no end date.")
def missing_open_after_care(year: int) -> str:
    return ("select m.row_id from Missing m join (select CHILD, bool_or(DEC is null or REC = 'X1') as in_care "
            "from Episodes group by CHILD) e using (CHILD) where m.MIS_END is null and not e.in_care")


@sql_rule("580", tables=["Episodes", "Missing"], fields=["REC"],
          message="The child was missing when they ceased to be looked after, so the reason must be E8.")
def missing_at_end_of_care(year: int) -> str:
    return ("select e.row_id from Episodes e join Missing m on m.CHILD = e.CHILD and m.MIS_START <= e.DEC "
            "and (m.MIS_END is null or m.MIS_END > e.DEC) where e.REC not in ('X1', 'E8')")
