"""Read a CIN census XML file into its tables in one streaming pass.

Safe against hostile files: no DTD is loaded, no entity is expanded, nothing is fetched from
the network, and libxml2's limits on node size and depth stay on (huge_tree=False). A file that
declares a DTD is refused outright: the census has none, and a DTD is how an XML bomb or an
external entity (XXE) gets in. Each Child is dropped from memory as soon as its rows are taken,
so memory grows with the tables, not with the document tree.

Values that are not what the schema says (a date that is not a date, a count that is not a
number) become empty in the tables and are reported with their file, line and field; the rest
of the row, and every other row, is kept. A date written in another common form (31/03/2025)
is read, and reported as a query so the file can be corrected.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import polars as pl
from lxml import etree

from sightline.returns.cin.schema import COLUMNS, DATES, KEYS, NUMBERS
from sightline.returns.formats import ReturnFile
from sightline.returns.report import ISSUE_SCHEMA, READ_RULE

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_OTHER_DATE_FORMATS = ("%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y", "%d.%m.%Y")


class _HashingReader:
    """Hands the file to the parser in blocks and hashes what passes through."""

    def __init__(self, f):
        self.f, self.digest = f, hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        block = self.f.read(n)
        self.digest.update(block)
        return block


class _Rows:
    def __init__(self):
        self.columns = {t: {c: [] for c in ("line", *cols)} for t, cols in COLUMNS.items()}
        self.problems: list[tuple] = []
        self.next_id = {"CINdetailsID": 0, "AssessmentID": 0, "CPPID": 0}

    def add(self, table: str, line: int, values: dict) -> None:
        cols = self.columns[table]
        cols["line"].append(line)
        for c in COLUMNS[table]:
            cols[c].append(values.get(c))

    def new_id(self, key: str) -> int:
        self.next_id[key] += 1
        return self.next_id[key]


def _leaves(node) -> dict:
    values = {}
    for c in node:
        if isinstance(c.tag, str) and len(c) == 0:
            text = (c.text or "").strip()
            values[c.tag] = text or None
    return values


def _read_child(el, rows: _Rows) -> None:
    ids = el.find("ChildIdentifiers")
    child = _leaves(ids) if ids is not None else {}
    la_child_id = child.get("LAchildID")
    if ids is None:
        rows.problems.append((la_child_id, "ChildIdentifiers", None, el.sourceline, "ChildIdentifiers", "error",
                              "This Child has no ChildIdentifiers, so it cannot be matched to a child.", None))
    else:
        rows.add("ChildIdentifiers", ids.sourceline, child)
    chars = el.find("ChildCharacteristics")
    if chars is not None:
        rows.add("ChildCharacteristics", chars.sourceline, {"LAchildID": la_child_id, **_leaves(chars)})
        for d in chars.iterfind("Disabilities/Disability"):
            rows.add("Disabilities", d.sourceline, {"LAchildID": la_child_id, "Disability": (d.text or "").strip()
                                                   or None})
    for cin in el.iterfind("CINdetails"):
        cin_id = rows.new_id("CINdetailsID")
        keys = {"LAchildID": la_child_id, "CINdetailsID": cin_id}
        rows.add("CINdetails", cin.sourceline, {**keys, **_leaves(cin)})
        for a in cin.iterfind("Assessments"):
            a_id = rows.new_id("AssessmentID")
            rows.add("Assessments", a.sourceline, {**keys, "AssessmentID": a_id, **_leaves(a)})
            for f in a.iterfind("FactorsIdentifiedAtAssessment/AssessmentFactors"):
                rows.add("AssessmentFactorsList", f.sourceline,
                         {**keys, "AssessmentID": a_id, "AssessmentFactor": (f.text or "").strip() or None})
        for p in cin.iterfind("CINPlanDates"):
            rows.add("CINplanDates", p.sourceline, {**keys, **_leaves(p)})
        for s in cin.iterfind("Section47"):
            rows.add("Section47", s.sourceline, {**keys, **_leaves(s)})
        for cpp in cin.iterfind("ChildProtectionPlans"):
            cpp_id = rows.new_id("CPPID")
            rows.add("ChildProtectionPlans", cpp.sourceline, {**keys, "CPPID": cpp_id, **_leaves(cpp)})
            for r in cpp.iterfind("Reviews/CPPreviewDate"):
                rows.add("Reviews", r.sourceline, {**keys, "CPPID": cpp_id,
                                                   "CPPreviewDate": (r.text or "").strip() or None})


def _typed(table: str, raw: pl.DataFrame, name: str) -> tuple[pl.DataFrame, list[pl.DataFrame]]:
    """Dates and numbers converted column by column; what does not convert is reported."""
    problems = []
    exprs = []
    for col in raw.columns:
        if col in DATES:
            iso = pl.col(col).str.strptime(pl.Date, "%Y-%m-%d", strict=False)
            other = pl.coalesce([pl.col(col).str.strptime(pl.Date, f, strict=False) for f in _OTHER_DATE_FORMATS])
            checked = raw.select("row_id", "line", "LAchildID", value=pl.col(col), iso=iso, other=other)
            bad = checked.filter(pl.col("value").is_not_null() & pl.col("iso").is_null())
            if bad.height:
                problems.append(bad.select(
                    pl.col("LAchildID"), table=pl.lit(table), row=pl.col("row_id") + 1, line=pl.col("line"),
                    field=pl.lit(col), rule=pl.lit(READ_RULE),
                    severity=pl.when(pl.col("other").is_null()).then(pl.lit("error")).otherwise(pl.lit("query")),
                    message=pl.when(pl.col("other").is_null())
                    .then(pl.lit(f"{col} is not a date; write it as YYYY-MM-DD. The field was left empty."))
                    .otherwise(pl.lit(f"{col} is written in another date form; read as ")
                               + pl.col("other").dt.strftime("%d %B %Y")
                               + pl.lit(". Write it as YYYY-MM-DD.")),
                    value=pl.col("value")))
            exprs.append(pl.coalesce(iso, other).alias(col))
        elif col in NUMBERS:
            number = pl.col(col).str.strip_chars().cast(pl.Int64, strict=False)
            checked = raw.select("row_id", "line", "LAchildID", value=pl.col(col), number=number)
            bad = checked.filter(pl.col("value").is_not_null() & (pl.col("number").is_null() | (pl.col("number") < 0)))
            if bad.height:
                problems.append(bad.select(
                    pl.col("LAchildID"), table=pl.lit(table), row=pl.col("row_id") + 1, line=pl.col("line"),
                    field=pl.lit(col), rule=pl.lit(READ_RULE), severity=pl.lit("error"),
                    message=pl.lit(f"{col} must be a whole number, 0 or more. The field was left empty."),
                    value=pl.col("value")))
            exprs.append(pl.when(number >= 0).then(number).alias(col))
        else:
            exprs.append(pl.col(col))
    return raw.select(exprs), [p.with_columns(file=pl.lit(name)) for p in problems]


def _frames(rows: _Rows, name: str) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    frames, problems = {}, []
    for table, cols in rows.columns.items():
        schema = {c: (pl.Int64 if c in KEYS or c == "line" else pl.String) for c in cols}
        raw = pl.DataFrame(cols, schema=schema).with_row_index("row_id").with_columns(pl.col("row_id").cast(pl.Int64))
        if "LAchildID" not in raw.columns:
            raw = raw.with_columns(LAchildID=pl.lit(None, pl.String))
        frames[table], found = _typed(table, raw, name)
        problems.extend(found)
    structural = pl.DataFrame(rows.problems, orient="row", schema=[
        "LAchildID", "table", "row", "line", "field", "severity", "message", "value"],
    ).with_columns(file=pl.lit(name), rule=pl.lit(READ_RULE))
    return frames, pl.concat([p.select(list(ISSUE_SCHEMA)).cast(ISSUE_SCHEMA) for p in (*problems, structural)])


def _refusal(head: bytes, name: str) -> str:
    """Why the file must not be parsed at all (it declares a DTD), judged from its first bytes."""
    text = head.decode("utf-16", "replace").encode("utf-8") if head[:2] in (b"\xff\xfe", b"\xfe\xff") else head
    found = _DTD.search(text)
    if found:
        line = text[:found.start()].count(b"\n") + 1
        return (f"{name}, line {line}: the file declares a DTD or entities. A CIN census file has neither, and "
                f"they are how XML bombs and external-entity attacks work, so the file was not read.")
    return ""


def read_cin(path: Path, name: str | None = None) -> ReturnFile:
    name = name or Path(path).name
    rows = _Rows()
    unreadable = ""
    with open(path, "rb") as f:
        head = f.read(64 * 1024)
        f.seek(0)
        reader = _HashingReader(f)
        unreadable = _refusal(head, name)
        if not unreadable:
            unreadable = _parse(reader, rows, name)
        if not unreadable:
            for _ in iter(lambda: reader.read(1 << 20), b""):
                pass
    frames, problems = _frames(rows, name)
    header = frames["Header"]
    year = ""
    if header.height and header["ReferenceDate"][0] is not None:
        ref = header["ReferenceDate"][0]
        year = f"{ref.year - 1}-{ref.year % 100:02d}"
    return ReturnFile(name=name, format="cin", tables=frames, problems=problems, unreadable=unreadable, year=year,
                      sha256=reader.digest.hexdigest())


def _parse(reader: _HashingReader, rows: _Rows, name: str) -> str:
    events = etree.iterparse(reader, events=("end",), tag=("{*}Child", "{*}Header"), resolve_entities=False,
                             no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False,
                             remove_comments=True, remove_pis=True)
    first = True
    try:
        for _, el in events:
            qname = etree.QName(el)
            if qname.namespace:
                return (f"{name}, line {el.sourceline}: the elements are in the namespace {qname.namespace}; "
                        f"CIN census elements have no namespace, so this is not a CIN census file as the DfE "
                        f"defines it.")
            # A DTD further in than the first 64 KB (behind a long comment) is caught here.
            if first and el.getroottree().docinfo.doctype:
                return f"{name}: the file declares a DTD, which a CIN census file never does, so it was not read."
            first = False
            if qname.localname == "Header":
                _read_header(el, rows)
            else:
                _read_child(el, rows)
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
        root = events.root
        if root is None or root.tag != "Message":
            return f"{name}: the root element is {root.tag if root is not None else 'missing'}, not Message."
    except etree.XMLSyntaxError as exc:
        return (f"{name}, line {exc.lineno}: the XML is broken or cut short ({exc.msg}). "
                f"Rows before this line were read; nothing after it.")
    return ""


def _read_header(el, rows: _Rows) -> None:
    values = {}
    details = el.find("CollectionDetails")
    if details is not None:
        values.update(_leaves(details))
    source = el.find("Source")
    if source is not None:
        values.update(_leaves(source))
    rows.add("Header", el.sourceline, values)
