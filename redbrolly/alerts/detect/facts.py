"""What the system already knows that decides whose a detail is: what the reporters told us
about themselves, the names and identifiers they gave for him, and the organisation's places.

Built by `alerts.drafting.facts_of(reports)`; the rule sets only read it, so they stay pure
and are tested with a Facts made by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from redbrolly.alerts.detect.lexicon import COMMON_WORDS, is_first_name
from redbrolly.alerts.detect.text import WORD, fold
from redbrolly.lib.masking import DEFAULT_RULES, MaskingRules, mask
from redbrolly.lib.normalise import (
    Identifier,
    NotAnIdentifier,
    normalise_email,
    normalise_handle,
    normalise_phone,
)
from redbrolly.lib.written import identifiers_written


@dataclass(frozen=True)
class Facts:
    reporter_names: tuple[str, ...] = ()
    reporter_contacts: tuple[str, ...] = ()
    perpetrator_names: tuple[str, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    places: tuple[str, ...] = ()
    region: str = "GB"
    rules: MaskingRules = field(default=DEFAULT_RULES)

    @cached_property
    def reporter_name_words(self) -> frozenset[str]:
        """Her names as words to look for: a one-word working name whole ("Zorina"); of a
        longer one ("roxy_leeds", "my friend Roxy") the words that are first names."""
        found: set[str] = set()
        for name in self.reporter_names:
            words = [fold(word) for word in WORD.findall(re.sub(r"[_.\d]+", " ", name))]
            if len(words) == 1 and len(words[0]) >= 3 and words[0] not in COMMON_WORDS:
                found.add(words[0])
            else:
                found |= {w for w in words if len(w) >= 3 and is_first_name(w)}
        return frozenset(found - COMMON_WORDS - self.place_words)

    @cached_property
    def place_words(self) -> frozenset[str]:
        """Words of towns and regions: "Chester" or "Paris" is a place before it is a name."""
        return frozenset(fold(word) for place in self.places for word in WORD.findall(place))

    @cached_property
    def known_contacts(self) -> tuple[Identifier, ...]:
        """Every phone, email and handle in what she gave us, however she typed it."""
        found: list[Identifier] = []
        for contact in self.reporter_contacts:
            found += [w.identifier for w in identifiers_written(contact, self.region)]
            found += whole_contact(contact.strip(), self.region)
        return tuple(dict.fromkeys(found))

    @cached_property
    def known_masks(self) -> frozenset[str]:
        """The masked forms of his identifiers: a masked value not among these is not his."""
        return frozenset(mask(identifier, self.rules) for identifier in self.identifiers)

    def is_hers(self, identifier: Identifier) -> bool:
        return any(
            identifier.kind == mine.kind and identifier.value == mine.value
            for mine in self.known_contacts
        )


def whole_contact(contact: str, region: str) -> list[Identifier]:
    """A contact field holding one value ("+447700900932", "roxy_x") as a whole."""
    if not contact or " " in contact:
        return []
    for normalise in (normalise_email, lambda raw: normalise_phone(raw, region)):
        try:
            return [normalise(contact)]
        except NotAnIdentifier:
            continue
    try:
        return [normalise_handle(contact)] if len(contact) >= 4 else []
    except NotAnIdentifier:
        return []
