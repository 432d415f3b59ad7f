"""The annual report's sections, as the seed report sets them out, and the dashboard's groups.

Declared as data: each section names its tables and graphs, each of which names the indicator it is
drawn from; every section takes the partnership's narrative blocks. A section with no figures (the
seed's local context, Section 11 self-assessment, audits, independent scrutiny...) appears in the
report once the business unit has written its words. The builder reads this; nothing else decides
the layout.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    # month_pivot, month_line, quarter_points, comparators, comparator_chart, shares, year_change, key_figures
    kind: str
    indicator_id: str
    number: str = ""
    title: str = ""
    noun: str = ""
    y_title: str = ""
    lines: tuple[tuple[str, str], ...] = ()
    items: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    items: tuple[Item, ...] = ()
    intro: str = ""
    dashboard: tuple[str, ...] = field(default=())


SECTIONS = (
    Section("introduction", "Introduction", intro=(
        "This report sets out how well the partners safeguarded children in the period, from the figures "
        "the partnership holds and the published figures for England, the region and statistical neighbours.")),
    Section("local-context", "Local context"),
    Section("priorities", "The partnership's priorities"),
    Section("pandemic", "Response to the pandemic"),
    Section("assurance", "Assurance and inspection"),
    Section("early-help", "Early help", items=(
        Item("month_line", "early_help_open_per_10k", "Graph 1",
             "Number of children and families open to early help per 10,000 population",
             noun="Children open to early help per 10,000", y_title="Per 10,000 children"),
        Item("shares", "early_help_lead_by_agency", "Graph 2", "Lead practitioner role by organisation",
             noun="held the lead practitioner role for", y_title="Children with a lead practitioner"),
    ), dashboard=("early_help_open_per_10k", "early_help_starts", "early_help_lead_by_agency")),
    Section("front-door", "Multi-agency Safeguarding Hub", items=(
        Item("month_pivot", "contacts_per_month", "Table 1", "Multi-agency Safeguarding Hub contacts by month",
             noun="Contacts"),
        Item("month_line", "contacts_to_early_help_pct", "Graph 3", "Percentage of contacts transferred to early help",
             noun="The share of contacts transferred to early help", y_title="Per cent of contacts"),
        Item("shares", "contacts_to_early_help_pct", title="Contacts transferred to early help, by provider",
             noun="received the most contacts transferred to early help:"),
        Item("month_line", "assessments_within_45wd", "Graph 4", "Assessments in timescale (45 working days)",
             noun="Assessments completed within 45 working days", y_title="Per cent of assessments"),
        Item("comparators", "re_referral_rate_12m", "Table 2",
             "Percentage of re-referrals to children's social care within 12 months of a previous referral",
             noun="the re-referral rate"),
    ), dashboard=("contacts_per_month", "contact_decision_within_1wd", "contacts_to_early_help_pct",
                  "re_referral_rate_12m", "assessments_within_45wd")),
    Section("child-protection", "Child protection", items=(
        Item("key_figures", "icpc_count", title="Child protection conferences and plans", items=(
            ("icpc_count", "Initial child protection conferences held"),
            ("icpc_children", "Children at initial child protection conferences"),
            ("cpp_starts", "Children becoming subject to a child protection plan"),
            ("review_conferences", "Review child protection conferences held"),
            ("icpc_within_15wd", "Initial conferences within 15 working days"),
            ("cpp_reviews_in_time", "Child protection plans reviewed in time"),
        )),
        Item("key_figures", "cpp_second_or_subsequent", "Graph 5", "Number of repeat child protection plans",
             y_title="Plans started", items=(
                 ("cpp_starts", "Child protection plans started"),
                 ("cpp_second_or_subsequent", "Second or subsequent plans"))),
    ), dashboard=("icpc_count", "icpc_within_15wd", "cpp_reviews_in_time", "cpp_second_or_subsequent_pct",
                  "cpp_rate_per_10k")),
    Section("children-in-care", "Children in care", items=(
        Item("comparator_chart", "cla_rate_per_10k", "Graph 6",
             "Number of children looked after at the end of the period, per 10,000 population",
             noun="the rate of children looked after per 10,000", y_title="Per 10,000 children"),
        Item("key_figures", "cla_at_end", title="Children in care", items=(
            ("cla_at_end", "Children looked after at the end of the year"),
            ("cla_starts", "Children starting to be looked after"),
            ("cla_ceases", "Children ceasing to be looked after"),
            ("cla_reviews_in_time", "Looked-after reviews held in time"))),
    ), dashboard=("cla_rate_per_10k", "cla_at_end", "cla_reviews_in_time")),
    Section("care-leavers", "Care leavers", items=(
        Item("key_figures", "care_leavers_19_21_eet_pct", title="Care leavers", items=(
            ("care_leavers_19_21_eet_pct", "Care leavers aged 19 to 21 in education, employment or training"),)),
    ), dashboard=("care_leavers_19_21_eet_pct",)),
    Section("section-11", "Section 11 self-assessment"),
    Section("audits", "Multi-agency audits"),
    Section("practitioners-forum", "Practitioners forum"),
    Section("participation", "Children's participation in child protection conferences", items=(
        Item("shares", "conference_family_attendance", title="Children and parents attending conferences",
             noun="were the most likely to attend:", y_title="Attendances"),
        Item("shares", "conference_agency_attendance", title="Agencies attending initial child protection conferences",
             noun="attended most often:", y_title="Attendances"),
    ), dashboard=("conference_family_attendance", "conference_agency_attendance")),
    Section("young-advisors", "Young advisors"),
    Section("neglect", "Neglect", items=(
        Item("quarter_points", "early_help_neglect_open", "Table 4",
             "Early help open cases where neglect is a feature", noun="Early help cases with neglect as a feature",
             lines=(("Early help open cases where neglect is a feature", "value"),)),
        Item("quarter_points", "contacts_neglect_pct", "Table 5", "Social care contacts in relation to neglect",
             noun="The share of contacts about neglect",
             lines=(("Total contacts", "denominator"), ("Contacts about neglect", "numerator"),
                    ("Rate of contacts with neglect (%)", "value"))),
        Item("shares", "cpp_category_pct", title="Child protection plans by category of abuse",
             noun="was the most common category:", y_title="Plans"),
    ), dashboard=("contacts_neglect_pct", "early_help_neglect_open")),
    Section("domestic-abuse", "Domestic abuse", items=(
        Item("year_change", "da_referrals_by_route", "Table 6", "Domestic abuse referrals, by route"),
        Item("year_change", "da_incidents", title="Domestic abuse incidents recorded by the police"),
        Item("shares", "da_repeat_victims_pct", title="Repeat victims, by route", noun="had the most repeat victims:"),
        Item("month_line", "contacts_domestic_abuse_pct", title="Contacts about domestic abuse",
             noun="The share of contacts about domestic abuse", y_title="Per cent of contacts"),
    ), dashboard=("contacts_domestic_abuse_pct", "da_referrals_by_route", "da_repeat_victims_pct", "da_incidents")),
    Section("mental-health", "Mental health and wellbeing", items=(
        Item("comparators", "mental_health_admissions_per_100k", "Table 7",
             "Inpatient admission rate for mental health disorders per 100,000 population aged 0-17",
             noun="the admission rate"),
        Item("key_figures", "mental_health_admissions", title="Children's A&E attendances and admissions",
             items=(("mental_health_admissions", "Mental health inpatient admissions of children"),
                    ("ae_self_harm_attendances", "A&E attendances of children for self-harm"),
                    ("ae_self_harm_per_10k", "A&E attendances for self-harm per 10,000 children"),
                    ("self_harm_repeat_pct", "Children attending A&E for self-harm again within 12 months"))),
        Item("month_pivot", "ae_self_harm_attendances", title="A&E attendances of children for self-harm by month",
             noun="A&E attendances for self-harm"),
    ), dashboard=("mental_health_admissions_per_100k", "mental_health_admissions", "ae_self_harm_attendances",
                  "self_harm_repeat_pct")),
    Section("exploitation", "Exploitation", items=(
        Item("shares", "mace_cohort_by_risk", title="Children tracked at the Multi-agency Child Exploitation panel, "
             "by risk level", noun="was the largest group:"),
    ), dashboard=("mace_cohort_by_risk",)),
    Section("complex-abuse", "Complex abuse investigation"),
    Section("practice-reviews", "Child safeguarding practice reviews", items=(
        Item("key_figures", "rapid_reviews_in_time", title="Serious incidents, rapid reviews and practice reviews",
             items=(("serious_incidents_notified_in_time", "Serious incidents notified in time"),
                    ("rapid_reviews_in_time", "Rapid reviews completed in time"),
                    ("case_reviews_published_in_time", "Practice reviews published in time"),
                    ("case_reviews_overdue", "Practice reviews overdue"))),
    ), dashboard=("serious_incidents_notified_in_time", "rapid_reviews_in_time", "case_reviews_published_in_time",
                  "case_reviews_overdue")),
    Section("training", "Multi-agency safeguarding training", items=(
        Item("key_figures", "training_attendance_pct", title="Multi-agency safeguarding training", items=(
            ("training_attendance_pct", "Places booked that were attended"),
            ("training_feedback_good_pct", "Feedback agreeing the training was a good use of time"),
            ("training_confidence_raised_pct", "Feedback reporting more confidence in safeguarding"))),
        Item("shares", "training_attendance_pct", title="Training places attended, by agency",
             noun="attended most often:"),
    ), dashboard=("training_attendance_pct", "training_feedback_good_pct", "training_confidence_raised_pct")),
    Section("procedures", "Multi-agency safeguarding procedures"),
    Section("scrutiny", "Independent scrutiny"),
    Section("next-priorities", "Priorities for the coming year"),
)

SECTIONS_BY_SLUG = {s.slug: s for s in SECTIONS}

# The dashboard's groups, in the seed's order: each a section's own indicators.
DASHBOARD_GROUPS = tuple((s.slug, s.title, s.dashboard) for s in SECTIONS if s.dashboard)
