"""What each role sees first: the few things that person came to do."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from sightline.organisations.models import Role


@dataclass(frozen=True)
class Task:
    title: str
    description: str
    url_name: str

    @property
    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


SEARCH = Task("Find a child or adult", "Search by name, date of birth or any identifier.", "people:search")
ADMIN = Task("Administration", "Agencies, teams, users, closure days and the access log.", "admin:index")
QUEUE = Task("Contacts waiting for a decision", "Rated by urgency, with the time left on each.", "frontdoor:queue")
TELL = Task("Tell the front door about a child", "A concern about a child, from any agency.", "frontdoor:submit")
CHECKS = Task("Checks from the front door", "What the front door has asked your agency.", "frontdoor:checks")
DASHBOARD = Task("The line of sight", "Every indicator against England, the region, neighbours and targets.",
                 "reports:dashboard")
ANNUAL = Task("The annual report", "Read or download it for any period; the business unit writes its words.",
              "reports:annual")

START_PAGES = {
    Role.MASH_WORKER: ("Front door", "Contacts waiting for a decision, agency checks and the clock.",
                       [QUEUE, SEARCH]),
    Role.MASH_MANAGER: ("Front door management", "Rate contacts, sign off decisions, see what is overdue.",
                        [QUEUE, SEARCH, DASHBOARD]),
    Role.SOCIAL_WORKER: ("Your children", "Children you work with and what is due.", [SEARCH]),
    Role.CONFERENCE_CHAIR: ("Conferences and reviews", "Conferences and reviews you chair and their timescales.",
                            [SEARCH]),
    Role.PANEL_COORDINATOR: ("Panels", "MACE, MARAC and the other panels you coordinate.", [SEARCH]),
    Role.AGENCY_CONTRIBUTOR: ("Your agency's work", "Checks addressed to your agency and children you work with.",
                              [TELL, CHECKS, SEARCH]),
    Role.BUSINESS_UNIT: ("Partnership business unit", "Returns, audits, reviews, training and the reports.",
                         [ANNUAL, DASHBOARD]),
    Role.ANALYST: ("Analysis", "Returns, indicators and benchmarks.", [DASHBOARD, ANNUAL]),
    Role.BOARD_MEMBER: ("The partnership's line of sight", "The dashboard and the reports.", [DASHBOARD, ANNUAL]),
    Role.SCRUTINEER: ("Independent scrutiny", "The dashboard, the reports and the audit findings.",
                       [DASHBOARD, ANNUAL]),
    Role.ADMINISTRATOR: ("Administration", "Set up agencies, teams and users.", [ADMIN]),
}


def start_page_for(user) -> dict:
    heading, lede, tasks = START_PAGES.get(user.role, ("Sightline", "", []))
    return {"heading": heading, "lede": lede, "tasks": [t for t in tasks if t.url]}
