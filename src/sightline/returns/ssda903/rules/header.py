"""SSDA903 rules on the Header table: who the child is, and motherhood."""

from sightline.returns.ssda903.rules.base import (age, blank_or_invalid_date, invalid_code, invalid_dates, sql_list,
                                                  sql_rule)
from sightline.returns.ssda903.schema import sex_codes

UPN_PATTERN = "^[A-Z][0-9]{11}[0-9A-Z]$"
MALE = "('M', '1')"


@sql_rule("101", tables=["Header"], fields=["SEX"],
          message="Sex is blank or not one of the codes for this collection year.")
def sex_not_valid(year: int) -> str:
    return invalid_code("Header", "SEX", sex_codes(year))


@sql_rule("232", tables=["Header"], fields=["SEX"], severity="query",
          message="The child's sex is recorded as not known: check whether it can be found.")
def sex_unknown(year: int) -> str:
    return "select row_id from Header where SEX = 'U'"


@sql_rule("102", tables=["Header"], fields=["DOB"], message="Date of birth is blank or not a date.")
def birth_date_not_valid(year: int) -> str:
    return blank_or_invalid_date("Header", "DOB")


@sql_rule("103", tables=["Header"], fields=["ETHNIC"], message="Ethnicity is blank or not a valid code.")
def ethnicity_not_valid(year: int) -> str:
    return invalid_code("Header", "ETHNIC")


@sql_rule("165", tables=["Header"], fields=["MOTHER"], message="Mother must be 1 (a mother) or 0 (not).")
def mother_not_valid(year: int) -> str:
    return invalid_code("Header", "MOTHER", blank_ok=True)


@sql_rule("168", tables=["Header"], fields=["UPN"],
          message="The UPN is not 13 characters in the DfE pattern, nor one of the reasons it is unknown "
                  "(UN1 to UN5).")
def upn_not_valid(year: int) -> str:
    return (f"select row_id from Header where UPN is not null and not regexp_matches(upper(UPN), '{UPN_PATTERN}') "
            f"and upper(UPN) not in {sql_list({'UN1', 'UN2', 'UN3', 'UN4', 'UN5'})}")


@sql_rule("442", tables=["Header"], fields=["UPN"],
          message="The UPN is blank: give the UPN or the reason it is unknown (UN1 to UN5).")
def upn_blank(year: int) -> str:
    return "select row_id from Header where UPN is null"


@sql_rule("444", tables=["Header"], fields=["UPN"], message="The same UPN is given for more than one child.")
def upn_duplicated(year: int) -> str:
    return ("select row_id from Header where UPN is not null and upper(UPN) not like 'UN%' and upper(UPN) in "
            "(select upper(UPN) from Header group by upper(UPN) having count(distinct CHILD) > 1)")


@sql_rule("171", tables=["Header"], fields=["MC_DOB"], message="The date of birth of the mother's child is not a date.")
def mothers_child_birth_not_date(year: int) -> str:
    return invalid_dates("Header", "MC_DOB")


@sql_rule("174", tables=["Header"], fields=["SEX", "MC_DOB"],
          message="A date of birth of the mother's child is given, but the child is recorded as male.")
def mothers_child_but_male(year: int) -> str:
    return f"select row_id from Header where MC_DOB is not null and SEX in {MALE}"


@sql_rule("301", tables=["Header"], fields=["DOB"],
          message="The date of birth is after the end of the collection year.")
def born_after_year(year: int) -> str:
    return "select row_id from Header where DOB > $end"


@sql_rule("351", tables=["Header"], fields=["DOB"],
          message="The child was over 25 at the start of the collection year.")
def over_25(year: int) -> str:
    return f"select row_id from Header where {age('DOB', '$start')} > 25"


@sql_rule("611", tables=["Header"], fields=["MOTHER", "MC_DOB"],
          message="The child is recorded as a mother but the date of birth of her child is blank.")
def mother_without_childs_birth(year: int) -> str:
    return "select row_id from Header where MOTHER = '1' and MC_DOB is null"


@sql_rule("612", tables=["Header"], fields=["MOTHER", "MC_DOB"],
          message="A date of birth of the mother's child is given but the child is not recorded as a mother.")
def childs_birth_without_mother(year: int) -> str:
    return "select row_id from Header where MC_DOB is not null and MOTHER = '0'"


@sql_rule("620", tables=["Header"], fields=["MOTHER", "DOB"],
          message="The child is recorded as a mother but was under 11 at the start of the collection year.")
def mother_under_11(year: int) -> str:
    return f"select row_id from Header where MOTHER = '1' and {age('DOB', '$start')} < 11"


@sql_rule("621", tables=["Header"], fields=["MC_DOB", "DOB"],
          message="The mother's child is recorded as born on or before the mother.")
def mother_younger_than_child(year: int) -> str:
    return "select row_id from Header where MC_DOB <= DOB"


@sql_rule("625", tables=["Header", "Episodes"], fields=["MC_DOB"],
          message="The mother's child is recorded as born after the collection year ended or after the mother "
                  "ceased to be looked after.")
def childs_birth_after_care(year: int) -> str:
    return ("select h.row_id from Header h left join (select CHILD, max(DEC) as last_dec, "
            "bool_or(DEC is null) as open from Episodes group by CHILD) e using (CHILD) "
            "where h.MC_DOB > $end or (not coalesce(e.open, true) and h.MC_DOB > e.last_dec)")
