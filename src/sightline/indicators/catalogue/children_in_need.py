"""Referrals, re-referrals and assessments: the CIN census measures."""

from sightline.indicators.catalogue.base import POPULATION, Indicator, counted, listed, month_of, working_days

REFERRED_IN_PERIOD = "join periods p on r.referral_date between p.period_start and p.period_end"

# A referral is a re-referral when the same child had an earlier referral on or after the date
# twelve months before it. "Earlier" includes the same day (DfE, since 2018): of two referrals on
# one day the one recorded second is the re-referral. Exactly twelve months apart counts.
IS_RE_REFERRAL = """exists (
    select 1 from referrals earlier
    where earlier.child_id = r.child_id
      and earlier.referral_date >= r.referral_date - interval '12' month
      and (earlier.referral_date < r.referral_date
           or (earlier.referral_date = r.referral_date and earlier.id < r.id)))"""

AUTHORISED_IN_PERIOD = ("join periods p on a.authorisation_date between p.period_start and p.period_end "
                        "and a.authorisation_date >= a.start_date")

RE_REFERRED = f"select p.period_id, r.child_id from referrals r {REFERRED_IN_PERIOD} where {IS_RE_REFERRAL}"
# The assessment's child is its referral's (left join: an assessment is counted even without one).
ASSESSMENTS_AUTHORISED = (f"select p.period_id, r.child_id from assessments a {AUTHORISED_IN_PERIOD} "
                          "left join referrals r on r.id = a.referral_id")
ASSESSMENT_DAYS = f"""
    join calendar started on started.date = a.start_date
    join calendar authorised on authorised.date = a.authorisation_date
    where {working_days('started', 'authorised')} <= 45"""
ASSESSMENTS_IN_TIME = ASSESSMENTS_AUTHORISED + ASSESSMENT_DAYS

INDICATORS = (
    Indicator(
        id="referrals",
        title="Referrals to children's social care",
        definition="Referrals to children's social care in the period, in total and by month.",
        numerator=counted(f"select p.period_id, {month_of('r.referral_date')} as part from referrals r "
                          f"{REFERRED_IN_PERIOD}", by_part=True),
        unit="count", better="neutral", period_type="any", breakdown="month", theme="Children in need",
        dfe_measure="c1.referral_count", suppress_small=False,
    ),
    Indicator(
        id="re_referral_rate_12m",
        title="Re-referrals within 12 months",
        definition="Referrals in the period made within 12 months of a previous referral for the same child "
                   "(including the same day, and exactly 12 months), as a percentage of all referrals in the "
                   "period. Referral level, as the DfE headline figure.",
        numerator=counted(RE_REFERRED),
        denominator=counted(f"select p.period_id from referrals r {REFERRED_IN_PERIOD}"),
        members=listed(RE_REFERRED),
        members_title="Children with a re-referral in the period (the figure counts referrals: a child re-referred "
                      "twice counts twice)",
        unit="percent", better="lower", period_type="year_ending_31_march", theme="Children in need",
        dfe_measure="c1.rereferral_percent",
        day_zero="Earlier referrals from the day 12 calendar months before, up to and including the same day, "
                 "count; 29 February looks back to 28 February.",
    ),
    Indicator(
        id="re_referral_rate_12m_child",
        title="Children re-referred within 12 months",
        definition="Children with a referral in the period that was made within 12 months of a previous referral "
                   "for them, as a percentage of children referred in the period (the DfE child-level variant).",
        numerator=counted(RE_REFERRED, what="distinct child_id"),
        denominator=counted(f"select p.period_id, r.child_id from referrals r {REFERRED_IN_PERIOD}",
                            what="distinct child_id"),
        members=listed(RE_REFERRED, distinct=True),
        members_title="Children re-referred within 12 months",
        unit="percent", better="lower", period_type="year_ending_31_march", theme="Children in need",
        dfe_measure="c1.rereferral_child_percent",
    ),
    Indicator(
        id="assessments_within_45wd",
        title="Assessments completed within 45 working days",
        definition="Assessments authorised in the period whose authorisation came no more than 45 working days "
                   "after the assessment's actual start, as a percentage of assessments authorised in the period "
                   "(the DfE measure; assessments authorised before they started are left out). The list behind "
                   "it is of the assessments NOT within 45 working days.",
        numerator=counted(ASSESSMENTS_IN_TIME),
        denominator=counted(f"select p.period_id from assessments a {AUTHORISED_IN_PERIOD}"),
        # The rest: the denominator's rows less the numerator's, so the two cannot drift apart.
        members=listed(f"{ASSESSMENTS_AUTHORISED}\nexcept all\n{ASSESSMENTS_IN_TIME}"),
        members_of="rest",
        members_title="Children with an assessment authorised in the period NOT within 45 working days (the "
                      "rest of the denominator, not the numerator)",
        unit="percent", better="higher", period_type="year_ending_31_march", theme="Children in need",
        day_zero="The start date is day 0; England and Wales bank holidays and local closure days are not "
                 "working days (sightline.core.calendar).",
        notes=("The DfE publishes this only as duration bands (C2); no LA file is held, so there is no "
               "benchmark.",),
    ),
    Indicator(
        id="assessments_within_45wd_from_referral",
        title="Assessments completed within 45 working days of referral",
        definition="Assessments authorised in the period whose authorisation came no more than 45 working days "
                   "after the referral, as a percentage of assessments authorised in the period (the Working "
                   "Together timescale, which runs from the referral).",
        numerator=counted(f"""
            select p.period_id from assessments a {AUTHORISED_IN_PERIOD}
            join referrals r on r.id = a.referral_id
            join calendar referred on referred.date = r.referral_date
            join calendar authorised on authorised.date = a.authorisation_date
            where {working_days('referred', 'authorised')} <= 45"""),
        denominator=counted(f"select p.period_id from assessments a {AUTHORISED_IN_PERIOD}"),
        unit="percent", better="higher", period_type="year_ending_31_march", theme="Children in need",
        day_zero="The referral date is day 0.",
    ),
    Indicator(
        id="children_in_need_at_end",
        title="Children in need at the end of the period",
        definition="Referrals open at the end of the period (referred on or before its last day, not closed by "
                   "it), excluding referrals with no further action: the DfE count of episodes at 31 March.",
        numerator=counted("""
            select p.period_id from referrals r
            join periods p on r.referral_date <= p.period_end
             and (r.closure_date is null or r.closure_date > p.period_end)
            where not r.referral_nfa"""),
        unit="count", better="neutral", period_type="snapshot", theme="Children in need",
        dfe_measure="b1.At31_episodes",
    ),
    Indicator(
        id="children_in_need_per_10k",
        title="Children in need per 10,000 children",
        definition="Referrals open at the end of the period (as children_in_need_at_end) per 10,000 children aged "
                   "0 to 17 (ONS mid-year estimate).",
        numerator=counted("""
            select p.period_id, r.child_id from referrals r
            join periods p on r.referral_date <= p.period_end
             and (r.closure_date is null or r.closure_date > p.period_end)
            where not r.referral_nfa""", what="distinct child_id"),
        denominator=POPULATION,
        unit="rate_per_10k", better="neutral", period_type="snapshot", theme="Children in need",
    ),
)
