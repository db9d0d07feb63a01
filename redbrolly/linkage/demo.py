"""Demo data for linkage (run by manage.py seed_demo through core.demo.SEEDERS).

The reports demo gives a dozen repeat offenders several reports each, sharing identifiers.
Here the demo moderator has confirmed most of them into perpetrator profiles, one link at a
time as a moderator would; the newest report of each profile, and three offenders' reports
altogether, are still waiting as suggestions, so both pages show work to do. Two offenders
with a profile have since booked from a new number: their newest reports share no detail
with the profile, only the description, and wait under "described alike".
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from redbrolly.accounts.models import User
from redbrolly.lib.crypto import blind_index
from redbrolly.linkage import selectors, services
from redbrolly.linkage.models import Link
from redbrolly.reports.models import Identifier, Perpetrator, Report

LEFT_UNDECIDED = 3
NEW_NUMBERS = ("+447700900851", "+447700900863")
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
    changed_numbers(rng, [max(group) for group in offenders[: len(NEW_NUMBERS)]])


def changed_numbers(rng: random.Random, newest: list[int]) -> None:
    """A new report about each of these reports' offenders, from a number never seen before."""
    for pk, number in zip(newest, NEW_NUMBERS, strict=False):
        seen = Report.objects.get(pk=pk)
        person = seen.perpetrators.first()
        if person is None:
            continue
        when = timezone.localdate() - datetime.timedelta(days=rng.randint(1, 6))
        report = Report.objects.create(
            source=Report.Source.ANONYMOUS,
            consent_level=Report.Consent.ALERT,
            region=seen.region,
            area=seen.area,
            occurred_on=when,
            submitted_on=when,
            setting=seen.setting,
            narrative="He booked from a number I did not know. Same car as the warnings, and "
            "he gave the same name. He would not pay and pushed me against the door.",
            severity=Report.Severity.UNGRADED,
            status=Report.Status.NEW,
        )
        report.incident_types.set(seen.incident_types.all())
        again = Perpetrator.objects.create(
            report=report,
            names=person.names,
            description=person.description,
            vehicle_make=person.vehicle_make,
            vehicle_model=person.vehicle_model,
            vehicle_colour=person.vehicle_colour,
        )
        Identifier.objects.create(
            report=report,
            perpetrator=again,
            kind=Identifier.Kind.PHONE,
            value=number,
            index=blind_index(Identifier.Kind.PHONE.value, number),
        )
