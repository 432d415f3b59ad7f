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

START_PAGES = {
    Role.MASH_WORKER: ("Front door", "Contacts waiting for a decision, agency checks and the clock.", [SEARCH]),
    Role.MASH_MANAGER: ("Front door management", "Rate contacts, sign off decisions, see what is overdue.",
                        [SEARCH]),
    Role.SOCIAL_WORKER: ("Your children", "Children you work with and what is due.", [SEARCH]),
    Role.CONFERENCE_CHAIR: ("Conferences and reviews", "Conferences and reviews you chair and their timescales.",
                            [SEARCH]),
    Role.PANEL_COORDINATOR: ("Panels", "MACE, MARAC and the other panels you coordinate.", [SEARCH]),
    Role.AGENCY_CONTRIBUTOR: ("Your agency's work", "Checks addressed to your agency and children you work with.",
                              [SEARCH]),
    Role.BUSINESS_UNIT: ("Partnership business unit", "Returns, audits, reviews, training and the reports.", []),
    Role.ANALYST: ("Analysis", "Returns, indicators and benchmarks.", []),
    Role.BOARD_MEMBER: ("The partnership's line of sight", "The dashboard and the reports.", []),
    Role.SCRUTINEER: ("Independent scrutiny", "The dashboard, the reports and the audit findings.", []),
    Role.ADMINISTRATOR: ("Administration", "Set up agencies, teams and users.", [ADMIN]),
}


def start_page_for(user) -> dict:
    heading, lede, tasks = START_PAGES.get(user.role, ("Sightline", "", []))
    return {"heading": heading, "lede": lede, "tasks": [t for t in tasks if t.url]}
