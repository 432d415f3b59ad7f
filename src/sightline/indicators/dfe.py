"""The published DfE and ONS figures, read once into tidy frames.

Every DfE symbol (c confidential, x not available, z not applicable, k rounds to zero, u low
reliability, low) becomes a missing value: none of them is a number that may be compared.
The files are held in `data/` with their Open Government Licence attribution.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import polars as pl

DATA_DIR = Path(__file__).resolve().parent / "data"
SYMBOLS = ("c", "x", "z", "k", "u", "low", ":", "")
ENGLAND = "England"


def number(column: str) -> pl.Expr:
    """A DfE text column as a float, with every symbol read as missing."""
    text = pl.col(column).cast(pl.Utf8).str.strip_chars()
    return pl.when(text.str.to_lowercase().is_in(SYMBOLS) | text.is_null()).then(None).otherwise(
        text.str.replace_all(",", "").cast(pl.Float64, strict=False)).alias(column)


@lru_cache(maxsize=16)
def read(name: str) -> pl.DataFrame:
    """A DfE file as text columns, stripped of its byte-order mark, with the area columns named alike."""
    frame = pl.read_csv(DATA_DIR / name, infer_schema=False, encoding="utf8-lossy")
    frame = frame.rename({c: c.lstrip("\ufeff").strip() for c in frame.columns})
    return frame.with_columns(pl.col("time_period").cast(pl.Int32, strict=False))


@dataclass(frozen=True)
class Measure:
    """Where the DfE publishes the figure an indicator matches."""

    file: str
    value: str
    numerator: str = ""
    denominator: str = ""
    # Rows to keep, column -> value (e.g. the population_type of the CLA file).
    where: tuple[tuple[str, str], ...] = ()
    # Whether the value is a proportion (Wilson interval) or a rate per 10,000 (funnel limits).
    kind: str = "count"
    decimals: int = 1
    # The value is derived: numerator per 10,000 of the ONS population of the year before.
    per_10k_of_population: bool = False


CLA = "cla_number_and_rate_per_10k_children.csv"
C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
D3 = "d3_cpps_subsequent_plan_2013_to_2025.csv"
D5 = "d5_cpps_at31march_by_duration_2013_to_2025.csv"
ONS = "ons_mid-year_population_estimates_2012_to_2024.csv"
CLA_AT_31_MARCH = "Children looked after on 31 March each year"
CLA_STARTING = "Children starting to be looked after each year"
CLA_CEASING = "Children ceasing to be looked after each year"

MEASURES: dict[str, Measure] = {
    "referrals": Measure(C1, "referral_count"),
    "re_referral_rate_12m": Measure(C1, "rereferral_percent", "rereferral_count", "referral_count",
                                    kind="proportion"),
    "re_referral_rate_12m_child": Measure(C1, "rereferral_child_percent", "rereferral_child_count",
                                          "referral_child_count", kind="proportion"),
    "children_in_need_at_end": Measure("b1_children_in_need_2013_to_2025.csv", "At31_episodes",
                                       where=(("category", "Children in Need"),)),
    "cpp_starts": Measure(D3, "CPP_start"),
    "cpp_second_or_subsequent": Measure(D3, "CPP_subsequent"),
    "cpp_second_or_subsequent_pct": Measure(D3, "CPP_subsequent_percent", "CPP_subsequent", "CPP_start",
                                            kind="proportion"),
    "cpp_at_end": Measure(D5, "CPP_At31"),
    "cpp_rate_per_10k": Measure(D5, "CPP_At31", "CPP_At31", kind="rate", per_10k_of_population=True),
    "cla_at_end": Measure(CLA, "children_count", where=(("population_type", CLA_AT_31_MARCH),), decimals=0),
    "cla_rate_per_10k": Measure(CLA, "rate_per_10000", "children_count", "population_estimate",
                                where=(("population_type", CLA_AT_31_MARCH),),
                                kind="rate", decimals=0),
    "cla_starts": Measure(CLA, "children_count", where=(("population_type", CLA_STARTING),), decimals=0),
    "cla_ceases": Measure(CLA, "children_count", where=(("population_type", CLA_CEASING),), decimals=0),
    "care_leavers_19_21_eet_pct": Measure("la_care_leavers_activity.csv", "care_leaver_percent",
                                          "care_leaver_count", kind="proportion", decimals=0,
                                          where=(("care_leaver_age", "19 to 21 years"),
                                                 ("breakdown", "Total in education, employment or training"))),
}
# The care leavers' denominator is a row of its own ("Total"), not a column.
_CARE_LEAVERS_TOTAL = (("care_leaver_age", "19 to 21 years"), ("breakdown", "Total"))


def _filtered(measure: Measure, where: tuple[tuple[str, str], ...]) -> pl.DataFrame:
    frame = read(measure.file)
    for column, value in where:
        frame = frame.filter(pl.col(column) == value)
    return frame


@lru_cache(maxsize=64)
def figures(indicator_id: str) -> pl.DataFrame:
    """One row per year and area: year, level, region_code, region_name, la_code (old DfE code),
    new_la_code, la_name, value, numerator, denominator."""
    measure = MEASURES[indicator_id]
    frame = _filtered(measure, measure.where)
    columns = [measure.value] + [c for c in (measure.numerator, measure.denominator) if c]
    frame = frame.select(
        pl.col("time_period").alias("year"), pl.col("geographic_level").alias("level"),
        pl.col("region_code"), pl.col("region_name"), pl.col("old_la_code").alias("la_code"),
        pl.col("new_la_code"), pl.col("la_name"), *[number(c) for c in dict.fromkeys(columns)],
    ).with_columns(pl.col("region_code").fill_null(""), pl.col("la_code").fill_null(""),
                   pl.col(measure.value).alias("value"),
                   (pl.col(measure.numerator) if measure.numerator else pl.lit(None, pl.Float64)).alias("numerator"),
                   (pl.col(measure.denominator) if measure.denominator else pl.lit(None, pl.Float64))
                   .alias("denominator"))
    if indicator_id == "care_leavers_19_21_eet_pct":
        totals = _filtered(measure, _CARE_LEAVERS_TOTAL).select(
            pl.col("time_period").alias("year"), pl.col("geographic_level").alias("level"),
            pl.col("region_code").fill_null(""), pl.col("old_la_code").fill_null("").alias("la_code"),
            number("care_leaver_count").alias("total"))
        frame = frame.join(totals, on=["year", "level", "region_code", "la_code"], how="left", nulls_equal=True)
        frame = frame.with_columns(pl.col("total").alias("denominator")).drop("total")
    if measure.per_10k_of_population:
        population = population_table().select("year", "level", "region_code", "la_code",
                                               pl.col("population").alias("denominator"))
        frame = frame.drop("denominator").join(
            population.with_columns(pl.col("year") + 1), on=["year", "level", "region_code", "la_code"],
            how="left", nulls_equal=True)
        frame = frame.with_columns(
            (pl.col("numerator") / pl.col("denominator") * 10_000).round(measure.decimals).alias("value"))
    keep = ["year", "level", "region_code", "region_name", "la_code", "new_la_code", "la_name", "value",
            "numerator", "denominator"]
    return frame.select(keep).with_columns(
        pl.col("region_code").fill_null(""), pl.col("la_code").fill_null(""), pl.col("new_la_code").fill_null(""))


@lru_cache(maxsize=1)
def population_table() -> pl.DataFrame:
    """ONS mid-year estimates of children aged 0 to 17: year (mid-year), level, codes, population."""
    frame = read(ONS).filter(pl.col("age_group") == "Children aged 0 to 17 years")
    return frame.select(
        pl.col("time_period").alias("year"), pl.col("geographic_level").alias("level"),
        pl.col("region_code").fill_null(""), pl.col("old_la_code").fill_null("").alias("la_code"),
        pl.col("new_la_code").fill_null(""), number("population_estimate").alias("population"))


def old_la_code(la_code: str) -> str:
    """The three-digit DfE LA code for either form ("371" or "E08000017")."""
    if la_code.isdigit():
        return la_code
    found = population_table().filter(pl.col("new_la_code") == la_code)["la_code"].unique().to_list()
    if not found:
        raise ValueError(f"{la_code} is not an LA code in the ONS population file.")
    return found[0]


def reporting_year(day: date) -> int:
    """The year Y of the year ending 31 March Y that contains `day`."""
    return day.year if day.month <= 3 else day.year + 1


def population(la_code: str, year_ending: int) -> tuple[int | None, int | None]:
    """(children aged 0-17, the mid-year it is for) for the year ending 31 March `year_ending`.

    The DfE divides by the mid-(Y-1) estimate; when the file has no estimate that recent yet,
    the latest earlier one is used, and the year returned says so.
    """
    rows = population_table().filter((pl.col("level") == "Local authority") & (pl.col("la_code") == la_code)
                                     & (pl.col("year") <= year_ending - 1) & pl.col("population").is_not_null())
    if rows.is_empty():
        return None, None
    latest = rows.sort("year").row(-1, named=True)
    return int(latest["population"]), int(latest["year"])
