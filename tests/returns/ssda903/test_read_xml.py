"""Reading the SSDA903 XML return: the same tables as the CSVs, parsed safely."""

import datetime as dt

import pytest

from sightline.returns.ssda903.format import sniff
from sightline.returns.ssda903.read_csv import ReturnFileError
from sightline.returns.ssda903.read_xml import read_xml_file

RETURN = """<?xml version="1.0" encoding="utf-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>C1</CHILDID><UPN>A123456789012</UPN><SEX>F</SEX><DOB>15/06/2012</DOB><ETHNIC>WBRI</ETHNIC>
      <UASC>0</UASC>
      <AMISSING><MISSING>M</MISSING><MIS_START>02/10/2025</MIS_START><MIS_END>03/10/2025</MIS_END></AMISSING>
      <AREVIEW><REVIEW>15/07/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
      <AREVIEW><REVIEW>15/01/2026</REVIEW><REVIEW_CODE>PN2</REVIEW_CODE></AREVIEW>
      <MOTHER>0</MOTHER>
      <PERMANENCE><PREV_PERM>Z1</PREV_PERM></PERMANENCE>
    </HEADER>
    <EPISODE><DECOM>01/02/2024</DECOM><RNE>S</RNE><LS>C1</LS><CIN>N1</CIN><PL>U3</PL><PL_POST>S1 4HP</PL_POST>
      <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC></DEC><REC></REC></EPISODE>
  </CHILD>
  <CHILD>
    <HEADER>
      <CHILDID>C4</CHILDID><UPN>UN4</UPN><SEX>M</SEX><DOB>20/08/2006</DOB><ETHNIC>WOTH</ETHNIC><UASC>1</UASC>
      <DUC>01/02/2024</DUC><IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>U1</ACCOM>
    </HEADER>
  </CHILD>
</EXPSSDA903>
"""


def write(tmp_path, text: str, name: str = "return.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_xml_return_becomes_the_csv_tables(tmp_path):
    ret = read_xml_file(write(tmp_path, RETURN))
    assert sorted(ret.tables) == ["Episodes", "Header", "Missing", "OC3", "PrevPerm", "Reviews", "UASC"]
    assert ret.tables["Header"]["CHILD"].to_list() == ["C1", "C4"]
    episode = ret.tables["Episodes"].row(0, named=True)
    # The XML calls the placement type PL; the table calls it PLACE. Empty elements are blank.
    assert (episode["CHILD"], episode["PLACE"], episode["DECOM"], episode["DEC"]) == (
        "C1", "U3", dt.date(2024, 2, 1), None)
    assert ret.tables["Reviews"].select("CHILD", "DOB", "REVIEW_CODE").rows() == [
        ("C1", dt.date(2012, 6, 15), "PN1"), ("C1", dt.date(2012, 6, 15), "PN2")]
    assert ret.tables["UASC"].select("CHILD", "SEX", "DUC").rows() == [("C4", "M", dt.date(2024, 2, 1))]
    assert ret.tables["OC3"].select("CHILD", "IN_TOUCH", "ACTIV", "ACCOM").rows() == [("C4", "YES", "F2", "U1")]
    assert ret.problems == []


def test_rows_carry_the_line_of_their_element(tmp_path):
    ret = read_xml_file(write(tmp_path, RETURN))
    # <AREVIEW> elements are on lines 8 and 9 of RETURN.
    assert ret.tables["Reviews"]["line"].to_list() == [8, 9]


def test_document_type_declaration_is_refused(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            "<EXPSSDA903><CHILD><HEADER><CHILDID>&lol2;</CHILDID></HEADER></CHILD></EXPSSDA903>")
    with pytest.raises(ReturnFileError, match="bomb.xml declares a document type or entities"):
        read_xml_file(write(tmp_path, bomb, "bomb.xml"))


def test_external_entity_is_never_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           "<EXPSSDA903><CHILD><HEADER><CHILDID>&xxe;</CHILDID></HEADER></CHILD></EXPSSDA903>")
    with pytest.raises(ReturnFileError):
        read_xml_file(write(tmp_path, xxe))


def test_broken_xml_names_the_line(tmp_path):
    with pytest.raises(ReturnFileError, match=r"bad.xml is not well-formed XML \(line 3"):
        read_xml_file(write(tmp_path, "<EXPSSDA903>\n<CHILD><HEADER>\n</CHILD>", "bad.xml"))


def test_child_without_header_is_reported_and_skipped(tmp_path):
    ret = read_xml_file(write(tmp_path, "<EXPSSDA903>\n<CHILD><EPISODE/></CHILD>\n</EXPSSDA903>"))
    assert [p.message for p in ret.problems] == ["Line 2 of return.xml: a CHILD has no HEADER; it was skipped."]
    assert ret.tables["Header"].height == 0


def test_sniff_knows_the_xml_return():
    assert sniff(RETURN.encode()[:200], "anything.xml")
    assert not sniff(b"<Message><Header/></Message>", "cin.xml")
