"""Masked identifiers for alerts: enough for a member to recognise a client, too little to build
a directory from. Values are the canonical forms from `redbrolly.lib.normalise`.

Whatever the rules ask for, at most half of a value (rounded up) is shown, and nothing of a value
of three characters or fewer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from redbrolly.lib.normalise import Identifier, IdentifierKind, plate_space_at

STAR = "*"
# Email parts hide their length too: "d***" could be "dan" or "danielle".
HIDDEN_LENGTH = STAR * 3

_CURRENT_PLATE = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z]{3}")
_CURRENT_PLATE_GROUP = 4
_NOT_A_DIGIT = re.compile(r"[^0-9]")
# Second-level labels that name no one, so "example.co.uk" masks to "e***.co.uk".
_GENERIC_SECOND_LEVEL = frozenset({"ac", "co", "com", "gov", "ltd", "me", "net", "org", "plc"})


@dataclass(frozen=True)
class Keep:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < 0:
            raise ValueError("Keep counts cannot be negative.")


@dataclass(frozen=True, kw_only=True)
class MaskingRules:
    """How many characters each kind shows; organisations may tighten these per alert channel."""

    phone: Keep = Keep(2, 2)
    email_local: Keep = Keep(1, 0)
    email_domain: Keep = Keep(1, 0)
    handle: Keep = Keep(2, 2)
    plate: Keep = Keep(2, 1)
    # Current UK plates ("AB12 CDE") also show the first of the three random letters.
    plate_last_group: Keep = Keep(1, 1)
    # Numbers from this region show national digits; others show only "+CC" and the end.
    home_region: str = "GB"


DEFAULT_RULES = MaskingRules()


def _budget(length: int) -> int:
    return 0 if length <= 3 else (length + 1) // 2


def _fit(keep: Keep, length: int) -> Keep:
    start, end = keep.start, keep.end
    while start + end > _budget(length):
        if end >= start:
            end -= 1
        else:
            start -= 1
    return Keep(start, end)


def _kept_positions(length: int, keep: Keep) -> set[int]:
    return set(range(min(keep.start, length))) | set(range(max(length - keep.end, 0), length))


def _reveal(value: str, kept: set[int]) -> str:
    return "".join(char if i in kept else STAR for i, char in enumerate(value))


def _star(value: str, keep: Keep) -> str:
    return _reveal(value, _kept_positions(len(value), _fit(keep, len(value))))


def _star_hiding_length(value: str, keep: Keep) -> str:
    fitted = _fit(keep, len(value))
    return value[: fitted.start] + HIDDEN_LENGTH + value[len(value) - fitted.end :]


def mask_phone(value: str, rules: MaskingRules = DEFAULT_RULES) -> str:
    try:
        number = phonenumbers.parse(value, rules.home_region)
    except NumberParseException:
        return _star(_NOT_A_DIGIT.sub("", value) or value, rules.phone)
    if number.country_code == phonenumbers.country_code_for_region(rules.home_region):
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        return _star(_NOT_A_DIGIT.sub("", national), rules.phone)
    significant = phonenumbers.national_significant_number(number)
    return f"+{number.country_code}{_star(significant, Keep(0, rules.phone.end))}"


def _domain_suffix_length(labels: list[str]) -> int:
    generic = len(labels) >= 3 and labels[-2] in _GENERIC_SECOND_LEVEL
    return 2 if generic else 1


def mask_email(value: str, rules: MaskingRules = DEFAULT_RULES) -> str:
    local, _, domain = value.rpartition("@")
    labels = domain.split(".")
    masked_local = _star_hiding_length(local, rules.email_local)
    if len(labels) < 2:
        return f"{masked_local}@{HIDDEN_LENGTH}"
    suffix = ".".join(labels[-_domain_suffix_length(labels) :])
    return f"{masked_local}@{_star_hiding_length(labels[0], rules.email_domain)}.{suffix}"


def _current_plate_positions(rules: MaskingRules) -> set[int]:
    group = _CURRENT_PLATE_GROUP
    first = _kept_positions(group, Keep(rules.plate.start, 0))
    last = {group + i for i in _kept_positions(7 - group, rules.plate_last_group)}
    return first | last


def mask_plate(value: str, rules: MaskingRules = DEFAULT_RULES) -> str:
    compact = re.sub(r"[\s.\-]", "", value.upper())
    kept = _kept_positions(len(compact), _fit(rules.plate, len(compact)))
    if _CURRENT_PLATE.fullmatch(compact) and len(_current_plate_positions(rules)) <= _budget(7):
        kept = _current_plate_positions(rules)
    masked = _reveal(compact, kept)
    gap = plate_space_at(compact)
    return f"{masked[:gap]} {masked[gap:]}" if gap else masked


def mask_handle(value: str, rules: MaskingRules = DEFAULT_RULES) -> str:
    return _star(value, rules.handle)


_MASKERS: dict[IdentifierKind, Callable[[str, MaskingRules], str]] = {
    IdentifierKind.PHONE: mask_phone,
    IdentifierKind.EMAIL: mask_email,
    IdentifierKind.HANDLE: mask_handle,
    IdentifierKind.PLATE: mask_plate,
}


def mask(identifier: Identifier, rules: MaskingRules = DEFAULT_RULES) -> str:
    return _MASKERS[identifier.kind](identifier.value, rules)
