"""SSDA903 integrity rules (INT): the child-level tables agree with the Header."""

from sightline.returns.ssda903.rules.base import sql_rule

_NOT_IN_HEADER = {"INT01": "AD1", "INT02": "PlacedAdoption", "INT03": "Episodes", "INT04": "Missing", "INT05": "OC2",
                  "INT06": "OC3", "INT07": "PrevPerm", "INT08": "Reviews", "INT09": "UASC"}
_BIRTH_DIFFERS = {"INT11": "AD1", "INT12": "PlacedAdoption", "INT13": "Missing", "INT14": "OC2", "INT15": "OC3",
                  "INT16": "PrevPerm", "INT17": "Reviews", "INT18": "UASC"}
_ONCE_ONLY = {"INT31": "AD1", "INT32": "Header", "INT33": "OC2", "INT34": "OC3", "INT35": "PrevPerm",
              "INT36": "UASC"}


def _not_in_header(code: str, table: str) -> None:
    @sql_rule(code, tables=[table, "Header"], fields=["CHILD"],
              message=f"The child in {table} is not in the Header.")
    def check(year: int) -> str:
        return f"select row_id from {table} where CHILD not in (select CHILD from Header where CHILD is not null)"


def _birth_differs(code: str, table: str) -> None:
    @sql_rule(code, tables=[table, "Header"], fields=["DOB"],
              message=f"The date of birth in {table} differs from the one in the Header.")
    def check(year: int) -> str:
        return f"select t.row_id from {table} t join Header h using (CHILD) where t.DOB is distinct from h.DOB"


def _once_only(code: str, table: str) -> None:
    @sql_rule(code, tables=[table], fields=["CHILD"], message=f"The child appears more than once in {table}.")
    def check(year: int) -> str:
        return (f"select row_id from {table} where CHILD in "
                f"(select CHILD from {table} group by CHILD having count(*) > 1)")


for _code, _table in _NOT_IN_HEADER.items():
    _not_in_header(_code, _table)
for _code, _table in _BIRTH_DIFFERS.items():
    _birth_differs(_code, _table)
for _code, _table in _ONCE_ONLY.items():
    _once_only(_code, _table)


@sql_rule("INT21", tables=["UASC", "Header"], fields=["SEX"], message="The sex in UASC differs from the one in the "
                                                                       "Header.")
def uasc_sex_differs(year: int) -> str:
    return "select u.row_id from UASC u join Header h using (CHILD) where u.SEX is distinct from h.SEX"
