"""The statutory and local clocks, as data. docs/clocks.md lists them for readers.

Sources and verification marks are those of /reference/statutory.md section 1:
V-primary (checked against the legislation or DfE text), V-secondary (restated by local
procedures), Unverified (local practice, no source found). A clock marked overridable is local
practice; the partnership may set its own rule for it (models.ClockOverride). Every clock's
amber and red thresholds may be set locally.
"""

from __future__ import annotations

from dataclasses import dataclass

from sightline.core.clocks.rules import Rule, Unit

WT = "Working Together to Safeguard Children 2018 (carried into WT2023)"
CARE_PLANNING_REGS = "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)"


@dataclass(frozen=True)
class Clock:
    id: str
    title: str
    starts: str
    met_by: str
    rule: Rule
    source: str
    verification: str
    overridable: bool = False
    amber_at: float = 0.2
    red_at: float | None = None
    note: str = ""


_CATALOGUE = (
    Clock("contact_decision", "Decision on a contact or referral",
          starts="Contact or referral received by children's social care",
          met_by="Decision on next steps recorded and the referrer told",
          rule=Rule(1, Unit.WORKING_DAYS), source=f"{WT}: decision within 1 working day of the referral",
          verification="V-secondary"),
    Clock("assessment", "Child and family assessment (Working Together)",
          starts="Referral received", met_by="Assessment authorised",
          rule=Rule(45, Unit.WORKING_DAYS), source=f"{WT}: at most 45 working days from the point of referral",
          verification="V-secondary",
          note="DfE statistics count from the assessment start instead: see assessment_from_start."),
    Clock("assessment_from_start", "Child and family assessment (DfE measure)",
          starts="Assessment actual start date", met_by="Assessment authorised",
          rule=Rule(45, Unit.WORKING_DAYS),
          source="DfE Characteristics of children in need, table C2 (duration bands from start to authorisation)",
          verification="V-primary"),
    Clock("initial_child_protection_conference", "Initial child protection conference",
          starts="Strategy discussion at which section 47 enquiries were started",
          met_by="Initial child protection conference held",
          rule=Rule(15, Unit.WORKING_DAYS), source=f"{WT}: within 15 working days of the strategy discussion",
          verification="V-secondary",
          note="CIN census S47ActualStartDate and InitialCPCtarget; DfE validation query 8675Q."),
    Clock("core_group_first", "First core group meeting",
          starts="Initial child protection conference", met_by="First core group meeting held",
          rule=Rule(10, Unit.WORKING_DAYS), source=f"{WT}: within 10 working days of the initial conference",
          verification="V-secondary"),
    Clock("child_protection_review_first", "First child protection review conference",
          starts="Initial child protection conference", met_by="Review conference held",
          rule=Rule(3, Unit.MONTHS),
          source="DfE Characteristics of children in need 2018, table A2 note 4 and D6 note 1",
          verification="V-primary"),
    Clock("child_protection_review_later", "Later child protection review conference",
          starts="Previous review conference", met_by="Review conference held",
          rule=Rule(6, Unit.MONTHS),
          source="DfE Characteristics of children in need 2018, table A2 note 4 and D6 note 1",
          verification="V-primary"),
    Clock("looked_after_review_first", "First looked-after review",
          starts="Child becomes looked after", met_by="Review held",
          rule=Rule(20, Unit.WORKING_DAYS), source=f"{CARE_PLANNING_REGS}, reg 33(1)", verification="V-primary"),
    Clock("looked_after_review_second", "Second looked-after review",
          starts="First looked-after review", met_by="Review held",
          rule=Rule(3, Unit.MONTHS), source=f"{CARE_PLANNING_REGS}, reg 33(2)", verification="V-primary"),
    Clock("looked_after_review_later", "Later looked-after review",
          starts="Previous looked-after review", met_by="Review held",
          rule=Rule(6, Unit.MONTHS), source=f"{CARE_PLANNING_REGS}, reg 33(2)", verification="V-primary",
          note="Earlier if the independent reviewing officer asks, or a reg 33(3) trigger applies."),
    Clock("care_plan", "Care plan",
          starts="Start of the first placement", met_by="Care plan completed",
          rule=Rule(10, Unit.WORKING_DAYS), source=f"{CARE_PLANNING_REGS}, reg 4(2)", verification="V-primary",
          note="Due before the first placement; 10 working days after it only where that was not practicable."),
    Clock("initial_health_assessment", "Initial health assessment",
          starts="Child becomes looked after", met_by="Initial health assessment done",
          rule=Rule(20, Unit.WORKING_DAYS),
          source=f"{CARE_PLANNING_REGS}, reg 7: before the first review (reg 33(1): 20 working days)",
          verification="V-secondary"),
    Clock("serious_incident_notification", "Serious incident notification",
          starts="Local authority becomes aware of the incident",
          met_by="Notification sent to the Child Safeguarding Practice Review Panel",
          rule=Rule(5, Unit.WORKING_DAYS), source="Children Act 2004, s16C(1); Working Together",
          verification="V-secondary"),
    Clock("rapid_review", "Rapid review",
          starts="Serious incident notification sent", met_by="Rapid review sent to the Panel",
          rule=Rule(15, Unit.WORKING_DAYS),
          source="Child Safeguarding Practice Review Panel expectation (non-statutory)", verification="V-secondary"),
    Clock("local_child_safeguarding_practice_review", "Local child safeguarding practice review",
          starts="Decision to start the review", met_by="Review published",
          rule=Rule(6, Unit.MONTHS),
          source="Working Together; Child Safeguarding Practice Review and Relevant Agency (England) "
                 "Regulations 2018 (SI 2018/789), reg 14 (monitoring)",
          verification="V-secondary"),
    Clock("mace_review_high", "MACE review: high risk",
          starts="Last multi-agency child exploitation panel review", met_by="Child reviewed at panel",
          rule=Rule(4, Unit.WEEKS), source="Local MACE practice (no national timescale)",
          verification="Unverified", overridable=True),
    Clock("mace_review_medium", "MACE review: medium risk",
          starts="Last multi-agency child exploitation panel review", met_by="Child reviewed at panel",
          rule=Rule(8, Unit.WEEKS), source="Local MACE practice (no national timescale)",
          verification="Unverified", overridable=True),
    Clock("mace_review_low", "MACE review: low risk",
          starts="Last multi-agency child exploitation panel review", met_by="Child reviewed at panel",
          rule=Rule(12, Unit.WEEKS), source="Local MACE practice (no national timescale)",
          verification="Unverified", overridable=True),
    Clock("operation_encompass", "Operation Encompass notification",
          starts="Police attend a domestic abuse incident involving a child", met_by="School told",
          rule=Rule(1, Unit.NEXT_SCHOOL_DAY),
          source="Victims and Prisoners Act 2024; Home Office statutory guidance on Operation Encompass (2025)",
          verification="V-secondary",
          note="A school day is a working day that is not a school closure date; schools open at 09:00."),
    Clock("lado_referral", "Referral to the designated officer (LADO)",
          starts="Allegation or concern about a person who works with children",
          met_by="Referral made to the LADO",
          rule=Rule(1, Unit.WORKING_DAYS), source="Local procedures (Luton, Sheffield, North Yorkshire, Essex)",
          verification="V-secondary", overridable=True),
)

CLOCKS: dict[str, Clock] = {clock.id: clock for clock in _CATALOGUE}
