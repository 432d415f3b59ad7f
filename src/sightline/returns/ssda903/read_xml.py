"""Read the SSDA903 XML return in one streaming pass into the same tables as the CSV files.

The parser never resolves entities, loads a DTD or touches the network, and a document type
declaration is refused outright: a return has no need of one and it is how XML bombs start.
"""

from pathlib import Path

import polars as pl
from lxml import etree

from sightline.returns.ssda903.read_csv import MAX_FILE_BYTES, ReturnFileError
from sightline.returns.ssda903.schema import TABLES
from sightline.returns.ssda903.tables import Problem, Return903, typed_table

# Child-level tables carried inside HEADER: the element holding them (None: HEADER itself) and
# the field whose presence means the child has a row in that table.
_IN_HEADER = {
    "UASC": (None, "DUC"),
    "AD1": (None, "DATE_INT"),
    "OC3": (None, "IN_TOUCH"),
    "PrevPerm": ("PERMANENCE", None),
    "OC2": ("OC2", None),
}
_REPEATED = {"AMISSING": "Missing", "AREVIEW": "Reviews", "AD_PLACED": "PlacedAdoption"}


def _text(element, tag: str) -> str | None:
    found = element.find(tag)
    return found.text if found is not None else None


def _fields(element) -> dict[str, str | None]:
    return {child.tag: child.text for child in element if isinstance(child.tag, str)}


def read_xml_file(path: Path | str, *, name: str | None = None) -> Return903:
    path = Path(path)
    file = name or path.name
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ReturnFileError(f"{file} is larger than {MAX_FILE_BYTES // 2**20} MB; check it is the right file.")
    with path.open("rb") as handle:
        head = handle.read(4096)
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise ReturnFileError(f"{file} declares a document type or entities, which an SSDA903 return never does; "
                              "it was not read.")
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    result = Return903()
    parser = etree.iterparse(str(path), events=("end",), tag="CHILD", resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True)
    try:
        for _, child in parser:
            header = child.find("HEADER")
            if header is None:
                result.problems.append(Problem(file=file, line=child.sourceline,
                                               message=f"Line {child.sourceline} of {file}: a CHILD has no HEADER; "
                                                       "it was skipped."))
                child.clear()
                continue
            top = _fields(header)
            ident = {"CHILD": top.get("CHILDID"), "DOB": top.get("DOB")}
            rows["Header"].append({**top, "CHILD": top.get("CHILDID"), "line": header.sourceline})
            for table, (holder, marker) in _IN_HEADER.items():
                source = header.find(holder) if holder else header
                if source is None or (marker and top.get(marker) is None):
                    continue
                rows[table].append({**ident, "SEX": top.get("SEX"), **_fields(source), "line": source.sourceline})
            for element in header:
                if element.tag in _REPEATED:
                    rows[_REPEATED[element.tag]].append({**ident, **_fields(element), "line": element.sourceline})
            for episode in child.iterfind("EPISODE"):
                fields = _fields(episode)
                fields["PLACE"] = fields.pop("PL", None)
                rows["Episodes"].append({"CHILD": ident["CHILD"], **fields, "line": episode.sourceline})
            child.clear()
            while child.getprevious() is not None:
                del child.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise ReturnFileError(f"{file} is not well-formed XML (line {exc.lineno}: {exc.msg}).") from exc
    for table, table_rows in rows.items():
        if not table_rows and table != "Header":
            continue
        columns = TABLES[table]
        frame = pl.DataFrame({c: [r.get(c) for r in table_rows] for c in (*columns, "line")},
                             schema={c: pl.Utf8 for c in columns} | {"line": pl.Int64})
        frame = frame.with_row_index("row_id").with_columns(pl.col("row_id").cast(pl.Int64))
        result.tables[table] = typed_table(table, frame, file, result)
        result.sources[table] = file
    return result
