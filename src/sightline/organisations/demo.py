"""Demo partner agencies and one user per role, for `make demo`. Never used in production mode."""

import secrets

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from sightline.organisations.models import Agency, AgencyKind, Role, Team, TeamKind, User

DEMO_AGENCIES = [
    ("doncaster-council", "City of Doncaster Council", AgencyKind.LOCAL_AUTHORITY, {"la_code": "371"}),
    ("doncaster-childrens-trust", "Doncaster Children's Services Trust", AgencyKind.CHILDRENS_SERVICES,
     {"la_code": "371"}),
    ("south-yorkshire-police", "South Yorkshire Police", AgencyKind.POLICE, {}),
    ("doncaster-icb", "NHS South Yorkshire Integrated Care Board (Doncaster)", AgencyKind.HEALTH_COMMISSIONER, {}),
    ("rdash", "Rotherham Doncaster and South Humber NHS Foundation Trust", AgencyKind.HEALTH_PROVIDER, {}),
    ("dbth", "Doncaster and Bassetlaw Teaching Hospitals", AgencyKind.HEALTH_PROVIDER, {}),
    ("hall-cross-academy", "Hall Cross Academy", AgencyKind.SCHOOL, {"urn": "136916"}),
    ("probation-south-yorkshire", "Probation Service, South Yorkshire", AgencyKind.PROBATION, {}),
]

DEMO_USERS = [
    ("mash.worker", "Maya", "Khan", Role.MASH_WORKER, "doncaster-childrens-trust", "Front door (MASH)"),
    ("mash.manager", "Dev", "Patel", Role.MASH_MANAGER, "doncaster-childrens-trust", "Front door (MASH)"),
    ("social.worker", "Sam", "Okafor", Role.SOCIAL_WORKER, "doncaster-childrens-trust", "Child protection"),
    ("conference.chair", "Ruth", "Allen", Role.CONFERENCE_CHAIR, "doncaster-childrens-trust",
     "Safeguarding and reviewing unit"),
    ("panel.coordinator", "Lee", "Brown", Role.PANEL_COORDINATOR, "doncaster-council", "Partnership business unit"),
    ("police.officer", "Chris", "Walsh", Role.AGENCY_CONTRIBUTOR, "south-yorkshire-police", "Public protection unit"),
    ("health.visitor", "Priya", "Shah", Role.AGENCY_CONTRIBUTOR, "rdash", "Health visiting"),
    ("school.dsl", "Jo", "Turner", Role.AGENCY_CONTRIBUTOR, "hall-cross-academy", "Safeguarding"),
    ("business.unit", "Alex", "Green", Role.BUSINESS_UNIT, "doncaster-council", "Partnership business unit"),
    ("analyst", "Kim", "Lowe", Role.ANALYST, "doncaster-council", "Partnership business unit"),
    ("board.member", "Pat", "Reid", Role.BOARD_MEMBER, "doncaster-council", "Partnership business unit"),
    ("scrutineer", "Jan", "Ellis", Role.SCRUTINEER, "doncaster-council", "Partnership business unit"),
    ("admin", "Ash", "Young", Role.ADMINISTRATOR, None, None),
]

TEAM_KINDS = {"Front door (MASH)": TeamKind.MASH, "Child protection": TeamKind.CHILD_PROTECTION,
              "Safeguarding and reviewing unit": TeamKind.SAFEGUARDING_UNIT,
              "Partnership business unit": TeamKind.BUSINESS_UNIT}


def demo_agencies_ensure() -> dict[str, Agency]:
    agencies = {}
    for code, name, kind, extra in DEMO_AGENCIES:
        agencies[code], _ = Agency.objects.update_or_create(code=code, defaults={"name": name, "kind": kind, **extra})
    return agencies


def _demo_password() -> str:
    path = settings.VAR_DIR / "demo_password"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(9))
        path.chmod(0o600)
    return path.read_text().strip()


@transaction.atomic
def demo_users_ensure(*, password: str | None = None) -> list[tuple[User, str]]:
    if settings.PRODUCTION:
        raise ImproperlyConfigured("Demo users are never created in production mode.")
    password = password or _demo_password()
    agencies = demo_agencies_ensure()
    made = []
    for username, first, last, role, agency_code, team_name in DEMO_USERS:
        agency = agencies.get(agency_code)
        team = None
        if agency and team_name:
            team, _ = Team.objects.get_or_create(agency=agency, name=team_name,
                                                 defaults={"kind": TEAM_KINDS.get(team_name, TeamKind.OPERATIONAL)})
        user, _ = User.objects.update_or_create(username=username, defaults={
            "first_name": first, "last_name": last, "role": role, "agency": agency, "team": team,
            "is_staff": role == Role.ADMINISTRATOR, "is_superuser": role == Role.ADMINISTRATOR})
        user.set_password(password)
        user.save()
        made.append((user, password))
    return made
