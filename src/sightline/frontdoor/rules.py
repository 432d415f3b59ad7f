"""Who may do what at the front door, built on sightline.core.access (deny by default).

- The MASH (front door workers and managers in children's social care) sees every contact whose
  people it may see, requests checks and proposes decisions; only a manager rates and signs off.
- Any agency user who works with children may tell the front door of a concern.
- An agency user sees and answers only the checks addressed to their own agency.
Loaded by rules' autodiscovery; the selectors use the same functions for querysets.
"""

import rules

from sightline.core import access
from sightline.organisations.models import Role

FRONT_DOOR_ROLES = frozenset({Role.MASH_WORKER, Role.MASH_MANAGER})


def works_front_door(user) -> bool:
    return access.has_social_care_reach(user) and user.role in FRONT_DOOR_ROLES


def manages_front_door(user) -> bool:
    return works_front_door(user) and user.role == Role.MASH_MANAGER


def may_submit_contact(user) -> bool:
    return access.works_with_people(user)


def may_view_contact(user, contact) -> bool:
    if contact is None or not works_front_door(user):
        return False
    # A sealed person named in the contact closes the contact to everyone not named on the seal.
    linked = [cp.person for cp in contact.people.select_related("person")]
    return all(access.can_view_person(user, person) for person in linked)


def may_view_check(user, check) -> bool:
    if check is None:
        return False
    if works_front_door(user):
        return may_view_contact(user, check.contact)
    return access.works_with_people(user) and user.agency_id == check.agency_id


def may_answer_check(user, check) -> bool:
    return check is not None and check.answered_at is None and access.works_with_people(user) \
        and user.agency_id == check.agency_id


rules.add_perm("frontdoor.work_front_door", rules.predicate(works_front_door))
rules.add_perm("frontdoor.manage_front_door", rules.predicate(manages_front_door))
rules.add_perm("frontdoor.submit_contact", rules.predicate(may_submit_contact))
rules.add_perm("frontdoor.view_contact", rules.predicate(may_view_contact))
rules.add_perm("frontdoor.view_check", rules.predicate(may_view_check))
rules.add_perm("frontdoor.answer_check", rules.predicate(may_answer_check))
