"""The front door (MASH): contacts, decisions and where they went."""

from sightline.indicators.catalogue.base import Indicator, counted, month_of, working_days

IN_PERIOD = "join periods p on c.received_on between p.period_start and p.period_end"

INDICATORS = (
    Indicator(
        id="contacts_per_month",
        title="Contacts to the front door",
        definition="Contacts received by the front door in the period, in total and by the month received.",
        numerator=counted(f"select p.period_id, {month_of('c.received_on')} as part from contacts c {IN_PERIOD}",
                          by_part=True),
        unit="count", better="neutral", period_type="any", breakdown="month", theme="Front door",
        suppress_small=False,
    ),
    Indicator(
        id="contact_decision_within_1wd",
        title="Contacts decided within one working day",
        definition="Contacts received in the period and decided, where the decision was made no more than one "
                   "working day after the day the contact was received, as a percentage of contacts received in "
                   "the period and decided.",
        numerator=counted(f"""
            select p.period_id from contacts c {IN_PERIOD}
            join calendar received on received.date = c.received_on
            join calendar decided on decided.date = c.decided_on
            where {working_days('received', 'decided')} <= 1"""),
        denominator=counted(f"select p.period_id from contacts c {IN_PERIOD} where c.decided_on is not null"),
        unit="percent", better="higher", period_type="any", theme="Front door",
        day_zero="The day the contact is received is day 0; a contact received on a Saturday counts from Monday. "
                 "Dates are London local dates.",
    ),
    Indicator(
        id="contacts_neglect_pct",
        title="Contacts about neglect",
        definition="Contacts received in the period with neglect among their concerns, as a percentage of all "
                   "contacts received in the period.",
        numerator=counted(f"""
            select p.period_id from contacts c {IN_PERIOD}
            where exists (select 1 from contact_concerns k where k.contact_id = c.id and k.concern = 'neglect')"""),
        denominator=counted(f"select p.period_id from contacts c {IN_PERIOD}"),
        unit="percent", better="neutral", period_type="any", theme="Neglect",
    ),
    Indicator(
        id="contacts_domestic_abuse_pct",
        title="Contacts about domestic abuse",
        definition="Contacts received in the period with domestic abuse among their concerns, as a percentage of "
                   "all contacts received in the period.",
        numerator=counted(f"""
            select p.period_id from contacts c {IN_PERIOD}
            where exists (select 1 from contact_concerns k where k.contact_id = c.id
                          and k.concern = 'domestic_abuse')"""),
        denominator=counted(f"select p.period_id from contacts c {IN_PERIOD}"),
        unit="percent", better="neutral", period_type="any", theme="Domestic abuse",
    ),
    Indicator(
        id="contacts_by_rating",
        title="Contacts by urgency rating",
        definition="Contacts received in the period, in total and by their red, amber or green rating.",
        numerator=counted(f"select p.period_id, c.rating as part from contacts c {IN_PERIOD}", by_part=True),
        unit="count", better="neutral", period_type="any", breakdown="rating", theme="Front door",
        suppress_small=False,
    ),
    Indicator(
        id="contacts_to_early_help_pct",
        title="Contacts passed to early help",
        definition="Contacts received in the period whose front door decision was early help, as a percentage of "
                   "contacts received in the period with a decision; in total and by early help provider (the "
                   "council's service, a school, health, the voluntary sector).",
        numerator=counted(f"""
            select p.period_id, d.early_help_provider as part from contacts c {IN_PERIOD}
            join decisions d on d.contact_id = c.id where d.outcome = 'early_help'""", by_part=True),
        denominator=counted(f"select p.period_id from contacts c {IN_PERIOD} join decisions d on d.contact_id = c.id"),
        unit="percent", better="neutral", period_type="any", breakdown="early help provider", theme="Front door",
        suppress_small=False,
    ),
    Indicator(
        id="contacts_by_level_of_need",
        title="Contacts by level of need",
        definition="Contacts received in the period with a front door decision, in total and by the level of need "
                   "decided (1 universal to 4 specialist and statutory).",
        numerator=counted(f"""
            select p.period_id, n.level as part from contacts c {IN_PERIOD}
            join decisions d on d.contact_id = c.id join need_descriptors n on n.id = d.descriptor_id""",
                          by_part=True),
        unit="count", better="neutral", period_type="any", breakdown="level of need", theme="Front door",
        suppress_small=False,
    ),
)
