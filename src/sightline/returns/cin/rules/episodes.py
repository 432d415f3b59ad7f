"""Rules about CIN details episodes: referral, closure, and activity against closed or no-action cases."""

from sightline.core.calendar import add_working_days
from sightline.returns.cin.rules import collect
from sightline.returns.cin.schema import PRIMARY_NEED, REASON_FOR_CLOSURE, REFERRAL_SOURCE, YES_NO, sql_list
from sightline.returns.engine import Tables, rule

# Each dated piece of work inside an episode: (table, date field).
ACTIVITY = (("Assessments", "AssessmentActualStartDate"), ("Assessments", "AssessmentAuthorisationDate"),
            ("CINplanDates", "CINPlanStartDate"), ("CINplanDates", "CINPlanEndDate"),
            ("Section47", "S47ActualStartDate"), ("Section47", "DateOfInitialCPC"),
            ("ChildProtectionPlans", "CPPstartDate"), ("ChildProtectionPlans", "CPPendDate"),
            ("Reviews", "CPPreviewDate"), ("CINdetails", "DateOfInitialCPC"))


def _activity_after_closure() -> str:
    return " union all ".join(
        f"select '{table}' as tbl, x.row_id from {table} x join CINdetails c using (CINdetailsID) "
        f"where x.{field} > c.CINclosureDate" for table, field in ACTIVITY)


@rule(code="8555Q", severity="query", tables=["CINdetails"], fields=["CINreferralDate"],
      message="The referral is dated after the child's date of death.")
def referred_after_death(t: Tables):
    return t.sql("""select c.row_id from CINdetails c join ChildIdentifiers i using (LAchildID)
                    where c.CINreferralDate > i.PersonDeathDate""")


@rule(code="8565", severity="error", tables=[t for t, _ in ACTIVITY], fields=[f for _, f in ACTIVITY],
      message="Work is dated after the episode's closure date.")
def activity_after_closure(t: Tables):
    return t.sql(_activity_after_closure())


@rule(code="8568", severity="error", tables=["CINdetails"], fields=["ReferralNFA"],
      message="The no-further-action flag is missing or is not true, false, 1 or 0.")
def nfa_flag_missing_or_invalid(t: Tables):
    return t.sql(f"select row_id from CINdetails where ReferralNFA is null or ReferralNFA not in {sql_list(YES_NO)}")


@rule(code="8569Q", severity="query", tables=["CINdetails"], fields=["CINreferralDate", "ReferralNFA"],
      message="A referral made more than one working day before the collection year began is marked no further "
              "action; a no-further-action referral should belong to this year.")
def old_referral_marked_nfa(t: Tables):
    cutoff = t.date_literal(add_working_days(t.start, -1))
    return t.sql(f"select row_id from CINdetails where is_yes(ReferralNFA) and CINreferralDate < {cutoff}")


@rule(code="8585Q", severity="query", tables=["CINdetails"], fields=["ReasonForClosure"],
      message="The episode closed because the child died (RC2), but the child has no date of death.")
def closed_died_without_death_date(t: Tables):
    return t.sql("""select c.row_id from CINdetails c left join ChildIdentifiers i using (LAchildID)
                    where c.ReasonForClosure = 'RC2' and i.PersonDeathDate is null""")


@rule(code="8600", severity="error", tables=["CINdetails"], fields=["CINreferralDate"],
      message="The referral date is missing or after the end of the collection year.")
def referral_date_missing_or_late(t: Tables):
    return t.sql("select row_id from CINdetails where CINreferralDate is null or CINreferralDate > $end")


@rule(code="8606", severity="error", tables=["CINdetails", "ChildIdentifiers"],
      fields=["CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate"],
      message="The referral is dated more than 40 weeks before the child's birth or expected birth.")
def referral_long_before_birth(t: Tables):
    return t.sql("""select c.row_id from CINdetails c join ChildIdentifiers i using (LAchildID)
                    where c.CINreferralDate < coalesce(i.PersonBirthDate, i.ExpectedPersonBirthDate) - 280""")


@rule(code="8610", severity="error", tables=["CINdetails"], fields=["PrimaryNeedCode", "ReferralNFA"],
      message="A referral that led to further action has no primary need code.")
def primary_need_missing(t: Tables):
    return t.sql("select row_id from CINdetails where not is_yes(ReferralNFA) and PrimaryNeedCode is null")


@rule(code="8620", severity="error", tables=["CINdetails"], fields=["CINclosureDate"],
      message="The closure date is outside the collection year.")
def closure_outside_census(t: Tables):
    return t.sql("select row_id from CINdetails where CINclosureDate not between $start and $end")


@rule(code="8630", severity="error", tables=["CINdetails"], fields=["CINclosureDate", "CINreferralDate"],
      message="The episode closes before its referral date.")
def closed_before_referral(t: Tables):
    return t.sql("select row_id from CINdetails where CINclosureDate < CINreferralDate")


@rule(code="8640", severity="error", tables=["CINdetails"], fields=["ReasonForClosure"],
      message="The reason for closure is not a code of the census list (RC1 to RC9).")
def closure_reason_invalid(t: Tables):
    return t.sql(f"""select row_id from CINdetails
                     where ReasonForClosure is not null and ReasonForClosure not in {sql_list(REASON_FOR_CLOSURE)}""")


@rule(code="8650", severity="error", tables=["CINdetails"], fields=["PrimaryNeedCode"],
      message="The primary need code is not a code of the census list (N0 to N9).")
def primary_need_invalid(t: Tables):
    return t.sql(f"""select row_id from CINdetails
                     where PrimaryNeedCode is not null and PrimaryNeedCode not in {sql_list(PRIMARY_NEED)}""")


@rule(code="8805", severity="error", tables=["CINdetails"], fields=["CINclosureDate", "ReasonForClosure"],
      message="The episode has a closure date but no reason for closure.")
def closure_date_without_reason(t: Tables):
    return t.sql("select row_id from CINdetails where CINclosureDate is not null and ReasonForClosure is null")


@rule(code="8810", severity="error", tables=["CINdetails"], fields=["ReasonForClosure", "CINclosureDate"],
      message="The episode has a reason for closure but no closure date.")
def reason_without_closure_date(t: Tables):
    return t.sql("select row_id from CINdetails where ReasonForClosure is not null and CINclosureDate is null")


@rule(code="8815", severity="error", tables=["CINdetails"], fields=["CINclosureDate", "ReferralNFA"],
      message="The child has more than one open episode (no closure date) that is not a no-further-action referral.")
def several_open_episodes(t: Tables):
    return t.sql("""select row_id from CINdetails where CINclosureDate is null and not is_yes(ReferralNFA)
                    qualify count(*) over (partition by LAchildID) > 1""")


@rule(code="8816", severity="error", tables=["CINdetails"], fields=["CINclosureDate", "CINreferralDate"],
      message="An open episode that is not a no-further-action referral is not the child's latest episode.")
def open_episode_not_latest(t: Tables):
    return t.sql("""select c.row_id from CINdetails c where c.CINclosureDate is null and not is_yes(c.ReferralNFA)
                    and exists (select 1 from CINdetails later where later.LAchildID = c.LAchildID
                                and later.CINreferralDate > c.CINreferralDate)""")


@rule(code="8820", severity="error", tables=["CINdetails"], fields=["CINreferralDate", "CINclosureDate"],
      message="This episode's dates overlap another episode of the same child.")
def episodes_overlap(t: Tables):
    return t.sql("""
        with pairs as (select a.row_id as a_row, b.row_id as b_row from CINdetails a join CINdetails b
                       on a.LAchildID = b.LAchildID and a.row_id <> b.row_id
                       where a.CINreferralDate <= b.CINreferralDate
                       and b.CINreferralDate < coalesce(a.CINclosureDate, date '9999-12-31'))
        select a_row as row_id from pairs union select b_row from pairs""")


@rule(code="8866", severity="error", tables=["CINdetails"], fields=["ReferralSource"],
      message="The source of referral is missing or is not a code of the census list.")
def referral_source_missing_or_invalid(t: Tables):
    return t.sql(f"""select row_id from CINdetails
                     where ReferralSource is null or ReferralSource not in {sql_list(REFERRAL_SOURCE)}""")


_WORK_ON_EPISODE = """(exists (select 1 from Assessments x where x.CINdetailsID = c.CINdetailsID)
    or exists (select 1 from CINplanDates x where x.CINdetailsID = c.CINdetailsID)
    or exists (select 1 from Section47 x where x.CINdetailsID = c.CINdetailsID)
    or exists (select 1 from ChildProtectionPlans x where x.CINdetailsID = c.CINdetailsID))"""


@rule(code="8831", severity="error", tables=["CINdetails"], fields=["ReferralNFA"],
      message="Assessments, plans or enquiries are recorded on a referral marked no further action.")
def work_on_nfa_referral(t: Tables):
    return t.sql(f"select row_id from CINdetails c where is_yes(c.ReferralNFA) and {_WORK_ON_EPISODE}")


@rule(code="8832", severity="error", tables=["CINdetails", "ChildProtectionPlans"],
      fields=["ReferralNFA", "DateOfInitialCPC", "CPPstartDate"],
      message="Child protection conferences or plans are recorded on a referral marked no further action.")
def protection_on_nfa_referral(t: Tables):
    return t.sql("""
        select 'CINdetails' as tbl, row_id from CINdetails where is_yes(ReferralNFA) and DateOfInitialCPC is not null
        union all
        select 'ChildProtectionPlans', p.row_id from ChildProtectionPlans p join CINdetails c using (CINdetailsID)
        where is_yes(c.ReferralNFA)""")


@rule(code="2990", severity="error", tables=["CINdetails"], fields=["ReasonForClosure"],
      message="The episode closed after assessment (RC8 or RC9), yet a CIN plan, section 47 enquiry, conference "
              "or child protection plan is recorded on it.")
def work_after_closed_after_assessment(t: Tables):
    return t.sql("""select row_id from CINdetails c where c.ReasonForClosure in ('RC8', 'RC9') and (
        c.DateOfInitialCPC is not null
        or exists (select 1 from CINplanDates x where x.CINdetailsID = c.CINdetailsID)
        or exists (select 1 from Section47 x where x.CINdetailsID = c.CINdetailsID)
        or exists (select 1 from ChildProtectionPlans x where x.CINdetailsID = c.CINdetailsID))""")


@rule(code="8825Q", severity="query", tables=["CINdetails"], fields=["ReasonForClosure"],
      message="The episode closed after assessment (RC8 or RC9), but it has no assessment.")
def closed_after_assessment_without_one(t: Tables):
    return t.sql("""select row_id from CINdetails c where c.ReasonForClosure in ('RC8', 'RC9')
                    and not exists (select 1 from Assessments a where a.CINdetailsID = c.CINdetailsID)""")


@rule(code="8873Q", severity="query", tables=["CINdetails"], fields=["ReasonForClosure"],
      message="The episode's only assessment found no factors (code 21), so the episode should close as RC8 or "
              "RC9.")
def no_factors_but_other_closure(t: Tables):
    return t.sql("""
        with single as (select CINdetailsID, any_value(AssessmentID) as AssessmentID,
                               any_value(AssessmentAuthorisationDate) as authorised
                        from Assessments group by CINdetailsID having count(*) = 1)
        select c.row_id from CINdetails c join single s using (CINdetailsID)
        where s.authorised is not null and c.ReasonForClosure is not null
        and c.ReasonForClosure not in ('RC8', 'RC9')
        and exists (select 1 from AssessmentFactorsList f where f.AssessmentID = s.AssessmentID
                    and f.AssessmentFactor = '21')""")


RULES = collect(globals())
