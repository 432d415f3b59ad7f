"""The agencies, teams and staff of a synthetic partnership.

Doncaster's named partners are those of sightline.organisations.demo, so the demo users and the
synthetic record share one set of agencies; other authorities get the same shape under their
own name.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.organisations.demo import DEMO_AGENCIES
from sightline.organisations.models import AgencyKind, Role, TeamKind
from sightline.synth.names import BOYS, GIRLS, SURNAMES
from sightline.synth.profile import DONCASTER, Profile

PARTNER_ROLES = ("council", "trust", "police", "icb", "community_health", "hospital", "probation", "voluntary")
_DONCASTER_CODES = {"council": "doncaster-council", "trust": "doncaster-childrens-trust",
                    "police": "south-yorkshire-police", "icb": "doncaster-icb", "community_health": "rdash",
                    "hospital": "dbth", "probation": "probation-south-yorkshire",
                    "voluntary": "doncaster-family-support"}
_KINDS = {"council": AgencyKind.LOCAL_AUTHORITY, "trust": AgencyKind.CHILDRENS_SERVICES, "police": AgencyKind.POLICE,
          "icb": AgencyKind.HEALTH_COMMISSIONER, "community_health": AgencyKind.HEALTH_PROVIDER,
          "hospital": AgencyKind.HEALTH_PROVIDER, "probation": AgencyKind.PROBATION,
          "voluntary": AgencyKind.VOLUNTARY}
_NAMES = {"council": "{} Council", "trust": "{} Children's Services", "police": "{} Police",
          "icb": "NHS Integrated Care Board ({})", "community_health": "{} Community Health Services",
          "hospital": "{} Hospitals", "probation": "Probation Service ({})", "voluntary": "{} Family Support"}

# Teams of the children's services provider (and the council's early help), with staff per team.
_TEAMS = [("Front door (MASH)", TeamKind.MASH, Role.MASH_WORKER, 14),
          ("Front door (MASH)", TeamKind.MASH, Role.MASH_MANAGER, 4), ("Assessment", TeamKind.ASSESSMENT,
          Role.SOCIAL_WORKER, 30), ("Child protection", TeamKind.CHILD_PROTECTION, Role.SOCIAL_WORKER, 40),
          ("Children in care", TeamKind.CHILDREN_IN_CARE, Role.SOCIAL_WORKER, 30),
          ("Leaving care", TeamKind.LEAVING_CARE, Role.SOCIAL_WORKER, 12),
          ("Safeguarding and reviewing unit", TeamKind.SAFEGUARDING_UNIT, Role.CONFERENCE_CHAIR, 12)]


def slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def partner_codes(profile: Profile) -> dict[str, str]:
    if profile.la_code == DONCASTER:
        return dict(_DONCASTER_CODES)
    prefix = slug(profile.la_name)
    return {role: f"{prefix}-{role.replace('_', '-')}" for role in PARTNER_ROLES}


def agencies_frame(profile: Profile, schools: pl.DataFrame, gps: pl.DataFrame) -> pl.DataFrame:
    codes = partner_codes(profile)
    demo = {code: (name, kind, extra) for code, name, kind, extra in DEMO_AGENCIES}
    rows = []
    for role, code in codes.items():
        name, kind, extra = demo.get(code, (_NAMES[role].format(profile.la_name), _KINDS[role], {}))
        # Only the council carries the DfE LA code (Doncaster's demo trust has it too): the returns
        # are the authority's, and sightline.returns finds the authority by that code.
        la = str(profile.la_code) if role == "council" else extra.get("la_code", "")
        rows.append((code, name, str(kind), extra.get("urn", ""), "", la))
    prefix = slug(profile.la_name)
    rows += [(f"{prefix}-school-{u}", n, str(AgencyKind.SCHOOL), u, "", "")
             for u, n in zip(schools["urn"], schools["name"])]
    rows += [(f"{prefix}-gp-{o.lower()}", n, str(AgencyKind.HEALTH_PROVIDER), "", o, "")
             for o, n in zip(gps["ods_code"], gps["name"])]
    return pl.DataFrame(rows, schema=["code", "name", "kind", "urn", "ods_code", "la_code"], orient="row")


def school_agency_codes(profile: Profile, urns: np.ndarray) -> np.ndarray:
    return np.where(urns == "", "", np.char.add(f"{slug(profile.la_name)}-school-", urns.astype("U6")))


def staff_frames(rng: np.random.Generator, profile: Profile) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Teams and their staff, sized to the authority (Doncaster: about 140 social care staff)."""
    codes = partner_codes(profile)
    scale = max(0.1, profile.children / 64_000)
    teams, users = [], []
    for name, kind, role, size in _TEAMS:
        if (codes["trust"], name, str(kind)) not in teams:
            teams.append((codes["trust"], name, str(kind)))
        n = max(1, round(size * scale))
        sex = rng.random(n) < 0.8
        first = np.where(sex, rng.choice(GIRLS, n), rng.choice(BOYS, n))
        last = rng.choice(SURNAMES, n)
        for i in range(n):
            users.append((f"syn{profile.la_code:03d}.{slug(role.label)[:12]}.{len(users) + 1}", str(first[i]),
                          str(last[i]), str(role), codes["trust"], name))
    teams.append((codes["council"], "Early help", str(TeamKind.EARLY_HELP)))
    return (pl.DataFrame(teams, schema=["agency_code", "name", "kind"], orient="row"),
            pl.DataFrame(users, schema=["username", "first_name", "last_name", "role", "agency_code", "team_name"],
                         orient="row"))
