"""Demo data for linkage (run by manage.py seed_demo through core.demo.SEEDERS).

The reports demo gives a dozen repeat offenders several reports each, sharing identifiers.
Here the demo moderator has confirmed most of them into perpetrator profiles, one link at a
time as a moderator would; the newest report of each profile, and three offenders' reports
altogether, are still waiting as suggestions, so both pages show work to do.
"""

from __future__ import annotations

import random

from redbrolly.accounts.models import User
from redbrolly.linkage import selectors, services
from redbrolly.linkage.models import Link
from redbrolly.reports.models import Report

LEFT_UNDECIDED = 3
REASONS = [
    "Same number, same description of the man and the car.",
    "Same email and the same story about paying by bank transfer.",
    "Same handle; the advert was reposted under a new number.",
    "",
]


def seed(rng: random.Random) -> None:
    moderator = User.objects.filter(username="moderator").first()
    if moderator is None or Link.objects.exists():
        return
    pairs = sorted(selectors.shared_pairs())
    offenders = sorted(selectors.groups(pairs), key=min)
    confirm = {pk for group in offenders[:-LEFT_UNDECIDED] for pk in group - {max(group)}}
    reports = {report.pk: report for report in Report.objects.filter(pk__in=confirm)}
    joined = {pk: pk for pk in confirm}  # union-find: one link per pair of groups, as people do

    def root(pk: int) -> int:
        while joined[pk] != pk:
            pk = joined[pk]
        return pk

    for first, second in pairs:
        if first in confirm and second in confirm and root(first) != root(second):
            services.link_decide(
                actor=moderator,
                a=reports[first],
                b=reports[second],
                decision=Link.Decision.SAME,
                reason=rng.choice(REASONS),
            )
            joined[root(first)] = root(second)
