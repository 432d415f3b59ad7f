"""The synthetic partnership: generation speed, bulk load into SQLite, and national scale.

Three measurements, each in a fresh child process so peak memory (ru_maxrss) is its own:
1. Doncaster, 1 April 2017 to 30 September 2021 (with the two years of history before): generate.
2. The same partnership loaded into a new, migrated SQLite database (executemany, one transaction).
3. --las authorities (default 152) for one year, 1 April 2020 to 31 March 2021, generated and
   streamed to Parquet one authority at a time.
Targets: (1) under 30 s; (2) well under two minutes; (3) under 10 minutes and 8 GB.
Run: `.venv/bin/python benchmarks/bench_synth.py [--las 152] [--write-docs]`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from performance_doc import section_write

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Synthetic partnership (issue 5)"

_CHILD = r"""
import json, os, resource, sys, time, shutil
from datetime import date
from pathlib import Path
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sightline.settings")
import django
django.setup()
from sightline.synth.partnership import partnership_generate
from sightline.synth.profile import profile_for, profiles_national

task, arg, work = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
out = {}
if task == "generate":
    began = time.perf_counter()
    tables = partnership_generate(profile_for(371), start=date(2017, 4, 1), end=date(2021, 9, 30))
    out = {"seconds": time.perf_counter() - began, "rows": sum(t.height for t in tables.values())}
elif task == "load":
    from django.core.management import call_command
    from sightline.synth.load import partnership_load
    call_command("migrate", verbosity=0)
    tables = partnership_generate(profile_for(371), start=date(2017, 4, 1), end=date(2021, 9, 30))
    began = time.perf_counter()
    loaded = partnership_load(tables, la_code=371)
    out = {"seconds": time.perf_counter() - began, "rows": sum(loaded.values())}
else:
    from sightline.synth.output import parquet_write
    began = time.perf_counter()
    rows = 0
    for profile in profiles_national(arg):
        tables = partnership_generate(profile, start=date(2020, 4, 1), end=date(2021, 3, 31))
        rows += sum(t.height for t in tables.values())
        parquet_write(tables, work / str(profile.la_code))
        del tables
    size = sum(p.stat().st_size for p in work.rglob("*.parquet"))
    out = {"seconds": time.perf_counter() - began, "rows": rows, "parquet_gb": size / 1e9}
out["peak_gb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
print(json.dumps(out))
"""


def _run(task: str, arg: int = 0) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-synth-") as work:
        env = dict(os.environ, SIGHTLINE_VAR_DIR=work, DATABASE_URL=f"sqlite:///{work}/bench.sqlite3",
                   PYTHONPATH=str(ROOT / "src"))
        done = subprocess.run([sys.executable, "-c", _CHILD, task, str(arg), work], env=env,
                              capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"The {task} step failed:\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def _markdown(results: dict, las: int) -> str:
    g, l, n = results["generate"], results["load"], results["national"]
    return f"""{SECTION}

Measured {date.today():%d %B %Y} on {os.cpu_count()} cores ({platform.machine()}, Python {platform.python_version()}),
shared with other work. Re-run: `.venv/bin/python benchmarks/bench_synth.py --write-docs`. Each step runs in its own
process; peak memory is that process's maximum resident size.

| step | rows | time (s) | peak memory (GB) | target |
| --- | ---: | ---: | ---: | --- |
| generate Doncaster, April 2017 to September 2021 (with 2 years of history) | {g['rows']:,} | {g['seconds']:.1f} | {g['peak_gb']:.2f} | under 30 s |
| load it into SQLite (executemany, one transaction) | {l['rows']:,} | {l['seconds']:.1f} | {l['peak_gb']:.2f} | well under 2 minutes |
| {las} authorities, one year, streamed to Parquet one at a time ({n['parquet_gb']:.2f} GB written) | {n['rows']:,} | {n['seconds']:.0f} | {n['peak_gb']:.2f} | under 600 s and 8 GB |
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--las", type=int, default=152)
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    results = {"generate": _run("generate"), "load": _run("load"), "national": _run("national", args.las)}
    text = _markdown(results, args.las)
    print(text)
    if args.write_docs:
        section_write(text)


if __name__ == "__main__":
    main()
