"""Demo data for checker (run by manage.py seed_demo through core.demo.SEEDERS).

A few hundred lookups over the last four weeks across every channel, one account whose
sequential checks were flagged, and the partner platform "Adverts Example Ltd" with a key
(its secret is thrown away: nothing secret is printed or stored).
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from redbrolly.accounts.models import MemberProfile, User
from redbrolly.api.models import Partner
from redbrolly.api.services import partner_key_issue
from redbrolly.checker import rules, selectors, services
from redbrolly.checker.models import Channel, Lookup
from redbrolly.lib.crypto import blind_index
from redbrolly.lib.normalise import IdentifierKind

PARTNER = "Adverts Example Ltd"
LOOKUPS = 320
CHANNELS = [Channel.WEB] * 5 + [Channel.API] * 2 + [Channel.SMS] * 2 + [Channel.BULK]
SWEEP = 14


def seed(rng: random.Random) -> None:
    partner = demo_partner()
    if Lookup.objects.exists():
        return
    members = list(
        User.objects.filter(member_profile__status=MemberProfile.Status.APPROVED).order_by("pk")[
            :120
        ]
    )
    if not members:
        return
    Lookup.objects.bulk_create(history(rng, members, partner))
    flagged_sweep(members[-1])
    services.index_fragments()


def demo_partner() -> Partner:
    partner, created = Partner.objects.get_or_create(
        name=PARTNER,
        defaults={"contact": "safety@adverts.example.com", "lookups_per_minute": 120},
    )
    if created:
        partner_key_issue(actor=None, partner=partner)
    return partner


def drama_number(rng: random.Random) -> str:
    return f"+447700900{rng.randrange(1000):03d}"


def reported_indexes() -> list[tuple[str, str]]:
    from redbrolly.reports.models import Identifier

    live = Identifier.objects.filter(report__withdrawn_at__isnull=True)
    return list(live.values_list("kind", "index").distinct()[:60])


def history(rng: random.Random, members: list[User], partner: Partner) -> list[Lookup]:
    """Checks over the last 28 days; about one in eight is of something reported."""
    reported = reported_indexes()
    now = timezone.now()
    rows = []
    for _ in range(LOOKUPS):
        kind, index = pick(rng, reported)
        channel = rng.choice(CHANNELS)
        by_partner = channel == Channel.API and rng.random() < 0.5
        rows.append(
            Lookup(
                at=now - datetime.timedelta(days=rng.uniform(0.2, 28)),
                user=None if by_partner else rng.choice(members),
                partner=partner if by_partner else None,
                channel=channel,
                kind=kind,
                index=index,
                **answer_fields(index),
            )
        )
    return rows


def pick(rng: random.Random, reported: list[tuple[str, str]]) -> tuple[str, str]:
    if reported and rng.random() < 0.125:
        return rng.choice(reported)
    return IdentifierKind.PHONE.value, blind_index("phone", drama_number(rng))


def answer_fields(index: str) -> dict[str, object]:
    counted = rules.counted(
        selectors.matches_for([index]).get(index, []), selectors.checker_rules().counting
    )
    return {"result": rules.result_for(counted).value, "reports": len(counted)}


def flagged_sweep(user: User) -> None:
    """Half an hour ago one account checked 14 numbers in a row: the detection job flags it."""
    at = timezone.now() - datetime.timedelta(minutes=30)
    rows = []
    for n in range(SWEEP):
        number = f"+447700900{400 + n:03d}"
        near_a, near_b = rules.near_cells(number)
        index = blind_index("phone", number)
        rows.append(
            Lookup(
                at=at,
                user=user,
                channel=Channel.WEB,
                kind="phone",
                index=index,
                near_a=near_a,
                near_b=near_b,
                **answer_fields(index),
            )
        )
    Lookup.objects.bulk_create(rows)
    services.detect_enumeration()
