"""Who may see the dashboard and the reports, and who may change the partnership's words and targets.

The dashboard and the reports show figures, never people, so they are open to the roles that
govern and manage the partnership. Agency contributors are left out: they see their own agency's
work elsewhere and the partnership's figures in the published report. The internal version of a
report shows small numbers and is kept to the business unit and the analysts who prepare it.
"""

import rules

from sightline.organisations.models import Role

FIGURE_ROLES = frozenset({Role.BOARD_MEMBER, Role.SCRUTINEER, Role.ANALYST, Role.BUSINESS_UNIT,
                          Role.MASH_MANAGER, Role.CONFERENCE_CHAIR})
PREPARER_ROLES = frozenset({Role.BUSINESS_UNIT, Role.ANALYST})


def _role_in(roles):
    @rules.predicate
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.is_active and user.role in roles)
    return predicate


sees_figures = _role_in(FIGURE_ROLES)
prepares_reports = _role_in(PREPARER_ROLES)
is_business_unit = _role_in({Role.BUSINESS_UNIT})

rules.add_perm("reports.view_dashboard", sees_figures)
rules.add_perm("reports.view_report", sees_figures)
rules.add_perm("reports.view_internal_report", prepares_reports)
rules.add_perm("reports.edit_narrative", is_business_unit)
rules.add_perm("reports.set_target", is_business_unit)
