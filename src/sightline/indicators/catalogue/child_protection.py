"""Section 47 enquiries, conferences and child protection plans."""

from sightline.indicators.catalogue.base import POPULATION, Indicator, counted, listed, sql, working_days

PLAN_STARTED = "join periods p on pl.start_date between p.period_start and p.period_end"
PLAN_OPEN_AT_END = ("join periods p on pl.start_date <= p.period_end "
                    "and (pl.end_date is null or pl.end_date > p.period_end)")
# DfE "second or subsequent": the child had a plan before, however long ago (our record, or the
# number of previous plans the CIN census carried in).
IS_SUBSEQUENT = """(pl.number_of_previous_plans > 0 or exists (
    select 1 from cp_plans earlier where earlier.child_id = pl.child_id and earlier.start_date < pl.start_date))"""
SUBSEQUENT_PLANS = f"select p.period_id, pl.child_id from cp_plans pl {PLAN_STARTED} where {IS_SUBSEQUENT}"
ON_A_PLAN_AT_END = f"select p.period_id, pl.child_id from cp_plans pl {PLAN_OPEN_AT_END}"

# Initial conferences held in the period; the child is the enquiry's referral's (left join: an enquiry
# is counted even without one).
ICPC_HELD = ("select p.period_id, r.child_id from section47s s "
             "join periods p on s.icpc_date between p.period_start and p.period_end "
             "left join referrals r on r.id = s.referral_id")
ICPC_IN_TIME = ICPC_HELD + f"""
    join calendar started on started.date = s.start_date
    join calendar held on held.date = s.icpc_date
    where {working_days('started', 'held')} <= 15"""

# Plans open at the end of the period for at least three months, each review conference in order,
# with the start as the first "previous" date. A plan's reviews were in time when the first came
# within 3 months of the start, each later one within 6 months of the one before, and the next
# was not overdue at the end of the period (Working Together; CIN census, DfE table D6).
_REVIEW_SEQUENCE = """
    with cohort as (
        select p.period_id, p.period_end, pl.id as plan_id, pl.child_id, pl.start_date
        from cp_plans pl {open}
        where pl.start_date <= p.period_end - interval '3' month
    ),
    reviews as (
        select c.period_id, c.plan_id, k.date,
               coalesce(lag(k.date) over (partition by c.period_id, c.plan_id order by k.date), c.start_date)
                   as previous,
               row_number() over (partition by c.period_id, c.plan_id order by k.date) as number
        from cohort c join conferences k on k.plan_id = c.plan_id and k.kind = 'review'
         and k.date <= c.period_end
    ),
    last_review as (
        select period_id, plan_id, max(date) as date, count(*) as reviews from reviews group by period_id, plan_id
    ),
    late as (
        select period_id, plan_id from reviews
        where (number = 1 and date > previous + interval '3' month)
           or (number > 1 and date > previous + interval '6' month)
        union
        select c.period_id, c.plan_id from cohort c
        left join last_review l on l.period_id = c.period_id and l.plan_id = c.plan_id
        where (l.plan_id is null and c.period_end > c.start_date + interval '3' month)
           or (l.plan_id is not null and c.period_end > l.date + interval '6' month)
    )"""

INDICATORS = (
    Indicator(
        id="section47_enquiries",
        title="Section 47 enquiries started",
        definition="Section 47 enquiries started in the period (the date of the strategy discussion that "
                   "began them).",
        numerator=counted("select p.period_id from section47s s join periods p on s.start_date between "
                          "p.period_start and p.period_end"),
        unit="count", better="neutral", period_type="any", theme="Child protection", suppress_small=False,
    ),
    Indicator(
        id="icpc_count",
        title="Initial child protection conferences held",
        definition="Initial child protection conferences held in the period. A conference about several "
                   "children of one family is recorded once per child, so this counts conferences per child.",
        numerator=counted("select p.period_id from conferences k join periods p on k.date between "
                          "p.period_start and p.period_end where k.kind = 'initial'"),
        unit="count", better="neutral", period_type="any", theme="Child protection", suppress_small=False,
    ),
    Indicator(
        id="icpc_children",
        title="Children at initial child protection conferences",
        definition="Children who were the subject of an initial child protection conference in the period.",
        numerator=counted("""
            select p.period_id, r.child_id from conferences k
            join referrals r on r.id = k.referral_id
            join periods p on k.date between p.period_start and p.period_end
            where k.kind = 'initial'""", what="distinct child_id"),
        unit="count", better="neutral", period_type="any", theme="Child protection", suppress_small=False,
    ),
    Indicator(
        id="icpc_within_15wd",
        title="Initial conferences within 15 working days",
        definition="Initial child protection conferences held in the period within 15 working days of the "
                   "strategy discussion that started the section 47 enquiry, as a percentage of initial "
                   "conferences held in the period.",
        numerator=counted(ICPC_IN_TIME),
        denominator=counted("select p.period_id from section47s s join periods p on s.icpc_date between "
                            "p.period_start and p.period_end"),
        members=listed(f"{ICPC_HELD}\nexcept all\n{ICPC_IN_TIME}"),
        members_of="rest",
        members_title="Children whose initial conference in the period was NOT within 15 working days (the "
                      "rest of the denominator)",
        unit="percent", better="higher", period_type="year_ending_31_march", theme="Child protection",
        day_zero="The strategy discussion (S47 actual start date) is day 0.",
    ),
    Indicator(
        id="cpp_starts",
        title="Child protection plans started",
        definition="Child protection plans that started in the period (DfE counts plans, so a child starting two "
                   "plans in a year counts twice).",
        numerator=counted(f"select p.period_id from cp_plans pl {PLAN_STARTED}"),
        unit="count", better="neutral", period_type="year_ending_31_march", theme="Child protection",
        dfe_measure="d3.CPP_start", suppress_small=False,
    ),
    Indicator(
        id="cpp_children_starting",
        title="Children becoming subject to a child protection plan",
        definition="Children who became subject to a child protection plan in the period, each counted once.",
        numerator=counted(f"select p.period_id, pl.child_id from cp_plans pl {PLAN_STARTED}",
                          what="distinct child_id"),
        unit="count", better="neutral", period_type="any", theme="Child protection", suppress_small=False,
    ),
    Indicator(
        id="review_conferences",
        title="Review child protection conferences held",
        definition="Review child protection conferences held in the period.",
        numerator=counted("select p.period_id from conferences k join periods p on k.date between "
                          "p.period_start and p.period_end where k.kind = 'review'"),
        unit="count", better="neutral", period_type="any", theme="Child protection", suppress_small=False,
    ),
    Indicator(
        id="cpp_reviews_in_time",
        title="Child protection plans reviewed in time",
        definition="Children on a plan at the end of the period who had been on it for at least 3 months and "
                   "whose reviews were all in time (the first within 3 months of the plan starting, each later "
                   "one within 6 months of the one before, none overdue at the end of the period), as a "
                   "percentage of those children.",
        numerator=sql(f"""{_REVIEW_SEQUENCE.format(open=PLAN_OPEN_AT_END)}
            select c.period_id, '' as breakdown, count(*) as n from cohort c
            where not exists (select 1 from late l where l.period_id = c.period_id and l.plan_id = c.plan_id)
            group by c.period_id"""),
        denominator=sql(f"""{_REVIEW_SEQUENCE.format(open=PLAN_OPEN_AT_END)}
            select period_id, '' as breakdown, count(*) as n from cohort group by period_id"""),
        # The rest, from the same cohort and the same test of lateness as the numerator.
        members=sql(f"""{_REVIEW_SEQUENCE.format(open=PLAN_OPEN_AT_END)}
            select c.period_id, c.child_id from cohort c
            where exists (select 1 from late l where l.period_id = c.period_id and l.plan_id = c.plan_id)"""),
        members_of="rest",
        members_title="Children on a plan at the end of the period with a review late or overdue (the rest of "
                      "the denominator)",
        unit="percent", better="higher", period_type="snapshot", theme="Child protection",
        day_zero="Calendar months; a month from 31 January is 28 or 29 February.",
    ),
    Indicator(
        id="cpp_second_or_subsequent",
        title="Second or subsequent child protection plans",
        definition="Child protection plans starting in the period for a child who had been on a plan before, at "
                   "any time.",
        numerator=counted(SUBSEQUENT_PLANS),
        members=listed(SUBSEQUENT_PLANS),
        members_title="Children starting a second or subsequent plan in the period",
        unit="count", better="lower", period_type="year_ending_31_march", theme="Child protection",
        dfe_measure="d3.CPP_subsequent", suppress_small=False,
    ),
    Indicator(
        id="cpp_second_or_subsequent_pct",
        title="Second or subsequent child protection plans (%)",
        definition="Child protection plans starting in the period for a child who had been on a plan before, at "
                   "any time, as a percentage of all plans starting in the period.",
        numerator=counted(f"select p.period_id from cp_plans pl {PLAN_STARTED} where {IS_SUBSEQUENT}"),
        denominator=counted(f"select p.period_id from cp_plans pl {PLAN_STARTED}"),
        unit="percent", better="lower", period_type="year_ending_31_march", theme="Child protection",
        dfe_measure="d3.CPP_subsequent_percent",
    ),
    Indicator(
        id="cpp_category_pct",
        title="Child protection plans by category of abuse",
        definition="Children on a child protection plan at the end of the period by the latest category of "
                   "abuse (NEG, PHY, SAB, EMO, MUL), as a percentage of all children on a plan then.",
        numerator=counted(f"select p.period_id, pl.latest_category as part from cp_plans pl {PLAN_OPEN_AT_END}",
                          by_part=True),
        denominator=counted(f"select p.period_id from cp_plans pl {PLAN_OPEN_AT_END}"),
        unit="percent", better="neutral", period_type="snapshot", breakdown="category", theme="Child protection",
    ),
    Indicator(
        id="cpp_at_end",
        title="Children on a child protection plan at the end of the period",
        definition="Children subject to a child protection plan at the end of the period (a plan ending on the "
                   "last day is not open at its end).",
        numerator=counted(ON_A_PLAN_AT_END, what="distinct child_id"),
        members=listed(ON_A_PLAN_AT_END, distinct=True),
        members_title="Children on a child protection plan at the end of the period",
        unit="count", better="neutral", period_type="snapshot", theme="Child protection",
        dfe_measure="d5.CPP_At31", suppress_small=False,
    ),
    Indicator(
        id="cpp_rate_per_10k",
        title="Children on a child protection plan per 10,000 children",
        definition="Children subject to a child protection plan at the end of the period per 10,000 children "
                   "aged 0 to 17 (ONS mid-year estimate for the year the reporting year starts in).",
        numerator=counted(ON_A_PLAN_AT_END, what="distinct child_id"),
        denominator=POPULATION,
        members=listed(ON_A_PLAN_AT_END, distinct=True),
        members_title="Children on a child protection plan at the end of the period",
        unit="rate_per_10k", better="neutral", period_type="snapshot", theme="Child protection",
        dfe_measure="d5.CPP_At31 per 10,000 (ONS 0-17, mid-year before)",
    ),
)
