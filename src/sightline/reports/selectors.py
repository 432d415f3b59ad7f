"""Every read of the reports app, behind the permission that allows it."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from sightline.core import access
from sightline.reports.figures import Figures, figures_load, members_of
from sightline.reports.models import NarrativeBlock, Target


def area_name() -> str:
    """The local authority's name, from the partnership's ("Doncaster Safeguarding Children Partnership")."""
    name = settings.SIGHTLINE_PARTNERSHIP_NAME
    return name.split(" Safeguarding")[0] if " Safeguarding" in name else name


def figures_for(*, user) -> Figures:
    access.require(user, "reports.view_dashboard")
    return figures_load(la_code=settings.SIGHTLINE_LA_CODE)


# A drill-down lists at most this many children; the rest are counted.
CHILDREN_SHOWN = 200
# Ids per query when matching members to the people a user may see (under SQLite's variable limit).
_IDS_PER_QUERY = 2000


@dataclass(frozen=True)
class ChildrenBehind:
    """The children behind a figure whom one user may see: the first CHILDREN_SHOWN by name."""

    people: list[dict]
    total: int
    # Counted by the figure, but not people this user may see (another agency's, or sealed).
    not_visible: int

    @property
    def rest(self) -> int:
        return self.total - len(self.people)


def children_behind(*, user, indicator_id: str, period_start: dt.date, period_end: dt.date) -> ChildrenBehind | None:
    """None for a user who may see no people (the board, scrutineers, analysts): the figure's ids are
    not even worked out for them. Otherwise the members the user may see, by name."""
    access.require(user, "reports.view_dashboard")
    if not access.works_with_people(user):
        return None
    ids = members_of(indicator_id, period_start, period_end)
    visible = access.visible_people(user)
    found = []
    for start in range(0, len(ids), _IDS_PER_QUERY):
        found += visible.filter(pk__in=ids[start:start + _IDS_PER_QUERY]).values(
            "pk", "forename", "surname", "date_of_birth", "la_child_id")
    found.sort(key=lambda p: (p["surname"].lower(), p["forename"].lower(), p["pk"]))
    return ChildrenBehind(people=found[:CHILDREN_SHOWN], total=len(found), not_visible=len(ids) - len(found))


def targets_all(*, user) -> dict[str, Target]:
    access.require(user, "reports.view_dashboard")
    return {t.indicator_id: t for t in Target.objects.all()}


def narratives_for(*, user, date_from: dt.date, date_to: dt.date) -> dict[tuple[str, str], str]:
    access.require(user, "reports.view_report")
    return {(b.section, b.kind): b.text for b in NarrativeBlock.objects.filter(period_start=date_from,
                                                                               period_end=date_to)}


def narrative_history(*, user, section: str, date_from: dt.date, date_to: dt.date):
    access.require(user, "reports.edit_narrative")
    return NarrativeBlock.history.filter(section=section, period_start=date_from, period_end=date_to) \
        .select_related("history_user").order_by("-history_date")


# The codes the indicators break their figures down by, in words (statutory codes first).
PART_LABELS = {"NEG": "Neglect", "PHY": "Physical abuse", "SAB": "Sexual abuse", "EMO": "Emotional abuse",
               "MUL": "Multiple categories", "child": "Children and young people", "mother": "Mothers",
               "father": "Fathers", "hub": "Domestic Abuse Hub", "idva": "Independent Domestic Violence Advisers",
               "marac": "MARAC", "low": "Low risk", "medium": "Medium risk", "high": "High risk",
               "crime": "Domestic abuse crimes", "non_crime": "Domestic abuse non-crime incidents"}


def breakdown_groups() -> dict[str, str]:
    """Agencies counted together in the report, as the seed report counts them: every school as
    "Education", health bodies as "Health", voluntary organisations as "Voluntary sector"."""
    from sightline.organisations.models import Agency, AgencyKind

    pooled = {AgencyKind.SCHOOL: "Education (schools)", AgencyKind.HEALTH_PROVIDER: "Health",
              AgencyKind.HEALTH_COMMISSIONER: "Health", AgencyKind.VOLUNTARY: "Voluntary sector",
              AgencyKind.OTHER: "Other organisations"}
    return {code: pooled[kind] for code, kind in Agency.objects.values_list("code", "kind") if kind in pooled}


def breakdown_labels() -> dict[str, str]:
    """Readable names for the parts of a figure: agencies by their code, categories of abuse by theirs."""
    from sightline.organisations.models import Agency

    return dict(Agency.objects.values_list("code", "name")) | PART_LABELS
