"""Reading CIN census XML: what is read, and how hostile or broken files are refused or reported."""

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from sightline.returns.cin.format import sniff
from sightline.returns.cin.reader import read_cin
from sightline.returns.cin.writer import write_cin
from tests.returns.cin.baseline import baseline, frames

XSD = Path(__file__).parents[3] / "src/sightline/returns/cin/data/CIN_schema_2026.xsd"


@pytest.fixture
def valid_file(tmp_path) -> Path:
    path = tmp_path / "cin_2026.xml"
    write_cin(frames(baseline()), path)
    return path


def test_written_file_is_valid_against_the_dfe_schema(valid_file):
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.parse(str(valid_file))), schema.error_log


def test_reading_a_written_file_gives_back_the_same_tables(valid_file):
    read = read_cin(valid_file)
    assert read.unreadable == "" and read.problems.height == 0
    assert read.year == "2025-26"
    expected = frames(baseline())
    for table, frame in expected.items():
        got = read.tables[table].drop("row_id", "line")
        want = frame.drop("row_id", "line").select(got.columns)
        # The writer orders each child's rows by date and code, so compare in one order.
        assert got.sort(got.columns, nulls_last=True).to_dicts() == want.sort(got.columns, nulls_last=True).to_dicts()


def test_file_hash_is_the_sha256_of_the_bytes(valid_file):
    import hashlib

    assert read_cin(valid_file).sha256 == hashlib.sha256(valid_file.read_bytes()).hexdigest()


def _replace(path: Path, old: str, new: str) -> Path:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def test_truncated_file_is_unreadable_from_its_line_and_keeps_children_before_it(valid_file):
    text = valid_file.read_text()
    cut = text.index("<LAchildID>C3")  # part-way through the third child
    valid_file.write_text(text[:cut])
    read = read_cin(valid_file)
    assert read.unreadable.startswith("cin_2026.xml, line ")
    assert "cut short" in read.unreadable
    assert read.tables["ChildIdentifiers"]["LAchildID"].to_list() == ["A1", "B2"]


def test_malformed_file_names_the_line(valid_file):
    _replace(valid_file, "<Sex>M</Sex>", "<Sex>M</Sexx>")
    read = read_cin(valid_file)
    line = next(i for i, s in enumerate(valid_file.read_text().splitlines(), 1) if "</Sexx>" in s)
    assert read.unreadable.startswith(f"cin_2026.xml, line {line}:")


def test_wrong_namespace_is_refused(valid_file):
    _replace(valid_file, "<Message>", '<Message xmlns="http://example.org/not-cin">')
    read = read_cin(valid_file)
    assert "namespace http://example.org/not-cin" in read.unreadable
    assert read.tables["ChildIdentifiers"].height == 0


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE Message [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&lol4;</LAchildID></ChildIdentifiers></Child>
</Children></Message>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Message><Children><Child><ChildIdentifiers><LAchildID>&secret;</LAchildID></ChildIdentifiers></Child>
</Children></Message>
"""


@pytest.mark.parametrize("content", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "external-entity"])
def test_files_with_a_dtd_are_refused_before_parsing(tmp_path, content):
    path = tmp_path / "hostile.xml"
    path.write_text(content)
    read = read_cin(path)
    assert read.unreadable.startswith("hostile.xml, line 2: the file declares a DTD or entities")
    assert read.tables["ChildIdentifiers"].height == 0


def test_a_dtd_hidden_after_a_long_comment_is_still_refused(tmp_path):
    path = tmp_path / "hostile.xml"
    path.write_text('<?xml version="1.0"?>\n<!--' + "x" * 70_000 + "-->\n" + XXE.split("\n", 1)[1])
    read = read_cin(path)
    assert "DTD" in read.unreadable
    assert "root:" not in read.tables["ChildIdentifiers"]["LAchildID"].to_list()


def test_huge_text_node_is_refused_by_the_parser_limits(tmp_path):
    path = tmp_path / "huge.xml"
    # libxml2 refuses a text node over 10,000,000 bytes unless huge_tree is on.
    path.write_text("<Message><Children><Child><ChildIdentifiers><LAchildID>" + "A" * 10_000_001
                    + "</LAchildID></ChildIdentifiers></Child></Children></Message>")
    read = read_cin(path)
    assert read.unreadable.startswith("huge.xml, line 1:")


def test_wrong_encoding_is_refused_with_its_line(valid_file):
    data = valid_file.read_bytes().replace(b"<LAchildID>B2", "<LAchildID>B\u00e92".encode("latin-1"))
    valid_file.write_bytes(data)
    read = read_cin(valid_file)
    line = data[:data.index(b"B\xe92")].count(b"\n") + 1
    assert read.unreadable.startswith(f"cin_2026.xml, line {line}:")


def test_utf16_file_is_read(valid_file):
    text = valid_file.read_text().replace("encoding='utf-8'", "encoding='utf-16'")
    valid_file.write_bytes(text.encode("utf-16"))
    assert sniff(valid_file.read_bytes()[:4096], valid_file.name)
    read = read_cin(valid_file)
    assert read.unreadable == ""
    assert read.tables["ChildIdentifiers"].height == 3


def test_dates_in_other_forms_are_read_and_queried_and_nonsense_is_an_error(valid_file):
    _replace(valid_file, "<CINreferralDate>2025-05-01<", "<CINreferralDate>01/05/2025<")
    _replace(valid_file, "<CINreferralDate>2026-01-05<", "<CINreferralDate>31/02/2026<")
    read = read_cin(valid_file)
    episodes = read.tables["CINdetails"]
    # 01/05/2025 is 1 May 2025 (day first, as written in England); 31 February is no date.
    assert episodes["CINreferralDate"].to_list()[:2] == [date(2025, 5, 1), None]
    problems = read.problems.sort("row").to_dicts()
    assert [(p["LAchildID"], p["table"], p["row"], p["field"], p["severity"], p["value"]) for p in problems] == [
        ("A1", "CINdetails", 1, "CINreferralDate", "query", "01/05/2025"),
        ("B2", "CINdetails", 2, "CINreferralDate", "error", "31/02/2026"),
    ]
    assert problems[0]["message"] == ("CINreferralDate is written in another date form; read as 01 May 2025. "
                                      "Write it as YYYY-MM-DD.")
    # The line is where the row (the CINdetails element) begins: the line before the referral date.
    line = next(i for i, s in enumerate(valid_file.read_text().splitlines(), 1) if "31/02/2026" in s)
    assert problems[1]["line"] == line - 1
    # The rest of B2's episode is kept.
    assert episodes.row(1, named=True)["ReferralSource"] == "2A"


def test_count_that_is_not_a_number_is_an_error_and_left_empty(valid_file):
    _replace(valid_file, "<NumberOfPreviousCPP>0<", "<NumberOfPreviousCPP>none<")
    read = read_cin(valid_file)
    assert read.tables["ChildProtectionPlans"]["NumberOfPreviousCPP"].to_list() == [None]
    [problem] = read.problems.to_dicts()
    assert (problem["field"], problem["value"], problem["severity"]) == ("NumberOfPreviousCPP", "none", "error")


def test_sniff_knows_a_cin_file_from_another_xml(valid_file):
    assert sniff(valid_file.read_bytes(), "x.xml")
    assert not sniff(b"<?xml version='1.0'?><EXPSSDA903><CHILD/></EXPSSDA903>", "x.xml")


def test_a_2024_schema_file_with_gender_current_is_read_and_checked_by_the_2023_24_pack(tmp_path):
    from sightline.returns.validation import validate_file

    rows = baseline()
    rows["Header"][0].update(Year="2024", ReferenceDate=date(2024, 3, 31))
    for child, gender in zip(rows["ChildIdentifiers"], ("2", "7", "0")):
        child.update(Sex=None, GenderCurrent=gender)
    path = tmp_path / "cin_2024.xml"
    write_cin(frames(rows), path)
    schema = etree.XMLSchema(etree.parse(str(XSD.with_name("CIN_schema_2024.xsd"))))
    # Gender 7 is not in the 2024 schema's list, which is what rule 4180 (2023-24) catches too.
    assert not schema.validate(etree.parse(str(path)))
    read, report = validate_file(path)
    assert read.year == "2023-24" and report.pack.name == "CIN census 2023-24"
    gender = report.issues.filter(report.issues["rule"] == "4180")
    assert gender.select("LAchildID", "field", "value").rows() == [("B2", "GenderCurrent", "7")]


def test_a_child_without_identifiers_is_reported_and_its_other_rows_kept(valid_file):
    text = valid_file.read_text()
    start = text.index("<ChildIdentifiers>\n<LAchildID>C3")
    end = text.index("</ChildIdentifiers>", start) + len("</ChildIdentifiers>")
    valid_file.write_text(text[:start] + text[end:])
    read = read_cin(valid_file)
    [problem] = read.problems.to_dicts()
    assert (problem["table"], problem["severity"]) == ("ChildIdentifiers", "error")
    assert problem["message"] == "This Child has no ChildIdentifiers, so it cannot be matched to a child."
    assert read.tables["ChildIdentifiers"]["LAchildID"].to_list() == ["A1", "B2"]
    assert read.tables["CINdetails"].height == 3
