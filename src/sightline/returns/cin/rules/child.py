"""Rules about the child: identifiers, dates of birth and death, sex, ethnicity, disabilities."""

from sightline.returns.cin.rules import collect
from sightline.returns.cin.schema import DISABILITY, ETHNICITY, SEX, sql_list
from sightline.returns.engine import Tables, rule

UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
# DfE UPN guidance: the check letter is UPN_LETTERS[sum(weight * value) mod 23] over characters
# 2 to 13 with weights 2 to 13; a letter in position 13 counts as its place in UPN_LETTERS.
_CHECK_LETTER = f"""substr('{UPN_LETTERS}', 1 + cast(list_sum(list_transform(range(2, 14), lambda i: i * (
    case when substr(u, i, 1) between '0' and '9' then ascii(substr(u, i, 1)) - 48
         else strpos('{UPN_LETTERS}', substr(u, i, 1)) - 1 end))) % 23 as integer), 1)"""


@rule(code="1510", severity="error", tables=["ChildIdentifiers"], fields=["UPN"],
      message="The UPN's first character is not the check letter its other twelve characters give.")
def upn_check_letter_wrong(t: Tables):
    return t.sql(f"""
        select row_id from (select row_id, upper(UPN) as u from ChildIdentifiers)
        where regexp_full_match(u, '[A-Z][0-9]{{11}}[0-9{UPN_LETTERS}]') and substr(u, 1, 1) <> {_CHECK_LETTER}""")


@rule(code="1520", severity="error", tables=["ChildIdentifiers"], fields=["UPN"],
      message="The same UPN is given for more than one child.")
def upn_duplicated(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers where UPN is not null
                    qualify count(*) over (partition by upper(UPN)) > 1""")


@rule(code="1530", severity="error", tables=["ChildIdentifiers"], fields=["UPN"],
      message="Characters 2 to 4 of the UPN are not the code of a local authority.")
def upn_la_code_unknown(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers where UPN is not null
                    and substr(UPN, 2, 3) not in (select code from la_codes)""")


@rule(code="1540", severity="error", tables=["ChildIdentifiers"], fields=["UPN"],
      message="Characters 5 to 12 of the UPN are not all digits.")
def upn_middle_not_digits(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers where UPN is not null
                    and not regexp_full_match(substr(UPN, 5, 8), '[0-9]{8}')""")


@rule(code="1550", severity="error", tables=["ChildIdentifiers"], fields=["UPN"],
      message="The 13th character of the UPN must be a digit or one of the 23 UPN letters (not I, O or S).")
def upn_last_character_wrong(t: Tables):
    return t.sql(f"""select row_id from ChildIdentifiers where UPN is not null
                     and not regexp_full_match(upper(substr(UPN, 13, 1)), '[0-9{UPN_LETTERS}]')""")


@rule(code="1560Q", severity="query", tables=["ChildIdentifiers"], fields=["FormerUPN"],
      message="The former UPN is not in the form of a UPN (a letter, 11 digits, then a digit or letter).")
def former_upn_malformed(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers where FormerUPN is not null
                    and not regexp_full_match(FormerUPN, '[A-Za-z][0-9]{11}[0-9A-Za-z]')""")


@rule(code="1570", severity="error", tables=["ChildIdentifiers"], fields=["LAchildID"],
      message="The LA child ID is longer than 20 characters.")
def la_child_id_too_long(t: Tables):
    return t.sql("select row_id from ChildIdentifiers where length(LAchildID) > 20")


@rule(code="1580", severity="error", tables=["ChildIdentifiers"], fields=["LAchildID"],
      message="The LA child ID may hold only letters and digits.")
def la_child_id_not_alphanumeric(t: Tables):
    return t.sql("select row_id from ChildIdentifiers where regexp_matches(LAchildID, '[^A-Za-z0-9]')")


@rule(code="4180", severity="error", tables=["ChildIdentifiers"], fields=["Sex"],
      message="Sex is missing or is not M, F or U.")
def sex_missing_or_invalid(t: Tables):
    return t.sql(f"select row_id from ChildIdentifiers where Sex is null or Sex not in {sql_list(SEX)}")


@rule(code="4220", severity="error", tables=["ChildCharacteristics"], fields=["Ethnicity"],
      message="Ethnicity is missing or is not a code of the census ethnicity list.")
def ethnicity_missing_or_invalid(t: Tables):
    return t.sql(f"""select row_id from ChildCharacteristics
                     where Ethnicity is null or Ethnicity not in {sql_list(ETHNICITY)}""")


@rule(code="8500", severity="error", tables=["ChildIdentifiers"], fields=["LAchildID"],
      message="The LA child ID is missing.")
def la_child_id_missing(t: Tables):
    return t.sql("select row_id from ChildIdentifiers where LAchildID is null or trim(LAchildID) = ''")


@rule(code="8510", severity="error", tables=["ChildIdentifiers"], fields=["LAchildID"],
      message="More than one child in the return has this LA child ID.")
def la_child_id_duplicated(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers where LAchildID is not null
                    qualify count(*) over (partition by LAchildID) > 1""")


@rule(code="8520", severity="error", tables=["ChildIdentifiers"], fields=["PersonBirthDate"],
      message="The date of birth is after the end of the collection year.")
def born_after_census(t: Tables):
    return t.sql("select row_id from ChildIdentifiers where PersonBirthDate > $end")


@rule(code="8525Q", severity="query", tables=["ChildIdentifiers"],
      fields=["PersonBirthDate", "ExpectedPersonBirthDate"],
      message="Give a date of birth or an expected date of birth, one of them and not both.")
def birth_date_neither_or_both(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers
                    where (PersonBirthDate is null) = (ExpectedPersonBirthDate is null)""")


@rule(code="8530Q", severity="query", tables=["ChildIdentifiers"], fields=["ExpectedPersonBirthDate"],
      message="The expected date of birth should fall between 1 March and 31 December of the year the "
              "collection year ends.")
def expected_birth_out_of_range(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers where ExpectedPersonBirthDate is not null
                    and ExpectedPersonBirthDate not between make_date(year($end), 3, 1)
                                                        and make_date(year($end), 12, 31)""")


@rule(code="8535Q", severity="query", tables=["ChildIdentifiers"], fields=["PersonDeathDate", "PersonBirthDate"],
      message="The date of death is before the date of birth.")
def died_before_born(t: Tables):
    return t.sql("select row_id from ChildIdentifiers where PersonDeathDate < PersonBirthDate")


@rule(code="8540", severity="error", tables=["Disabilities", "ChildCharacteristics"], fields=["Disability"],
      message="Disability is missing or is not a code of the census disability list; record NONE for a child "
              "with no disability.")
def disability_missing_or_invalid(t: Tables):
    return t.sql(f"""
        select 'Disabilities' as tbl, row_id from Disabilities
        where Disability is null or Disability not in {sql_list(DISABILITY)}
        union all
        select 'ChildCharacteristics', c.row_id from ChildCharacteristics c
        where not exists (select 1 from Disabilities d where d.LAchildID = c.LAchildID)""")


@rule(code="8545Q", severity="query", tables=["ChildIdentifiers"], fields=["PersonDeathDate"],
      message="The date of death is outside the collection year.")
def death_outside_census(t: Tables):
    return t.sql("select row_id from ChildIdentifiers where PersonDeathDate not between $start and $end")


@rule(code="8590", severity="error", tables=["ChildIdentifiers"], fields=["LAchildID"],
      message="The child has no CIN details episode.")
def no_episode(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers i
                    where not exists (select 1 from CINdetails c where c.LAchildID = i.LAchildID)""")


@rule(code="8750", severity="error", tables=["ChildIdentifiers"], fields=["Sex"],
      message="An unborn child (expected date of birth and no date of birth) must have sex U.")
def unborn_sex_not_unknown(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers where PersonBirthDate is null
                    and ExpectedPersonBirthDate is not null and Sex is distinct from 'U'""")


@rule(code="8770Q", severity="query", tables=["ChildIdentifiers"], fields=["UPN", "UPNunknown"],
      message="A child of school age (5 to 15 at the start of the collection year) has no UPN, and either no "
              "reason or reason UN1; check whether a UPN can be found.")
def school_age_without_upn(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers
                    where PersonBirthDate <= $start - interval 5 year and PersonBirthDate > $start - interval 16 year
                    and UPN is null and (UPNunknown is null or UPNunknown = 'UN1')""")


@rule(code="8772", severity="error", tables=["ChildIdentifiers"], fields=["UPNunknown"],
      message="The UPN is unknown for reason UN7 (referral with no further action), yet at least one of the "
              "child's referrals went on to further action.")
def un7_with_further_action(t: Tables):
    return t.sql("""select row_id from ChildIdentifiers i where UPNunknown = 'UN7'
                    and exists (select 1 from CINdetails c where c.LAchildID = i.LAchildID and is_no(c.ReferralNFA))""")


@rule(code="8775Q", severity="query", tables=["ChildIdentifiers"], fields=["PersonBirthDate"],
      message="The child is more than 25 years old at the end of the collection year.")
def over_25(t: Tables):
    return t.sql("select row_id from ChildIdentifiers where PersonBirthDate < $end - interval 25 year")


@rule(code="8790", severity="error", tables=["Disabilities"], fields=["Disability"],
      message="Disability NONE is recorded together with other disabilities for the same child.")
def none_with_other_disabilities(t: Tables):
    return t.sql("""select row_id from Disabilities window w as (partition by LAchildID)
                    qualify bool_or(Disability = 'NONE') over w and bool_or(Disability <> 'NONE') over w""")


@rule(code="8794", severity="error", tables=["Disabilities"], fields=["Disability"],
      message="The same disability code is recorded more than once for the child.")
def disability_repeated(t: Tables):
    return t.sql("""select row_id from Disabilities where Disability is not null
                    qualify count(*) over (partition by LAchildID, Disability) > 1""")


RULES = collect(globals())
