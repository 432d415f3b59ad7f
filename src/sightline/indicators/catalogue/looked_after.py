"""Children looked after and care leavers: the SSDA903 measures."""

from sightline.indicators.catalogue.base import POPULATION, Indicator, age_at, counted, listed, working_days

# Short-break-only care (V3, V4) is not "looked after" in the DfE counts.
NOT_SHORT_BREAKS = "e.legal_status not in ('V3', 'V4')"
OPEN_AT_END = ("join periods p on e.start_date <= p.period_end "
               "and (e.end_date is null or e.end_date > p.period_end)")
# SSDA903 ACTIV codes in education, employment or training.
EET = "('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5')"
LOOKED_AFTER_AT_END = f"select p.period_id, e.child_id from cla_episodes e {OPEN_AT_END} where {NOT_SHORT_BREAKS}"
CARE_LEAVERS_19_21 = f"""
    select p.period_id, l.child_id from care_leavers l join children c on c.id = l.child_id
    join periods p on l.year_ending between p.period_start and p.period_end
    where {age_at('c.date_of_birth', 'l.year_ending')} between 19 and 21"""
CARE_LEAVERS_EET = f"{CARE_LEAVERS_19_21} and l.activity in {EET}"

# Each review with the start of the care period it belongs to, its number in that period and the
# review before it (Care Planning Regulations 2010, reg 33: first within 20 working days of the
# start, the second within 3 months of the first, then at most 6 months apart).
_REVIEWS = """
    with placed as (
        select v.id, v.child_id, v.date,
               (select max(e.start_date) from cla_episodes e where e.child_id = v.child_id
                 and e.reason_new_episode = 'S' and e.start_date <= v.date) as care_start
        from cla_reviews v
    ),
    numbered as (
        select id, child_id, date, care_start,
               row_number() over (partition by child_id, care_start order by date, id) as number,
               lag(date) over (partition by child_id, care_start order by date, id) as previous
        from placed where care_start is not null
    )"""

INDICATORS = (
    Indicator(
        id="cla_at_end",
        title="Children looked after at the end of the period",
        definition="Children looked after at the end of the period, excluding those looked after only under an "
                   "agreed series of short breaks (V3, V4).",
        numerator=counted(LOOKED_AFTER_AT_END, what="distinct child_id"),
        members=listed(LOOKED_AFTER_AT_END, distinct=True),
        members_title="Children looked after at the end of the period",
        unit="count", better="neutral", period_type="snapshot", theme="Children in care",
        dfe_measure="cla.children_count (Children looked after on 31 March each year)", rounding=0,
        suppress_small=False,
    ),
    Indicator(
        id="cla_rate_per_10k",
        title="Children looked after per 10,000 children",
        definition="Children looked after at the end of the period (as cla_at_end) per 10,000 children aged 0 "
                   "to 17 (ONS mid-year estimate for the year the reporting year starts in); whole numbers, as "
                   "the DfE publishes them.",
        numerator=counted(LOOKED_AFTER_AT_END, what="distinct child_id"),
        denominator=POPULATION,
        members=listed(LOOKED_AFTER_AT_END, distinct=True),
        members_title="Children looked after at the end of the period",
        unit="rate_per_10k", better="neutral", period_type="snapshot", theme="Children in care",
        dfe_measure="cla.rate_per_10000 (Children looked after on 31 March each year)", rounding=0,
    ),
    Indicator(
        id="cla_starts",
        title="Children starting to be looked after",
        definition="Children who started to be looked after in the period (an episode with reason for new "
                   "episode S); a child who started twice counts once, as the DfE counts only the first start.",
        numerator=counted("""
            select p.period_id, e.child_id from cla_episodes e
            join periods p on e.start_date between p.period_start and p.period_end
            where e.reason_new_episode = 'S' and """ + NOT_SHORT_BREAKS, what="distinct child_id"),
        unit="count", better="neutral", period_type="year_ending_31_march", theme="Children in care",
        dfe_measure="cla.children_count (Children starting to be looked after each year)", rounding=0,
        suppress_small=False,
    ),
    Indicator(
        id="cla_ceases",
        title="Children ceasing to be looked after",
        definition="Children who ceased to be looked after in the period (an episode ending for any reason but "
                   "X1, a new episode the same day); a child who ceased twice counts once, as the DfE counts only "
                   "the last cessation.",
        numerator=counted("""
            select p.period_id, e.child_id from cla_episodes e
            join periods p on e.end_date between p.period_start and p.period_end
            where e.reason_ceased <> 'X1' and """ + NOT_SHORT_BREAKS, what="distinct child_id"),
        unit="count", better="neutral", period_type="year_ending_31_march", theme="Children in care",
        dfe_measure="cla.children_count (Children ceasing to be looked after each year)", rounding=0,
        suppress_small=False,
    ),
    Indicator(
        id="cla_reviews_in_time",
        title="Looked-after reviews held in time",
        definition="Reviews of looked-after children held in the period that were in time: the first within 20 "
                   "working days of the child starting to be looked after, the second within 3 months of the "
                   "first, later ones within 6 months of the one before (Care Planning Regulations 2010, "
                   "reg 33), as a percentage of reviews held in the period.",
        numerator=f"""{_REVIEWS}
            select p.period_id, '' as breakdown, count(*) as n
            from numbered v join periods p on v.date between p.period_start and p.period_end
            join calendar started on started.date = v.care_start
            join calendar reviewed on reviewed.date = v.date
            where (v.number = 1 and {working_days('started', 'reviewed')} <= 20)
               or (v.number = 2 and v.date <= v.previous + interval '3' month)
               or (v.number > 2 and v.date <= v.previous + interval '6' month)
            group by p.period_id""".strip(),
        denominator=f"""{_REVIEWS}
            select p.period_id, '' as breakdown, count(*) as n
            from numbered v join periods p on v.date between p.period_start and p.period_end
            group by p.period_id""".strip(),
        unit="percent", better="higher", period_type="any", theme="Children in care", rounding=0,
        day_zero="The day the child started to be looked after is day 0 for the first review.",
        notes=("Reviews of a child with no start (reason S) on or before the review in the record are left out.",),
    ),
    Indicator(
        id="care_leavers_19_21_eet_pct",
        title="Care leavers aged 19 to 21 in education, employment or training",
        definition="Care leavers whose activity was recorded around their 19th, 20th or 21st birthday in the "
                   "collection year ending in the period and who were in education, employment or training, as a "
                   "percentage of all care leavers of those ages (the denominator includes 'information not "
                   "known').",
        numerator=counted(CARE_LEAVERS_EET),
        denominator=counted(CARE_LEAVERS_19_21),
        members=listed(f"{CARE_LEAVERS_19_21}\nexcept all\n{CARE_LEAVERS_EET}"),
        members_of="rest",
        members_title="Care leavers aged 19 to 21 NOT known to be in education, employment or training (the "
                      "rest of the denominator)",
        unit="percent", better="higher", period_type="year_ending_31_march", theme="Care leavers",
        dfe_measure="la_care_leavers_activity (19 to 21 years, Total in education, employment or training)",
        rounding=0,
        notes=("Age on the birthday in the collection year equals age on 31 March, the year's last day.",
               "The DfE excludes care leavers who died, returned home for 6 months or moved to another LA; "
               "the record does not yet hold those reasons, so none are excluded.",),
    ),
)
