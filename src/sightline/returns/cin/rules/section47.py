"""Rules about section 47 enquiries and initial child protection conferences."""

from sightline.returns.cin.rules import collect, latest_start_more_than
from sightline.returns.engine import Tables, rule

# Initial conferences are recorded on the section 47 enquiry, or on the episode itself when the
# enquiry is not in the return (it began in an earlier year).
_BOTH_LEVELS = ("CINdetails", "Section47")


def _initial_conferences(where: str) -> str:
    return " union all ".join(f"select '{table}' as tbl, x.row_id from {table} x join CINdetails c "
                              f"using (CINdetailsID) where {where}" for table in _BOTH_LEVELS)


_ALL_INITIAL_CONFERENCES = """
    select CINdetailsID, DateOfInitialCPC as held from CINdetails where DateOfInitialCPC is not null
    union all select CINdetailsID, DateOfInitialCPC from Section47 where DateOfInitialCPC is not null"""


@rule(code="1104", severity="error", tables=_BOTH_LEVELS, fields=["DateOfInitialCPC", "CINreferralDate"],
      message="The initial child protection conference is dated before the episode's referral date.")
def conference_before_referral(t: Tables):
    return t.sql(_initial_conferences("x.DateOfInitialCPC < c.CINreferralDate"))


@rule(code="8715", severity="error", tables=_BOTH_LEVELS, fields=["DateOfInitialCPC"],
      message="The initial child protection conference is dated outside the collection year.")
def conference_outside_census(t: Tables):
    return t.sql(_initial_conferences("x.DateOfInitialCPC not between $start and $end"))


@rule(code="8875", severity="error", tables=_BOTH_LEVELS, fields=["DateOfInitialCPC"],
      message="The initial child protection conference is dated on a Saturday or Sunday.")
def conference_on_weekend(t: Tables):
    return t.sql(_initial_conferences("dayofweek(x.DateOfInitialCPC) in (0, 6)"))


@rule(code="8870Q", severity="query", tables=["Section47"], fields=["InitialCPCtarget"],
      message="The target date for the initial child protection conference falls on a Saturday or Sunday.")
def target_on_weekend(t: Tables):
    return t.sql("select row_id from Section47 where dayofweek(InitialCPCtarget) in (0, 6)")


@rule(code="2884", severity="error", tables=_BOTH_LEVELS, fields=["DateOfInitialCPC"],
      message="An initial child protection conference is recorded both on the episode and on its section 47 "
              "enquiry; record it in one place only (on the enquiry when the enquiry is in the return).")
def conference_recorded_twice(t: Tables):
    return t.sql("""
        select 'CINdetails' as tbl, c.row_id from CINdetails c where c.DateOfInitialCPC is not null
        and exists (select 1 from Section47 s where s.CINdetailsID = c.CINdetailsID and s.DateOfInitialCPC is not null)
        union all
        select 'Section47', s.row_id from Section47 s join CINdetails c using (CINdetailsID)
        where s.DateOfInitialCPC is not null and c.DateOfInitialCPC is not null""")


@rule(code="2889", severity="error", tables=["Section47", "CINdetails"], fields=["S47ActualStartDate",
                                                                              "CINreferralDate"],
      message="The section 47 enquiry starts before the episode's referral date.")
def enquiry_before_referral(t: Tables):
    return t.sql("""select s.row_id from Section47 s join CINdetails c using (CINdetailsID)
                    where s.S47ActualStartDate < c.CINreferralDate""")


@rule(code="2991Q", severity="query", tables=["Section47"], fields=["S47ActualStartDate"],
      message="A section 47 enquiry is recorded on an episode with no assessment.")
def enquiry_without_assessment(t: Tables):
    return t.sql("""select s.row_id from Section47 s
                    where not exists (select 1 from Assessments a where a.CINdetailsID = s.CINdetailsID)""")


@rule(code="8615", severity="error", tables=["Section47"], fields=["S47ActualStartDate", "DateOfInitialCPC"],
      message="The section 47 enquiry has no start date, or starts after its initial child protection conference.")
def enquiry_start_missing_or_after_conference(t: Tables):
    return t.sql("""select row_id from Section47
                    where S47ActualStartDate is null or S47ActualStartDate > DateOfInitialCPC""")


@rule(code="8675Q", severity="query", tables=["Section47"],
      fields=["S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"],
      message="The section 47 enquiry started more than 15 working days before the end of the collection year, "
              "has no initial conference date and is not marked as needing none; check the conference.")
def enquiry_without_conference(t: Tables):
    cutoff = t.date_literal(latest_start_more_than(15, t.end))
    return t.sql(f"""select row_id from Section47 where S47ActualStartDate <= {cutoff}
                     and DateOfInitialCPC is null and not coalesce(is_yes(ICPCnotRequired), false)""")


@rule(code="8740", severity="error", tables=["Section47"], fields=["S47ActualStartDate"],
      message="A section 47 enquiry still waiting for its initial conference at the end of the year must have "
              "started within the collection year.")
def open_enquiry_started_outside_census(t: Tables):
    return t.sql("""select row_id from Section47 where DateOfInitialCPC is null
                    and not coalesce(is_yes(ICPCnotRequired), false)
                    and (S47ActualStartDate is null or S47ActualStartDate not between $start and $end)""")


def _open(alias: str) -> str:
    """An enquiry still open: no initial conference held and none ruled unnecessary."""
    return f"{alias}.DateOfInitialCPC is null and not coalesce(is_yes({alias}.ICPCnotRequired), false)"


@rule(code="8839", severity="error", tables=["Section47"], fields=["DateOfInitialCPC", "ICPCnotRequired"],
      message="The episode has more than one open section 47 enquiry (no conference held and none ruled "
              "unnecessary).")
def several_open_enquiries(t: Tables):
    return t.sql(f"""select row_id from Section47 s where {_open("s")}
                     qualify count(*) over (partition by CINdetailsID) > 1""")


@rule(code="8868", severity="error", tables=["Section47"], fields=["DateOfInitialCPC", "ICPCnotRequired"],
      message="The episode is closed, but this section 47 enquiry has neither a conference date nor a "
              "'conference not required' flag.")
def open_enquiry_on_closed_episode(t: Tables):
    return t.sql(f"""select s.row_id from Section47 s join CINdetails c using (CINdetailsID)
                     where c.CINclosureDate is not null and {_open("s")}""")


@rule(code="8890", severity="error", tables=["Section47"], fields=["S47ActualStartDate"],
      message="This section 47 enquiry starts while another enquiry of the same child is still open.")
def enquiry_starts_during_another(t: Tables):
    return t.sql(f"""select b.row_id from Section47 b where exists (
                        select 1 from Section47 a where a.LAchildID = b.LAchildID and a.row_id <> b.row_id
                        and a.S47ActualStartDate <= b.S47ActualStartDate
                        and (b.S47ActualStartDate < a.DateOfInitialCPC or ({_open("a")})))""")


@rule(code="2883", severity="error", tables=["CINdetails"], fields=["DateOfInitialCPC"],
      message="More child protection plans start in the year on this episode than initial conferences are held.")
def more_plans_than_conferences(t: Tables):
    return t.sql(f"""
        with plans as (select CINdetailsID, count(*) as n from ChildProtectionPlans
                       where CPPstartDate between $start and $end group by CINdetailsID),
             conferences as (select CINdetailsID, count(*) as n from ({_ALL_INITIAL_CONFERENCES})
                             where held between $start and $end group by CINdetailsID)
        select c.row_id from CINdetails c join plans p using (CINdetailsID)
        left join conferences k using (CINdetailsID) where p.n > coalesce(k.n, 0)""")


@rule(code="2885", severity="error", tables=["ChildProtectionPlans"], fields=["CPPstartDate"],
      message="The child protection plan starts on a different day from every initial conference on the episode.")
def plan_not_on_conference_day(t: Tables):
    return t.sql(f"""
        with conferences as ({_ALL_INITIAL_CONFERENCES})
        select p.row_id from ChildProtectionPlans p
        where p.CPPstartDate between $start and $end
        and exists (select 1 from conferences k where k.CINdetailsID = p.CINdetailsID)
        and not exists (select 1 from conferences k where k.CINdetailsID = p.CINdetailsID
                        and k.held = p.CPPstartDate)""")


RULES = collect(globals())
