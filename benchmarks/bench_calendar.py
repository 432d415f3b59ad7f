"""Working days and due dates for one million cases: the numpy path against a per-date loop.

Run: python benchmarks/bench_calendar.py [--write-docs]
With --write-docs the figures replace the "Working days and due dates (issue 3)" section of
docs/performance.md. The loop calls the scalar API (working_days_between, add_working_days) once
per case; it is timed on 100,000 cases and scaled by ten, because the whole million takes long
enough to make the benchmark a chore to re-run.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

from performance_doc import section_write

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sightline.core.calendar import (  # noqa: E402  (the path above makes src importable)

    add_working_days,
    add_working_days_array,
    working_days_between,
    working_days_between_array,
)

CASES = 1_000_000
LOOP_CASES = 100_000
ALLOWANCE = 45
SECTION = "## Working days and due dates (issue 3)"


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in subprocess.run(
        ["lscpu"], capture_output=True, text=True).stdout.splitlines() if line.startswith("Model name")), "unknown")
    return f"{os.cpu_count()} cores (`nproc`), {model} (`lscpu`), Python {platform.python_version()}, numpy {np.__version__}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", action="store_true", help="write the figures into docs/performance.md")
    args = parser.parse_args()

    rng = np.random.default_rng(2026)
    starts = np.datetime64("2015-01-01") + rng.integers(0, 16 * 365, CASES).astype("timedelta64[D]")
    ends = starts + rng.integers(0, 120, CASES).astype("timedelta64[D]")
    add_working_days_array(starts[:10], ALLOWANCE)          # builds the cached calendar before timing

    counts_fast = best_of(3, lambda: working_days_between_array(starts, ends))
    due_fast = best_of(3, lambda: add_working_days_array(starts, ALLOWANCE))

    loop_starts = starts[:LOOP_CASES].astype(object)
    loop_ends = ends[:LOOP_CASES].astype(object)
    counts_loop = best_of(1, lambda: [working_days_between(s, e) for s, e in zip(loop_starts, loop_ends)])
    due_loop = best_of(1, lambda: [add_working_days(s, ALLOWANCE) for s in loop_starts])
    scale = CASES / LOOP_CASES

    # The two paths must agree before their times mean anything.
    sample = slice(0, 1000)
    assert working_days_between_array(starts[sample], ends[sample]).tolist() == \
        [working_days_between(s, e) for s, e in zip(loop_starts[sample], loop_ends[sample])]
    assert add_working_days_array(starts[sample], ALLOWANCE).astype(object).tolist() == \
        [add_working_days(s, ALLOWANCE) for s in loop_starts[sample]]

    rows = [
        ("working days between (1M pairs)", counts_fast, counts_loop * scale),
        (f"due date, {ALLOWANCE} working days (1M starts)", due_fast, due_loop * scale),
    ]
    table = ["| operation | vectorised (s) | per-date loop (s, 100k x 10) | loop / vectorised |",
             "| --- | ---: | ---: | ---: |"]
    table += [f"| {name} | {fast:.3f} | {slow:.1f} | {slow / fast:,.0f}x |" for name, fast, slow in rows]
    for line in table:
        print(line)
    print(f"target: vectorised under 0.5 s each -> {'met' if max(counts_fast, due_fast) < 0.5 else 'NOT met'}")

    if args.write_docs:
        section = "\n".join([
            SECTION, "",
            f"Measured {date.today():%d %B %Y} on {machine()}.",
            "Re-run: `.venv/bin/python benchmarks/bench_calendar.py --write-docs`.",
            "One million random start dates in 2015-2030 with ends 0-119 days later; vectorised times are",
            "the best of three runs with the bank-holiday calendar already built; the per-date loop calls",
            "the scalar API once per case, timed on 100,000 cases and multiplied by ten. The scalar API",
            "itself calls numpy for each date, so this is what a per-record loop in the application costs.", "",
            *table, "",
        ])
        section_write(section)


if __name__ == "__main__":
    main()
