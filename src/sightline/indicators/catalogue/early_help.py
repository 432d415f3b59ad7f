"""Early help: children open to early help and who leads the work."""

from sightline.indicators.catalogue.base import POPULATION, Indicator, counted, month_of

# Open at the end of the period: started on or before it, and not ended by it.
OPEN_AT_END = ("join periods p on e.start_date <= p.period_end "
               "and (e.end_date is null or e.end_date > p.period_end)")

INDICATORS = (
    Indicator(
        id="early_help_open_per_10k",
        title="Children open to early help per 10,000 children",
        definition="Children with an early help episode open at the end of the period, per 10,000 children aged "
                   "0 to 17 in the area (ONS mid-year estimate, as for the DfE rates).",
        numerator=counted(f"select p.period_id, e.child_id from early_help e {OPEN_AT_END}",
                          what="distinct child_id"),
        denominator=POPULATION,
        unit="rate_per_10k", better="neutral", period_type="snapshot", theme="Early help",
        day_zero="An episode ending on the last day of the period is not open at its end.",
    ),
    Indicator(
        id="early_help_lead_by_agency",
        title="Early help lead practitioners by agency",
        definition="Early help episodes open at the end of the period, by the agency of the lead practitioner.",
        numerator=counted(f"""
            select p.period_id, a.code as part from early_help e {OPEN_AT_END}
            join agencies a on a.id = e.lead_agency_id""", by_part=True),
        unit="count", better="neutral", period_type="snapshot", breakdown="agency", theme="Early help",
        suppress_small=False,
    ),
    Indicator(
        id="early_help_starts",
        title="Early help episodes started",
        definition="Early help episodes started in the period, in total and by the month started.",
        numerator=counted(f"""
            select p.period_id, {month_of('e.start_date')} as part
            from early_help e join periods p on e.start_date between p.period_start and p.period_end""",
                          by_part=True),
        unit="count", better="neutral", period_type="any", breakdown="month", theme="Early help",
        suppress_small=False,
    ),
    Indicator(
        id="early_help_conversion_pct",
        title="Early help decisions taken up onto the early help pathway",
        definition="Contacts received in the period that the front door passed to early help and that opened an "
                   "early help episode, as a percentage of contacts received in the period passed to early help.",
        numerator=counted("""
            select p.period_id from contacts c
            join periods p on c.received_on between p.period_start and p.period_end
            join decisions d on d.contact_id = c.id
            where d.outcome = 'early_help'
              and exists (select 1 from decision_early_help o where o.decision_id = d.id)"""),
        denominator=counted("""
            select p.period_id from contacts c
            join periods p on c.received_on between p.period_start and p.period_end
            join decisions d on d.contact_id = c.id
            where d.outcome = 'early_help'"""),
        unit="percent", better="higher", period_type="any", theme="Early help", suppress_small=False,
    ),
    Indicator(
        id="early_help_neglect_open",
        title="Early help cases open where neglect is a feature",
        definition="Early help episodes open at the end of the period that were opened by a front door decision on "
                   "a contact about neglect.",
        numerator=counted(f"""
            select p.period_id from early_help e {OPEN_AT_END}
            where exists (select 1 from decision_early_help o
                          join decisions d on d.id = o.decision_id
                          join contact_concerns k on k.contact_id = d.contact_id and k.concern = 'neglect'
                          where o.early_help_id = e.id)"""),
        unit="count", better="neutral", period_type="snapshot", theme="Neglect", suppress_small=False,
        notes=("Neglect found later in the episode is not recorded in early help yet, so it is not counted.",),
    ),
)
