"""Finds details in alert text that could identify the person who reported it.

Heuristics, not understanding: they over-flag on purpose, and a moderator resolves each flag
(remove it, or keep it with a reason) before an alert can be approved. What they look for:
names after "called / named / his name is", titles (Mr, Ms...), street addresses, postcodes,
venues with a name ("the Grand Hotel", "flat 4"), exact times ("at 11:45pm"), phone numbers
and emails left unmasked, and anything the reporter told us about themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from redbrolly.lib.normalise import find_identifiers_in_text

NAME = r"[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?"
_NAMED = re.compile(
    r"\b(?i:call(?:s|ed)\s+(?:him|her)self|called|named|goes\s+by|known\s+as|"
    r"(?:his|her|their)\s+name\s+(?:is|was)|said\s+(?:he|she)\s+was|names?\s+used:?)"
    rf"\s+(?P<hit>{NAME})"
)
_TITLED = re.compile(rf"\b(?P<hit>(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{NAME})")
STREET_WORDS = (
    "street|st|road|rd|lane|ln|avenue|ave|close|drive|way|place|court|crescent|terrace|"
    "grove|gardens|square|hill|row|mews|walk|parade|boulevard"
)
_ADDRESS = re.compile(
    rf"(?P<hit>\b\d{{1,4}}[a-zA-Z]?,?\s+(?:[A-Z][a-z']+\s+){{1,3}}(?i:{STREET_WORDS})\b)"
)
_STREET = re.compile(rf"(?P<hit>\b(?:[A-Z][a-z']+\s+){{1,3}}(?i:{STREET_WORDS})\b)")
_POSTCODE = re.compile(r"(?P<hit>\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b)", re.IGNORECASE)
VENUE_WORDS = "hotel|flat|apartment|sauna|parlour|parlor|inn|lodge|spa|massage|guest\\s*house|motel"
_VENUE_NAMED = re.compile(
    rf"(?P<hit>\b(?:the\s+)?(?:[A-Z][\w'&\-]+\s+){{1,3}}(?i:{VENUE_WORDS})\b)"
)
_VENUE_NUMBERED = re.compile(
    rf"(?P<hit>\b(?i:{VENUE_WORDS}|room|unit|suite)\s+(?:no\.?\s*)?\d+[A-Za-z]?\b)"
)
AM_PM = r"\s*(?:am|pm|a\.m\.|p\.m\.)"
_TIME = re.compile(
    rf"(?P<hit>(?:\b(?:at|around|about|approx\.?|from|until|till)\s+)?(?<![£$€\d.,:])"
    rf"(?:\d{{1,2}}:[0-5]\d(?:{AM_PM})?|\d{{1,2}}\.[0-5]\d{AM_PM}|\d{{1,2}}{AM_PM})(?!\w))",
    re.IGNORECASE,
)
_EMAIL_LIKE = re.compile(r"(?P<hit>[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+)")
_PHONE_LIKE = re.compile(r"(?P<hit>(?<![\w*])\+?\(?\d[\d\s().\-/]{7,}\d(?![\w*]))")

REASONS = {
    "name": _("A person's name"),
    "address": _("A street address"),
    "street": _("A street name"),
    "postcode": _("A postcode"),
    "venue": _("A named or numbered place"),
    "time": _("An exact time"),
    "phone": _("A phone number that is not masked"),
    "email": _("An email address that is not masked"),
    "reporter": _("Something the reporter told us about themselves"),
}


@dataclass(frozen=True)
class Flag:
    kind: str
    start: int
    end: int
    text_excerpt_masked: str
    reason: str

    def excerpt_of(self, text: str) -> str:
        return text[self.start : self.end]


def mask_excerpt(text: str) -> str:
    """First character of each word, the rest starred: enough to find it, not to read it."""
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in text.split())


def flag(kind: str, start: int, end: int, text: str) -> Flag:
    return Flag(kind, start, end, mask_excerpt(text[start:end]), str(REASONS[kind]))


# Capitalised words that start sentences rather than name a place ("The hotel", "A flat").
NOT_NAMES = frozenset({"the", "a", "an", "his", "her", "their", "my", "this", "that", "at", "in"})


def names_something(hit: str) -> bool:
    """ "The Grand Hotel" or "flat 4" name a place; "The hotel" does not."""
    words = hit.split()[:-1]
    return any(word[:1].isdigit() for word in hit.split()) or any(
        word.casefold() not in NOT_NAMES for word in words
    )


def pattern_hits(text: str) -> Iterator[Flag]:
    patterns = [
        ("name", _NAMED),
        ("name", _TITLED),
        ("address", _ADDRESS),
        ("postcode", _POSTCODE),
        ("venue", _VENUE_NUMBERED),
        ("venue", _VENUE_NAMED),
        ("street", _STREET),
        ("time", _TIME),
    ]
    for kind, pattern in patterns:
        for match in pattern.finditer(text):
            if kind != "venue" or names_something(match.group("hit")):
                yield flag(kind, *match.span("hit"), text)


def identifier_hits(text: str) -> Iterator[Flag]:
    """Phones and emails our normaliser would accept: masked ones (with *) never parse."""
    for kind, pattern in (("email", _EMAIL_LIKE), ("phone", _PHONE_LIKE)):
        for match in pattern.finditer(text):
            if find_identifiers_in_text(match.group("hit")):
                yield flag(kind, *match.span("hit"), text)


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def reporter_hits(text: str, details: Iterable[str]) -> Iterator[Flag]:
    folded = text.casefold()
    for detail in {d.strip() for d in details if d and len(d.strip()) >= 3}:
        for match in re.finditer(re.escape(detail.casefold()), folded):
            yield flag("reporter", match.start(), match.end(), text)
        tail = digits(detail)[-9:]
        if len(tail) >= 9:
            for match in _PHONE_LIKE.finditer(text):
                if digits(match.group())[-9:] == tail:
                    yield flag("reporter", *match.span("hit"), text)


def without_overlaps(flags: Iterable[Flag]) -> list[Flag]:
    """First claim wins; the order above puts the most specific kinds first."""
    kept: list[Flag] = []
    for candidate in flags:
        if all(candidate.end <= f.start or candidate.start >= f.end for f in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda f: f.start)


def scan(text: str, *, reporter_details: Iterable[str] = ()) -> list[Flag]:
    """Every detail in `text` that could identify a reporter, in reading order."""
    return without_overlaps(
        [
            *reporter_hits(text, reporter_details),
            *identifier_hits(text),
            *pattern_hits(text),
        ]
    )
