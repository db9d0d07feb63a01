"""Small-number suppression: counts that could identify someone are never shown.

A count of people below the threshold (five) is shown as "<5"; a percentage worked out from
a suppressed count is not shown either, since it would give the count back. Only primary
suppression: a total and all but one of its parts can still reveal the last part, so tables
that publish totals next to parts should suppress a second cell as well.
"""

from __future__ import annotations

THRESHOLD = 5
HIDDEN = "\u2013"  # en dash


def suppress(n: int | None, threshold: int = THRESHOLD) -> str:
    """The count as a table shows it: "<5" below the threshold, a dash when unknown."""
    if n is None:
        return HIDDEN
    return f"<{threshold}" if n < threshold else f"{n:,}"


def is_suppressed(n: int | None, threshold: int = THRESHOLD) -> bool:
    return n is None or n < threshold


def percentage(count: int | None, total: int | None, threshold: int = THRESHOLD) -> str:
    """count/total as "12.5%", hidden when the count (or the total) is suppressed."""
    if is_suppressed(count, threshold) or is_suppressed(total, threshold) or not total:
        return HIDDEN
    return f"{100 * (count or 0) / total:.1f}%"
