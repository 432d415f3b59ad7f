"""How an SSDA903 rule is declared: one SQL query over the whole return, run by the returns engine.

A rule's query selects `row_id` from its first table (the table the finding points at). Queries see
every table of the return by name, `_invalid_dates` (values in date columns that are not dates:
table, row_id, field, value), and `$start` / `$end`, the first and last days of the collection year.
Code lists that change by year take the collection year (the year of `$end`).
"""

from collections.abc import Callable

from sightline.returns.engine import Rule, Tables, rule
from sightline.returns.ssda903.schema import CODES

RULES: list[Rule] = []


def sql_rule(code: str, *, tables: list[str], fields: list[str], message: str, severity: str = "error"):
    """Declare an SSDA903 rule whose decorated function takes the collection year and returns its SQL."""
    def declare(query: Callable[[int], str]) -> Rule:
        def check(t: Tables):
            absent = [name for name in tables if name not in t.frames]
            if absent:
                raise ValueError(f"the return has no {', '.join(absent)} table")
            sql = query(t.end.year)
            for name, definition in DERIVED.items():
                if name in sql:
                    t.con.execute(f"create temp table if not exists {name} as {definition}")
            return t.sql(sql)

        declared = rule(code=code, severity=severity, tables=tables, fields=fields, message=message)(check)
        RULES.append(declared)
        return declared
    return declare


def sql_list(values) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


def codes(name: str) -> str:
    return sql_list(CODES[name])


def age(dob: str, on: str) -> str:
    """SQL for a person's age in whole years on a date (the birthday itself counts)."""
    return (f"(year({on}) - year({dob}) - case when strftime({on}, '%m%d') < strftime({dob}, '%m%d') "
            f"then 1 else 0 end)")


def invalid_dates(table: str, field: str) -> str:
    """Rows whose `field` holds something that is not a date (blank is another matter)."""
    return f"select row_id from _invalid_dates where \"table\" = '{table}' and field = '{field}'"


def blank_or_invalid_date(table: str, field: str) -> str:
    return f"select row_id from {table} where {field} is null union {invalid_dates(table, field)}"


def invalid_code(table: str, field: str, code_list: str | None = None, *, blank_ok: bool = False) -> str:
    valid = sql_list(code_list) if isinstance(code_list, (set, frozenset)) else codes(code_list or field)
    blank = "" if blank_ok else f"{field} is null or "
    return f"select row_id from {table} where {blank}{field} not in {valid}"


# Episodes in order for each child, with the neighbouring episodes' fields beside them. Several
# rules read it, so it is made once per validation, on first use, as a temporary table.
EPISODES_IN_ORDER = "episodes_in_order"
DERIVED = {EPISODES_IN_ORDER: """select e.*, row_number() over w as n, count(*) over (partition by CHILD) as episodes,
    lag(DEC) over w as prev_DEC, lag(REC) over w as prev_REC, lag(LS) over w as prev_LS,
    lag(PLACE) over w as prev_PLACE, lag(PL_POST) over w as prev_PL_POST, lag(URN) over w as prev_URN,
    lag(DECOM) over w as prev_DECOM, lead(DECOM) over w as next_DECOM, lead(RNE) over w as next_RNE
  from Episodes e window w as (partition by CHILD order by DECOM nulls last, row_id)"""}
