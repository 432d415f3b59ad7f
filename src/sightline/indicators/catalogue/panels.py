"""Domestic abuse and the multi-agency panels (MACE for exploitation)."""

from sightline.indicators.catalogue.base import Indicator, counted

REFERRED_IN_PERIOD = "join periods p on d.referral_date between p.period_start and p.period_end"

INDICATORS = (
    Indicator(
        id="da_referrals_by_route",
        title="Domestic abuse referrals by route",
        definition="Referrals of victims to domestic abuse services in the period, in total and by route (IDVA, "
                   "domestic abuse hub, MARAC, other).",
        numerator=counted(f"select p.period_id, d.route as part from da_referrals d {REFERRED_IN_PERIOD}",
                          by_part=True),
        unit="count", better="neutral", period_type="any", breakdown="route", theme="Domestic abuse",
        suppress_small=False,
    ),
    Indicator(
        id="da_repeat_victims_pct",
        title="Repeat victims of domestic abuse",
        definition="Victims referred in the period with at least one repeat referral in it (another referral for "
                   "them on or up to 12 months before, any route), as a percentage of victims referred in the "
                   "period; in total and by the route of the repeat referral.",
        numerator=counted(f"""
            select p.period_id, d.victim_id, d.route as part from da_referrals d {REFERRED_IN_PERIOD}
            where d.is_repeat""", what="distinct victim_id", by_part=True),
        denominator=counted(f"select p.period_id, d.victim_id, d.route as part from da_referrals d "
                            f"{REFERRED_IN_PERIOD}", what="distinct victim_id", by_part=True),
        unit="percent", better="lower", period_type="year_ending_31_march", breakdown="route",
        theme="Domestic abuse",
    ),
    Indicator(
        id="da_incidents",
        title="Domestic abuse incidents attended by the police",
        definition="Domestic abuse incidents in the period, in total and split into crimes and non-crime "
                   "incidents.",
        numerator=counted("""
            select p.period_id, case when i.is_crime then 'crime' else 'non_crime' end as part
            from da_incidents i join periods p on i.occurred_on between p.period_start and p.period_end""",
                          by_part=True),
        unit="count", better="neutral", period_type="any", breakdown="crime or non-crime", theme="Domestic abuse",
        suppress_small=False,
    ),
    Indicator(
        id="mace_cohort_by_risk",
        title="Children held at MACE by risk level",
        definition="Children with a case open at a MACE panel at the end of the period, in total and by their "
                   "current exploitation risk level (low, medium, high).",
        numerator=counted("""
            select p.period_id, c.child_id, c.risk_level as part from panel_cases c
            join panels n on n.id = c.panel_id and n.kind = 'mace'
            join periods p on c.referral_date <= p.period_end
             and (c.closed_date is null or c.closed_date > p.period_end)""", what="distinct child_id",
                          by_part=True),
        unit="count", better="neutral", period_type="snapshot", breakdown="risk level", theme="Exploitation",
        suppress_small=False,
    ),
)
