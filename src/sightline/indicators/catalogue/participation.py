"""Who took part in child protection conferences: the child, the parents, the agencies."""

from sightline.indicators.catalogue.base import Indicator, counted

IN_PERIOD = "join periods p on k.date between p.period_start and p.period_end"

INDICATORS = (
    Indicator(
        id="conference_family_attendance",
        title="Children and parents attending child protection conferences",
        definition="Of the children, mothers and fathers invited to child protection conferences held in the "
                   "period, the percentage who attended, in total and for each.",
        numerator=counted(f"""
            select p.period_id, t.attendee as part from conference_attendance t
            join conferences k on k.id = t.conference_id {IN_PERIOD}
            where t.attendee in ('child', 'mother', 'father') and t.invited and t.attended""", by_part=True),
        denominator=counted(f"""
            select p.period_id, t.attendee as part from conference_attendance t
            join conferences k on k.id = t.conference_id {IN_PERIOD}
            where t.attendee in ('child', 'mother', 'father') and t.invited""", by_part=True),
        unit="percent", better="higher", period_type="any", breakdown="attendee", theme="Participation",
        suppress_small=False,
    ),
    Indicator(
        id="conference_agency_attendance",
        title="Agencies attending initial child protection conferences",
        definition="Of the agencies invited to initial child protection conferences held in the period, the "
                   "percentage that attended, in total and by agency.",
        numerator=counted(f"""
            select p.period_id, a.code as part from conference_attendance t
            join conferences k on k.id = t.conference_id {IN_PERIOD}
            join agencies a on a.id = t.agency_id
            where t.attendee = 'agency' and k.kind = 'initial' and t.invited and t.attended""", by_part=True),
        denominator=counted(f"""
            select p.period_id, a.code as part from conference_attendance t
            join conferences k on k.id = t.conference_id {IN_PERIOD}
            join agencies a on a.id = t.agency_id
            where t.attendee = 'agency' and k.kind = 'initial' and t.invited""", by_part=True),
        unit="percent", better="higher", period_type="any", breakdown="agency", theme="Participation",
        suppress_small=False,
    ),
)
