"""Measure a generated partnership with Sightline's own indicators, and compare with the real figures.

The generated tables are turned into the indicator engine's snapshot (sightline.synth.snapshot)
and every figure that has an indicator is computed by it, exactly as for a real partnership;
the few figures no indicator counts are measured here with DuckDB over the Parquet tables.
`calibration_markdown` writes the comparison: target, generated value, difference, tolerance.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from sightline.indicators.engine import compute
from sightline.indicators.periods import Period, month, year_ending_31_march
from sightline.synth.snapshot import snapshot_from_tables

from sightline.synth.profile import DONCASTER_REPEAT_VICTIM_SHARE, Profile

YEARS = (2018, 2019, 2020, 2021)
# Measured by Sightline's own indicators (sightline.indicators), by catalogue id and breakdown.
_BY_INDICATOR = {
    "referrals": ("referrals", ""), "re-referral %": ("re_referral_rate_12m", ""),
    "CP plans started": ("cpp_starts", ""), "second or subsequent plan %": ("cpp_second_or_subsequent_pct", ""),
    "CP plans at 31 March": ("cpp_at_end", ""), "children looked after at 31 March": ("cla_at_end", ""),
    "CLA rate per 10,000": ("cla_rate_per_10k", ""), "care leavers 19-21 in EET %": ("care_leavers_19_21_eet_pct", ""),
}
_DOMESTIC_ABUSE = {"police domestic abuse crimes": ("da_incidents", "crime", "da_crime"),
                   "police domestic abuse non-crime incidents": ("da_incidents", "non_crime", "da_non_crime"),
                   "domestic abuse hub referrals": ("da_referrals_by_route", "hub", "hub_referrals"),
                   "IDVA referrals": ("da_referrals_by_route", "idva", "idva_referrals")}
# No indicator counts these, so the calibration measures them itself (DuckDB over the Parquet tables).
_CARE_LEAVERS_SQL = """select count(*) from care_careleaver c join people_person p on p.id = c.person_id
    where c.year_ending = ? and date_part('year', age(c.year_ending, p.date_of_birth)) between 19 and 21"""
_TRUST_NOTIFICATIONS_SQL = """select count(*) from frontdoor_contact c join frontdoor_contactconcern k
    on k.contact_id = c.id where k.concern = 'domestic_abuse' and c.referral_source = '6'
    and cast(c.received_at as date) between ? and ?"""
# Share of the route's referrals (not victims) that were of a victim referred in the 12 months before.
_REPEAT_SQL = """select round(100.0 * avg(case when is_repeat then 1 else 0 end), 1)
    from panels_domesticabusereferral where route = ? and referral_date between ? and ?"""
# Seed report (DSCP annual report 2020/21) figures for panels, reviews and training; Doncaster only.
_MACE_AT_SEPTEMBER_2021 = 23
_RAPID_REVIEWS_SQL = "select count(*) from assurance_rapidreview where started_date between ? and ?"
_TRAINING_SQL = """select count(*) filter (where a.attended), count(a.feedback_score)
    from assurance_trainingattendance a join assurance_trainingsession s on s.id = a.session_id
    where s.date between ? and ?"""
_SEED_2021 = {"rapid reviews": 5, "training attendees": 391, "training evaluations returned": 55,
              "training rated good or better %": round(100 * 51 / 55, 1)}
_BASE_CHILDREN = 64_311  # Doncaster's 0-17 population in 2019-20: scales the seed counts with --scale
# Allowed distance from the published figure: absolute for percentages and rates, relative for counts.
TOLERANCE = {"referrals": ("rel", 0.02), "re-referral %": ("abs", 1.5), "CP plans started": ("rel", 0.03),
             "second or subsequent plan %": ("abs", 2.5), "CP plans at 31 March": ("rel", 0.03),
             "children looked after at 31 March": ("rel", 0.03), "CLA rate per 10,000": ("abs", 3),
             "care leavers 19-21": ("rel", 0.15), "care leavers 19-21 in EET %": ("abs", 3),
             "MASH contacts": ("rel", 0.01), "police domestic abuse notifications to the trust": ("rel", 0.01),
             "police domestic abuse crimes": ("rel", 0.01), "police domestic abuse non-crime incidents": ("rel", 0.01),
             "domestic abuse hub referrals": ("rel", 0.02), "IDVA referrals": ("rel", 0.02),
             "hub referrals of repeat victims %": ("abs", 5), "idva referrals of repeat victims %": ("abs", 5),
             "children held at MACE": ("abs", 3), "rapid reviews": ("abs", 1), "training attendees": ("rel", 0.05),
             "training evaluations returned": ("rel", 0.2), "training rated good or better %": ("abs", 8)}
_PUBLISHED = {"referrals": "referrals", "re-referral %": "rereferral_percent", "CP plans started": "cpp_start",
              "second or subsequent plan %": "cpp_subsequent_percent", "CP plans at 31 March": "cpp_at31",
              "children looked after at 31 March": "cla_at31", "care leavers 19-21": "care_leavers_19_21"}


@dataclass(frozen=True)
class Figure:
    period: str
    measure: str
    target: float | None
    generated: float
    measured_by: str = "own query"

    @property
    def difference(self) -> float | None:
        return None if self.target is None else self.generated - self.target

    @property
    def within(self) -> bool | None:
        if self.target is None:
            return None
        kind, allowed = TOLERANCE[self.measure]
        limit = allowed * abs(self.target) if kind == "rel" else allowed
        return abs(self.generated - self.target) <= limit + 1e-9


def _target(profile: Profile, year: int, measure: str) -> float | None:
    """The published figure, or None where the DfE published none for the year."""
    if measure == "CLA rate per 10,000":
        count = _target(profile, year, "children looked after at 31 March")
        return None if count is None else round(10_000 * count / profile.figure(year, "population_0_17"))
    if measure == "care leavers 19-21 in EET %":
        count = _target(profile, year, "care leavers 19-21")
        return None if not count else round(100 * profile.years[year]["care_leavers_19_21_eet"] / count)
    return profile.published.get(year, {}).get(_PUBLISHED[measure])


def _indicator_results(tables: dict[str, pl.DataFrame], profile: Profile, periods: list[Period]) -> dict:
    """Run the indicator engine on the generated tables; {(indicator, period label, breakdown): value}."""
    population = dict(tables["synth_population"].iter_rows())
    # As the DfE does: the 0-17 population at the mid-year before the period ends' year ending 31 March.
    denominators = [population.get(p.end.year - 1 if p.end.month <= 3 else p.end.year) for p in periods]
    wanted = {i for i, _ in _BY_INDICATOR.values()} | {i for i, _, _ in _DOMESTIC_ABUSE.values()} | {
        "contacts_per_month", "mace_cohort_by_risk", "training_feedback_good_pct"}
    with tempfile.TemporaryDirectory(prefix="sightline-snapshot-") as scratch:
        snapshot_from_tables(tables, Path(scratch))
        results = compute(snapshot_dir=scratch, la_code=str(profile.la_code), periods=periods, indicators=wanted,
                          population=denominators)
    return {(r["indicator_id"], r["period_label"], r["breakdown"] or ""): r["value"]
            for r in results.iter_rows(named=True)}


def calibration_measure(parquet_dir: Path, profile: Profile) -> list[Figure]:
    tables = {p.stem: pl.read_parquet(p) for p in sorted(Path(parquet_dir).glob("*.parquet"))}
    months = [month(y, m) for y, m in sorted(profile.monthly_contacts)]
    years = [year_ending_31_march(y) for y in YEARS]
    september = month(2021, 9)
    found = _indicator_results(tables, profile, years + months + [september])
    con = duckdb.connect()
    for name, frame in tables.items():
        con.register(name, frame.to_arrow())
    figures = []
    for measure, (indicator, breakdown) in _BY_INDICATOR.items():
        for year, period in zip(YEARS, years):
            value = found.get((indicator, period.label, breakdown))
            figures.append(Figure(period.label, measure, _target(profile, year, measure), float(value or 0),
                                  indicator))
    for year, period in zip(YEARS, years):
        value = con.execute(_CARE_LEAVERS_SQL, [period.end]).fetchone()[0]
        figures.append(Figure(period.label, "care leavers 19-21", _target(profile, year, "care leavers 19-21"),
                              float(value)))
    for period in months:
        target = profile.monthly_contacts[(period.start.year, period.start.month)]
        figures.append(Figure(period.label, "MASH contacts", target,
                              float(found.get(("contacts_per_month", period.label, "")) or 0), "contacts_per_month"))
    for year, target in sorted(profile.domestic_abuse.items()):
        period = year_ending_31_march(year)
        for measure, (indicator, breakdown, key) in _DOMESTIC_ABUSE.items():
            figures.append(Figure(period.label, measure, target[key],
                                  float(found.get((indicator, period.label, breakdown)) or 0), indicator))
        value = con.execute(_TRUST_NOTIFICATIONS_SQL, [period.start, period.end]).fetchone()[0]
        figures.append(Figure(period.label, "police domestic abuse notifications to the trust",
                              target["trust_referrals"], float(value)))
    if profile.domestic_abuse:
        period = year_ending_31_march(2021)
        for route, share in sorted(DONCASTER_REPEAT_VICTIM_SHARE.items()):
            value = con.execute(_REPEAT_SQL, [route, period.start, period.end]).fetchone()[0]
            figures.append(Figure(period.label, f"{route} referrals of repeat victims %", round(100 * share, 1),
                                  float(value or 0)))
        figures += _seed_figures(con, profile, found, september)
    return figures


def _seed_figures(con, profile: Profile, found: dict, september: Period) -> list[Figure]:
    size = profile.figure(2020, "population_0_17") / _BASE_CHILDREN
    period = year_ending_31_march(2021)
    reviews = con.execute(_RAPID_REVIEWS_SQL, [period.start, period.end]).fetchone()[0]
    attended, evaluated = con.execute(_TRAINING_SQL, [period.start, period.end]).fetchone()
    good = found.get(("training_feedback_good_pct", period.label, ""))
    return [Figure(september.label, "children held at MACE", round(_MACE_AT_SEPTEMBER_2021 * size),
                   float(found.get(("mace_cohort_by_risk", september.label, "")) or 0), "mace_cohort_by_risk"),
            Figure(period.label, "rapid reviews", max(1, round(_SEED_2021["rapid reviews"] * size)), float(reviews)),
            Figure(period.label, "training attendees", round(_SEED_2021["training attendees"] * size),
                   float(attended)),
            Figure(period.label, "training evaluations returned",
                   round(_SEED_2021["training evaluations returned"] * size), float(evaluated)),
            Figure(period.label, "training rated good or better %", _SEED_2021["training rated good or better %"],
                   float(good or 0), "training_feedback_good_pct")]


def _cell(value: float | None, measure: str) -> str:
    if value is None:
        return "not published"
    return f"{value:.1f}" if "%" in measure else f"{value:,.0f}"


def calibration_markdown(figures: list[Figure], profile: Profile, *, seed: int) -> str:
    lines = [f"# Calibration: the synthetic {profile.la_name} against its published figures", "",
             f"Generated by `sightline synth --profile {profile.la_name.lower()} --seed {seed} --calibration-report`; "
             "do not edit by hand.", "",
             "Each figure is measured on the generated record by Sightline's own indicator (its id is in the last "
             "column; definitions in docs/indicators.md), computed by the indicator engine on a snapshot of the "
             "generated tables; figures no indicator counts are measured by a query in "
             "`sightline.synth.calibration` (\"own query\"). They are compared with the figure the DfE published "
             "for the authority (data/dfe, Open Government Licence v3.0) or, for contacts and domestic abuse, the "
             "DSCP annual report 2020/21 (tables 1 and 6; for the MACE cohort, rapid reviews and training, its "
             "exploitation, practice review and training sections). Repeat victims are counted per referral (a referral of "
             "a victim referred by any route in the 12 months before), the reading of the report's percentages "
             "that its own victim counts do not contradict; the indicator `da_repeat_victims_pct` counts victims.",
             "",
             "The generator draws each year's published counts directly (referrals and the re-referral share, plan "
             "starts and second plans, contacts by month, domestic abuse by year) and steers the stocks (plans and "
             "children looked after at each month end) along the straight line between the published 31 March "
             "figures; who is drawn depends on need (household deprivation, age, earlier involvement). History "
             "starts two years before the first year shown, so care leavers aged 19-21 build up over the first "
             "years and only 2020-21 is published for them. CLA at 31 March 2018 was not found in any release.",
             "",
             "| period | measure | published | generated | difference | tolerance | within | measured by |",
             "| --- | --- | ---: | ---: | ---: | --- | --- | --- |"]
    for f in figures:
        kind, allowed = TOLERANCE[f.measure]
        tolerance = f"±{allowed:g}" + (" points" if "%" in f.measure else "" if kind == "abs" else "")
        if kind == "rel":
            tolerance = f"±{allowed:.0%}"
        diff = "" if f.difference is None else (f"{f.difference:+.1f}" if "%" in f.measure else f"{f.difference:+,.0f}")
        within = {None: "-", True: "yes", False: "**no**"}[f.within]
        lines.append(f"| {f.period} | {f.measure} | {_cell(f.target, f.measure)} | {_cell(f.generated, f.measure)} "
                     f"| {diff} | {tolerance} | {within} | {f.measured_by} |")
    missed = [f for f in figures if f.within is False]
    lines += ["", f"{sum(f.within is True for f in figures)} of {sum(f.within is not None for f in figures)} "
              f"published figures are within tolerance" + (":" if missed else "."), ""]
    lines += [f"- outside: {f.period} {f.measure}" for f in missed]
    return "\n".join(lines).rstrip() + "\n"
