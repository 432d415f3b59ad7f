"""Children's mental health: A&E attendances for self-harm and inpatient admissions, from the health feeds.

The seed report's Table 7 is the inpatient admission rate for mental health disorders per 100,000
children aged 0 to 17 (as Public Health England's Fingertips publishes it); the weekly Social and
Emotional Mental Health group reviews the children seen at A&E for self-harm.
"""

from sightline.indicators.catalogue.base import POPULATION, Indicator, age_at, counted, month_of

SELF_HARM, ADMISSION = "ae_self_harm", "mh_admission"
CHILD_ON_THE_DAY = f"{age_at('c.date_of_birth', 'h.presented_on')} between 0 and 17"


def _presentations(kind: str, *, by_month: bool = False) -> str:
    """One row per child and day presenting for `kind` in each period: a feed that sends the same
    presentation twice, or a child seen twice in one day, is one presentation."""
    part = f", {month_of('h.presented_on')} as part" if by_month else ""
    return counted(f"""
        select distinct p.period_id, h.child_id, h.presented_on{part}
        from health_presentations h join children c on c.id = h.child_id
        join periods p on h.presented_on between p.period_start and p.period_end
        where h.kind = '{kind}' and {CHILD_ON_THE_DAY}""", by_part=by_month)


def _children_presenting(*, repeat: bool) -> str:
    # A repeat: another A&E attendance for self-harm on an earlier day, up to 12 months before.
    earlier = f"""
          and exists (select 1 from health_presentations e where e.child_id = h.child_id and e.kind = '{SELF_HARM}'
                      and e.presented_on < h.presented_on
                      and e.presented_on >= h.presented_on - interval '12' month)""" if repeat else ""
    return counted(f"""
        select p.period_id, h.child_id
        from health_presentations h join children c on c.id = h.child_id
        join periods p on h.presented_on between p.period_start and p.period_end
        where h.kind = '{SELF_HARM}' and {CHILD_ON_THE_DAY}{earlier}""", what="distinct child_id")


CHILDREN = "Children are those aged 0 to 17 on the day they presented (age from the date of birth in the record)."
ONE_A_DAY = "A child presenting more than once on the same day counts once for that day."

INDICATORS = (
    Indicator(
        id="ae_self_harm_attendances",
        title="A&E attendances of children for self-harm",
        definition="Attendances at A&E for self-harm by children aged 0 to 17 in the period, in total and by the "
                   "month attended.",
        numerator=_presentations(SELF_HARM, by_month=True),
        unit="count", better="lower", period_type="any", breakdown="month", theme="Mental health and wellbeing",
        notes=(CHILDREN, ONE_A_DAY),
    ),
    Indicator(
        id="ae_self_harm_per_10k",
        title="A&E attendances of children for self-harm per 10,000 children",
        definition="Attendances at A&E for self-harm by children aged 0 to 17 in the period (as "
                   "ae_self_harm_attendances) per 10,000 children aged 0 to 17 (ONS mid-year estimate for the year "
                   "the reporting year starts in).",
        numerator=_presentations(SELF_HARM),
        denominator=POPULATION,
        unit="rate_per_10k", better="lower", period_type="year_ending_31_march",
        theme="Mental health and wellbeing", notes=(CHILDREN, ONE_A_DAY),
    ),
    Indicator(
        id="self_harm_repeat_pct",
        title="Children attending A&E for self-harm again within 12 months",
        definition="Children aged 0 to 17 who attended A&E for self-harm in the period and had attended for "
                   "self-harm before, on an earlier day up to 12 months before an attendance in the period, as a "
                   "percentage of children who attended A&E for self-harm in the period.",
        numerator=_children_presenting(repeat=True),
        denominator=_children_presenting(repeat=False),
        unit="percent", better="lower", period_type="year_ending_31_march", theme="Mental health and wellbeing",
        notes=(CHILDREN, "The earlier attendance may fall before the period: a child's first attendance in April "
                         "repeats one the March before."),
    ),
    Indicator(
        id="mental_health_admissions",
        title="Mental health inpatient admissions of children",
        definition="Inpatient admissions for a mental health disorder of children aged 0 to 17 in the period, in "
                   "total and by the month admitted.",
        numerator=_presentations(ADMISSION, by_month=True),
        unit="count", better="lower", period_type="any", breakdown="month", theme="Mental health and wellbeing",
        notes=(CHILDREN, "Admissions are counted, not children: a child admitted twice counts twice.",),
    ),
    Indicator(
        id="mental_health_admissions_per_100k",
        title="Mental health inpatient admissions per 100,000 children",
        definition="Inpatient admissions for a mental health disorder of children aged 0 to 17 in the period (as "
                   "mental_health_admissions) per 100,000 children aged 0 to 17 (ONS mid-year estimate for the "
                   "year the reporting year starts in), as Public Health England's Fingertips publishes the rate.",
        numerator=_presentations(ADMISSION),
        denominator=POPULATION,
        unit="rate_per_100k", better="lower", period_type="year_ending_31_march",
        theme="Mental health and wellbeing",
        notes=(CHILDREN, "Fingertips publishes this rate by calendar year and for England, regions and "
                         "neighbours; the benchmarks here are the DfE's, which have no such measure, so the "
                         "comparator rows stay empty (x)."),
    ),
)
