"""The registry of return formats: the one place the CLI, the web page and imports dispatch on.

Plug-in point. Each return format lives in its own subpackage of `sightline.returns` with a
module `format.py` that defines `FORMAT = ReturnFormat(...)`:

* `name` (`cin`, `ssda903`, `annexa`) and `title` (for messages);
* `sniff(head, filename) -> bool`: from the first 64 KB and the file name, is this file mine?
* `read(path, name) -> ReturnFile`: the tables (each with `row_id`, `line` and `LAchildID`), the
  read problems in the report's columns, and `unreadable` when the file could not be read to the end
  (raise UnreadableReturn, a ValueError, when it cannot be read at all);
* `packs`: rule packs by collection year ("2025-26"), `period(year) -> (first day, last day)`,
  and `lookups() -> {table name: frame}` for reference tables the rules join to;
* optionally `load(*, read, path, la_code, year, user) -> ReturnLoad` (raise ReturnNotLoadable to
  refuse) and `export(*, la_code, year, out) -> Path`.

`formats()` discovers every such module; the CLI (`sightline returns validate | import | export`),
the upload page and `services.return_load` then handle the format with no other change.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import polars as pl

from sightline.returns.engine.rules import RulePack
from sightline.returns.report import ISSUE_SCHEMA

SNIFF_BYTES = 64 * 1024


class UnknownFormat(ValueError):
    pass


class UnreadableReturn(ValueError):
    """The file cannot be read at all; the message names the file and says what to do."""


class ReturnNotLoadable(Exception):
    """The file cannot go into the record at all; the message says why and names the file."""


@dataclass
class ReturnFile:
    """One file read into tables, with what could not be read."""

    name: str
    format: str
    tables: dict[str, pl.DataFrame]
    problems: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=ISSUE_SCHEMA))
    # Set when reading stopped before the end of the file: the reason, naming the line.
    unreadable: str = ""
    # The collection year the file says it is for ("2025-26"), when it says.
    year: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class ReturnFormat:
    name: str
    title: str
    sniff: Callable[[bytes, str], bool]
    read: Callable[[Path], ReturnFile]
    packs: Mapping[str, RulePack]
    period: Callable[[str], tuple[date, date]]
    # Reference tables the rules join to (a list of LA codes, say), by table name.
    lookups: Callable[[], Mapping[str, pl.DataFrame]] = dict
    load: Callable[..., object] | None = None
    export: Callable[..., object] | None = None

    @property
    def latest_year(self) -> str:
        return max(self.packs)


@cache
def formats() -> dict[str, ReturnFormat]:
    import sightline.returns as package

    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.ispkg and importlib.util.find_spec(f"sightline.returns.{info.name}.format"):
            fmt = importlib.import_module(f"sightline.returns.{info.name}.format").FORMAT
            found[fmt.name] = fmt
    return found


def detect(path: Path) -> ReturnFormat:
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    for fmt in formats().values():
        if fmt.sniff(head, path.name):
            return fmt
    known = ", ".join(f.title for f in formats().values())
    raise UnknownFormat(f"{path.name}: this is not a return Sightline can read (it reads {known}).")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
