"""What a report says, read from any JSON-like payload (the API, and the web form's draft).

`parse_report(payload, taxonomy)` returns a `ReportInput` or raises `ReportInvalid` with one
message per field ("perpetrators.0.phones.1"). Messages never repeat what was typed: it may
be a narrative or a phone number.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from redbrolly.lib.normalise import (
    Identifier,
    NotAnIdentifier,
    normalise_email,
    normalise_handle,
    normalise_phone,
    normalise_plate,
)

CONSENT_LEVELS = ("record_only", "alert", "police_anonymous", "police_full")
SETTINGS = ("street", "incall", "outcall", "online", "parlour", "other")
PRECISIONS = ("exact", "approximate", "range")

MAX_NARRATIVE = 20_000
MAX_TEXT = 2_000
MAX_SHORT = 120
MAX_PERPETRATORS = 10
MAX_IDENTIFIERS = 20
MAX_PEOPLE = 50
EARLIEST = datetime.date(1970, 1, 1)

_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*[0-9][A-Z]{2}\b", re.IGNORECASE)
_STREET_WORDS = re.compile(
    r"\b(road|rd|street|st|lane|ln|avenue|ave|drive|dr|close|crescent|court|ct|way|place|"
    r"terrace|grove|gardens|square|sq|hill|row|walk|mews|flat|apartment|apt|house|hotel|"
    r"room|unit|floor)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ReportInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(f"{len(errors)} field(s) invalid")
        self.errors = errors


@dataclass(frozen=True)
class Taxonomy:
    """What the organisation accepts; read once per request (services.taxonomy_current)."""

    incident_types: frozenset[str]
    regions: Mapping[str, tuple[str, ...]]  # code -> main towns
    phone_region: str = "GB"


@dataclass(frozen=True)
class PerpetratorInput:
    people_count: int = 1
    names: str = ""
    description: str = ""
    behaviour: str = ""
    vehicle_make: str = ""
    vehicle_model: str = ""
    vehicle_colour: str = ""
    identifiers: tuple[Identifier, ...] = ()


@dataclass(frozen=True)
class ReportInput:
    incident_types: tuple[str, ...]
    occurred_on: datetime.date
    region: str
    narrative: str
    consent_level: str
    setting: str = "other"
    setting_other: str = ""
    occurred_precision: str = "exact"
    occurred_until: datetime.date | None = None
    occurred_note: str = ""
    area: str = ""
    perpetrators: tuple[PerpetratorInput, ...] = ()
    wants_support: bool = False
    wants_alert_review: bool = False
    support_contact: str = ""
    support_times: str = ""
    on_behalf_of_someone: bool = False
    behalf_who: str = ""
    behalf_consent: bool = False
    narrative_identifiers: tuple[Identifier, ...] = field(default=())


class Reader:
    """Collects every error instead of stopping at the first (the person fixes all at once)."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def fail(self, name: str, message: str) -> None:
        self.errors.append(FieldError(name, message))

    def text(self, data: Mapping[str, Any], name: str, path: str, limit: int = MAX_TEXT) -> str:
        value = data.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(path, _("Please write this as text."))
            return ""
        cleaned = value.replace("\x00", "").strip()
        if len(cleaned) > limit:
            self.fail(path, _("Please shorten this to %(limit)s characters.") % {"limit": limit})
            return ""
        return cleaned

    def required_text(
        self, data: Mapping[str, Any], name: str, path: str, limit: int = MAX_TEXT
    ) -> str:
        value = self.text(data, name, path, limit)
        if not value and not any(error.field == path for error in self.errors):
            self.fail(path, _("Please fill this in."))
        return value

    def flag(self, data: Mapping[str, Any], name: str, path: str) -> bool:
        value = data.get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(path, _("Please answer true or false."))
            return False
        return value

    def choice(
        self, data: Mapping[str, Any], name: str, path: str, options: Iterable[str], default: str
    ) -> str:
        value = data.get(name)
        if value is None or value == "":
            return default
        if not isinstance(value, str) or value not in options:
            self.fail(path, _("Please choose one of the options."))
            return default
        return value

    def date(self, data: Mapping[str, Any], name: str, path: str) -> datetime.date | None:
        value = data.get(name)
        if value is None or value == "":
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.fail(path, _("Please give a date as YYYY-MM-DD."))
        elif parsed > timezone.localdate() + datetime.timedelta(days=1):
            self.fail(path, _("This date is in the future."))
        elif parsed < EARLIEST:
            self.fail(path, _("This date is too long ago."))
        else:
            return parsed
        return None

    def strings(self, data: Mapping[str, Any], name: str, path: str) -> list[str]:
        value = data.get(name)
        if value is None:
            return []
        if isinstance(value, str):
            value = value.splitlines()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(path, _("Please give a list of texts."))
            return []
        kept = [item.strip() for item in value if item.strip()]
        if len(kept) > MAX_IDENTIFIERS:
            self.fail(path, _("Please give at most %(n)s.") % {"n": MAX_IDENTIFIERS})
            return []
        return kept

    def mapping(self, data: Mapping[str, Any], name: str, path: str) -> Mapping[str, Any]:
        value = data.get(name)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.fail(path, _("Please give an object with named fields."))
            return {}
        return value


def parse_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or len(value.strip()) > 10:
        return None
    text = value.strip()
    try:
        if "/" in text:  # the day-first form people type where date pickers are missing
            day, month, year = (int(part) for part in text.split("/"))
            return datetime.date(year, month, day)
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def identifiers_from(
    reader: Reader,
    lines: list[str],
    path: str,
    normalise: Callable[[str], Identifier],
) -> list[Identifier]:
    found = []
    for number, line in enumerate(lines):
        try:
            found.append(normalise(line))
        except NotAnIdentifier as error:
            reader.fail(f"{path}.{number}", _(str(error)))
    return found


def plate_from(reader: Reader, vehicle: Mapping[str, Any], path: str) -> list[Identifier]:
    plate = reader.text(vehicle, "plate", f"{path}.plate", MAX_SHORT)
    if not plate:
        return []
    try:
        return [normalise_plate(plate, allow_partial=True)]
    except NotAnIdentifier as error:
        reader.fail(f"{path}.plate", _(str(error)))
        return []


def people_count(reader: Reader, data: Mapping[str, Any], path: str) -> int:
    value = data.get("people_count", 1)
    if value is None or value == "":
        return 1
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PEOPLE:
        reader.fail(path, _("Please give a number from 1 to %(n)s.") % {"n": MAX_PEOPLE})
        return 1
    return value


def names_text(reader: Reader, data: Mapping[str, Any], path: str) -> str:
    names = "\n".join(reader.strings(data, "names", path))
    if len(names) > MAX_TEXT:
        reader.fail(path, _("Please shorten this to %(limit)s characters.") % {"limit": MAX_TEXT})
        return ""
    return names


def perpetrator_identifiers(
    reader: Reader, data: Mapping[str, Any], path: str, phone_region: str
) -> tuple[Identifier, ...]:
    def phone(text: str) -> Identifier:
        return normalise_phone(text, phone_region)

    vehicle = reader.mapping(data, "vehicle", f"{path}.vehicle")
    found = [
        *identifiers_from(
            reader, reader.strings(data, "phones", f"{path}.phones"), path + ".phones", phone
        ),
        *identifiers_from(
            reader,
            reader.strings(data, "emails", f"{path}.emails"),
            path + ".emails",
            normalise_email,
        ),
        *identifiers_from(
            reader,
            reader.strings(data, "handles", f"{path}.handles"),
            path + ".handles",
            normalise_handle,
        ),
        *plate_from(reader, vehicle, f"{path}.vehicle"),
    ]
    return tuple(dict.fromkeys(found))


def perpetrator_from(
    reader: Reader, data: Any, path: str, phone_region: str
) -> PerpetratorInput | None:
    if not isinstance(data, Mapping):
        reader.fail(path, _("Please give an object with named fields."))
        return None
    vehicle = reader.mapping(data, "vehicle", f"{path}.vehicle")
    return PerpetratorInput(
        people_count=people_count(reader, data, f"{path}.people_count"),
        names=names_text(reader, data, f"{path}.names"),
        description=reader.text(data, "description", f"{path}.description"),
        behaviour=reader.text(data, "behaviour", f"{path}.behaviour"),
        vehicle_make=reader.text(vehicle, "make", f"{path}.vehicle.make", MAX_SHORT),
        vehicle_model=reader.text(vehicle, "model", f"{path}.vehicle.model", MAX_SHORT),
        vehicle_colour=reader.text(vehicle, "colour", f"{path}.vehicle.colour", MAX_SHORT),
        identifiers=perpetrator_identifiers(reader, data, path, phone_region),
    )


def perpetrators_from(
    reader: Reader, payload: Mapping[str, Any], phone_region: str
) -> tuple[PerpetratorInput, ...]:
    value = payload.get("perpetrators")
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_PERPETRATORS:
        reader.fail(
            "perpetrators", _("Please describe up to %(n)s people.") % {"n": MAX_PERPETRATORS}
        )
        return ()
    parsed = (
        perpetrator_from(reader, item, f"perpetrators.{n}", phone_region)
        for n, item in enumerate(value)
    )
    return tuple(item for item in parsed if item is not None and not is_empty(item))


def is_empty(person: PerpetratorInput) -> bool:
    """A blank person form is ignored rather than stored."""
    texts = (person.names, person.description, person.behaviour, person.vehicle_make)
    return not any(texts) and not person.identifiers and not person.vehicle_model


def incident_types_from(
    reader: Reader, payload: Mapping[str, Any], known: frozenset[str]
) -> tuple[str, ...]:
    value = payload.get("incident_types")
    if not isinstance(value, list) or not value:
        reader.fail("incident_types", _("Please choose at least one thing that happened."))
        return ()
    if not all(isinstance(code, str) and code in known for code in value):
        reader.fail("incident_types", _("Please choose from the list of things that happen."))
        return ()
    return tuple(dict.fromkeys(value))


def region_from(reader: Reader, payload: Mapping[str, Any], taxonomy: Taxonomy) -> str:
    value = payload.get("region")
    if not isinstance(value, str) or value not in taxonomy.regions:
        reader.fail("region", _("Please choose a region from the list."))
        return ""
    return value


def coarse_area(text: str, towns: Iterable[str]) -> str:
    """A town or district, never a street address (SECURITY.md: no exact address for display).

    A known main town named in the text wins; a postcode keeps only its district ("M1");
    anything that still looks like an address (a street word or a house number) is dropped.
    """
    text = unicodedata.normalize("NFKC", text)
    lowered = text.lower()
    for town in towns:
        if re.search(rf"\b{re.escape(town.lower())}\b", lowered):
            return town
    if postcode := _POSTCODE.search(text):
        return postcode.group(1).upper()
    if _STREET_WORDS.search(text) or any(char.isnumeric() for char in text):
        return ""
    return " ".join(text.split())[:80]


def when_from(reader: Reader, payload: Mapping[str, Any]) -> dict[str, Any]:
    precision = reader.choice(
        payload, "occurred_precision", "occurred_precision", PRECISIONS, "exact"
    )
    occurred_on = reader.date(payload, "occurred_on", "occurred_on")
    until = reader.date(payload, "occurred_until", "occurred_until")
    if occurred_on is None and not any(e.field == "occurred_on" for e in reader.errors):
        reader.fail("occurred_on", _("Please give the date, or your best guess."))
    if (
        precision == "range"
        and until is None
        and not any(e.field == "occurred_until" for e in reader.errors)
    ):
        reader.fail("occurred_until", _("Please give the last date it could have been."))
    if occurred_on and until and until < occurred_on:
        reader.fail("occurred_until", _("This date is before the first date."))
    return {
        "occurred_on": occurred_on,
        "occurred_until": until if precision == "range" else None,
        "occurred_precision": precision,
        "occurred_note": reader.text(payload, "occurred_note", "occurred_note", MAX_SHORT),
    }


def consent_from(reader: Reader, payload: Mapping[str, Any]) -> dict[str, Any]:
    consent = reader.mapping(payload, "consent", "consent")
    level = consent.get("level")
    if not isinstance(level, str) or level not in CONSENT_LEVELS:
        reader.fail("consent.level", _("Please choose what we may do with your report."))
        level = CONSENT_LEVELS[0]
    review = reader.flag(consent, "wants_alert_review", "consent.wants_alert_review")
    return {
        "consent_level": level,
        # Only an alert can be shown first: below that level the answer means nothing.
        "wants_alert_review": review and level != "record_only",
        "wants_support": reader.flag(consent, "wants_support", "consent.wants_support"),
        "support_contact": reader.text(consent, "contact_method", "consent.contact_method"),
        "support_times": reader.text(consent, "safe_times", "consent.safe_times", MAX_SHORT * 2),
    }


def behalf_from(reader: Reader, payload: Mapping[str, Any]) -> dict[str, Any]:
    behalf = reader.mapping(payload, "on_behalf", "on_behalf")
    if not behalf:
        return {}
    who = reader.required_text(behalf, "who", "on_behalf.who", MAX_TEXT)
    agreed = reader.flag(behalf, "consent", "on_behalf.consent")
    if not agreed and not any(e.field == "on_behalf.consent" for e in reader.errors):
        reader.fail("on_behalf.consent", _("Please only report for someone who agreed to it."))
    return {"on_behalf_of_someone": True, "behalf_who": who, "behalf_consent": agreed}


def setting_from(reader: Reader, payload: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "setting": reader.choice(payload, "setting", "setting", SETTINGS, "other"),
        "setting_other": reader.text(payload, "setting_other", "setting_other", MAX_SHORT),
    }


def narrative_identifiers_from(
    reader: Reader, payload: Mapping[str, Any], region: str
) -> tuple[Identifier, ...]:
    def phone(text: str) -> Identifier:
        return normalise_phone(text, region)

    phones = identifiers_from(
        reader, reader.strings(payload, "add_phones", "add_phones"), "add_phones", phone
    )
    emails = identifiers_from(
        reader, reader.strings(payload, "add_emails", "add_emails"), "add_emails", normalise_email
    )
    return tuple(dict.fromkeys([*phones, *emails]))


def parse_report(payload: Any, taxonomy: Taxonomy) -> ReportInput:
    if not isinstance(payload, Mapping):
        raise ReportInvalid([FieldError("", _("Please send a JSON object."))])
    reader = Reader()
    region = region_from(reader, payload, taxonomy)
    fields = {
        "incident_types": incident_types_from(reader, payload, taxonomy.incident_types),
        "region": region,
        "area": coarse_area(
            reader.text(payload, "area", "area", MAX_SHORT), taxonomy.regions.get(region, ())
        ),
        "narrative": reader.required_text(payload, "narrative", "narrative", MAX_NARRATIVE),
        "perpetrators": perpetrators_from(reader, payload, taxonomy.phone_region),
        "narrative_identifiers": narrative_identifiers_from(reader, payload, taxonomy.phone_region),
        **when_from(reader, payload),
        **setting_from(reader, payload),
        **consent_from(reader, payload),
        **behalf_from(reader, payload),
    }
    if reader.errors:
        raise ReportInvalid(reader.errors)
    return ReportInput(**fields)
