"""The rule engine: packs that inherit, override and drop; rules that cannot run are reported."""

from datetime import date

import polars as pl
import pytest

from sightline.returns.engine import RulePack, Tables, rule, validate


def _tables() -> Tables:
    frame = pl.DataFrame({"row_id": [0, 1], "line": [3, 9], "LAchildID": ["A1", "B2"], "Sex": ["M", "X"]})
    return Tables({"ChildIdentifiers": frame}, start=date(2025, 4, 1), end=date(2026, 3, 31))


@rule(code="T1", severity="error", tables=["ChildIdentifiers"], fields=["Sex"], message="Sex is not M.")
def sex_not_m(t):
    return t.sql("select row_id from ChildIdentifiers where Sex <> 'M'")


@rule(code="T2", severity="query", tables=["ChildIdentifiers"], fields=["Sex"], message="Sex is X.")
def sex_x(t):
    return t.sql("select row_id from ChildIdentifiers where Sex = 'X'")


@rule(code="T1", severity="query", tables=["ChildIdentifiers"], fields=["Sex"], message="Sex is M.")
def sex_m(t):
    return t.sql("select row_id from ChildIdentifiers where Sex = 'M'")


@rule(code="T3", severity="error", tables=["ChildIdentifiers"], fields=["Sex"], message="Broken.")
def broken(t):
    return t.sql("select row_id from NoSuchTable")


BASE = RulePack("base", [sex_not_m, sex_x])


def test_derived_pack_overrides_drops_and_adds():
    later = BASE.derive("later", override=[sex_m], drop=["T2"], add=[broken])
    assert sorted(later.rules) == ["T1", "T3"]
    assert later.rules["T1"] is sex_m
    assert BASE.rules["T1"] is sex_not_m  # the base pack is unchanged


@pytest.mark.parametrize("change, message", [
    ({"override": [broken]}, "T3 is not in base, so it cannot be overridden"),
    ({"drop": ["T9"]}, "T9 is not in base, so it cannot be dropped"),
    ({"add": [sex_m]}, "T1 already exists in base"),
])
def test_derive_refuses_changes_that_do_not_fit_the_base(change, message):
    with pytest.raises(ValueError, match=message):
        BASE.derive("later", **change)


def test_a_pack_cannot_hold_one_code_twice():
    with pytest.raises(ValueError, match="declared twice"):
        RulePack("bad", [sex_not_m, sex_m])


def test_findings_are_at_the_grain_of_child_table_row_and_field():
    report = validate(_tables(), BASE, file="f.xml")
    assert report.issues.select("file", "LAchildID", "table", "row", "line", "field", "rule", "severity",
                                "value").to_dicts() == [
        # Row 2 (row_id 1) is B2's, on line 9, with Sex X: it fails both rules.
        {"file": "f.xml", "LAchildID": "B2", "table": "ChildIdentifiers", "row": 2, "line": 9, "field": "Sex",
         "rule": "T1", "severity": "error", "value": "X"},
        {"file": "f.xml", "LAchildID": "B2", "table": "ChildIdentifiers", "row": 2, "line": 9, "field": "Sex",
         "rule": "T2", "severity": "query", "value": "X"},
    ]
    assert (report.errors, report.queries) == (1, 1)


def test_a_rule_that_cannot_run_is_reported_and_the_others_still_run():
    report = validate(_tables(), BASE.derive("with broken", add=[broken]))
    assert list(report.not_run) == ["T3"]
    assert "NoSuchTable" in report.not_run["T3"]
    summary = {r["rule"]: r for r in report.summary().to_dicts()}
    assert summary["T3"]["status"].startswith("could not run: CatalogException")
    assert (summary["T1"]["status"], summary["T1"]["issues"]) == ("ran", 1)


def test_rule_declaration_needs_a_known_severity_and_its_fields():
    with pytest.raises(ValueError, match="severity"):
        rule(code="X", severity="warning", tables=["T"], fields=["F"], message="m")(lambda t: None)
    with pytest.raises(ValueError, match="tables and fields"):
        rule(code="X", severity="error", tables=[], fields=["F"], message="m")(lambda t: None)
