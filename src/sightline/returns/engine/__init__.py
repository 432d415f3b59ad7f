"""The validation engine: rules declared as set-based queries over a return's tables, in packs.

A rule is a function over `Tables` that returns the rows it finds at fault; `@rule` declares its
DfE code, severity, the tables and fields it touches and our own message. A `RulePack` holds the
rules of one collection year; the next year's pack derives from it by adding, overriding and
dropping rules. `validate` runs a pack and returns a `Report`; a rule that fails to run is named
in the report, never skipped in silence.
"""

from sightline.returns.engine.rules import Rule, RulePack, rule
from sightline.returns.engine.run import validate
from sightline.returns.engine.tables import Tables

__all__ = ["Rule", "RulePack", "Tables", "rule", "validate"]
