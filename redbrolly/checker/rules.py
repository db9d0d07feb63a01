"""The checker's decisions, as pure functions: what an answer is, and what looks like enumeration.

Nothing here touches the database, so the rules are tested on their own and read in one place.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from redbrolly.checker.models import Result
from redbrolly.lib.crypto import blind_index
from redbrolly.reports.selectors import OPEN_STATUSES

SEVERITY_ORDER = ("ungraded", "low", "medium", "high")
HIGH = "high"


@dataclass(frozen=True)
class Counting:
    """Which unreviewed reports count (the organisation's checker policy)."""

    unreviewed_known: bool = True
    unreviewed_anonymous: bool = False


@dataclass(frozen=True)
class Match:
    """One live report linked to the identifier that was checked."""

    report_id: int
    reviewed: bool
    anonymous: bool
    status: str
    severity: str
    violent: bool
    submitted_on: datetime.date
    # Whether any alert was made from the report: only then are the alert links looked up.
    in_alert: bool = False


def counts(match: Match, counting: Counting) -> bool:
    if match.reviewed:
        return True
    # A report a moderator already set aside (not actionable, closed) never counts unreviewed.
    if match.status not in OPEN_STATUSES:
        return False
    return counting.unreviewed_anonymous if match.anonymous else counting.unreviewed_known


def counted(matches: Iterable[Match], counting: Counting) -> list[Match]:
    """The reports that count, once each (a report may list the same number twice)."""
    by_report = {match.report_id: match for match in matches if counts(match, counting)}
    return list(by_report.values())


def is_serious(match: Match) -> bool:
    return match.reviewed and (match.violent or match.severity == HIGH)


def result_for(reports: list[Match]) -> Result:
    if not reports:
        return Result.NO_REPORTS
    return Result.WARNING if any(is_serious(match) for match in reports) else Result.CAUTION


def highest_severity(reports: list[Match]) -> str | None:
    graded = [match.severity for match in reports if match.severity in SEVERITY_ORDER[1:]]
    return max(graded, key=SEVERITY_ORDER.index) if graded else None


def last_reported(reports: list[Match]) -> datetime.date | None:
    return max((match.submitted_on for match in reports), default=None)


# --- enumeration ------------------------------------------------------------------------------

NEAR_SPAN = 20


def near_cells(e164: str) -> tuple[str, str]:
    """Keyed labels of the two 20-number blocks (grids offset by 10) holding a phone number.

    Two numbers at most 10 apart always share a block in at least one grid, so adjacency is
    visible in the lookup log without storing the numbers.
    """
    number = int("".join(filter(str.isdigit, e164)) or "0")
    first = blind_index("checker.near", f"a{number // NEAR_SPAN}")
    second = blind_index("checker.near", f"b{(number + NEAR_SPAN // 2) // NEAR_SPAN}")
    return first[:16], second[:16]


@dataclass(frozen=True)
class Seen:
    """One identifier an account checked in the window (from the lookup log)."""

    index: str
    missed: bool
    near_a: str = ""
    near_b: str = ""


@dataclass(frozen=True)
class Thresholds:
    sequential_flag: int = 10
    sequential_suspend: int = 25
    random_flag: int = 60
    random_suspend: int = 120
    random_miss_ratio: float = 0.9

    def scaled(self, factor: int) -> Thresholds:
        """Partner platforms check for many people: random-pattern limits grow with them."""
        return Thresholds(
            self.sequential_flag,
            self.sequential_suspend,
            self.random_flag * factor,
            self.random_suspend * factor,
            self.random_miss_ratio,
        )


@dataclass(frozen=True)
class Finding:
    reason: str
    suspend: bool
    details: dict[str, int]


def distinct(seen: Iterable[Seen]) -> list[Seen]:
    return list({item.index: item for item in seen}.values())


def adjacent_count(seen: list[Seen]) -> int:
    """How many distinct phone numbers share a 20-number block with another one checked."""
    phones = [item for item in distinct(seen) if item.near_a]
    cells = Counter(cell for item in phones for cell in {f"a{item.near_a}", f"b{item.near_b}"})
    return sum(1 for item in phones if cells[f"a{item.near_a}"] > 1 or cells[f"b{item.near_b}"] > 1)


def sequential(seen: list[Seen], limits: Thresholds) -> Finding | None:
    adjacent = adjacent_count(seen)
    if adjacent < limits.sequential_flag:
        return None
    details = {"adjacent_numbers": adjacent, "distinct": len(distinct(seen))}
    return Finding("sequential", adjacent >= limits.sequential_suspend, details)


def random_misses(seen: list[Seen], limits: Thresholds) -> Finding | None:
    unique = distinct(seen)
    misses = sum(1 for item in unique if item.missed)
    if len(unique) < limits.random_flag or misses < limits.random_miss_ratio * len(unique):
        return None
    details = {"distinct": len(unique), "not_reported": misses}
    return Finding("random", len(unique) >= limits.random_suspend, details)


def findings(seen: list[Seen], limits: Thresholds) -> list[Finding]:
    """Every enumeration pattern in one account's recent checks."""
    found = (sequential(seen, limits), random_misses(seen, limits))
    return [finding for finding in found if finding is not None]
