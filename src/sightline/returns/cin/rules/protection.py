"""Rules about child protection plans and their review conferences."""

from sightline.returns.cin.rules import collect
from sightline.returns.cin.schema import CATEGORY_OF_ABUSE, sql_list
from sightline.returns.engine import Tables, rule

_OPEN_END = "date '9999-12-31'"


@rule(code="1105", severity="error", tables=["ChildProtectionPlans", "CINdetails"],
      fields=["CPPstartDate", "CINreferralDate"],
      message="The child protection plan starts before the episode's referral date.")
def plan_before_referral(t: Tables):
    return t.sql("""select p.row_id from ChildProtectionPlans p join CINdetails c using (CINdetailsID)
                    where p.CPPstartDate < c.CINreferralDate""")


@rule(code="8720", severity="error", tables=["ChildProtectionPlans"], fields=["CPPstartDate"],
      message="The child protection plan start date is missing or after the end of the collection year.")
def plan_start_missing_or_late(t: Tables):
    return t.sql("select row_id from ChildProtectionPlans where CPPstartDate is null or CPPstartDate > $end")


@rule(code="8730", severity="error", tables=["ChildProtectionPlans"], fields=["NumberOfPreviousCPP"],
      message="The number of previous child protection plans is missing.")
def previous_plans_missing(t: Tables):
    return t.sql("select row_id from ChildProtectionPlans where NumberOfPreviousCPP is null")


@rule(code="8840", severity="error", tables=["ChildProtectionPlans"], fields=["CPPstartDate", "CPPendDate"],
      message="The child protection plan starts and ends on the same day.")
def plan_same_day(t: Tables):
    return t.sql("select row_id from ChildProtectionPlans where CPPendDate = CPPstartDate")


@rule(code="8841", severity="error", tables=["Reviews"], fields=["CPPreviewDate"],
      message="The review conference is on or before the day the child protection plan started.")
def review_not_after_start(t: Tables):
    return t.sql("""select r.row_id from Reviews r join ChildProtectionPlans p using (CPPID)
                    where r.CPPreviewDate <= p.CPPstartDate""")


@rule(code="8842Q", severity="query", tables=["Reviews"], fields=["CPPreviewDate"],
      message="A review conference is recorded without a date.")
def review_without_date(t: Tables):
    return t.sql("select row_id from Reviews where CPPreviewDate is null")


@rule(code="8905", severity="error", tables=["ChildProtectionPlans"], fields=["InitialCategoryOfAbuse"],
      message="The initial category of abuse is missing or is not NEG, PHY, SAB, EMO or MUL.")
def initial_category_invalid(t: Tables):
    return t.sql(f"""select row_id from ChildProtectionPlans
                     where InitialCategoryOfAbuse is null
                     or InitialCategoryOfAbuse not in {sql_list(CATEGORY_OF_ABUSE)}""")


@rule(code="8910", severity="error", tables=["ChildProtectionPlans"], fields=["LatestCategoryOfAbuse"],
      message="The latest category of abuse is missing or is not NEG, PHY, SAB, EMO or MUL.")
def latest_category_invalid(t: Tables):
    return t.sql(f"""select row_id from ChildProtectionPlans
                     where LatestCategoryOfAbuse is null
                     or LatestCategoryOfAbuse not in {sql_list(CATEGORY_OF_ABUSE)}""")


@rule(code="8915", severity="error", tables=["ChildProtectionPlans"], fields=["CPPstartDate"],
      message="The child protection plan starts after the child's date of death.")
def plan_starts_after_death(t: Tables):
    return t.sql("""select p.row_id from ChildProtectionPlans p join ChildIdentifiers i using (LAchildID)
                    where p.CPPstartDate > i.PersonDeathDate""")


@rule(code="8920", severity="error", tables=["ChildProtectionPlans"], fields=["CPPendDate"],
      message="The child protection plan ends after the child's date of death.")
def plan_ends_after_death(t: Tables):
    return t.sql("""select p.row_id from ChildProtectionPlans p join ChildIdentifiers i using (LAchildID)
                    where p.CPPendDate > i.PersonDeathDate""")


@rule(code="8925", severity="error", tables=["ChildProtectionPlans"], fields=["CPPendDate", "CPPstartDate"],
      message="The child protection plan ends before it starts.")
def plan_ends_before_start(t: Tables):
    return t.sql("select row_id from ChildProtectionPlans where CPPendDate < CPPstartDate")


@rule(code="8930", severity="error", tables=["ChildProtectionPlans"], fields=["CPPendDate"],
      message="The child protection plan end date is outside the collection year.")
def plan_end_outside_census(t: Tables):
    return t.sql("select row_id from ChildProtectionPlans where CPPendDate not between $start and $end")


@rule(code="8935", severity="error", tables=["ChildProtectionPlans"], fields=["CPPendDate"],
      message="The child has more than one child protection plan with no end date.")
def several_open_plans(t: Tables):
    return t.sql("""select row_id from ChildProtectionPlans where CPPendDate is null
                    qualify count(*) over (partition by LAchildID) > 1""")


@rule(code="8940", severity="error", tables=["ChildProtectionPlans"], fields=["CPPstartDate", "CPPendDate"],
      message="This child protection plan's dates overlap another plan of the same child.")
def plans_overlap(t: Tables):
    return t.sql(f"""
        with pairs as (select a.row_id as a_row, b.row_id as b_row from ChildProtectionPlans a
                       join ChildProtectionPlans b on a.LAchildID = b.LAchildID and a.row_id <> b.row_id
                       where a.CPPstartDate <= b.CPPstartDate
                       and b.CPPstartDate < coalesce(a.CPPendDate, {_OPEN_END}))
        select a_row as row_id from pairs union select b_row from pairs""")


RULES = collect(globals())
