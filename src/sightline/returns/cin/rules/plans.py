"""Rules about CIN plans, alone and beside child protection plans."""

from sightline.returns.cin.rules import collect
from sightline.returns.engine import Tables, rule

_OPEN_END = "date '9999-12-31'"


@rule(code="4000", severity="error", tables=["CINplanDates"], fields=["CINPlanStartDate"],
      message="A CIN plan is recorded on a referral marked no further action.")
def plan_on_nfa_referral(t: Tables):
    return t.sql("""select p.row_id from CINplanDates p join CINdetails c using (CINdetailsID)
                    where is_yes(c.ReferralNFA)""")


@rule(code="4001", severity="error", tables=["CINplanDates"], fields=["CINPlanEndDate"],
      message="A CIN plan and a child protection plan are both open at the end of the year for the same child.")
def both_plans_open_at_end(t: Tables):
    return t.sql("""select p.row_id from CINplanDates p where p.CINPlanEndDate is null and exists (
                        select 1 from ChildProtectionPlans c
                        where c.LAchildID = p.LAchildID and c.CPPendDate is null)""")


@rule(code="4003", severity="error", tables=["Reviews"], fields=["CPPreviewDate"],
      message="A child protection review conference is dated while a CIN plan for the child is open.")
def review_during_cin_plan(t: Tables):
    return t.sql(f"""select r.row_id from Reviews r where exists (
                        select 1 from CINplanDates p where p.LAchildID = r.LAchildID
                        and p.CINPlanStartDate < r.CPPreviewDate
                        and r.CPPreviewDate < coalesce(p.CINPlanEndDate, {_OPEN_END}))""")


@rule(code="4004", severity="error", tables=["CINplanDates"], fields=["CINPlanEndDate"],
      message="The child has more than one CIN plan with no end date.")
def several_open_cin_plans(t: Tables):
    return t.sql("""select row_id from CINplanDates where CINPlanEndDate is null
                    qualify count(*) over (partition by LAchildID) > 1""")


@rule(code="4008", severity="error", tables=["CINplanDates"], fields=["CINPlanStartDate"],
      message="The CIN plan starts after the child's date of death.")
def cin_plan_starts_after_death(t: Tables):
    return t.sql("""select p.row_id from CINplanDates p join ChildIdentifiers i using (LAchildID)
                    where p.CINPlanStartDate > i.PersonDeathDate""")


@rule(code="4009Q", severity="query", tables=["CINplanDates"], fields=["CINPlanEndDate"],
      message="The CIN plan ends after the child's date of death.")
def cin_plan_ends_after_death(t: Tables):
    return t.sql("""select p.row_id from CINplanDates p join ChildIdentifiers i using (LAchildID)
                    where p.CINPlanEndDate > i.PersonDeathDate""")


@rule(code="4010", severity="error", tables=["CINplanDates"], fields=["CINPlanStartDate"],
      message="The CIN plan start date is missing or after the end of the collection year.")
def cin_plan_start_missing_or_late(t: Tables):
    return t.sql("select row_id from CINplanDates where CINPlanStartDate is null or CINPlanStartDate > $end")


@rule(code="4011", severity="error", tables=["CINplanDates"], fields=["CINPlanEndDate", "CINPlanStartDate"],
      message="The CIN plan ends before it starts.")
def cin_plan_ends_before_start(t: Tables):
    return t.sql("select row_id from CINplanDates where CINPlanEndDate < CINPlanStartDate")


@rule(code="4012Q", severity="query", tables=["CINplanDates"], fields=["CINPlanStartDate", "CINPlanEndDate"],
      message="The CIN plan starts and ends on the same day.")
def cin_plan_same_day(t: Tables):
    return t.sql("select row_id from CINplanDates where CINPlanEndDate = CINPlanStartDate")


@rule(code="4013", severity="error", tables=["CINplanDates"], fields=["CINPlanEndDate"],
      message="The CIN plan end date is outside the collection year.")
def cin_plan_end_outside_census(t: Tables):
    return t.sql("select row_id from CINplanDates where CINPlanEndDate not between $start and $end")


@rule(code="4014", severity="error", tables=["CINplanDates"], fields=["CINPlanStartDate", "CINPlanEndDate"],
      message="This CIN plan's dates overlap another CIN plan of the same child.")
def cin_plans_overlap(t: Tables):
    return t.sql(f"""
        with pairs as (select a.row_id as a_row, b.row_id as b_row from CINplanDates a join CINplanDates b
                       on a.LAchildID = b.LAchildID and a.row_id <> b.row_id
                       where a.CINPlanStartDate <= b.CINPlanStartDate
                       and b.CINPlanStartDate < coalesce(a.CINPlanEndDate, {_OPEN_END}))
        select a_row as row_id from pairs union select b_row from pairs""")


@rule(code="4015", severity="error", tables=["CINplanDates", "CINdetails"], fields=["CINPlanStartDate",
                                                                                 "CINreferralDate"],
      message="The CIN plan starts before the episode's referral date.")
def cin_plan_before_referral(t: Tables):
    return t.sql("""select p.row_id from CINplanDates p join CINdetails c using (CINdetailsID)
                    where p.CINPlanStartDate < c.CINreferralDate""")


@rule(code="4016", severity="error", tables=["CINplanDates"], fields=["CINPlanStartDate"],
      message="The CIN plan starts while a child protection plan for the child is open.")
def cin_plan_starts_during_protection_plan(t: Tables):
    return t.sql(f"""select p.row_id from CINplanDates p where exists (
                        select 1 from ChildProtectionPlans c where c.LAchildID = p.LAchildID
                        and c.CPPstartDate <= p.CINPlanStartDate
                        and p.CINPlanStartDate < coalesce(c.CPPendDate, {_OPEN_END}))""")


@rule(code="4017", severity="error", tables=["ChildProtectionPlans"], fields=["CPPstartDate"],
      message="A child protection plan starts while a CIN plan for the child is open; the CIN plan should end "
              "when the protection plan starts.")
def protection_plan_starts_during_cin_plan(t: Tables):
    return t.sql(f"""select c.row_id from ChildProtectionPlans c where exists (
                        select 1 from CINplanDates p where p.LAchildID = c.LAchildID
                        and p.CINPlanStartDate <= c.CPPstartDate
                        and c.CPPstartDate < coalesce(p.CINPlanEndDate, {_OPEN_END}))""")


RULES = collect(globals())
