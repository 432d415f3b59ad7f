"""SSDA903 rules on care leavers (OC3), UASC, adoption (AD1, PlacedAdoption), previous permanence and OC2."""

from sightline.returns.ssda903.rules.base import (age, blank_or_invalid_date, invalid_code, invalid_dates, sql_list,
                                                  sql_rule)

YES_NO = sql_list({"0", "1"})


@sql_rule("131", tables=["OC3"], fields=["IN_TOUCH"], message="Whether the council is in touch is blank or not a "
                                                                "valid code.")
def in_touch_not_valid(year: int) -> str:
    return invalid_code("OC3", "IN_TOUCH")


@sql_rule("132", tables=["OC3"], fields=["ACTIV"], message="The care leaver's activity is not a valid code.")
def activity_not_valid(year: int) -> str:
    return invalid_code("OC3", "ACTIV", blank_ok=True)


@sql_rule("153", tables=["OC3"], fields=["ACTIV", "ACCOM"],
          message="Give both the care leaver's activity and accommodation, or neither.")
def activity_and_accommodation_together(year: int) -> str:
    return "select row_id from OC3 where (ACTIV is null) <> (ACCOM is null)"


@sql_rule("344", tables=["OC3"], fields=["IN_TOUCH", "ACTIV", "ACCOM"],
          message="The young person has died or returned home for six months or more, so activity and "
                  "accommodation are left blank.")
def activity_after_death_or_home(year: int) -> str:
    return "select row_id from OC3 where IN_TOUCH in ('DIED', 'RHOM') and (ACTIV is not null or ACCOM is not null)"


@sql_rule("345", tables=["OC3"], fields=["IN_TOUCH", "ACTIV", "ACCOM"],
          message="The council is in touch with the young person, so activity and accommodation cannot be 0 "
                  "(not known).")
def in_touch_but_not_known(year: int) -> str:
    return "select row_id from OC3 where IN_TOUCH = 'YES' and (ACTIV = '0' or ACCOM = '0')"


@sql_rule("391", tables=["OC3"], fields=["DOB"],
          message="The young person was not aged 17 to 21 at any time in the collection year.")
def care_leaver_age(year: int) -> str:
    return f"select row_id from OC3 where {age('DOB', '$end')} < 17 or {age('DOB', '$start')} > 21"


@sql_rule("104", tables=["UASC"], fields=["DUC"], message="The date UASC status ceased is not a date.")
def uasc_ceased_not_date(year: int) -> str:
    return invalid_dates("UASC", "DUC")


@sql_rule("304", tables=["UASC"], fields=["DUC", "DOB"],
          message="UASC status ceased after the child's 18th birthday.")
def uasc_ceased_after_18(year: int) -> str:
    return "select row_id from UASC where DUC > cast(DOB + interval 18 year as date)"


@sql_rule("112", tables=["AD1"], fields=["DATE_INT"], message="The date the child should be placed for adoption "
                                                               "is blank or not a date.")
def should_be_placed_not_date(year: int) -> str:
    return blank_or_invalid_date("AD1", "DATE_INT")


@sql_rule("113", tables=["AD1"], fields=["DATE_MATCH"], message="The date the child was matched with adopters is "
                                                                 "blank or not a date.")
def matched_not_date(year: int) -> str:
    return blank_or_invalid_date("AD1", "DATE_MATCH")


@sql_rule("114", tables=["AD1"], fields=["FOSTER_CARE"], message="Adopted by former foster carers must be 0 or 1.")
def foster_care_not_valid(year: int) -> str:
    return invalid_code("AD1", "FOSTER_CARE", {"0", "1"})


@sql_rule("175", tables=["AD1"], fields=["NB_ADOPTR"], message="The number of adopters must be 1 or 2.")
def adopters_number_not_valid(year: int) -> str:
    return invalid_code("AD1", "NB_ADOPTR", {"1", "2"})


@sql_rule("176", tables=["AD1"], fields=["SEX_ADOPTR"], message="The adopters' sex is blank or not a valid code.")
def adopters_sex_not_valid(year: int) -> str:
    return invalid_code("AD1", "SEX_ADOPTR")


@sql_rule("177", tables=["AD1"], fields=["LS_ADOPTR"], message="The adopters' legal status is blank or not a "
                                                                "valid code.")
def adopters_status_not_valid(year: int) -> str:
    return invalid_code("AD1", "LS_ADOPTR")


@sql_rule("333", tables=["AD1"], fields=["DATE_INT", "DATE_MATCH"],
          message="The decision that the child should be placed for adoption must be on or before the match.")
def decision_after_match(year: int) -> str:
    return "select row_id from AD1 where DATE_INT > DATE_MATCH"


def _adopters(code: str, condition: str, message: str, fields: list[str]) -> None:
    @sql_rule(code, tables=["AD1"], fields=fields, message=message)
    def check(year: int) -> str:
        return f"select row_id from AD1 where {condition}"


_adopters("511", "NB_ADOPTR = '2' and SEX_ADOPTR not in ('MM', 'FF', 'MF')",
          "Two adopters are recorded, so their sex must be MM, FF or MF.", ["NB_ADOPTR", "SEX_ADOPTR"])
_adopters("514", "LS_ADOPTR = 'L0' and NB_ADOPTR = '2'",
          "The adopter is recorded as single (L0) but the number of adopters is 2.", ["LS_ADOPTR", "NB_ADOPTR"])
_adopters("517", "LS_ADOPTR = 'L3' and SEX_ADOPTR <> 'MF'",
          "Adopters with legal status L3 must be recorded as a couple of different sex (MF).",
          ["LS_ADOPTR", "SEX_ADOPTR"])
_adopters("518", "LS_ADOPTR = 'L4' and SEX_ADOPTR not in ('MM', 'FF')",
          "Adopters with legal status L4 must be recorded as a same-sex couple (MM or FF).",
          ["LS_ADOPTR", "SEX_ADOPTR"])
_adopters("519", "LS_ADOPTR = 'L2' and SEX_ADOPTR in ('M1', 'F1')",
          "The adopters are civil partners (L2) but their sex is recorded for one adopter.",
          ["LS_ADOPTR", "SEX_ADOPTR"])
_adopters("520", "LS_ADOPTR = 'L11' and SEX_ADOPTR in ('MM', 'FF')",
          "The adopters are a married couple of different sex (L11) but recorded as a same-sex couple.",
          ["LS_ADOPTR", "SEX_ADOPTR"])
_adopters("524", "LS_ADOPTR = 'L12' and SEX_ADOPTR not in ('MM', 'FF')",
          "The adopters are a married same-sex couple (L12), so their sex must be MM or FF.",
          ["LS_ADOPTR", "SEX_ADOPTR"])


@sql_rule("115", tables=["PlacedAdoption"], fields=["DATE_PLACED"],
          message="The date of the decision that the child should be placed for adoption is blank or not a date.")
def placed_decision_not_date(year: int) -> str:
    return blank_or_invalid_date("PlacedAdoption", "DATE_PLACED")


@sql_rule("116", tables=["PlacedAdoption"], fields=["DATE_PLACED_CEASED"],
          message="The date of the decision that the child should no longer be placed for adoption is not a date.")
def placed_ceased_not_date(year: int) -> str:
    return invalid_dates("PlacedAdoption", "DATE_PLACED_CEASED")


@sql_rule("119", tables=["PlacedAdoption"], fields=["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
          message="Give both the date and the reason of the decision that the child should no longer be placed "
                  "for adoption, or neither.")
def placed_ceased_date_and_reason(year: int) -> str:
    return "select row_id from PlacedAdoption where (DATE_PLACED_CEASED is null) <> (REASON_PLACED_CEASED is null)"


@sql_rule("120", tables=["PlacedAdoption"], fields=["REASON_PLACED_CEASED"],
          message="The reason the child should no longer be placed for adoption is not a valid code.")
def placed_ceased_reason_not_valid(year: int) -> str:
    return invalid_code("PlacedAdoption", "REASON_PLACED_CEASED", blank_ok=True)


@sql_rule("184", tables=["PlacedAdoption"], fields=["DATE_PLACED", "DOB"],
          message="The decision that the child should be placed for adoption is dated before the child's birth.")
def placed_decision_before_birth(year: int) -> str:
    return "select row_id from PlacedAdoption where DATE_PLACED < DOB"


@sql_rule("522", tables=["PlacedAdoption"], fields=["DATE_PLACED", "DATE_PLACED_CEASED"],
          message="The decision that the child should be placed for adoption is after the decision that they "
                  "should no longer be.")
def placed_decision_after_reversal(year: int) -> str:
    return "select row_id from PlacedAdoption where DATE_PLACED > DATE_PLACED_CEASED"


@sql_rule("631", tables=["PrevPerm"], fields=["PREV_PERM"], message="The previous permanence option is not a valid "
                                                                     "code.")
def previous_permanence_not_valid(year: int) -> str:
    return invalid_code("PrevPerm", "PREV_PERM", blank_ok=True)


@sql_rule("635", tables=["PrevPerm"], fields=["PREV_PERM", "DATE_PERM", "LA_PERM"],
          message="There was no previous permanence order (Z1), so its date and council are left blank.")
def no_permanence_but_details(year: int) -> str:
    return "select row_id from PrevPerm where PREV_PERM = 'Z1' and (DATE_PERM is not null or LA_PERM is not null)"


@sql_rule("180", tables=["OC2"], fields=["SDQ_SCORE"], message="The SDQ score must be a whole number from 0 to 40.")
def sdq_score_not_valid(year: int) -> str:
    return ("select row_id from OC2 where SDQ_SCORE is not null and "
            "coalesce(try_cast(SDQ_SCORE as integer) not between 0 and 40, true)")


@sql_rule("196", tables=["OC2"], fields=["SDQ_REASON"], message="The reason for no SDQ score is not a valid code.")
def sdq_reason_not_valid(year: int) -> str:
    return invalid_code("OC2", "SDQ_REASON", blank_ok=True)


@sql_rule("197a", tables=["OC2"], fields=["SDQ_SCORE", "SDQ_REASON"],
          message="An SDQ score is given, so no reason for a missing score is needed.")
def sdq_reason_with_score(year: int) -> str:
    return "select row_id from OC2 where SDQ_SCORE is not null and SDQ_REASON is not null"


_OC2_FLAGS = ("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


@sql_rule("181", tables=["OC2"], fields=list(_OC2_FLAGS),
          message="The items about children looked after for 12 months must be 0 or 1.")
def oc2_flags_not_valid(year: int) -> str:
    return "select row_id from OC2 where " + " or ".join(f"{f} not in {YES_NO}" for f in _OC2_FLAGS)


@sql_rule("192", tables=["OC2"], fields=["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"],
          message="A substance misuse problem is recorded, so say whether an intervention was received.")
def misuse_without_intervention_answer(year: int) -> str:
    return "select row_id from OC2 where SUBSTANCE_MISUSE = '1' and INTERVENTION_RECEIVED is null"


@sql_rule("193", tables=["OC2"], fields=["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
          message="No substance misuse problem is recorded, so the intervention items are left blank.")
def intervention_without_misuse(year: int) -> str:
    return ("select row_id from OC2 where SUBSTANCE_MISUSE = '0' and "
            "(INTERVENTION_RECEIVED is not null or INTERVENTION_OFFERED is not null)")


@sql_rule("158", tables=["OC2"], fields=["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
          message="An intervention was received, so whether one was offered is left blank.")
def offered_after_received(year: int) -> str:
    return "select row_id from OC2 where INTERVENTION_RECEIVED = '1' and INTERVENTION_OFFERED is not null"


@sql_rule("159", tables=["OC2"], fields=["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
          message="No intervention was received for substance misuse, so say whether one was offered.")
def offered_missing(year: int) -> str:
    return ("select row_id from OC2 where SUBSTANCE_MISUSE = '1' and INTERVENTION_RECEIVED = '0' "
            "and INTERVENTION_OFFERED is null")
