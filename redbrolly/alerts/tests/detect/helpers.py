"""What the detector tests share: the details found in a text, as the moderator sees them."""

from __future__ import annotations

from redbrolly.alerts.detect import Facts, sanitise, scan
from redbrolly.lib.normalise import normalise_any


def found(text: str, facts: Facts | None = None) -> dict[str, str]:
    """Each flagged detail of `text` (after his identifiers are masked), by its words."""
    facts = facts or Facts()
    clean = sanitise(text, facts)
    return {clean[flag.start : flag.end]: flag.kind for flag in scan(clean, facts)}


def kinds(text: str, facts: Facts | None = None) -> set[str]:
    return set(found(text, facts).values())


def flagged(detail: str, text: str, kind: str, facts: Facts | None = None) -> bool:
    """Whether every character of `detail` is inside a flag of `kind`."""
    facts = facts or Facts()
    clean = sanitise(text, facts)
    start = clean.find(detail)
    assert start >= 0, f"{detail!r} not in {clean!r}"
    spans = [(f.start, f.end) for f in scan(clean, facts) if f.kind == kind]
    return all(
        any(a <= i < b for a, b in spans)
        for i in range(start, start + len(detail))
        if not clean[i].isspace()
    )


def his(*values: str) -> Facts:
    return Facts(identifiers=tuple(normalise_any(v, allow_partial_plate=True) for v in values))
