"""What a synthetic local authority must look like: its size and its published figures by year.

A profile holds, for every year ending 31 March that the generator touches, the figure it is
steered to. Published DfE figures come from figures.la_figures(); gaps (suppressed or not yet
collected) take the nearest published year. Doncaster adds the figures of its 2020/21 annual
report (the seed report: table 1 contacts, table 6 domestic abuse) and two CLA counts from
older DfE releases (statutory.md 3.4).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from sightline.synth.figures import la_figures

DONCASTER = 371
# Statutory.md 3.1 note: Doncaster's 2021-22 return is a data-quality break (re-referrals -80%);
# the generator carries 2020-21 forward rather than copy it.
# CLA at 31 March 2017 and 2018 were not found in any release (statutory.md 3.4): the nearest
# published year (2019) stands in for them.
_DONCASTER_OVERRIDES = {2017: {"cla_at31": 532}, 2018: {"cla_at31": 532}, 2019: {"cla_at31": 532},
                        2020: {"cla_at31": 506},
                        2022: {"referrals": 4870, "rereferral_percent": 25.4, "cpp_subsequent_percent": 23.4}}
# Published in the 2023 and 2024 releases (statutory.md 3.4); the 2025 file starts at 2021.
_DONCASTER_EARLIER_CLA = {2019: 532, 2020: 506}

# Seed report table 1: MASH contacts by calendar month.
DONCASTER_MONTHLY_CONTACTS = {(2020, 4): 1706, (2020, 5): 1678, (2020, 6): 1970, (2020, 7): 1909,
                              (2021, 4): 2292, (2021, 5): 2543, (2021, 6): 2533, (2021, 7): 2335}
# Seed report table 6, by year ending 31 March: police domestic abuse incidents (crime, non-crime),
# referrals to the domestic abuse hub, to IDVAs and to the children's services trust.
DONCASTER_DOMESTIC_ABUSE = {
    2020: {"da_crime": 5347, "da_non_crime": 3114, "hub_referrals": 1567, "idva_referrals": 904,
           "trust_referrals": 1145},
    2021: {"da_crime": 6096, "da_non_crime": 3735, "hub_referrals": 1858, "idva_referrals": 1406,
           "trust_referrals": 1687},
}
# Seed report, domestic abuse section: share of 2020/21 referrals that were repeat victims.
DONCASTER_REPEAT_VICTIM_SHARE = {"idva": 0.4182, "hub": 0.1954}

# Whole population per child aged 0-17 (Doncaster: about 309,000 people, 64,000-67,000 children).
PEOPLE_PER_CHILD = 4.75
PEOPLE_PER_LSOA = 1_600
ENGLAND_CLA_PER_10000 = 67  # 31 March 2025 (statutory.md 3.4)
DONCASTER_LSOAS = 194
_DONCASTER_CHILDREN_2017 = 64_396  # ONS mid-2017, aged 0-17

YEAR_FIELDS = ("population_0_17", "referrals", "rereferral_percent", "cpp_start", "cpp_subsequent_percent",
               "cpp_at31", "cla_at31", "care_leavers_19_21", "care_leavers_19_21_eet")


@dataclass(frozen=True)
class Profile:
    la_code: int
    la_name: str
    # year ending 31 March -> field -> value, filled for every year from 2013 to 2026.
    years: dict[int, dict[str, float]]
    monthly_contacts: dict[tuple[int, int], int] = field(default_factory=dict)
    domestic_abuse: dict[int, dict[str, int]] = field(default_factory=dict)
    seq: int = 0  # position among the LAs of one run: keeps identifiers of different LAs apart
    # The figures as published (no gaps filled), for the calibration report.
    published: dict[int, dict[str, float]] = field(default_factory=dict)

    def figure(self, year: int, name: str) -> float:
        clamp = min(max(year, min(self.years)), max(self.years))
        return self.years[clamp][name]

    @property
    def children(self) -> int:
        return int(self.figure(2018, "population_0_17"))

    @property
    def lsoas(self) -> int:
        if self.la_code == DONCASTER:
            return max(10, round(DONCASTER_LSOAS * self.children / _DONCASTER_CHILDREN_2017))
        return max(10, round(self.children * PEOPLE_PER_CHILD / PEOPLE_PER_LSOA))

    def scaled(self, scale: float) -> Profile:
        """The same authority at a fraction of its size (tests): counts scale, rates do not."""
        counts = {"population_0_17", "referrals", "cpp_start", "cpp_at31", "cla_at31", "care_leavers_19_21",
                  "care_leavers_19_21_eet"}

        def scale_year(f: dict[str, float]) -> dict[str, float]:
            return {k: (round(v * scale) if k in counts else v) for k, v in f.items()}

        return Profile(self.la_code, self.la_name, {y: scale_year(f) for y, f in self.years.items()},
                       {k: round(v * scale) for k, v in self.monthly_contacts.items()},
                       {y: {k: round(v * scale) for k, v in f.items()} for y, f in self.domestic_abuse.items()},
                       self.seq, {y: scale_year(f) for y, f in self.published.items()})


def _filled(rows: pl.DataFrame) -> dict[int, dict[str, float]]:
    rows = rows.sort("year").with_columns([pl.col(c).cast(pl.Float64) for c in YEAR_FIELDS])
    rows = rows.with_columns([pl.col(c).fill_null(strategy="forward").fill_null(strategy="backward")
                              for c in YEAR_FIELDS])
    years = {r["year"]: {c: r[c] for c in YEAR_FIELDS} for r in rows.iter_rows(named=True)}
    last = max(years)
    years[last + 1] = dict(years[last])
    return years


def profile_for(la_code: int, *, seq: int = 0) -> Profile:
    rows = la_figures().filter(pl.col("la_code") == la_code)
    if rows.is_empty():
        raise ValueError(f"No published figures for local authority {la_code}.")
    if rows["population_0_17"].is_null().all():
        raise ValueError(f"No ONS population for local authority {la_code}.")
    published = {r["year"]: {c: r[c] for c in YEAR_FIELDS if r[c] is not None} for r in rows.iter_rows(named=True)}
    years = _filled(rows)
    for y, f in years.items():
        # An authority that published no CLA figure (a merged or renamed one) gets England's rate.
        if f["cla_at31"] is None:
            f["cla_at31"] = round(f["population_0_17"] * ENGLAND_CLA_PER_10000 / 10_000)
        # An authority with no published care leavers figure gets England's 19-21 share of CLA.
        if f["care_leavers_19_21"] is None or f["care_leavers_19_21"] != f["care_leavers_19_21"]:
            f["care_leavers_19_21"] = round((f["cla_at31"] or 0) * 0.42)
            f["care_leavers_19_21_eet"] = round(f["care_leavers_19_21"] * 0.54)
    if la_code == DONCASTER:
        for y, values in _DONCASTER_OVERRIDES.items():
            years[y].update(values)
        for y, count in _DONCASTER_EARLIER_CLA.items():
            published[y]["cla_at31"] = count
        return Profile(la_code, rows["la_name"][0], years, DONCASTER_MONTHLY_CONTACTS, DONCASTER_DOMESTIC_ABUSE,
                       seq, published)
    return Profile(la_code, rows["la_name"][0], years, seq=seq, published=published)


def profiles_national(n: int) -> list[Profile]:
    """n authorities of varied size and profile: Doncaster first, then the others in code order."""
    codes = la_figures().filter(pl.col("referrals").is_not_null() & pl.col("population_0_17").is_not_null())[
        "la_code"].unique().sort().to_list()
    codes = [DONCASTER] + [c for c in codes if c != DONCASTER]
    if n > len(codes):
        raise ValueError(f"Only {len(codes)} local authorities have published figures; asked for {n}.")
    return [profile_for(code, seq=i) for i, code in enumerate(codes[:n])]
