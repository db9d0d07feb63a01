"""What in alert text could identify the person who reported, and his identifiers, masked.

One rule set per kind of reporter-identifying detail, each in its own module with its own
words: `names` (hers and her colleagues'), `contacts` (hers), `personal` (what only she has),
`venues`, `places` (addresses and landmarks) and `times` (exact times and dates). `scan` runs
them all and gives a moderator one flag per detail to remove, or to keep with a reason.

His identifiers are not left for anyone to notice: `sanitise` masks every phone, email,
handle and plate written in free text however it is written (`lib.written`), and takes out
any contact of hers it knows, before the text is saved.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from redbrolly.alerts.detect import contacts, names, personal, places, times, venues
from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.text import Span, Text
from redbrolly.lib.masking import mask
from redbrolly.lib.written import identifiers_written

__all__ = ["KINDS", "REASONS", "Facts", "Flag", "sanitise", "scan", "told_by_her"]

RULE_SETS = (contacts, names, personal, places, venues, times)
KINDS = ("contact", "name", "personal", "address", "venue", "time")
REASONS = {
    "contact": _("The reporter's own contact details"),
    "name": _("A name: the reporter's or a colleague's"),
    "personal": _("Something distinctive about the reporter"),
    "address": _("An address or landmark"),
    "venue": _("A named venue or business"),
    "time": _("An exact time or date"),
}
REMOVED = contacts.REMOVED
# Of two details as long as each other, the more particular names the flag ("the flat above
# Tony's Kebabs" is a venue before it is a landmark).
PRECEDENCE = ("time", "address", "venue", "name", "personal", "contact")
# Two details with only this between them are one detail ("above the bookies on Church St").
JOINING = re.compile(r"[\s,(]*(?:on|in|at|of|off|by|near|the|de|pe|na|em|en|w|в|a|и|and|,)?[\s,]*")


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


def merged(spans: Iterable[Span], text: str) -> list[Span]:
    """Overlapping or adjoining spans as one, of the kind of the longest among them."""
    found: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if found and (span.start < found[-1].end or adjoining(found[-1], span, text)):
            last = found[-1]
            longer = max((last, span), key=lambda s: (s.end - s.start, PRECEDENCE.index(s.kind)))
            kind = longer.kind
            found[-1] = Span(last.start, max(last.end, span.end), kind, last.rule or span.rule)
        else:
            found.append(span)
    return found


def bridged(spans: list[Span], text: str) -> list[Span]:
    """Two details of different kinds with only a joining word between ("Bliss Sauna on Dale
    Street"): each keeps its flag, and the first takes the joining word, so that removing
    both leaves no "on" hanging and nothing of the one place between them."""
    found = list(spans)
    for i in range(len(found) - 1):
        first, then = found[i], found[i + 1]
        gap = text[first.end : then.start]
        if gap.strip() and len(gap) <= 6 and JOINING.fullmatch(gap):
            end = first.end + len(gap.rstrip())
            found[i] = Span(first.start, end, first.kind, first.rule)
    return found


def adjoining(first: Span, then: Span, text: str) -> bool:
    """The same kind of detail with only a joining word between ("above the bookies on
    Church St"): one detail, one flag."""
    gap = text[first.end : then.start]
    return first.kind == then.kind and len(gap) <= 6 and bool(JOINING.fullmatch(gap))


def spans_in(text: str, facts: Facts) -> list[Span]:
    """Every reporter detail each rule set finds, before merging (the tests read these)."""
    read = Text(text)
    found = (
        without_full_stop(text, span) for rules in RULE_SETS for span in rules.find(read, facts)
    )
    return [span for span in found if span.end > span.start]


ABBREVIATIONS = frozenset(
    [
        "st",
        "rd",
        "ave",
        "ln",
        "cl",
        "dr",
        "pl",
        "ct",
        "cres",
        "tce",
        "gdns",
        "sq",
        "blvd",
        "str",
        "ul",
        "no",
        "nr",
        "apt",
        "approx",
        "ca",
        "opp",
        "jr",
        "sr",
    ]
)


def with_its_bracket(text: str, span: Span) -> Span:
    """ "Marlowe Terrace (flat 2B)": a flag that opens a bracket closes it."""
    inside = text[span.start : span.end]
    if inside.count("(") > inside.count(")") and text[span.end : span.end + 1] == ")":
        return Span(span.start, span.end + 1, span.kind, span.rule)
    return span


def without_full_stop(text: str, span: Span) -> Span:
    """ "St." and "p.m." keep their point; "Acacia Avenue." ends a sentence."""
    if text[span.end - 1 : span.end] != ".":
        return span
    last = text[span.start : span.end - 1].split()[-1:]
    if not last or len(last[0]) == 1 or "." in last[0] or last[0].casefold() in ABBREVIATIONS:
        return span
    return Span(span.start, span.end - 1, span.kind, span.rule)


def told_by_her(narratives: Iterable[str], facts: Facts) -> Facts:
    """`facts` with the names and contacts a narrative gives as hers or her colleagues' ("I'm
    Jade", "ring me on …"): an anonymous reporter told us no name, but her story did."""
    found_names: list[str] = []
    found_contacts: list[str] = []
    for narrative in narratives:
        read = Text(narrative)
        for span in names.find(read, facts):
            if span.rule in {"first person", "signed", "colleague"}:
                found_names.append(narrative[span.start : span.end])
        found_contacts += [narrative[s.start : s.end] for s in contacts.phrases(read)]
    if not found_names and not found_contacts:
        return facts
    return dataclasses.replace(
        facts,
        reporter_names=tuple(dict.fromkeys((*facts.reporter_names, *found_names))),
        reporter_contacts=tuple(dict.fromkeys((*facts.reporter_contacts, *found_contacts))),
    )


def scan(text: str, facts: Facts | None = None) -> list[Flag]:
    """Every detail in `text` that could identify a reporter, in reading order."""
    facts = facts or Facts()
    return [
        Flag(
            span.kind,
            span.start,
            span.end,
            mask_excerpt(text[span.start : span.end]),
            str(REASONS[span.kind]),
        )
        for span in (
            with_its_bracket(text, found)
            for found in bridged(merged(spans_in(text, facts), text), text)
        )
    ]


def sanitise(text: str, facts: Facts | None = None) -> str:
    """`text` with every identifier of his masked and every contact of hers taken out."""
    facts = facts or Facts()
    known = (*facts.identifiers, *facts.known_contacts)
    pieces, cursor = [], 0
    for written in identifiers_written(text, facts.region, known=known):
        hers = facts.is_hers(written.identifier)
        pieces += [
            text[cursor : written.start],
            REMOVED if hers else mask(written.identifier, facts.rules),
        ]
        cursor = written.end
    return "".join(pieces) + text[cursor:]
