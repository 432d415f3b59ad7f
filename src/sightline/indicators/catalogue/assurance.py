"""The partnership's own work: training, serious incidents and case reviews."""

from sightline.indicators.catalogue.base import Indicator, counted

SESSION_IN_PERIOD = ("join training_sessions s on s.id = t.session_id "
                     "join periods p on s.date between p.period_start and p.period_end")

INDICATORS = (
    Indicator(
        id="training_attendance_pct",
        title="Training places attended",
        definition="Places booked on partnership training sessions held in the period that were attended, as a "
                   "percentage of places booked; in total and by the attendee's agency.",
        numerator=counted(f"select p.period_id, a.code as part from training_attendance t {SESSION_IN_PERIOD} "
                          f"join agencies a on a.id = t.agency_id where t.attended", by_part=True),
        denominator=counted(f"select p.period_id, a.code as part from training_attendance t {SESSION_IN_PERIOD} "
                            f"join agencies a on a.id = t.agency_id", by_part=True),
        unit="percent", better="higher", period_type="any", breakdown="agency", theme="Training",
        suppress_small=False,
    ),
    Indicator(
        id="training_feedback_good_pct",
        title="Training rated good or better",
        definition="Evaluations of training sessions held in the period scoring 4 or 5 (of 5), as a percentage of "
                   "evaluations returned.",
        numerator=counted(f"select p.period_id from training_attendance t {SESSION_IN_PERIOD} "
                          f"where t.feedback_score >= 4"),
        denominator=counted(f"select p.period_id from training_attendance t {SESSION_IN_PERIOD} "
                            f"where t.feedback_score is not null"),
        unit="percent", better="higher", period_type="any", theme="Training", suppress_small=False,
    ),
    Indicator(
        id="training_confidence_raised_pct",
        title="Attendees more confident after training",
        definition="Attendees of sessions held in the period whose confidence after the session was higher than "
                   "before it, as a percentage of attendees who gave both.",
        numerator=counted(f"select p.period_id from training_attendance t {SESSION_IN_PERIOD} "
                          f"where t.confidence_after > t.confidence_before"),
        denominator=counted(f"select p.period_id from training_attendance t {SESSION_IN_PERIOD} "
                            f"where t.confidence_after is not null and t.confidence_before is not null"),
        unit="percent", better="higher", period_type="any", theme="Training", suppress_small=False,
    ),
    Indicator(
        id="serious_incidents_notified_in_time",
        title="Serious incidents notified in time",
        definition="Serious incidents the local authority became aware of in the period that were notified to the "
                   "Child Safeguarding Practice Review Panel by the due date (5 working days, Working Together), "
                   "as a percentage of those incidents.",
        numerator=counted("""
            select p.period_id from serious_incidents i
            join periods p on i.la_aware_date between p.period_start and p.period_end
            where i.notified_date <= i.notification_due"""),
        denominator=counted("""
            select p.period_id from serious_incidents i
            join periods p on i.la_aware_date between p.period_start and p.period_end"""),
        unit="percent", better="higher", period_type="any", theme="Case reviews", suppress_small=False,
        day_zero="The due date is stored by the service that records the incident (sightline.assurance).",
    ),
    Indicator(
        id="rapid_reviews_in_time",
        title="Rapid reviews completed in time",
        definition="Rapid reviews completed (sent to the Panel) in the period on or before their due date (15 "
                   "working days, Working Together), as a percentage of rapid reviews completed in the period.",
        numerator=counted("""
            select p.period_id from rapid_reviews r
            join periods p on r.completed_date between p.period_start and p.period_end
            where r.completed_date <= r.due_date"""),
        denominator=counted("""
            select p.period_id from rapid_reviews r
            join periods p on r.completed_date between p.period_start and p.period_end"""),
        unit="percent", better="higher", period_type="any", theme="Case reviews", suppress_small=False,
    ),
    Indicator(
        id="case_reviews_published_in_time",
        title="Practice reviews published in time",
        definition="Local child safeguarding practice reviews and local learning reviews published in the period "
                   "on or before their due date (6 months from the decision, Working Together), as a percentage "
                   "of those published in the period.",
        numerator=counted("""
            select p.period_id from case_reviews r
            join periods p on r.published_date between p.period_start and p.period_end
            where r.published_date <= r.due_date"""),
        denominator=counted("""
            select p.period_id from case_reviews r
            join periods p on r.published_date between p.period_start and p.period_end"""),
        unit="percent", better="higher", period_type="any", theme="Case reviews", suppress_small=False,
    ),
    Indicator(
        id="case_reviews_overdue",
        title="Practice reviews open past their due date",
        definition="Practice reviews decided on or before the end of the period, not published by it, whose due "
                   "date had passed by then.",
        numerator=counted("""
            select p.period_id from case_reviews r
            join periods p on r.decision_date <= p.period_end
             and (r.published_date is null or r.published_date > p.period_end)
            where r.due_date < p.period_end"""),
        unit="count", better="lower", period_type="snapshot", theme="Case reviews", suppress_small=False,
    ),
)
