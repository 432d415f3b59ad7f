"""Where each SSDA903 column lives in the record: the one mapping the loader and the writer share.

The record holds Header (on Person), Episodes, Reviews, Missing and OC3. UASC, OC2, AD1,
PlacedAdoption, PrevPerm and the Header's MOTHER and MC_DOB have no home in the record yet, so
they are validated but neither loaded nor written.
"""

import polars as pl
from django.db import models

from sightline.care.models import CareLeaver, LookedAfterEpisode, LookedAfterReview, MissingEpisode

# table: (model, {column: field}); every table also maps CHILD to the person.
RECORD_TABLES = {
    "Episodes": (LookedAfterEpisode, {
        "DECOM": "start_date", "RNE": "reason_new_episode", "LS": "legal_status", "CIN": "category_of_need",
        "PLACE": "placement_type", "PLACE_PROVIDER": "placement_provider", "DEC": "end_date",
        "REC": "reason_ceased", "REASON_PLACE_CHANGE": "reason_place_change", "HOME_POST": "home_postcode",
        "PL_POST": "placement_postcode", "URN": "urn"}),
    "Reviews": (LookedAfterReview, {"REVIEW": "date", "REVIEW_CODE": "participation"}),
    "Missing": (MissingEpisode, {"MISSING": "kind", "MIS_START": "start_date", "MIS_END": "end_date"}),
    "OC3": (CareLeaver, {"IN_TOUCH": "in_touch", "ACTIV": "activity", "ACCOM": "accommodation"}),
}

# Columns each record table needs to make a row the database accepts.
REQUIRED = {"Episodes": ("DECOM", "RNE", "LS", "CIN", "PLACE"), "Reviews": ("REVIEW", "REVIEW_CODE"),
            "Missing": ("MISSING", "MIS_START"), "OC3": ("IN_TOUCH",)}
# (start, end) columns whose order the database checks.
ORDERED = {"Episodes": ("DECOM", "DEC"), "Missing": ("MIS_START", "MIS_END")}

# Sex was 1/2 before 2024-25; the record keeps M/F/U.
SEX_TO_RECORD = {"1": "M", "2": "F", "M": "M", "F": "F", "U": "U"}
UPN_UNKNOWN = ("UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7")


def frame_of(rows: list, schema: dict) -> pl.DataFrame:
    """A frame from query rows (dicts or tuples), typed even when there are none."""
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def polars_schema(model, fields: list[str]) -> dict:
    kinds = {f: model._meta.get_field(f) for f in fields}
    return {f: pl.Date if isinstance(k, models.DateField) else pl.Int64 if isinstance(k, models.ForeignKey)
            else pl.Utf8 for f, k in kinds.items()}
