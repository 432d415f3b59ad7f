"""Who may validate returns: the partnership's analysts and business unit, who load and check them."""

import rules

from sightline.organisations.models import Role

RETURN_ROLES = frozenset({Role.ANALYST, Role.BUSINESS_UNIT})


@rules.predicate
def works_with_returns(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.agency_id and user.role in RETURN_ROLES)


rules.add_perm("returns.validate_return", works_with_returns)
