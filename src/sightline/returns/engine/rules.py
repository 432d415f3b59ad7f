"""Rules and rule packs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

import polars as pl

from sightline.returns.engine.tables import Tables

Severity = Literal["error", "query"]
# A rule returns one row per fault: `row_id` (the row in its first table, or null for a finding
# about the whole return), optionally `tbl` when it flags rows of several tables, and optionally
# `value` when the value worth showing is not a field of the row (a percentage, a count).
Check = Callable[[Tables], pl.DataFrame]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    tables: tuple[str, ...]
    fields: tuple[str, ...]
    message: str
    check: Check = field(repr=False, compare=False)

    def __post_init__(self):
        if self.severity not in ("error", "query"):
            raise ValueError(f"Rule {self.code}: severity must be 'error' or 'query'.")
        if not self.tables or not self.fields:
            raise ValueError(f"Rule {self.code}: name the tables and fields it touches.")


def rule(*, code: str, severity: Severity, tables: Iterable[str], fields: Iterable[str],
         message: str) -> Callable[[Check], Rule]:
    """Declare a validation rule; the decorated function becomes a `Rule`."""
    def declare(check: Check) -> Rule:
        return Rule(code=code, severity=severity, tables=tuple(tables), fields=tuple(fields), message=message,
                    check=check)
    return declare


class RulePack:
    """The rules of one return for one collection year, by DfE code."""

    def __init__(self, name: str, rules: Iterable[Rule]):
        self.name = name
        by_code: dict[str, Rule] = {}
        for r in rules:
            if r.code in by_code:
                raise ValueError(f"Pack {name}: rule {r.code} is declared twice.")
            by_code[r.code] = r
        self.rules: Mapping[str, Rule] = MappingProxyType(by_code)

    def derive(self, name: str, *, add: Iterable[Rule] = (), override: Iterable[Rule] = (),
               drop: Iterable[str] = ()) -> RulePack:
        """A later (or earlier) year's pack: this one with rules added, replaced and removed."""
        rules = dict(self.rules)
        for r in add:
            if r.code in rules:
                raise ValueError(f"Pack {name}: rule {r.code} already exists in {self.name}; override it instead.")
            rules[r.code] = r
        for r in override:
            if r.code not in rules:
                raise ValueError(f"Pack {name}: rule {r.code} is not in {self.name}, so it cannot be overridden.")
            rules[r.code] = r
        for code in drop:
            if code not in rules:
                raise ValueError(f"Pack {name}: rule {code} is not in {self.name}, so it cannot be dropped.")
            del rules[code]
        return RulePack(name, rules.values())

    def __iter__(self):
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)
