"""docs/validation.md lists every rule of the CIN packs as the code declares it."""

import re
from pathlib import Path

from sightline.returns.cin.packs import CIN_2025_26

DOC = Path(__file__).parents[3] / "docs/validation.md"


def test_every_cin_rule_is_listed_with_its_severity_tables_and_message():
    rows = {m[0]: m for m in re.findall(r"^\| (\w+) \| (error|query) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$",
                                         DOC.read_text(), re.M)}
    for r in CIN_2025_26:
        code, severity, tables, message, status = rows[r.code]
        assert (severity, tables.strip(), message.strip(), status.strip()) == (
            r.severity, ", ".join(r.tables), r.message, "implemented, tested"), r.code
