"""SSDA903 rules on single Episodes rows: codes, dates, ages and placement details."""

from sightline.returns.ssda903.rules.base import (age, blank_or_invalid_date, invalid_code, invalid_dates, sql_list,
                                                  sql_rule)
from sightline.returns.ssda903.schema import TEMPORARY_PLACEMENTS, place_codes

TEMPORARY = sql_list(TEMPORARY_PLACEMENTS)
WITH_AGE = "select e.*, h.DOB from Episodes e join Header h using (CHILD)"
POSTCODE = "^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"


@sql_rule("141", tables=["Episodes"], fields=["DECOM"], message="The episode start date is blank or not a date.")
def start_not_valid(year: int) -> str:
    return blank_or_invalid_date("Episodes", "DECOM")


@sql_rule("143", tables=["Episodes"], fields=["RNE"],
          message="The reason for the new episode is blank or not a valid code.")
def reason_new_not_valid(year: int) -> str:
    return invalid_code("Episodes", "RNE")


@sql_rule("144", tables=["Episodes"], fields=["LS"], message="The legal status is blank or not a valid code.")
def legal_status_not_valid(year: int) -> str:
    return invalid_code("Episodes", "LS")


@sql_rule("145", tables=["Episodes"], fields=["CIN"], message="The category of need is blank or not a valid code.")
def category_of_need_not_valid(year: int) -> str:
    return invalid_code("Episodes", "CIN")


@sql_rule("146", tables=["Episodes"], fields=["PLACE"],
          message="The placement type is blank or not a code used in this collection year.")
def placement_type_not_valid(year: int) -> str:
    return invalid_code("Episodes", "PLACE", place_codes(year))


@sql_rule("147", tables=["Episodes"], fields=["DEC"], message="The episode end date is not a date.")
def end_not_valid(year: int) -> str:
    return invalid_dates("Episodes", "DEC")


@sql_rule("148", tables=["Episodes"], fields=["DEC", "REC"],
          message="Give both the episode end date and the reason it ended, or neither.")
def end_and_reason_together(year: int) -> str:
    return "select row_id from Episodes where (DEC is null) <> (REC is null)"


@sql_rule("149", tables=["Episodes"], fields=["REC"], message="The reason the episode ended is not a valid code.")
def reason_ended_not_valid(year: int) -> str:
    return invalid_code("Episodes", "REC", blank_ok=True)


@sql_rule("178", tables=["Episodes"], fields=["PLACE_PROVIDER"], message="The placement provider is not a valid code.")
def provider_not_valid(year: int) -> str:
    return invalid_code("Episodes", "PLACE_PROVIDER", blank_ok=True)


@sql_rule("1009", tables=["Episodes"], fields=["REASON_PLACE_CHANGE"],
          message="The reason for the placement change is not a valid code.")
def place_change_reason_not_valid(year: int) -> str:
    return invalid_code("Episodes", "REASON_PLACE_CHANGE", blank_ok=True)


@sql_rule("1008", tables=["Episodes"], fields=["URN"],
          message="The Ofsted URN is not in the form of a URN (SC and six digits, six or seven digits, or XXXXXXX).")
def urn_not_valid(year: int) -> str:
    return ("select row_id from Episodes where URN is not null and not regexp_matches(upper(URN), "
            "'^(SC[0-9]{6}|[0-9]{6,7}|XXXXXXX)$')")


@sql_rule("353", tables=["Episodes"], fields=["DECOM"], message="The episode starts before 14 October 1991.")
def start_before_children_act(year: int) -> str:
    return "select row_id from Episodes where DECOM < date '1991-10-14'"


@sql_rule("354", tables=["Episodes"], fields=["DECOM"], message="The episode starts after the collection year ended.")
def starts_after_year(year: int) -> str:
    return "select row_id from Episodes where DECOM > $end"


@sql_rule("385", tables=["Episodes"], fields=["DEC"], message="The episode ends after the collection year ended.")
def ends_after_year(year: int) -> str:
    return "select row_id from Episodes where DEC > $end"


@sql_rule("355", tables=["Episodes"], fields=["DECOM", "DEC"],
          message="The episode starts and ends on the same day, so lasted less than 24 hours.")
def same_day_episode(year: int) -> str:
    return "select row_id from Episodes where DEC = DECOM"


@sql_rule("356", tables=["Episodes"], fields=["DECOM", "DEC"], message="The episode ends before it starts.")
def ends_before_start(year: int) -> str:
    return "select row_id from Episodes where DEC < DECOM"


@sql_rule("446", tables=["Episodes"], fields=["LS", "DECOM"],
          message="Legal status E1 (placement order) cannot apply to an episode starting before 30 December 2005.")
def placement_order_before_2005(year: int) -> str:
    return "select row_id from Episodes where LS = 'E1' and DECOM < date '2005-12-30'"


@sql_rule("302", tables=["Episodes", "Header"], fields=["DECOM"],
          message="The episode starts before the child was born.")
def starts_before_birth(year: int) -> str:
    return f"select row_id from ({WITH_AGE}) where DECOM < DOB"


@sql_rule("352", tables=["Episodes", "Header"], fields=["DECOM", "RNE"],
          message="The child started to be looked after at 18 or over.")
def started_at_18(year: int) -> str:
    return f"select row_id from ({WITH_AGE}) where RNE = 'S' and {age('DOB', 'DECOM')} >= 18"


def _age_limit(code: str, condition: str, on: str, minimum: int, message: str, fields: list[str]) -> None:
    @sql_rule(code, tables=["Episodes", "Header"], fields=fields, message=message)
    def check(year: int) -> str:
        return f"select row_id from ({WITH_AGE}) where {condition} and {age('DOB', on)} < {minimum}"


_age_limit("358", "LS in ('J1', 'J2', 'J3')", "DECOM", 10, "A child under 10 cannot have a youth justice legal status "
           "(J1, J2 or J3).", ["LS"])
_age_limit("372", "PLACE = 'R5'", "DECOM", 10, "A child placed in youth custody or prison (R5) must be at least 10.",
           ["PLACE"])
_age_limit("373", "PLACE = 'S1'", "DECOM", 4, "A child placed in a school (S1) must be at least 4.", ["PLACE"])
_age_limit("374", "PLACE = 'R2'", "DECOM", 14, "A child in residential employment (R2) must be at least 14.", ["PLACE"])
_age_limit("387", "REC in ('E5', 'E6')", "DEC", 14, "A child who left care for independent living (E5, E6) must be "
           "at least 14.", ["REC"])
_age_limit("389", "REC = 'E7'", "DEC", 16, "A child who moved to care funded by adult social care (E7) must be at "
           "least 16.", ["REC"])
_age_limit("460", "REC = 'E17'", "DEC", 18, "A child who stayed with their carers at 18 (E17) must be 18 or over.",
           ["REC"])
_age_limit("234", "REASON_PLACE_CHANGE = 'CUSTOD'", "DEC", 10, "A child under 10 cannot leave a placement because "
           "they were taken into custody.", ["REASON_PLACE_CHANGE"])


@sql_rule("386", tables=["Episodes", "Header"], fields=["REC"],
          message="The child is recorded as adopted (E11, E12) at 18 or over.")
def adopted_at_18(year: int) -> str:
    return f"select row_id from ({WITH_AGE}) where REC in ('E11', 'E12') and {age('DOB', 'DEC')} >= 18"


@sql_rule("407", tables=["Episodes", "Header"], fields=["REC"],
          message="The child left care on a special guardianship order (E45 to E48) at 18 or over.")
def guardianship_at_18(year: int) -> str:
    return f"select row_id from ({WITH_AGE}) where REC in ('E45', 'E46', 'E47', 'E48') and {age('DOB', 'DEC')} >= 18"


def _longest(code: str, condition: str, days: int, message: str, fields: list[str]) -> None:
    @sql_rule(code, tables=["Episodes"], fields=[*fields, "DECOM", "DEC"], message=message)
    def check(year: int) -> str:
        return f"select row_id from Episodes where {condition} and DEC - DECOM > {days}"


# Children Act 1989 s46 (72 hours), s44-45 (emergency protection), s43 (child assessment order: 7 days).
_longest("361", "LS = 'L1'", 3, "Police protection (L1) lasted more than 72 hours.", ["LS"])
_longest("362", "LS = 'L2'", 21, "An emergency protection order (L2) lasted more than 21 days.", ["LS"])
_longest("363", "LS = 'L3'", 7, "A child assessment order (L3) lasted more than 7 days.", ["LS"])
_longest("365", "LS = 'V3'", 17, "A single short break (V3) lasted more than 17 days.", ["LS"])
_longest("375", "PLACE = 'T1'", 42, "A temporary stay in hospital (T1) lasted more than six weeks.", ["PLACE"])
_longest("376", "PLACE = 'T3'", 21, "A temporary placement while the foster carers were on holiday (T3) lasted "
         "more than three weeks.", ["PLACE"])
_longest("379", "PLACE = 'T4'", 7, "A temporary placement for another reason (T4) lasted more than seven days.",
         ["PLACE"])


@sql_rule("378", tables=["Episodes"], fields=["PLACE", "LS"],
          message="A child placed with parents (P1) cannot be accommodated under a single period of s20 (V2).")
def with_parents_under_s20(year: int) -> str:
    return "select row_id from Episodes where PLACE = 'P1' and LS = 'V2'"


@sql_rule("382", tables=["Episodes"], fields=["PLACE", "LS"],
          message="A child on short breaks (V3, V4) cannot be in a temporary placement.")
def short_break_temporary(year: int) -> str:
    return f"select row_id from Episodes where LS in ('V3', 'V4') and PLACE in {TEMPORARY}"


@sql_rule("384", tables=["Episodes"], fields=["PLACE", "LS"],
          message="A child on short breaks (V3, V4) cannot be in a long-term foster placement (U1, U4).")
def short_break_long_term_foster(year: int) -> str:
    return "select row_id from Episodes where LS in ('V3', 'V4') and PLACE in ('U1', 'U4')"


@sql_rule("366", tables=["Episodes"], fields=["LS", "RNE"],
          message="A single short break (V3) cannot include a change of placement: its reason for new episode "
                  "must be S.")
def short_break_changes_placement(year: int) -> str:
    return "select row_id from Episodes where LS = 'V3' and RNE <> 'S'"


@sql_rule("217", tables=["Episodes"], fields=["PLACE", "RNE"],
          message="A child placed for adoption with their foster carers (A3, A5) must have a reason for new "
                  "episode of S, T or U.")
def adoption_with_foster_carers_reason(year: int) -> str:
    return "select row_id from Episodes where PLACE in ('A3', 'A5') and RNE not in ('S', 'T', 'U')"


@sql_rule("380", tables=["Episodes"], fields=["RNE", "PLACE"], message="A period of care cannot start in a "
                                                                        "temporary placement.")
def starts_temporary(year: int) -> str:
    return f"select row_id from Episodes where RNE = 'S' and PLACE in {TEMPORARY}"


@sql_rule("381", tables=["Episodes"], fields=["REC", "PLACE"], message="A period of care cannot end in a "
                                                                        "temporary placement.")
def ends_temporary(year: int) -> str:
    return f"select row_id from Episodes where REC is not null and REC <> 'X1' and PLACE in {TEMPORARY}"


@sql_rule("213", tables=["Episodes"], fields=["PLACE_PROVIDER"],
          message="A placement provider is not recorded for temporary placements or Z1.")
def provider_not_required(year: int) -> str:
    return (f"select row_id from Episodes where PLACE_PROVIDER is not null and "
            f"(PLACE in {TEMPORARY} or PLACE = 'Z1')")


@sql_rule("526", tables=["Episodes"], fields=["PLACE_PROVIDER"],
          message="The placement provider is blank for a placement that needs one.")
def provider_missing(year: int) -> str:
    return (f"select row_id from Episodes where PLACE_PROVIDER is null and PLACE not in {TEMPORARY} "
            "and PLACE <> 'Z1' and (DEC is null or DEC >= $start)")


def _provider_excludes(code: str, provider: str, placements: str, message: str) -> None:
    @sql_rule(code, tables=["Episodes"], fields=["PLACE_PROVIDER", "PLACE"], message=message)
    def check(year: int) -> str:
        return f"select row_id from Episodes where PLACE_PROVIDER = '{provider}' and PLACE in {placements}"


_provider_excludes("527", "PR1", "('P1', 'R2', 'R5')", "A placement with parents, in residential employment or in "
                   "custody cannot be provided by the council (PR1).")
_provider_excludes("528", "PR2", "('P1', 'R2', 'R5')", "A placement with parents, in residential employment or in "
                   "custody cannot be provided by another council (PR2).")
_provider_excludes("529", "PR3", "('P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')",
                   "Another public body (PR3) cannot provide a placement with parents, for adoption, in a "
                   "children's home or with foster carers.")
_provider_excludes("530", "PR4", "('P1')", "A placement with parents (P1) cannot be provided by a private "
                   "provider (PR4).")
_provider_excludes("531", "PR5", "('P1')", "A placement with parents (P1) cannot be provided by a voluntary "
                   "provider (PR5).")


@sql_rule("550", tables=["Episodes"], fields=["PLACE_PROVIDER", "PLACE"],
          message="Provider PR0 (parents or person with parental responsibility) applies only to placements "
                  "with parents (P1).")
def parents_provider_only_with_parents(year: int) -> str:
    return "select row_id from Episodes where PLACE_PROVIDER = 'PR0' and PLACE <> 'P1'"


@sql_rule("222", tables=["Episodes"], fields=["URN", "PLACE"],
          message="An Ofsted URN is not recorded for this type of placement.")
def urn_not_for_placement(year: int) -> str:
    return ("select row_id from Episodes where URN is not null and upper(URN) <> 'XXXXXXX' and (PLACE in "
            f"('H5', 'P1', 'P2', 'P3', 'R1', 'R2', 'R5', 'Z1') or PLACE in {TEMPORARY})")


@sql_rule("218", tables=["Episodes"], fields=["URN", "PLACE", "PLACE_PROVIDER"],
          message="A child in a children's home (K2) run by a council or public body needs the home's Ofsted URN.")
def childrens_home_needs_urn(year: int) -> str:
    return ("select row_id from Episodes where PLACE = 'K2' and PLACE_PROVIDER in ('PR1', 'PR2', 'PR3') "
            "and URN is null")


@sql_rule("226", tables=["Episodes"], fields=["REASON_PLACE_CHANGE", "PLACE"],
          message="A reason for placement change is not recorded for temporary placements.")
def place_change_reason_for_temporary(year: int) -> str:
    return f"select row_id from Episodes where REASON_PLACE_CHANGE is not null and PLACE in {TEMPORARY}"


@sql_rule("233", tables=["Episodes"], fields=["REASON_PLACE_CHANGE", "DEC"],
          message="A reason for placement change is given but the episode has not ended.")
def place_change_reason_open(year: int) -> str:
    return "select row_id from Episodes where REASON_PLACE_CHANGE is not null and DEC is null"


@sql_rule("392c", tables=["Episodes"], fields=["HOME_POST", "PL_POST"], message="A postcode is not a UK postcode.")
def postcode_not_valid(year: int) -> str:
    return (f"select row_id from Episodes where (HOME_POST is not null and not regexp_matches(upper(HOME_POST), "
            f"'{POSTCODE}')) or (PL_POST is not null and not regexp_matches(upper(PL_POST), '{POSTCODE}'))")


@sql_rule("392d", tables=["Episodes"], fields=["HOME_POST", "PL_POST", "PLACE"],
          message="The home and placement postcodes are the same, but the child is not placed with parents (P1).")
def same_postcodes(year: int) -> str:
    return ("select row_id from Episodes where replace(upper(HOME_POST), ' ', '') = replace(upper(PL_POST), ' ', '') "
            "and PLACE <> 'P1'")
