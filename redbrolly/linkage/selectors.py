"""Suggested links, and the perpetrator profiles that confirmed links make.

Both are computed from a few queries on each view (an organisation has hundreds or a few
thousand reports, not millions): identifiers are compared by blind index only, so nothing is
decrypted to find a suggestion, and withdrawn reports take part in nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet

from redbrolly.linkage.models import Link
from redbrolly.reports.models import Identifier, Report

SUGGESTIONS_SHOWN = 100


def live_identifiers() -> QuerySet[Identifier]:
    """Whole identifiers of reports nobody withdrew: what suggestions are made of."""
    return Identifier.objects.filter(partial=False, report__withdrawn_at__isnull=True)


@dataclass(frozen=True)
class Suggestion:
    first: Report
    second: Report
    kinds: list[str]


def kind_labels(kinds: Iterable[str]) -> list[str]:
    labels = dict(Identifier.Kind.choices)
    return [str(labels[kind]) for kind in Identifier.Kind.values if kind in set(kinds)]


def shared_pairs() -> dict[tuple[int, int], set[str]]:
    """(lower report pk, higher report pk) -> the kinds of identifier the two share."""
    repeated = (
        live_identifiers()
        .values("index")
        .annotate(reports=Count("report", distinct=True))
        .filter(reports__gt=1)
        .values("index")
    )
    by_index: dict[str, dict[int, str]] = defaultdict(dict)
    rows = live_identifiers().filter(index__in=repeated).values_list("index", "report_id", "kind")
    for index, report_id, kind in rows:
        by_index[index][report_id] = kind
    pairs: dict[tuple[int, int], set[str]] = defaultdict(set)
    for reports in by_index.values():
        ids = sorted(reports)
        for position, first in enumerate(ids):
            for second in ids[position + 1 :]:
                pairs[(first, second)].add(reports[first])
    return pairs


def suggestions(limit: int = SUGGESTIONS_SHOWN) -> tuple[list[Suggestion], int]:
    """Pairs nobody has decided yet, the newest report first; and how many there are."""
    decided = set(Link.objects.values_list("first_id", "second_id"))
    # Two reports already in one profile (linked through others) need no decision.
    profile_of = {
        pk: position
        for position, group in enumerate(
            groups(confirmed_links().values_list("first_id", "second_id"))
        )
        for pk in group
    }

    def settled(pair: tuple[int, int]) -> bool:
        first, second = pair
        return pair in decided or profile_of.get(first, -1) == profile_of.get(second, -2)

    waiting = {pair: kinds for pair, kinds in shared_pairs().items() if not settled(pair)}
    newest_first = sorted(waiting, key=lambda pair: pair[1], reverse=True)[:limit]
    reports = reports_by_pk({pk for pair in newest_first for pk in pair})
    shown = [
        Suggestion(reports[first], reports[second], kind_labels(waiting[(first, second)]))
        for first, second in newest_first
    ]
    return shown, len(waiting)


def reports_by_pk(pks: Iterable[int], *, with_people: bool = False) -> dict[int, Report]:
    found = (
        Report.objects.filter(pk__in=list(pks))
        .select_related("region")
        .prefetch_related("incident_types")
    )
    if with_people:
        found = found.prefetch_related("perpetrators__identifiers", "identifiers")
    return {report.pk: report for report in found}


# --- profiles ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkShown:
    link: Link
    first: Report
    second: Report


@dataclass
class Profile:
    """Reports joined by "same person" decisions; named by its oldest report's pk."""

    reports: list[Report]
    links: list[LinkShown] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return min(report.pk for report in self.reports)

    @property
    def first_seen(self) -> Any:
        return min(report.occurred_on for report in self.reports)

    @property
    def last_seen(self) -> Any:
        return max(report.occurred_on for report in self.reports)

    @property
    def regions(self) -> list[str]:
        return sorted({report.region.name for report in self.reports})

    @property
    def incident_types(self) -> list[str]:
        labels = {t.label for report in self.reports for t in report.incident_types.all()}
        return sorted(labels)

    def shareable(self) -> list[Report]:
        """The reports whose reporter agreed to anonymised intelligence going to the police."""
        return [r for r in self.reports if r.consent_allows(Report.Consent.POLICE_ANONYMOUS)]


def confirmed_links() -> QuerySet[Link]:
    return Link.objects.filter(
        decision=Link.Decision.SAME,
        first__withdrawn_at__isnull=True,
        second__withdrawn_at__isnull=True,
    )


def groups(pairs: Iterable[tuple[int, int]]) -> list[set[int]]:
    """Connected groups of report pks (union-find over the linked pairs)."""
    parent: dict[int, int] = {}

    def root(pk: int) -> int:
        parent.setdefault(pk, pk)
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for first, second in pairs:
        parent[root(first)] = root(second)
    found: dict[int, set[int]] = defaultdict(set)
    for pk in list(parent):
        found[root(pk)].add(pk)
    return list(found.values())


def profile_made(group: set[int], links: list[Link], reports: dict[int, Report]) -> Profile:
    return Profile(
        reports=sorted((reports[pk] for pk in group), key=lambda r: (r.occurred_on, r.pk)),
        links=[
            LinkShown(link, reports[link.first_id], reports[link.second_id])
            for link in links
            if link.first_id in group
        ],
    )


def profiles() -> list[Profile]:
    """Every profile, the most recently seen first."""
    links = list(confirmed_links().select_related("decided_by"))
    members = groups((link.first_id, link.second_id) for link in links)
    reports = reports_by_pk({pk for group in members for pk in group})
    made = [profile_made(group, links, reports) for group in members]
    return sorted(made, key=lambda profile: (profile.last_seen, profile.pk), reverse=True)


def profile_pk_of(report_pk: int) -> int | None:
    """The profile a report belongs to, from the links alone (one query)."""
    pairs = confirmed_links().values_list("first_id", "second_id")
    return next((min(group) for group in groups(pairs) if report_pk in group), None)


def profile_detail(pk: int) -> Profile | None:
    """The profile named `pk` (its oldest report), with the perpetrators' details."""
    links = list(confirmed_links().select_related("decided_by"))
    pairs = [(link.first_id, link.second_id) for link in links]
    group = next((group for group in groups(pairs) if min(group) == pk), None)
    if group is None:
        return None
    return profile_made(group, links, reports_by_pk(group, with_people=True))
