"""Canonical forms of perpetrator identifiers.

The checker and the report linker blind-index `Identifier.value`, so two ways of writing the same
phone number, email, handle or plate must produce the same value. Nothing here imports Django.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from itertools import chain
from urllib.parse import parse_qsl, urlencode, urlsplit

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneNumber, PhoneNumberFormat


class IdentifierKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    HANDLE = "handle"
    PLATE = "plate"


@dataclass(frozen=True)
class Identifier:
    kind: IdentifierKind
    value: str  # canonical form; this is what gets blind-indexed
    partial: bool = False
    valid: bool = True


class NotAnIdentifier(ValueError):
    """Raised with a message fit to show the person typing; it never repeats their input."""


# Longer than any real URL a member would paste; keeps regexes and phonenumbers cheap.
MAX_INPUT_LENGTH = 2048
# Current, prefix and suffix UK plates are all 7 characters; shorter ones may be dateless.
FULL_PLATE_LENGTH = 7

_EMAIL_LOCAL = r'[^@\s<>()\[\]\\,;:"/]+'
_EMAIL_LABEL = r'[^@\s<>()\[\]\\,;:"/.]+'
_EMAIL = re.compile(rf"{_EMAIL_LOCAL}@{_EMAIL_LABEL}(?:\.{_EMAIL_LABEL})+")
_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_URL_START = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)
_BARE_URL = re.compile(r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)+/\S*", re.IGNORECASE)
_HANDLE = re.compile(r"[\w.\-]{2,64}")
_PHONE_SHAPE = re.compile(r"\+?[0-9 .\-()/]+")
_NOT_A_DIGIT = re.compile(r"[^0-9]")
_NOT_A_PHONE_CHAR = re.compile(r"[^0-9+]")
# Catches numbers PhoneNumberMatcher splits up, e.g. "07700_900_123" or "07700 / 900 / 123".
_PHONE_IN_TEXT = re.compile(
    r"(?<![0-9A-Za-z+])(?:\+|0)[0-9](?:[ .\-/_()]{0,3}[0-9]){8,14}(?![0-9])"
)
_PLATE_SEPARATORS = re.compile(r"[\s.\-]")
_PLATE = re.compile(r"[A-Z0-9?]{2,8}")
_PLATE_WILDCARDS = str.maketrans("*_", "??")
# The checker's one field only guesses "plate" when there is a letter and a digit ("dave1" is
# a plate there, "dave" a handle); "_" is left out so "dave_1" stays a handle.
_PLATE_LIKE = re.compile(r"(?=.*[A-Z])(?=.*[0-9])[A-Z0-9?*]{2,8}")
_UK_PLATE_SHAPES = tuple(
    re.compile(shape)
    for shape in (
        r"([A-Z]{2}[0-9]{2})[A-Z]{3}",  # current, 2001 on
        r"([A-Z][0-9]{1,3})[A-Z]{3}",  # prefix, 1983-2001
        r"([A-Z]{3})[0-9]{1,3}[A-Z]",  # suffix, 1963-1983
        r"([A-Z]{1,3})[0-9]{1,4}",  # dateless, and Northern Ireland
        r"([0-9]{1,4})[A-Z]{1,3}",  # dateless, reversed
    )
)
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "igshid", "ref", "ref_src"})

_GMAIL_ALIASES = {"googlemail.com": "gmail.com"}
# Providers that deliver "name+anything@" (yahoo: "name-anything@") to "name@".
_TAG_SEPARATORS = {
    **dict.fromkeys(("gmail.com", "outlook.com", "outlook.co.uk", "hotmail.com"), "+"),
    **dict.fromkeys(("hotmail.co.uk", "live.com", "live.co.uk", "msn.com"), "+"),
    **dict.fromkeys(("icloud.com", "me.com", "mac.com", "fastmail.com", "fastmail.fm"), "+"),
    **dict.fromkeys(("protonmail.com", "protonmail.ch", "proton.me", "pm.me"), "+"),
    **dict.fromkeys(("yahoo.com", "yahoo.co.uk", "ymail.com"), "-"),
}
_DOTS_IGNORED = frozenset({"gmail.com"})


# --- shared input hygiene -------------------------------------------------------------------


def _tidy(text: str) -> str:
    # NFKC folds full-width digits/letters pasted from phones; Cf drops zero-width characters that
    # ride along when copying from web pages and would otherwise split one value into two.
    folded = unicodedata.normalize("NFKC", text[: MAX_INPUT_LENGTH * 2])
    visible = "".join(c for c in folded if unicodedata.category(c) != "Cf")
    return " ".join(visible.split())


def _clean(text: str) -> str:
    cleaned = _tidy(text)
    if not cleaned:
        raise NotAnIdentifier("Please type something to check.")
    if len(cleaned) > MAX_INPUT_LENGTH or not cleaned.isprintable():
        raise NotAnIdentifier("That is too long or contains characters we can't read.")
    return cleaned


# --- phone ----------------------------------------------------------------------------------


def _possible_number(text: str, region: str) -> PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    # Local-only numbers (no area code) cannot be matched against anyone else's report.
    possible = phonenumbers.is_possible_number_with_reason(number)
    if possible != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    # A kept leading zero ("0770090" -> "+440770090") is a typo unless the country really
    # dials it (Italy); such values also fail to survive a second normalisation.
    if number.italian_leading_zero and not phonenumbers.is_valid_number(number):
        return None
    return number


def normalise_phone(text: str, region: str = "GB") -> Identifier:
    cleaned = _clean(text)
    number = _possible_number(cleaned, region)
    if number is None and cleaned[:1] in "123456789":
        # "447700900123": an international number typed without its "+".
        number = _possible_number(f"+{cleaned}", region)
    if number is None:
        raise NotAnIdentifier("That doesn't look like a complete phone number.")
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return Identifier(IdentifierKind.PHONE, e164, valid=phonenumbers.is_valid_number(number))


# --- email ----------------------------------------------------------------------------------


def email_canonical(value: str) -> str:
    """The form a provider delivers to: the checker indexes this so aliases match."""
    local, _, domain = value.strip().lower().rpartition("@")
    domain = _GMAIL_ALIASES.get(domain, domain)
    if separator := _TAG_SEPARATORS.get(domain):
        local = local.split(separator, 1)[0]
    if domain in _DOTS_IGNORED:
        local = local.replace(".", "")
    return f"{local}@{domain}"


def normalise_email(text: str) -> Identifier:
    # Trailing "." because addresses are often copied from the end of a sentence.
    cleaned = _clean(text).lower().removeprefix("mailto:").strip("<> ").rstrip(".")
    if not _EMAIL.fullmatch(cleaned):
        raise NotAnIdentifier("That doesn't look like an email address.")
    canonical = email_canonical(cleaned)
    if canonical.startswith("@"):
        raise NotAnIdentifier("That email address has nothing before the @.")
    return Identifier(IdentifierKind.EMAIL, canonical)


# --- handle ---------------------------------------------------------------------------------


def _looks_like_url(text: str) -> bool:
    return bool(_URL_START.match(text) or _BARE_URL.fullmatch(text))


def _kept_params(query: str) -> list[tuple[str, str]]:
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k not in _TRACKING_PARAMS and not k.startswith("utm_")]
    return sorted(kept)


def _url_key(url: str) -> str:
    try:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError as error:
        raise NotAnIdentifier("That link could not be read.") from error
    query = urlencode(_kept_params(parts.query))
    return host + parts.path.rstrip("/") + (f"?{query}" if query else "")


def normalise_handle(text: str) -> Identifier:
    # Lower-cased whole, URLs included: a missed match costs more than a rare case-only clash.
    cleaned = _clean(text).lower()
    value = _url_key(cleaned) if _looks_like_url(cleaned) else cleaned.lstrip("@ ")
    if len(value) < 2:
        raise NotAnIdentifier("That is too short to check.")
    return Identifier(IdentifierKind.HANDLE, value)


# --- plate ----------------------------------------------------------------------------------


def plate_space_at(value: str) -> int | None:
    """Where a UK plate shows its space ("AB12CDE" -> 4); used by masking and validity."""
    for shape in _UK_PLATE_SHAPES:
        if match := shape.fullmatch(value):
            return match.end(1)
    return None


def normalise_plate(text: str, *, allow_partial: bool = False) -> Identifier:
    compact = _PLATE_SEPARATORS.sub("", _clean(text)).upper().translate(_PLATE_WILDCARDS)
    if not _PLATE.fullmatch(compact):
        raise NotAnIdentifier("A number plate has 2 to 8 letters and numbers.")
    partial = "?" in compact or (allow_partial and len(compact) < FULL_PLATE_LENGTH)
    if partial and not allow_partial:
        raise NotAnIdentifier("Please enter the whole number plate.")
    if len(compact.replace("?", "")) < 2:
        raise NotAnIdentifier("Please enter at least two characters of the plate.")
    valid = not partial and plate_space_at(compact) is not None
    return Identifier(IdentifierKind.PLATE, compact, partial=partial, valid=valid)


# --- one free-text field --------------------------------------------------------------------


def _looks_like_email(text: str) -> bool:
    return bool(_EMAIL.fullmatch(text))


def _looks_like_at_handle(text: str) -> bool:
    return text.startswith("@")


def _looks_like_phone(text: str) -> bool:
    return bool(_PHONE_SHAPE.fullmatch(text)) and len(_NOT_A_DIGIT.sub("", text)) >= 7


def _looks_like_plate(text: str) -> bool:
    compact = _PLATE_SEPARATORS.sub("", text).upper()
    return bool(_PLATE_LIKE.fullmatch(compact))


def _looks_like_handle(text: str) -> bool:
    return bool(_HANDLE.fullmatch(text))


# Order matters: a URL may contain "@", and a digits-only string is a phone before a plate.
_DETECTORS = (
    (IdentifierKind.HANDLE, _looks_like_url),
    (IdentifierKind.EMAIL, _looks_like_email),
    (IdentifierKind.HANDLE, _looks_like_at_handle),
    (IdentifierKind.PHONE, _looks_like_phone),
    (IdentifierKind.PLATE, _looks_like_plate),
    (IdentifierKind.HANDLE, _looks_like_handle),
)


def detect_kind(text: str) -> IdentifierKind | None:
    tidy = _tidy(text)
    return next((kind for kind, looks_like in _DETECTORS if looks_like(tidy)), None)


def normalise_any(
    text: str, region: str = "GB", *, allow_partial_plate: bool = False
) -> Identifier:
    match detect_kind(text):
        case IdentifierKind.PHONE:
            return normalise_phone(text, region)
        case IdentifierKind.EMAIL:
            return normalise_email(text)
        case IdentifierKind.PLATE:
            return normalise_plate(text, allow_partial=allow_partial_plate)
        case IdentifierKind.HANDLE:
            return normalise_handle(text)
    raise NotAnIdentifier("Try a phone number, email address, handle, link or number plate.")


# --- identifiers inside a narrative ---------------------------------------------------------

_Found = tuple[int, int, Identifier]


def _or_none(normalise: Callable[[str], Identifier], raw: str) -> Identifier | None:
    try:
        return normalise(raw)
    except NotAnIdentifier:
        return None


def _emails_found(text: str) -> Iterator[_Found]:
    for match in _EMAIL_IN_TEXT.finditer(text):
        if found := _or_none(normalise_email, match.group()):
            yield match.start(), match.end(), found


def _phones_found(text: str, region: str) -> Iterator[_Found]:
    phone = partial(normalise_phone, region=region)
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
        if found := _or_none(phone, match.raw_string):
            yield match.start, match.end, found
    for fallback in _PHONE_IN_TEXT.finditer(text):
        # phonenumbers rejects some separators ("_"), so hand it the bare digits.
        if found := _or_none(phone, _NOT_A_PHONE_CHAR.sub("", fallback.group())):
            yield fallback.start(), fallback.end(), found


def _without_overlaps(candidates: Iterable[_Found]) -> list[_Found]:
    # First claim wins: emails go first so digits inside an address are not offered as a phone.
    kept: list[_Found] = []
    for start, end, found in candidates:
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in kept):
            kept.append((start, end, found))
    return kept


def find_identifier_spans(
    text: str, region: str = "GB", *, emails: bool = True
) -> list[tuple[int, int, Identifier]]:
    """(start, end, identifier) of the phones (and emails) in `text`, in reading order."""
    found = _without_overlaps(
        chain(_emails_found(text) if emails else (), _phones_found(text, region))
    )
    return sorted(found, key=lambda item: item[0])


def find_identifiers_in_text(text: str, region: str = "GB") -> list[Identifier]:
    """Phones and emails in a report narrative, for the "add this number?" prompt."""
    in_order = (identifier for _, _, identifier in find_identifier_spans(text, region))
    return list(dict.fromkeys(in_order))
