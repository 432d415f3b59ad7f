"""Domestic abuse, exploitation and multi-agency panels: one module per idea, imported here for Django."""

from sightline.panels.models.domestic_abuse import (
    DashRiskLevel,
    DomesticAbuseIncident,
    DomesticAbuseIncidentChild,
    DomesticAbuseReferral,
    DomesticAbuseRoute,
    OperationEncompassNotification,
)
from sightline.panels.models.panel import (
    ExploitationType,
    Panel,
    PanelAction,
    PanelCase,
    PanelCaseReview,
    PanelKind,
    PanelMeeting,
    PanelRiskLevel,
)
from sightline.panels.models.risk import ANSWERS, RiskAssessment, RiskTool

__all__ = [
    "ANSWERS",
    "DashRiskLevel",
    "DomesticAbuseIncident",
    "DomesticAbuseIncidentChild",
    "DomesticAbuseReferral",
    "DomesticAbuseRoute",
    "ExploitationType",
    "OperationEncompassNotification",
    "Panel",
    "PanelAction",
    "PanelCase",
    "PanelCaseReview",
    "PanelKind",
    "PanelMeeting",
    "PanelRiskLevel",
    "RiskAssessment",
    "RiskTool",
]
