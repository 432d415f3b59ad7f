"""Whatever the writer writes, the reader reads back the same (values with XML's special characters too)."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sightline.returns.cin.reader import read_cin
from sightline.returns.cin.writer import write_cin
from tests.returns.cin.baseline import frames

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zs", "Zl", "Zp"]),
               min_size=1, max_size=12)
child = st.fixed_dictionaries({
    "LAchildID": text, "UPN": st.none() | text, "Sex": st.sampled_from(["M", "F", "U"]),
    "PersonBirthDate": st.none() | st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    "PersonDeathDate": st.none() | st.dates(date(2000, 1, 1), date(2030, 12, 31)),
})


@settings(max_examples=40, deadline=None)
@given(children=st.lists(child, min_size=1, max_size=5, unique_by=lambda c: c["LAchildID"]))
def test_written_children_read_back_unchanged(tmp_path_factory, children):
    rows = {"Header": [{"Collection": "CIN", "ReferenceDate": date(2026, 3, 31)}], "ChildIdentifiers": children,
            "ChildCharacteristics": [{"LAchildID": c["LAchildID"], "Ethnicity": "WBRI"} for c in children]}
    path = tmp_path_factory.mktemp("cin") / "cin.xml"
    write_cin(frames(rows), path)
    read = read_cin(path)
    assert read.unreadable == "" and read.problems.height == 0
    got = read.tables["ChildIdentifiers"].select("LAchildID", "UPN", "Sex", "PersonBirthDate", "PersonDeathDate")
    assert got.sort("LAchildID").to_dicts() == sorted(
        ({k: c[k] for k in ("LAchildID", "UPN", "Sex", "PersonBirthDate", "PersonDeathDate")} for c in children),
        key=lambda c: c["LAchildID"])
