"""Suggested links, and the perpetrator profiles that confirmed links make.

Both are computed from a few queries on each view (an organisation has hundreds or a few
thousand reports, not millions): identifiers are compared by blind index only, so nothing is
decrypted to find a suggestion, and withdrawn reports take part in nothing.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Max, Min, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from redbrolly.linkage import alike
from redbrolly.linkage.models import Link
from redbrolly.reports.models import Identifier, Perpetrator, Report
from redbrolly.reports.selectors import kind_labels, live_whole_identifiers

GROUPS_SHOWN = 50


def shared_pairs() -> dict[tuple[int, int], set[str]]:
    """(lower report pk, higher report pk) -> the kinds of identifier the two share."""
    # Indexes named by more than one report: min < max is one hash aggregate over the
    # identifier table alone (a distinct count, or joining reports to leave out withdrawn
    # ones, made this query ten times slower); withdrawn reports drop out on the next line.
    repeated = (
        Identifier.objects.filter(partial=False)
        .values("index")
        .annotate(lowest=Min("report_id"), highest=Max("report_id"))
        .filter(lowest__lt=F("highest"))
        .values("index")
    )
    by_index: dict[str, dict[int, str]] = defaultdict(dict)
    rows = (
        live_whole_identifiers()
        .filter(index__in=repeated)
        .values_list("index", "report_id", "kind")
    )
    for index, report_id, kind in rows:
        by_index[index][report_id] = kind
    pairs: dict[tuple[int, int], set[str]] = defaultdict(set)
    for reports in by_index.values():
        ids = sorted(reports)
        for position, first in enumerate(ids):
            for second in ids[position + 1 :]:
                pairs[(first, second)].add(reports[first])
    return pairs


class ReportsSeen:
    """When, where and what, over a few reports (a profile, or a suggestion's candidate)."""

    reports: list[Report]

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


@dataclass(frozen=True)
class Candidate(ReportsSeen):
    """One row of a suggestion: a report on its own, or a profile (its reports, oldest first).
    `pk` is the report that stands for it in decisions: the report, or the profile's oldest."""

    reports: list[Report]

    @property
    def pk(self) -> int:
        return self.reports[0].pk

    @property
    def is_profile(self) -> bool:
        return len(self.reports) > 1


@dataclass(frozen=True)
class Suggestion:
    """Reports and profiles that name the same details, directly or through each other, and
    that nobody has decided about: perhaps one person."""

    candidates: list[Candidate]
    kinds: list[str]


@dataclass(frozen=True)
class Waiting:
    """The undecided groups as report pks: each group a set of candidates, each candidate
    named by its oldest report (`members` lists a profile's reports), with what they share."""

    groups: list[set[int]]
    kinds: list[set[str]]
    members: dict[int, set[int]]
    profile_of: dict[int, int]

    def reports_of(self, candidate: int) -> set[int]:
        return self.members.get(candidate, {candidate})


def waiting() -> Waiting:
    """A profile counts as one candidate (a new report matching a profile of nine is one
    question, not nine), and "not the same person" between any report of two candidates
    keeps them apart."""
    profile_groups = groups(confirmed_links().values_list("first_id", "second_id"))
    node_of = {pk: min(group) for group in profile_groups for pk in group}

    def node(pk: int) -> int:
        return node_of.get(pk, pk)

    apart = {
        tuple(sorted((node(first), node(second))))
        for first, second in Link.objects.filter(decision=Link.Decision.DIFFERENT).values_list(
            "first_id", "second_id"
        )
    }
    edges: dict[tuple[int, int], set[str]] = defaultdict(set)
    for (first, second), kinds in shared_pairs().items():
        pair = (min(node(first), node(second)), max(node(first), node(second)))
        if pair[0] != pair[1] and pair not in apart:
            edges[pair] |= kinds
    found = groups(edges)
    group_of = {candidate: position for position, group in enumerate(found) for candidate in group}
    kinds_of: list[set[str]] = [set() for _ in found]
    for (first, _second), kinds in edges.items():
        kinds_of[group_of[first]] |= kinds
    members = {min(group): group for group in profile_groups}
    return Waiting(found, kinds_of, members, node_of)


def suggestions(limit: int = GROUPS_SHOWN) -> tuple[list[Suggestion], int]:
    """The waiting suggestions, the one with the newest report first; and how many there are."""
    found = waiting()

    def newest(position: int) -> int:
        return max(pk for c in found.groups[position] for pk in found.reports_of(c))

    shown = sorted(range(len(found.groups)), key=newest, reverse=True)[:limit]
    reports = reports_by_pk(
        pk for position in shown for c in found.groups[position] for pk in found.reports_of(c)
    )
    made = [
        Suggestion(
            [
                Candidate(sorted((reports[pk] for pk in found.reports_of(c)), key=lambda r: r.pk))
                for c in sorted(found.groups[position])
            ],
            kind_labels(found.kinds[position]),
        )
        for position in shown
    ]
    return made, len(found.groups)


# --- alike descriptions -----------------------------------------------------------------------

ALIKE_SHOWN = 20
ALIKE_WINDOW = datetime.timedelta(days=365)
TRAIT_LABELS = {
    "name": gettext_lazy("name"),
    "car": gettext_lazy("car"),
    "colour": gettext_lazy("car colour"),
    "looks": gettext_lazy("looks"),
    "region": gettext_lazy("region"),
}


@dataclass(frozen=True)
class AlikePair:
    """Two reports that share no detail but describe the man alike; each may stand for the
    profile it is in (`profiles` maps a report pk to its profile's pk)."""

    first: Report
    second: Report
    why: alike.Resemblance
    profiles: dict[int, int]

    @property
    def traits(self) -> list[str]:
        return [str(TRAIT_LABELS[trait]) for trait in self.why.traits]

    @property
    def rows(self) -> list[tuple[Report, int | None]]:
        return [(report, self.profiles.get(report.pk)) for report in (self.first, self.second)]


def alike_pairs(limit: int = ALIKE_SHOWN) -> tuple[list[AlikePair], int]:
    """Live reports of the last year that share no detail but describe the same man, not
    decided yet, as pairs (the most alike first, then the newest); and how many there are.

    Perpetrator descriptions are encrypted, so they are read and compared here, on each view
    (bench/linkage.py). A profile counts as one: of its reports, the one most alike stands
    for it. Pairs already in one group of suggestions sharing a detail are left to that group.
    """
    found = waiting()
    since = timezone.localdate() - ALIKE_WINDOW
    people: dict[int, list[alike.Person]] = defaultdict(list)
    where: dict[int, tuple[int, datetime.date]] = {}
    rows = Perpetrator.objects.filter(
        report__withdrawn_at__isnull=True, report__occurred_on__gte=since
    ).values_list(
        "report_id",
        "report__region_id",
        "report__occurred_on",
        "names",
        "description",
        "vehicle_make",
        "vehicle_model",
        "vehicle_colour",
    )
    for report_id, region_id, occurred_on, *described in rows:
        people[report_id].append(alike.Person(*described))
        where[report_id] = (region_id, occurred_on)
    traits = [alike.traits_of(pk, *where[pk], people[pk]) for pk in people]

    def node(pk: int) -> int:
        return found.profile_of.get(pk, pk)

    group_of = {c: n for n, group in enumerate(found.groups) for c in group}
    decided = decided_pairs(node)

    def unit(candidate: int) -> tuple[str, int]:
        """A waiting group of suggestions is asked about once, through its most alike."""
        group = group_of.get(candidate)
        return ("group", group) if group is not None else ("candidate", candidate)

    best: dict[tuple[tuple[str, int], ...], alike.Resemblance] = {}
    for pair in alike.resemblances(traits):
        a, b = node(pair.first), node(pair.second)
        units = tuple(sorted((unit(a), unit(b))))
        if units[0] == units[1] or (min(a, b), max(a, b)) in decided:
            continue
        held = best.get(units)
        if held is None or (pair.score, pair.second) > (held.score, held.second):
            best[units] = pair
    ranked = sorted(best.values(), key=lambda p: (p.score, p.second), reverse=True)[:limit]
    shown = Report.objects.filter(pk__in={pk for p in ranked for pk in (p.first, p.second)})
    reports = {r.pk: r for r in shown.select_related("region").prefetch_related("perpetrators")}
    made = [
        AlikePair(reports[pair.first], reports[pair.second], pair, found.profile_of)
        for pair in ranked
    ]
    return made, len(best)


def decided_pairs(node: Callable[[int], int]) -> set[tuple[int, int]]:
    """Candidates someone already decided about, either way."""
    pairs = Link.objects.values_list("first_id", "second_id")
    return {(min(node(a), node(b)), max(node(a), node(b))) for a, b in pairs}


def suggested_with(pk: int) -> list[int] | None:
    """The other candidates of the waiting suggestion a candidate (named by its report) is
    part of, or None; nothing is read beyond the pks."""
    group = next((group for group in waiting().groups if pk in group), None)
    return None if group is None else sorted(group - {pk})


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
class Profile(ReportsSeen):
    """Reports joined by "same person" decisions; named by its oldest report's pk."""

    reports: list[Report]
    links: list[LinkShown] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return min(report.pk for report in self.reports)

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


def profile_pk_of(*report_pks: int) -> int | None:
    """The profile the first of these reports in one belongs to, from the links alone (one
    query)."""
    found = groups(confirmed_links().values_list("first_id", "second_id"))
    return next((min(g) for pk in report_pks for g in found if pk in g), None)


def profile_detail(pk: int) -> Profile | None:
    """The profile named `pk` (its oldest report), with the perpetrators' details."""
    links = list(confirmed_links().select_related("decided_by"))
    pairs = [(link.first_id, link.second_id) for link in links]
    group = next((group for group in groups(pairs) if min(group) == pk), None)
    if group is None:
        return None
    return profile_made(group, links, reports_by_pk(group, with_people=True))
