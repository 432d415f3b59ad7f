"""Generate one synthetic partnership: people, organisations and activity, as record tables.

`partnership_generate` returns a dict of Polars frames, one per record table (named by the
Django table they load into), plus a few `synth_*` tables the record does not hold (LSOAs,
ground truth). Ids are 1-based within the partnership; the loader shifts them.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from sightline.people.names import NICKNAMES
from sightline.synth.activity import activity_run
from sightline.synth.agencyfeeds import health_presentations, school_attendance
from sightline.synth.care_tables import care_tables
from sightline.synth.casework_tables import casework_tables
from sightline.synth.domestic_abuse import domestic_abuse_tables
from sightline.synth.engine import day, fy_of
from sightline.synth.frontdoor import frontdoor_tables
from sightline.synth.organisations import agencies_frame, partner_codes, school_agency_codes, slug, staff_frames
from sightline.synth.panels import panel_tables
from sightline.synth.population import population_draw
from sightline.synth.profile import Profile
from sightline.synth.quality import quality_tables
from sightline.synth.records import agency_copies
from sightline.synth.reviews import review_tables

DEFAULT_START, DEFAULT_END = date(2017, 4, 1), date(2021, 9, 30)
# The history starts two years before --start, so that measures which look back (re-referrals
# within 12 months, second plans ever, time on a plan or in care) have a past to look at.
WARM_UP_YEARS = 2

Tables = dict[str, pl.DataFrame]


def history_start(start: date) -> np.datetime64:
    return np.datetime64(date(start.year - WARM_UP_YEARS, 4 if start.month >= 4 else 1, 1) if start.month >= 4
                         else date(start.year - WARM_UP_YEARS - 1, 4, 1))


def partnership_generate(profile: Profile, *, seed: int = 2021, start: date = DEFAULT_START,
                         end: date = DEFAULT_END) -> Tables:
    rng = np.random.default_rng([seed, profile.la_code])
    first, last_d = history_start(start), np.datetime64(end)
    last = day(last_d)
    pop = population_draw(rng, profile, first, last_d)
    act = activity_run(rng, profile, pop.children, first, last_d)
    codes = partner_codes(profile)
    kids = pop.children
    person_ids = kids["person_id"].to_numpy()
    school_codes = school_agency_codes(profile, kids["school_urn"].to_numpy())
    gp_of_household = pop.households["gp_practice"].to_numpy()
    gp_codes = np.char.add(f"{slug(profile.la_name)}-gp-",
                           np.char.lower(gp_of_household[kids["household_id"].to_numpy() - 1].astype("U8")))
    has_father = kids["father_id"].to_numpy() > 0
    eet = {fy: profile.figure(fy, "care_leavers_19_21_eet") / max(profile.figure(fy, "care_leavers_19_21"), 1)
           for fy in range(int(fy_of(np.array([day(first)]))[0]), int(fy_of(np.array([last]))[0]) + 1)}

    tables: Tables = {}
    tables.update(_people_tables(pop))
    tables["organisations_agency"] = agencies_frame(profile, pop.schools, pop.gp_practices)
    tables["organisations_team"], tables["organisations_user"] = staff_frames(rng, profile)
    tables.update(casework_tables(rng, act, person_ids, codes, last, school_codes, has_father))
    tables.update(care_tables(rng, act, person_ids, codes["council"], last, eet))
    tables.update(frontdoor_tables(rng, profile, act, person_ids, codes, school_codes, gp_codes, last,
                                   tables["organisations_user"]))
    tables.update(domestic_abuse_tables(rng, profile, act.plan, pop, act.state.dob, school_codes, codes, last))
    tables["agencyfeeds_schoolattendance"] = school_attendance(rng, act, person_ids, school_codes, day(first), last)
    tables["agencyfeeds_healthpresentation"] = health_presentations(rng, act, person_ids, codes["hospital"],
                                                                    day(first), last)
    _link_step_downs(tables)
    _link_decisions(tables)
    tables["synth_lsoa"] = pop.lsoas
    tables["synth_child"] = kids.select("person_id", "household_id", "lsoa_code", "deprivation_decile", "need",
                                        "school_urn")
    # Panels and assurance draw from a stream of their own, so adding them left the rest as it was.
    later = np.random.default_rng([seed, profile.la_code, 1])
    tables.update(panel_tables(later, profile, act.plan, tables, codes, last))
    tables.update(review_tables(later, profile, tables, codes, day(first), last))
    tables.update(quality_tables(later, profile, act.plan, tables, codes, last))
    tables["agency_person_records"], tables["truth"] = agency_copies(rng, tables)
    tables["synth_population"] = _population_by_year(kids, first, last)
    return tables


def _people_tables(pop) -> Tables:
    people = pop.people
    # sightline.people.names.name_key, for names that are plain letters already.
    people = people.with_columns((pl.col("surname").str.to_lowercase() + " "
                                  + pl.col("forename").str.to_lowercase().replace(NICKNAMES)).alias("search_key"))
    households = pop.households.select("id", "reference")
    members = people.filter(pl.col("household_id") > 0).select(
        pl.col("household_id"), pl.col("id").alias("person_id"))
    return {"people_person": people.drop("household_id", "lsoa_code"),
            "people_household": households,
            "people_householdmember": members.with_columns(
                pl.arange(1, members.height + 1, dtype=pl.Int64).alias("id")),
            "people_address": pop.addresses,
            "people_relationship": pop.relationships.with_columns(
                pl.arange(1, pop.relationships.height + 1, dtype=pl.Int64).alias("id"))}


def _link_step_downs(tables: Tables) -> None:
    """Early help that followed a referral points at it by record id."""
    referrals = tables["casework_referral"].select(pl.col("synth_row").cast(pl.Int64).alias("row"),
                                                   pl.col("id").alias("stepped_down_from_id"))
    eh = tables["casework_earlyhelpepisode"]
    tables["casework_earlyhelpepisode"] = eh.join(
        referrals, left_on="stepped_down_from_row", right_on="row", how="left").drop("stepped_down_from_row")


def _link_decisions(tables: Tables) -> None:
    """What each front door decision opened: the referral, or the early help episode."""
    referrals = tables["casework_referral"].select(pl.col("synth_row").cast(pl.Int64),
                                                   pl.col("id").alias("referral_id"))
    opened = tables["frontdoor_contact"].filter(pl.col("synth_referral_row") >= 0).join(
        referrals, left_on="synth_referral_row", right_on="synth_row")
    tables["frontdoor_decision_referrals"] = opened.select(pl.col("id").alias("decision_id"), "referral_id")
    tables["frontdoor_decision_early_help_episodes"] = tables["casework_earlyhelpepisode"].filter(
        pl.col("synth_contact_id") > 0).select(pl.col("synth_contact_id").alias("decision_id"),
                                               pl.col("id").alias("earlyhelpepisode_id"))


def _population_by_year(kids: pl.DataFrame, first, last: int) -> pl.DataFrame:
    """Children aged 0-17 at each mid-year (30 June): the denominator of rates per 10,000."""
    dob = kids["date_of_birth"].to_numpy().astype("datetime64[D]")
    years = range(int(str(first)[:4]), int(str(np.datetime64(last, "D"))[:4]) + 1)
    rows = []
    for y in years:
        mid = np.datetime64(f"{y}-06-30")
        eighteen = np.datetime64(f"{y - 18}-06-30")
        rows.append((y, int(((dob <= mid) & (dob > eighteen)).sum())))
    return pl.DataFrame(rows, schema=["mid_year", "population_0_17"], orient="row")
