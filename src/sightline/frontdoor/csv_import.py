"""Police notifications in bulk, as CSV: one pass over the file, valid rows kept, every error named.

Safe against hostile files: a size and row limit, a length limit on every field (and the csv
module's own field limit, left at its default since it is process-wide), strict UTF-8, no NUL bytes.
Values are cleaned of control characters and surrounding space. Rows with a sender reference
already received (or repeated in the file) are skipped: sending a file twice makes no duplicates.
Rows are written with bulk inserts; possible duplicates of open contacts are flagged in one query.
"""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np
from django.db import transaction
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from sightline.core.calendar import add_working_days_array
from sightline.core.calendar.selectors import local_closure_days
from sightline.core.models import LegalBasis, Sensitivity
from sightline.frontdoor.models import Concern, Contact, ContactConcern, GivenPerson

LONDON = ZoneInfo("Europe/London")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_FIELD = 10000
# The working-day calendar starts in 2000 (sightline.core.calendar.bank_holidays.COVERED_YEARS).
EARLIEST_YEAR = 2000
COLUMNS = ("sender_reference", "received_at", "child_forename", "child_surname", "child_date_of_birth",
           "postcode", "school_urn", "police_id", "concerns", "summary")
REQUIRED = ("sender_reference", "received_at", "child_forename", "child_surname", "summary")
LIMITS = {"sender_reference": 100, "child_forename": 100, "child_surname": 100, "postcode": 8, "school_urn": 7,
          "police_id": 40, "summary": MAX_FIELD}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
MOMENT_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M")


@dataclass
class CsvResult:
    created: list[Contact] = field(default_factory=list)
    already_received: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"created": len(self.created), "already_received": self.already_received, "errors": self.errors}


def _clean(value: str | None, keep_newlines: bool = False) -> str:
    value = CONTROL.sub("", value or "")
    if not keep_newlines:
        value = value.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return value.strip()


def _date(text: str) -> dt.date | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _moment(text: str) -> dt.datetime | None:
    for pattern in MOMENT_FORMATS:
        try:
            moment = dt.datetime.strptime(text, pattern)
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=LONDON)
    return None


def _concerns(text: str) -> list[str] | None:
    if not text:
        return [Concern.DOMESTIC_ABUSE]
    by_label = {label.lower(): value for value, label in Concern.choices}
    found = []
    for part in (p.strip().lower() for p in text.split(";") if p.strip()):
        code = part if part in Concern.values else by_label.get(part)
        if code is None:
            return None
        found.append(code)
    return sorted(set(found))


def _decode(name: str, data: bytes, result: CsvResult) -> str | None:
    if len(data) > MAX_BYTES:
        result.errors.append(f"{name} is {len(data):,} bytes; the most a file may be is {MAX_BYTES:,} bytes.")
        return None
    if b"\x00" in data:
        result.errors.append(f"{name} contains NUL bytes: it is not a CSV text file.")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        result.errors.append(f"{name} is not UTF-8 text (byte {error.start + 1:,}): save it as CSV UTF-8.")
        return None


def _row(name: str, number: int, raw: dict, today: dt.date) -> tuple[dict | None, list[str]]:
    errors = []
    values = {col: _clean(raw.get(col), keep_newlines=col == "summary") for col in COLUMNS}
    for col in REQUIRED:
        if not values[col]:
            errors.append(f"Row {number:,} of {name}: {col} is empty.")
    for col, limit in LIMITS.items():
        if len(values[col]) > limit:
            errors.append(f"Row {number:,} of {name}: {col} is longer than {limit} characters.")
    moment = _moment(values["received_at"]) if values["received_at"] else None
    if moment is not None and moment > dt.datetime.now(tz=LONDON) + dt.timedelta(minutes=5):
        errors.append(f"Row {number:,} of {name}: received_at {values['received_at']!r} is in the future.")
    elif moment is not None and moment.year < EARLIEST_YEAR:
        errors.append(f"Row {number:,} of {name}: received_at {values['received_at']!r} is before {EARLIEST_YEAR}.")
    if values["received_at"] and moment is None:
        errors.append(f"Row {number:,} of {name}: received_at {values['received_at']!r} is not a date and time "
                      "(use 2026-03-14T02:10:00+00:00 or 14/03/2026 02:10).")
    born = None
    if values["child_date_of_birth"]:
        born = _date(values["child_date_of_birth"])
        if born is None or born > today:
            errors.append(f"Row {number:,} of {name}: child_date_of_birth {values['child_date_of_birth']!r} is not "
                          "a date in the past (use 2014-02-03 or 03/02/2014).")
    concerns = _concerns(values["concerns"])
    if concerns is None:
        errors.append(f"Row {number:,} of {name}: concerns {values['concerns']!r} are not all known "
                      f"(use {', '.join(Concern.values)}, separated by ;).")
    if errors:
        return None, errors
    return {**values, "received_at": moment, "child_date_of_birth": born, "concerns": concerns}, []


def _rows(name: str, text: str, result: CsvResult, today: dt.date) -> list[dict]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as error:
        result.errors.append(f"{name}: the header row cannot be read ({error}).")
        return []
    reader.fieldnames = header
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        result.errors.append(f"{name}: the header row lacks {', '.join(missing)}. Expected columns: "
                             f"{', '.join(COLUMNS)}.")
        return []
    rows = []
    number = 1
    try:
        for number, raw in enumerate(reader, start=2):
            if number - 1 > MAX_ROWS:
                result.errors.append(f"{name} has more than {MAX_ROWS:,} rows; rows after {MAX_ROWS + 1:,} "
                                     "were not read. Split the file.")
                break
            if None in raw:
                result.errors.append(f"Row {number:,} of {name}: more values than columns.")
                continue
            row, errors = _row(name, number, raw, today)
            result.errors.extend(errors)
            if row is not None:
                rows.append(row)
    except csv.Error as error:
        result.errors.append(f"Row {number + 1:,} of {name}: {error}. Later rows were not read.")
    return rows


def _decision_due(moments: list[dt.datetime]) -> list[dt.datetime]:
    # One working day from each local date, in one numpy call (clock "contact_decision").
    days = np.array([m.astimezone(LONDON).date() for m in moments], dtype="datetime64[D]")
    due = add_working_days_array(days, 1, local_closure_days())
    return [dt.datetime.combine(d.astype(dt.date), dt.time(23, 59, 59), tzinfo=LONDON) for d in due]


def police_notifications_load(*, name: str, data: bytes, source_agency, recorded_by=None) -> CsvResult:
    """Load a CSV of police notifications for `source_agency`. Valid rows are kept whatever the others hold."""
    result = CsvResult()
    text = _decode(name, data, result)
    if text is None:
        return result
    rows = _rows(name, text, result, dt.date.today())
    known = set(Contact.objects.filter(source_agency=source_agency, sender_reference__in=[
        r["sender_reference"] for r in rows]).values_list("sender_reference", flat=True))
    fresh, seen = [], set(known)
    for row in rows:
        if row["sender_reference"] in seen:
            result.already_received += 1
            continue
        seen.add(row["sender_reference"])
        fresh.append(row)
    if not fresh:
        return result
    dues = _decision_due([r["received_at"] for r in fresh])
    referrer = recorded_by.get_full_name() if recorded_by else ""
    contacts = [Contact(owning_agency=source_agency, source_agency=source_agency, sensitivity=Sensitivity.AGENCY,
                        legal_basis=LegalBasis.CA2004_S11, recorded_by=recorded_by, received_at=r["received_at"],
                        referral_source="6", referrer_name=referrer, sender_reference=r["sender_reference"],
                        summary=r["summary"], decision_due_at=due) for r, due in zip(fresh, dues, strict=True)]
    with transaction.atomic():
        contacts = bulk_create_with_history(contacts, Contact, batch_size=500, default_user=recorded_by)
        if contacts and contacts[0].pk is None:
            # Backends that return no keys: read them back by the sender's reference.
            by_ref = dict(Contact.objects.filter(source_agency=source_agency, sender_reference__in=[
                c.sender_reference for c in contacts]).values_list("sender_reference", "pk"))
            for c in contacts:
                c.pk = by_ref[c.sender_reference]
        GivenPerson.objects.bulk_create([
            GivenPerson(contact=c, forename=r["child_forename"], surname=r["child_surname"],
                        date_of_birth=r["child_date_of_birth"], postcode=r["postcode"], school_urn=r["school_urn"],
                        police_id=r["police_id"]) for c, r in zip(contacts, fresh, strict=True)], batch_size=500)
        ContactConcern.objects.bulk_create([ContactConcern(contact=c, concern=k)
                                            for c, r in zip(contacts, fresh, strict=True) for k in r["concerns"]],
                                           batch_size=500)
        _flag_duplicates(contacts, fresh)
    result.created = contacts
    return result


def _flag_duplicates(contacts: list[Contact], rows: list[dict]) -> None:
    """Mark each new contact naming a child (surname, date of birth) already in an earlier open contact."""
    dobs = {r["child_date_of_birth"] for r in rows if r["child_date_of_birth"]}
    if not dobs:
        return
    earlier: dict[tuple[str, dt.date], tuple[dt.datetime, int]] = {}
    open_given = GivenPerson.objects.filter(Q(date_of_birth__in=dobs), is_subject=True,
                                            contact__decided_at__isnull=True).values_list(
        "surname", "date_of_birth", "contact__received_at", "contact_id")
    for surname, born, received, contact_id in open_given:
        key = (surname.lower(), born)
        if key not in earlier or (received, contact_id) < earlier[key]:
            earlier[key] = (received, contact_id)
    flagged = []
    for contact, row in zip(contacts, rows, strict=True):
        first = earlier.get((row["child_surname"].lower(), row["child_date_of_birth"]))
        if first and first[1] != contact.pk:
            contact.possible_duplicate_of_id = first[1]
            flagged.append(contact)
    Contact.objects.bulk_update(flagged, ["possible_duplicate_of"], batch_size=500)
