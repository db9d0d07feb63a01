"""Demo data for reports (run by manage.py seed_demo through core.demo.SEEDERS).

About 300 reports over the last year across regions, incident types, settings, consent levels
and every moderation state. A dozen repeat offenders share phones, emails, handles and plates
across several reports (and regions), so the checker and the linker have something to find.
Fictional only: Ofcom drama numbers (+447700900xxx) and example.* addresses.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from redbrolly.accounts.models import User
from redbrolly.core.models import IncidentType, Region
from redbrolly.lib.crypto import blind_index
from redbrolly.reports.models import Identifier, Message, Perpetrator, Report, StatusChange

REPORTS = 300
BUSY_REGIONS = [
    "metropolitan",
    "greater-manchester",
    "west-midlands",
    "west-yorkshire",
    "merseyside",
    "scotland-greater-glasgow",
    "scotland-edinburgh-city",
    "avon-and-somerset",
    "south-yorkshire",
    "northumbria",
    "thames-valley",
    "nottinghamshire",
    "online",
]
STATUS_WEIGHTS = {
    "new": 14,
    "triage": 10,
    "needs_info": 8,
    "accepted": 50,
    "not_actionable": 10,
    "closed": 8,
}
CONSENT_WEIGHTS = {"record_only": 25, "alert": 45, "police_anonymous": 20, "police_full": 10}
SOURCE_WEIGHTS = {"anonymous": 55, "member": 28, "practitioner": 10, "staff_phone": 7}
NAMES = [
    "Dave",
    "Mike",
    "Steve",
    "John",
    "Tony",
    "Gary",
    "Paul",
    "Mo",
    "Jay",
    "Rob",
    "Chris",
    "Lee",
]
CARS = [
    ("Ford", "Focus", "grey"),
    ("BMW", "3 Series", "black"),
    ("Vauxhall", "Astra", "silver"),
    ("Audi", "A4", "white"),
    ("Toyota", "Prius", "blue"),
    ("Mercedes", "C-Class", "black"),
]
LOOKS = [
    "white, about 40, shaved head",
    "tall, beard, London accent",
    "short, glasses, wedding ring",
    "in his 50s, grey hair, smells of smoke",
    "young, tracksuit, neck tattoo",
]
STORIES = {
    "physical_assault": "He got aggressive when I asked him to leave and hit me in the face.",
    "sexual_assault": "He ignored what we agreed and forced himself on me.",
    "rape": "He held me down and raped me. I got away when his phone rang.",
    "robbery": "He grabbed my bag and phone on the way out and ran to a car.",
    "threats": "He said he knew where I lived and would come back with friends.",
    "harassment": "He keeps texting from new numbers after I blocked him.",
    "non_payment": "He said he'd paid by transfer but nothing arrived, then he left.",
    "condom_refusal": "He took the condom off without telling me.",
    "online_abuse": "He threatened to send my photos to my family unless I paid.",
    "time_wasting": "He booked three times and never showed, then booked as someone else.",
    "other": "He asked lots of questions about where the other girls work.",
}


@dataclass
class Offender:
    """A demo perpetrator whose identifiers turn up in several reports."""

    name: str
    phones: list[str]
    emails: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    plate: str = ""
    car: tuple[str, str, str] | None = None
    looks: str = ""


def offenders(rng: random.Random) -> list[Offender]:
    made = []
    for n in range(12):
        phones = [f"+447700900{700 + n * 3 + k:03d}" for k in range(rng.randint(1, 3))]
        made.append(
            Offender(
                name=rng.choice(NAMES),
                phones=phones,
                emails=[f"punter{n}.demo@example.com"] if n % 2 == 0 else [],
                handles=[f"gent_{n}_demo"] if n % 3 == 0 else [],
                plate=f"MA{15 + n}XK{chr(65 + n)}" if n % 4 != 3 else "",
                car=rng.choice(CARS),
                looks=rng.choice(LOOKS),
            )
        )
    return made


def one_off(rng: random.Random, serial: int) -> Offender:
    return Offender(
        name=rng.choice(NAMES),
        phones=[f"+447700900{(serial * 7) % 690:03d}"] if rng.random() < 0.7 else [],
        emails=[f"guest{serial}@example.net"] if rng.random() < 0.2 else [],
        looks=rng.choice(LOOKS),
    )


def pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@transaction.atomic
def seed(rng: random.Random) -> None:
    if Report.objects.exists():
        return
    context = demo_context(rng)
    plans = [plan_report(rng, context, serial) for serial in range(REPORTS)]
    reports = Report.objects.bulk_create([plan["report"] for plan in plans])
    for report, plan in zip(reports, plans, strict=True):
        plan["report"] = report
    save_types(plans, context)
    save_perpetrators(plans)
    save_history(rng, plans, context)


def demo_context(rng: random.Random) -> dict[str, Any]:
    users = User.objects.filter(
        username__in=["member", "member2", "practitioner", "moderator", "moderator2", "caseworker"]
    )
    by_name = {user.username: user for user in users}
    bulk = list(User.objects.filter(username__startswith="demo-").order_by("pk")[:200])
    return {
        "regions": {r.code: r for r in Region.objects.filter(code__in=BUSY_REGIONS)}
        or {r.code: r for r in Region.objects.all()[:10]},
        "types": {t.code: t for t in IncidentType.objects.all()},
        "people": by_name,
        "members": bulk,
        "offenders": offenders(rng),
        "today": timezone.localdate(),
    }


def reporter_for(rng: random.Random, context: dict[str, Any], source: str, serial: int) -> Any:
    people = context["people"]
    if serial < 4 and "member" in people:
        return people["member"]
    if serial < 7 and "member2" in people:
        return people["member2"]
    if source == "member":
        return rng.choice(context["members"]) if context["members"] else None
    return people.get({"practitioner": "practitioner", "staff_phone": "caseworker"}.get(source, ""))


def region_for(context: dict[str, Any], serial: int, rng: random.Random) -> Region:
    regions = context["regions"]
    fixed = {
        0: "greater-manchester",
        1: "greater-manchester",
        2: "greater-manchester",
        3: "greater-manchester",
        4: "scotland-greater-glasgow",
        5: "scotland-greater-glasgow",
        6: "scotland-greater-glasgow",
    }
    return regions.get(fixed.get(serial, ""), None) or rng.choice(list(regions.values()))


def plan_report(rng: random.Random, context: dict[str, Any], serial: int) -> dict[str, Any]:
    source = "member" if serial < 7 else pick(rng, SOURCE_WEIGHTS)
    reporter = reporter_for(rng, context, source, serial)
    if reporter is None and source != "anonymous":
        source = "anonymous"
    types = rng.sample(sorted(context["types"]), k=rng.choice([1, 1, 2, 3]))
    submitted = context["today"] - datetime.timedelta(days=rng.randint(0, 364))
    offender = rng.choice(context["offenders"]) if rng.random() < 0.45 else one_off(rng, serial)
    status = pick(rng, STATUS_WEIGHTS)
    region = region_for(context, serial, rng)
    report = Report(
        source=source,
        reporter=reporter,
        on_behalf_of_someone=source in ("practitioner", "staff_phone"),
        behalf_who="a woman we support at the drop-in" if source == "practitioner" else "",
        behalf_consent=source in ("practitioner", "staff_phone"),
        consent_level=pick(rng, CONSENT_WEIGHTS),
        wants_support=rng.random() < 0.15,
        support_contact="text only, say it's the pharmacy" if serial % 7 == 0 else "",
        region=region,
        area=rng.choice(region.main_towns) if region.main_towns and rng.random() < 0.7 else "",
        occurred_on=submitted - datetime.timedelta(days=rng.randint(0, 10)),
        occurred_precision=rng.choice(["exact", "exact", "approximate"]),
        setting="online"
        if region.code == "online"
        else rng.choice(["street", "incall", "outcall", "parlour", "other"]),
        severity=rng.choice(["low", "medium", "high"])
        if status in ("accepted", "closed")
        else "ungraded",
        narrative=" ".join(STORIES[code] for code in types),
        submitted_on=submitted,
        status=status,
        withdrawn_at=timezone.now() if rng.random() < 0.02 else None,
    )
    if status in ("accepted", "closed"):
        report.accepted_at = timezone.make_aware(
            datetime.datetime.combine(submitted + datetime.timedelta(days=1), datetime.time(10, 30))
        )
    return {"report": report, "types": types, "offender": offender}


def save_types(plans: list[dict[str, Any]], context: dict[str, Any]) -> None:
    through = Report.incident_types.through
    rows = [
        through(report_id=plan["report"].pk, incidenttype_id=context["types"][code].pk)
        for plan in plans
        for code in plan["types"]
    ]
    through.objects.bulk_create(rows)


def save_perpetrators(plans: list[dict[str, Any]]) -> None:
    people = []
    for plan in plans:
        offender = plan["offender"]
        make, model, colour = offender.car or ("", "", "")
        people.append(
            Perpetrator(
                report=plan["report"],
                names=offender.name,
                description=offender.looks,
                vehicle_make=make,
                vehicle_model=model,
                vehicle_colour=colour,
            )
        )
    saved = Perpetrator.objects.bulk_create(people)
    Identifier.objects.bulk_create(
        [
            row
            for plan, person in zip(plans, saved, strict=True)
            for row in identifier_rows(plan, person)
        ]
    )


def identifier_rows(plan: dict[str, Any], person: Perpetrator) -> list[Identifier]:
    offender = plan["offender"]
    values = [("phone", v) for v in offender.phones] + [("email", v) for v in offender.emails]
    values += [("handle", v) for v in offender.handles] + (
        [("plate", offender.plate)] if offender.plate else []
    )
    return [
        Identifier(
            report=plan["report"],
            perpetrator=person,
            kind=kind,
            value=value,
            index=blind_index(kind, value),
            valid=kind != "phone",
        )
        for kind, value in values
    ]


def save_history(rng: random.Random, plans: list[dict[str, Any]], context: dict[str, Any]) -> None:
    moderator = context["people"].get("moderator")
    changes, messages = [], []
    for plan in plans:
        report = plan["report"]
        if report.status != "new":
            changes.append(
                StatusChange(
                    report=report, actor=moderator, from_status="new", to_status=report.status
                )
            )
        if report.status == "needs_info":
            messages.append(
                Message(
                    report=report,
                    author=moderator,
                    from_staff=True,
                    kind="info_request",
                    body="Thank you for telling us. Do you remember roughly what time it was?",
                    sent_on=report.submitted_on,
                )
            )
        elif report.source == "member" and rng.random() < 0.3:
            messages.append(
                Message(
                    report=report,
                    author=moderator,
                    from_staff=True,
                    body="Thank you. We have sent an alert to members in your area.",
                    sent_on=report.submitted_on,
                )
            )
    StatusChange.objects.bulk_create(changes)
    Message.objects.bulk_create(messages)
