"""Time every indicator on a Doncaster-sized record (four years) and a synthetic England (one year).

The snapshots are generated here, vectorised with numpy, in the shape `sightline.indicators.snapshot`
writes (no Django, no database): about 67,000 children and 5,000 referrals a year for Doncaster;
152 times that (10 million children, about 650,000 referrals a year) for England. Activity is
generated for a year before the first measured one, so that look-backs (re-referrals, previous
plans) have history. Run: `.venv/bin/python benchmarks/bench_indicators.py [--write-docs]`.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from performance_doc import section_write

from sightline.indicators.catalogue import CATALOGUE
from sightline.indicators.engine import compute
from sightline.indicators.periods import months_to, year_ending_31_march
from sightline.indicators.snapshot import TABLES, snapshot_schema


SCHEMAS = {t.name: snapshot_schema(t) for t in TABLES}
SECTION = "## Indicators (issue 6)"


def _days(values: np.ndarray) -> pa.Array:
    values = values.astype("datetime64[D]")
    return pa.array(values, pa.date32(), mask=np.isnat(values))


def _write(directory: Path, name: str, **columns) -> int:
    schema = SCHEMAS[name]
    arrays = []
    length = len(next(iter(columns.values())))
    for field in schema:
        value = columns.get(field.name)
        if value is None:
            arrays.append(pa.nulls(length, field.type))
        elif pa.types.is_date32(field.type):
            arrays.append(_days(value))
        else:
            arrays.append(pa.array(value, field.type))
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), directory / f"{name}.parquet")
    return length


def _maybe(rng, values: np.ndarray, share_null: float) -> np.ndarray:
    out = values.astype("datetime64[D]").copy()
    out[rng.random(len(out)) < share_null] = np.datetime64("NaT")
    return out


def generate(directory: Path, *, scale: int, first_year: int, last_year: int, seed: int = 6) -> int:
    """Write a synthetic snapshot for `scale` Doncasters over the years ending 31 March first..last."""
    rng = np.random.default_rng(seed)
    start = np.datetime64(f"{first_year - 2}-04-01")
    span = int((np.datetime64(f"{last_year}-03-31") - start).astype(int)) + 1
    years = span / 365.25
    day = lambda n: start + rng.integers(0, span, n).astype("timedelta64[D]")  # noqa: E731
    later = lambda d, lo, hi: d + rng.integers(lo, hi, len(d)).astype("timedelta64[D]")  # noqa: E731
    rows = 0
    children = 67_000 * scale
    rows += _write(directory, "children", id=np.arange(children),
                   date_of_birth=np.datetime64("2000-01-01") + rng.integers(0, 9000, children).astype("timedelta64[D]"))
    rows += _write(directory, "agencies", id=np.arange(20), code=np.array([f"agency-{i}" for i in range(20)]))
    # Referrals: about a quarter come back within a year, so draw most children from a smaller pool.
    n = int(4_300 * scale * years)
    referral_child = np.where(rng.random(n) < 0.6, rng.integers(0, children // 12, n), rng.integers(0, children, n))
    referral_date = day(n)
    rows += _write(directory, "referrals", id=np.arange(n), child_id=referral_child, referral_date=referral_date,
                   referral_nfa=rng.random(n) < 0.07, closure_date=_maybe(rng, later(referral_date, 1, 400), 0.1))
    assessed = np.flatnonzero(rng.random(n) < 0.9)
    started = later(referral_date[assessed], 0, 10)
    rows += _write(directory, "assessments", id=np.arange(len(assessed)), referral_id=assessed, start_date=started,
                   authorisation_date=_maybe(rng, later(started, 0, 75), 0.05))
    s47 = np.flatnonzero(rng.random(n) < 0.15)
    s47_start = later(referral_date[s47], 0, 5)
    conferenced = rng.random(len(s47)) < 0.4
    icpc = np.where(conferenced, later(s47_start, 5, 25), np.datetime64("NaT"))
    rows += _write(directory, "section47s", id=np.arange(len(s47)), referral_id=s47, start_date=s47_start,
                   icpc_date=icpc, icpc_not_required=~conferenced)
    on_plan = s47[conferenced]
    plan_start = icpc[conferenced].astype("datetime64[D]")
    plans = len(on_plan)
    plan_end = _maybe(rng, later(plan_start, 60, 700), 0.15)
    categories = rng.choice(np.array(["NEG", "EMO", "PHY", "SAB", "MUL"]), plans, p=[0.45, 0.4, 0.08, 0.04, 0.03])
    rows += _write(directory, "cp_plans", id=np.arange(plans), child_id=referral_child[on_plan], start_date=plan_start,
                   end_date=plan_end, initial_category=categories, latest_category=categories,
                   number_of_previous_plans=(rng.random(plans) < 0.1).astype(np.int64))
    initial_ids = np.arange(plans)
    review_plan = np.repeat(np.arange(plans), 3)
    review_date = np.repeat(plan_start, 3) + np.tile(np.array([85, 260, 440]), plans).astype("timedelta64[D]")
    review_date = review_date + rng.integers(0, 10, len(review_date)).astype("timedelta64[D]")
    kinds = np.concatenate([np.full(plans, "initial"), np.full(len(review_plan), "review")])
    conference_ids = np.arange(plans + len(review_plan))
    rows += _write(directory, "conferences", id=conference_ids,
                   referral_id=np.concatenate([on_plan, on_plan[review_plan]]),
                   plan_id=np.concatenate([np.full(plans, -1), review_plan]), kind=kinds,
                   date=np.concatenate([plan_start, review_date]), plan_decided=np.ones(len(kinds), bool))
    attendees = np.array(["child", "mother", "father", "agency"])
    rows += _write(directory, "conference_attendance", conference_id=np.repeat(initial_ids, 4),
                   attendee=np.tile(attendees, plans), agency_id=np.tile(np.array([-1, -1, -1, 3]), plans),
                   invited=np.ones(plans * 4, bool), attended=rng.random(plans * 4) < 0.7)
    contacts = int(25_000 * scale * years)
    received = day(contacts)
    rows += _write(directory, "contacts", id=np.arange(contacts), received_on=received,
                   decided_on=_maybe(rng, later(received, 0, 4), 0.02))
    concerned = np.flatnonzero(rng.random(contacts) < 0.4)
    rows += _write(directory, "contact_concerns", contact_id=concerned,
                   concern=rng.choice(np.array(["neglect", "domestic_abuse", "mental_health"]), len(concerned)))
    help_n = int(4_000 * scale * years)
    help_start = day(help_n)
    rows += _write(directory, "early_help", id=np.arange(help_n), child_id=rng.integers(0, children, help_n),
                   start_date=help_start, end_date=_maybe(rng, later(help_start, 30, 400), 0.2),
                   lead_agency_id=rng.integers(0, 20, help_n), level_of_need=rng.integers(2, 4, help_n))
    looked_after = int(250 * scale * years)
    cla_start = day(looked_after)
    cla_end = _maybe(rng, later(cla_start, 10, 1500), 0.3)
    cla_child = rng.integers(0, children, looked_after)
    rows += _write(directory, "cla_episodes", id=np.arange(looked_after), child_id=cla_child, start_date=cla_start,
                   end_date=cla_end, legal_status=np.full(looked_after, "C2"),
                   reason_new_episode=np.full(looked_after, "S"),
                   reason_ceased=np.where(np.isnat(cla_end), None, "E8"))
    review_offsets = np.tile(np.array([18, 110, 290]), looked_after).astype("timedelta64[D]")
    rows += _write(directory, "cla_reviews", id=np.arange(looked_after * 3), child_id=np.repeat(cla_child, 3),
                   date=np.repeat(cla_start, 3) + review_offsets)
    leavers = int(600 * scale * years / 3)
    rows += _write(directory, "care_leavers", id=np.arange(leavers), child_id=rng.integers(0, children, leavers),
                   year_ending=np.array([np.datetime64(f"{y}-03-31") for y in rng.integers(first_year, last_year + 1,
                                                                                          leavers)]),
                   activity=rng.choice(np.array(["F2", "F4", "G5", "0"]), leavers))
    victims = int(3_500 * scale * years)
    rows += _write(directory, "da_referrals", id=np.arange(victims), victim_id=rng.integers(0, children, victims),
                   route=rng.choice(np.array(["idva", "hub", "marac"]), victims), referral_date=day(victims),
                   is_repeat=rng.random(victims) < 0.25)
    return rows


def _peak_gb() -> float:
    # ru_maxrss is in kilobytes on Linux; the figure covers DuckDB too, which runs in this process.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def run(label: str, *, scale: int, first_year: int, last_year: int, la_code: str, population: int,
        memory_limit: str, monthly: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        began = time.perf_counter()
        rows = generate(directory, scale=scale, first_year=first_year, last_year=last_year)
        generated = time.perf_counter() - began
        periods = [year_ending_31_march(y) for y in range(first_year, last_year + 1)]
        if monthly:
            periods += months_to(date(last_year, 3, 31), 12 * (last_year - first_year + 1))
        began = time.perf_counter()
        frame = compute(snapshot_dir=directory, la_code=la_code, periods=periods,
                        population=[population] * len(periods), memory_limit=memory_limit)
        seconds = time.perf_counter() - began
    figure = {"label": label, "rows": rows, "generate": generated, "compute": seconds, "results": frame.height,
              "periods": len(periods), "peak_gb": _peak_gb()}
    print(f"{label}: {rows:,} snapshot rows generated in {generated:.1f} s; {len(CATALOGUE)} indicators x "
          f"{len(periods)} periods = {frame.height:,} figures in {seconds:.2f} s; "
          f"peak memory {figure['peak_gb']:.2f} GB")
    return figure


def export_run(*, children: int = 67_000, referrals: int = 30_000, contacts: int = 150_000) -> dict:
    """Time `snapshot_write` (the record to Parquet through Django's connection) on a fresh SQLite
    database filled with bulk inserts: a Doncaster-sized record of six years."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-indicators-"))
    os.environ.update(SIGHTLINE_VAR_DIR=str(scratch), DATABASE_URL="", DJANGO_SETTINGS_MODULE="sightline.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from sightline.casework.models import Referral
    from sightline.frontdoor.models import Contact, ContactConcern
    from sightline.indicators.snapshot import snapshot_write
    from sightline.organisations.models import Agency
    from sightline.people.models import Person

    rng = np.random.default_rng(6)
    agency = Agency.objects.create(code="trust", name="Children's Trust", kind="childrens_services")
    births = np.datetime64("2004-01-01") + rng.integers(0, 6500, children).astype("timedelta64[D]")
    Person.objects.bulk_create([Person(forename="Child", surname=f"Bench{i}", date_of_birth=b.item(),
                                       la_child_id=f"B{i:07d}") for i, b in enumerate(births)], batch_size=5000)
    first = Person.objects.order_by("pk").values_list("pk", flat=True).first()
    days = np.datetime64("2015-04-01") + rng.integers(0, 2190, referrals).astype("timedelta64[D]")
    Referral.objects.bulk_create([Referral(person_id=first + int(c), referral_date=d.item(), referral_source="6",
                                           owning_agency=agency)
                                  for c, d in zip(rng.integers(0, children, referrals), days)], batch_size=5000)
    moments = np.datetime64("2015-04-01T00:00") + rng.integers(0, 2190 * 1440, contacts).astype("timedelta64[m]")
    from datetime import timezone as tz

    Contact.objects.bulk_create([Contact(received_at=m.item().replace(tzinfo=tz.utc), summary="Concern",
                                         owning_agency=agency) for m in moments], batch_size=5000)
    contact_ids = Contact.objects.values_list("pk", flat=True)[: contacts // 3]
    ContactConcern.objects.bulk_create([ContactConcern(contact_id=i, concern="neglect") for i in contact_ids],
                                       batch_size=5000)
    began = time.perf_counter()
    counts = snapshot_write(scratch / "snapshot")
    seconds = time.perf_counter() - began
    shutil.rmtree(scratch)
    rows = sum(v for k, v in counts.items() if k != "calendar")
    print(f"snapshot export (SQLite): {rows:,} rows from {len(counts) - 1} tables written to Parquet "
          f"in {seconds:.2f} s")
    return {"rows": rows, "seconds": seconds}


def _write_docs(figures: list[dict], export: dict | None) -> None:
    table = "\n".join(f"| {f['label']} | {f['periods']} | {f['rows']:,} | {f['results']:,} | {f['compute']:.2f} | "
                      f"{f['peak_gb']:.2f} |" for f in figures)
    section = f"""{SECTION}

Measured {date.today():%d %B %Y} on {len(os.sched_getaffinity(0))} cores, Python {platform.python_version()},
DuckDB threads=2. Re-run: `.venv/bin/python benchmarks/bench_indicators.py --write-docs`.
The snapshots are generated in the benchmark (vectorised numpy, shaped as `indicators.snapshot` writes
them); the time is `engine.compute` for all {len(CATALOGUE)} indicators, every breakdown, on DuckDB over
Parquet. Peak memory is the process's maximum resident size (DuckDB runs in-process). Targets: Doncaster
four years under 3 s; England one year under 60 s and 8 GB. The Doncaster run computes the four years
ending 31 March and the 48 months in them (the dashboard's trends) in the same pass. The two cores were shared
with other work while measuring; repeated runs varied by up to a factor of two (England 8 to 15 s).

| dataset | periods | snapshot rows | figures | compute (s) | peak memory (GB) |
| --- | ---: | ---: | ---: | ---: | ---: |
{table}
"""
    if export:
        section += (f"\nTaking the snapshot (`snapshot_write`: every table read through Django's connection in "
                    f"chunks of 50,000 rows into Arrow and Parquet, with the working-day calendar) from a SQLite "
                    f"record of {export['rows']:,} rows (67,000 children, 30,000 referrals, 150,000 contacts): "
                    f"{export['seconds']:.2f} s.\n")
    section_write(section)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-docs", action="store_true", help="Record the figures in docs/performance.md.")
    parser.add_argument("--skip-england", action="store_true")
    parser.add_argument("--skip-export", action="store_true", help="Skip timing the snapshot from a database.")
    args = parser.parse_args()
    figures = [run("Doncaster-sized (67,000 children)", scale=1, first_year=2018, last_year=2021, la_code="371",
                   population=64_165, memory_limit="2GB", monthly=True)]
    if not args.skip_england:
        figures.append(run("synthetic England (152 LAs' worth)", scale=152, first_year=2021, last_year=2021,
                           la_code="E92000001", population=11_787_794, memory_limit="5GB", monthly=False))
    export = None if args.skip_export else export_run()
    if args.write_docs:
        _write_docs(figures, export)
    england_failed = len(figures) > 1 and (figures[1]["compute"] > 60 or figures[1]["peak_gb"] > 8)
    failed = figures[0]["compute"] > 3 or england_failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
