"""The CIN census as a return format (see sightline.returns.formats for the plug-in point)."""

import re
from datetime import date
from functools import cache
from importlib.resources import files

import polars as pl

from sightline.returns.cin.packs import PACKS
from sightline.returns.cin.reader import read_cin
from sightline.returns.formats import ReturnFormat

_ROOT = re.compile(rb"<(\w+:)?Message[\s>]")


def sniff(head: bytes, filename: str) -> bool:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.decode("utf-16", "replace").encode("utf-8")
    return bool(_ROOT.search(head))


def period(year: str) -> tuple[date, date]:
    """The collection year "2025-26" runs from 1 April 2025 to 31 March 2026 (the reference date)."""
    if not re.fullmatch(r"\d{4}-\d{2}", year) or int(year[-2:]) != (int(year[:4]) + 1) % 100:
        raise ValueError(f"{year!r} is not a collection year; write it like 2025-26.")
    first = int(year[:4])
    return date(first, 4, 1), date(first + 1, 3, 31)


@cache
def _la_codes() -> pl.DataFrame:
    codes = files("sightline.returns.cin").joinpath("data/la_codes.txt").read_text().split()
    return pl.DataFrame({"code": codes})


def lookups() -> dict[str, pl.DataFrame]:
    return {"la_codes": _la_codes()}


def _load(*args, **kwargs):
    from sightline.returns.cin.loader import cin_load

    return cin_load(*args, **kwargs)


def _export(*args, **kwargs):
    from sightline.returns.cin.export import cin_export

    return cin_export(*args, **kwargs)


FORMAT = ReturnFormat(name="cin", title="CIN census XML", sniff=sniff, read=read_cin, packs=PACKS, period=period,
                      lookups=lookups, load=_load, export=_export)
