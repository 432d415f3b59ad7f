"""Indicator results made by hand, shaped as the indicators layer writes them, with the seed report's
figures (Doncaster, 1 April 2020 to 30 September 2021) where the seed gives them."""

import datetime as dt

from sightline.reports.figures import Figures, Info, Result

FROM, TO = dt.date(2020, 4, 1), dt.date(2021, 9, 30)

INFO = {
    "contacts_per_month": Info("contacts_per_month", "Contacts to the front door", "Contacts received.", "count",
                               "neutral", 0),
    "re_referral_rate_12m": Info("re_referral_rate_12m", "Re-referrals within 12 months", "Re-referrals as a "
                                 "percentage of referrals.", "percent", "lower", 1, "c1.rereferral_percent"),
    "early_help_open_per_10k": Info("early_help_open_per_10k", "Children open to early help per 10,000 children",
                                    "Open episodes per 10,000.", "rate_per_10k", "neutral", 2),
    "early_help_lead_by_agency": Info("early_help_lead_by_agency", "Early help lead practitioners by agency",
                                      "Lead practitioner by agency.", "count", "neutral", 0),
    "cla_rate_per_10k": Info("cla_rate_per_10k", "Children looked after per 10,000 children", "Rate.",
                             "rate_per_10k", "neutral", 0, "cla.rate_per_10000"),
    "early_help_neglect_open": Info("early_help_neglect_open", "Early help open where neglect is a feature", "",
                                    "count", "neutral", 0),
    "contacts_neglect_pct": Info("contacts_neglect_pct", "Contacts about neglect", "", "percent", "neutral", 1),
    "icpc_count": Info("icpc_count", "Initial child protection conferences held", "", "count", "neutral", 0),
    "cpp_second_or_subsequent": Info("cpp_second_or_subsequent", "Second or subsequent child protection plans", "",
                                     "count", "lower", 0, "d3.CPP_subsequent"),
    "cpp_starts": Info("cpp_starts", "Children becoming subject to a child protection plan", "", "count", "neutral", 0),
    "domestic_abuse_referrals": Info("domestic_abuse_referrals", "Domestic abuse referrals", "", "count", "neutral", 0),
}

# Table 1 of the seed: contacts, April to July of 2020 and 2021.
SEED_CONTACTS = {"2020-04": 1706, "2020-05": 1678, "2020-06": 1970, "2020-07": 1909,
                 "2021-04": 2292, "2021-05": 2543, "2021-06": 2533, "2021-07": 2335}
# Table 2 of the seed: Doncaster's re-referral percentage, years ending 31 March.
SEED_RE_REFERRALS = {2018: (1451, 5681, 25.5), 2019: (1290, 4781, 27.0), 2020: (1158, 4193, 27.6),
                     2021: (1237, 4870, 25.4)}
SEED_RE_REFERRAL_COMPARATORS = {
    2018: {"england": 21.9, "region": 22.9, "sn_mean": 20.5},
    2019: {"england": 22.6, "region": 24.6, "sn_mean": 19.4},
    2020: {"england": 22.6, "region": 23.8, "sn_mean": 20.9},
    2021: {"england": 22.7, "region": 22.6, "sn_mean": 21.8},
}
# Graph 6 of the seed: looked-after rate per 10,000 against comparators.
SEED_CLA = {2019: (505, 78.0), 2020: (522, 78.0), 2021: (547, 82.0)}
SEED_CLA_COMPARATORS = {2019: {"england": 65, "region": 76, "sn_mean": 95.1},
                        2020: {"england": 67, "region": 78, "sn_mean": 101.0},
                        2021: {"england": 67, "region": 80, "sn_mean": 103.0}}
# Table 4 of the seed: early help open where neglect is a feature, at quarter ends.
SEED_NEGLECT_OPEN = {"2020-06": 187, "2020-09": 201, "2020-12": 215, "2021-03": 236, "2021-06": 243}
# Table 5 of the seed: total contacts and the percentage about neglect.
SEED_NEGLECT_CONTACTS = {"2020-06": (1994, 20.5), "2020-09": (1998, 31.5), "2020-12": (4474, 41.5),
                         "2021-03": (5738, 54.3), "2021-06": (6260, 28.4)}
# Table 6 of the seed: domestic abuse referrals by source.
SEED_DOMESTIC_ABUSE = {2020: {"hub": 1567, "idva": 904, "dcst": 1145}, 2021: {"hub": 1858, "idva": 1406, "dcst": 1687}}


def month_end(key: str) -> dt.date:
    year, month = int(key[:4]), int(key[5:])
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


def result(indicator_id, start, end, *, value, breakdown="", numerator=None, denominator=None, unit="count",
           suppressed=None) -> Result:
    numerator = value if numerator is None and unit == "count" else numerator
    if suppressed is None:
        suppressed = numerator is not None and 1 <= numerator <= 5
    return Result(indicator_id, start, end, f"{start} to {end}", breakdown, numerator, denominator, value, unit,
                  suppressed)


def year(indicator_id, year_ending, **kwargs) -> Result:
    return result(indicator_id, dt.date(year_ending - 1, 4, 1), dt.date(year_ending, 3, 31), **kwargs)


def seed_results() -> list[Result]:
    rows = [result("contacts_per_month", FROM, TO, value=sum(SEED_CONTACTS.values()))]
    rows += [result("contacts_per_month", FROM, TO, value=v, breakdown=k) for k, v in SEED_CONTACTS.items()]
    rows += [year("re_referral_rate_12m", y, value=v, numerator=n, denominator=d, unit="percent")
             for y, (n, d, v) in SEED_RE_REFERRALS.items()]
    rows += [year("cla_rate_per_10k", y, value=v, numerator=n, denominator=66_000, unit="rate_per_10k")
             for y, (n, v) in SEED_CLA.items()]
    rows += [result("early_help_open_per_10k", month_end(k), month_end(k), value=v, numerator=round(v * 6.6),
                    denominator=66_000, unit="rate_per_10k")
             for k, v in {"2021-02": 300.97, "2021-04": 315.5, "2021-07": 338.82}.items()]
    rows += [result("early_help_lead_by_agency", dt.date(2020, 12, 31), dt.date(2020, 12, 31), value=v, breakdown=k)
             for k, v in {"education": 410, "trust": 260, "council": 120, "health": 60, "voluntary": 4}.items()]
    rows.append(result("early_help_lead_by_agency", dt.date(2020, 12, 31), dt.date(2020, 12, 31), value=854))
    rows += [result("early_help_neglect_open", month_end(k), month_end(k), value=v)
             for k, v in SEED_NEGLECT_OPEN.items()]
    rows += [result("contacts_neglect_pct", dt.date(int(k[:4]), int(k[5:]), 1), month_end(k), value=pct,
                    numerator=round(total * pct / 100), denominator=total, unit="percent")
             for k, (total, pct) in SEED_NEGLECT_CONTACTS.items()]
    rows += [year("icpc_count", 2020, value=229), year("icpc_count", 2021, value=315)]
    rows += [year("cpp_starts", 2020, value=381), year("cpp_starts", 2021, value=531)]
    rows += [year("cpp_second_or_subsequent", 2020, value=90), year("cpp_second_or_subsequent", 2021, value=101)]
    rows += [year("domestic_abuse_referrals", y, value=v, breakdown=k)
             for y, parts in SEED_DOMESTIC_ABUSE.items() for k, v in parts.items()]
    return rows


def seed_figures(extra: list[Result] = ()) -> Figures:
    comparators = {("re_referral_rate_12m", y): {**c, "region_name": "Yorkshire and the Humber"}
                   for y, c in SEED_RE_REFERRAL_COMPARATORS.items()}
    comparators |= {("cla_rate_per_10k", y): {**c, "region_name": "Yorkshire and the Humber"}
                    for y, c in SEED_CLA_COMPARATORS.items()}
    return Figures(la_code="371", results=seed_results() + list(extra), info=INFO, comparators=comparators)


def results_save(results: list[Result], *, la_code: str = "371"):
    """Store results as the indicators layer does: IndicatorResult rows of one snapshot."""
    from django.utils import timezone

    from sightline.indicators.models import IndicatorResult, Snapshot

    snapshot = Snapshot.objects.create(taken_at=timezone.now(), path="/nonexistent", row_counts={})
    now = timezone.now()
    return IndicatorResult.objects.bulk_create([
        IndicatorResult(indicator_id=r.indicator_id, area_code=la_code, period_start=r.period_start,
                        period_end=r.period_end, period_label=r.period_label[:40], breakdown=r.breakdown,
                        numerator=round(r.numerator or 0), denominator=r.denominator, value=r.value, unit=r.unit,
                        suppressed=r.suppressed, snapshot=snapshot, computed_at=now) for r in results])


def seed_comparators(indicator_id: str, la_code: str, year: int, *, numerator=None, denominator=None) -> dict:
    """Stands in for indicators.benchmarks.comparators with the seed report's published figures."""
    found = {"re_referral_rate_12m": SEED_RE_REFERRAL_COMPARATORS, "cla_rate_per_10k": SEED_CLA_COMPARATORS}
    figures = found.get(indicator_id, {}).get(year)
    significance = {"method": "Wilson 95% interval", "result": "higher"}
    return {**figures, "region_name": "Yorkshire and the Humber", "significance": significance} if figures else {}
