"""Demo alerts (run by manage.py seed_demo through core.demo.SEEDERS, after reports).

About 25 alerts sent over the last two months across regions (several in Greater Manchester
for `member`, some in Glasgow for `member2`, London for `practitioner`, one national), three
drafts (one shown to its anonymous reporter, who asked to see it first: open
/report/follow-up/ with `DEMO_RECEIPT`) and two waiting for approval, one withdrawn, one
updated, three expired into the archive, translations, and deliveries in every state.
Everything goes through the services (drafting, four-eyes approval, publishing), then the
clock is moved back on what was sent.
Fictional only: masked Ofcom drama numbers and invented plates.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from redbrolly.accounts.models import User
from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import Alert
from redbrolly.core.models import IncidentType, Region
from redbrolly.lib.masking import mask_phone, mask_plate
from redbrolly.notify.models import Delivery
from redbrolly.reports import receipts
from redbrolly.reports.models import Report


@dataclass(frozen=True)
class Story:
    region: str
    types: tuple[str, ...]
    severity: str
    title: str
    summary: str
    perpetrator: str = ""
    vehicle: str = ""
    phone: str = ""
    plate: str = ""
    sectors: tuple[str, ...] = ()


STORIES = [
    Story(
        "greater-manchester",
        ("robbery", "physical_assault"),
        "danger",
        "Robbery at an outcall — Manchester city centre",
        "A client booked an outcall late at night, took the money back by force and "
        "pushed the worker down the stairs.",
        "White man, about 40, shaved head, local accent. Friendly on the phone.",
        "Silver Ford Focus",
        "+447700900123",
        "MA19XYZ",
        ("outcall",),
    ),
    Story(
        "greater-manchester",
        ("non_payment",),
        "caution",
        "Fake bank transfer — Salford",
        "Shows a banking app screen saying he has paid. Nothing arrives. Leaves quickly.",
        "Young man, tracksuit, neck tattoo.",
        "",
        "+447700900456",
    ),
    Story(
        "greater-manchester",
        ("threats", "harassment"),
        "caution",
        "Threatening texts from new numbers — Bolton and Wigan",
        "After being refused he texts from new numbers saying he knows where workers live.",
        "",
        "",
        "+447700900789",
    ),
    Story(
        "greater-manchester",
        ("condom_refusal",),
        "caution",
        "Removes the condom — Stockport",
        "Took the condom off without telling the worker. Argues about price first.",
        "Tall, beard, glasses, in his 30s.",
        "Black BMW 3 Series",
        "",
        "MF68KLP",
        ("indoor",),
    ),
    Story(
        "greater-manchester",
        ("time_wasting",),
        "info",
        "Repeated no-shows — Oldham",
        "Books several times under different names and never arrives.",
        "",
        "",
        "+447700900321",
    ),
    Story(
        "scotland-greater-glasgow",
        ("physical_assault",),
        "danger",
        "Assault on the street — Glasgow",
        "A man in a car stopped, agreed a price, then hit the worker and drove off.",
        "White man, 50s, grey hair, Glasgow accent.",
        "White Vauxhall Astra",
        "",
        "SV21ABC",
        ("street",),
    ),
    Story(
        "scotland-greater-glasgow",
        ("robbery",),
        "danger",
        "Bag snatched after a booking — Glasgow",
        "Grabbed the worker's bag and phone on the way out and ran to a waiting car.",
        "Two men, one tall, one short with a cap.",
        "Grey Audi A4",
        "+447700900654",
    ),
    Story(
        "scotland-greater-glasgow",
        ("harassment",),
        "info",
        "Asking questions about other workers — Glasgow",
        "Asks where other women work and who they work with. Did not book.",
        "",
        "",
        "+447700900987",
    ),
    Story(
        "metropolitan",
        ("sexual_assault",),
        "danger",
        "Ignored what was agreed — East London",
        "He ignored what had been agreed and forced himself on the worker.",
        "Short, glasses, wedding ring, well dressed.",
        "",
        "+447700900111",
        "",
        ("indoor", "outcall"),
    ),
    Story(
        "metropolitan",
        ("online_abuse",),
        "caution",
        "Blackmail with photos — London",
        "Threatens to send photos to the worker's family unless she pays.",
        "",
        "",
        "+447700900222",
        "",
        ("online",),
    ),
    Story(
        "metropolitan",
        ("non_payment",),
        "info",
        "Cheque that bounces — South London",
        "Pays by a cheque that bounces, then blocks the number.",
        "",
        "",
        "+447700900333",
    ),
    Story(
        "west-midlands",
        ("physical_assault",),
        "danger",
        "Violent when asked to leave — Birmingham",
        "Became aggressive when asked to leave at the end of the booking and hit the worker.",
        "Large build, tattoo on his hand.",
        "Blue Toyota Prius",
        "",
        "BK17RTY",
    ),
    Story(
        "west-midlands",
        ("threats",),
        "caution",
        "Says he is police — Coventry",
        "Says he is a police officer and demands a free service. He is not.",
        "",
        "",
        "+447700900444",
    ),
    Story(
        "west-yorkshire",
        ("robbery",),
        "danger",
        "Robbery by two men — Leeds",
        "One man books, a second waits outside and both take money and phones.",
        "",
        "Black Mercedes C-Class",
        "+447700900555",
    ),
    Story(
        "west-yorkshire",
        ("time_wasting",),
        "info",
        "Books and cancels at the door — Bradford",
        "Arrives, haggles at the door, leaves. Several reports.",
        "",
        "",
        "+447700900666",
    ),
    Story(
        "merseyside",
        ("physical_assault", "robbery"),
        "danger",
        "Attack at an incall — Liverpool",
        "Pushed his way in with a friend and took cash.",
        "",
        "",
        "+447700900777",
        "",
        ("indoor",),
    ),
    Story(
        "merseyside",
        ("non_payment",),
        "caution",
        "Fake notes — Liverpool",
        "Pays with notes that turn out to be fake.",
        "",
        "",
        "+447700900888",
    ),
    Story(
        "online",
        ("online_abuse",),
        "caution",
        "Sextortion messages — online",
        "Messages workers on advertising sites and demands money to keep photos private.",
        "",
        "",
        "+447700900999",
        "",
        ("online",),
    ),
    Story(
        "avon-and-somerset",
        ("rape",),
        "danger",
        "Rape at a booking — Bristol",
        "He held the worker down. She got away when his phone rang.",
        "White man, 30s, short dark hair, athletic.",
        "Grey Ford Focus",
        "+447700900135",
        "WP15HJK",
    ),
    Story(
        "scotland-edinburgh",
        ("harassment",),
        "info",
        "Waits outside after bookings — Edinburgh",
        "Waits outside after bookings and follows workers.",
        "",
        "",
        "+447700900246",
    ),
    Story(
        "northumbria",
        ("threats",),
        "caution",
        "Threats with a knife — Newcastle",
        "Showed a knife during an argument about money.",
        "",
        "",
        "+447700900357",
    ),
    Story(
        "south-yorkshire",
        ("condom_refusal",),
        "caution",
        "Refuses condoms — Sheffield",
        "Insists on no condom and gets angry when refused.",
        "",
        "",
        "+447700900468",
    ),
    Story(
        "thames-valley",
        ("robbery",),
        "danger",
        "Robbery at an outcall — Reading",
        "Took back the fee and the worker's phone.",
        "",
        "Black BMW 3 Series",
        "",
        "RX20QWE",
    ),
    Story(
        "nottinghamshire",
        ("non_payment",),
        "info",
        "Leaves without paying — Nottingham",
        "Leaves while the worker is in the bathroom, without paying.",
        "",
        "",
        "+447700900579",
    ),
    Story(
        "national",
        ("online_abuse", "threats"),
        "caution",
        "Scam messages across the UK",
        "The same man contacts workers in many cities with fake deposit requests.",
        "",
        "",
        "+447700900680",
        "",
        ("online", "outcall", "indoor"),
    ),
]
# Shown to its anonymous reporter before sending (its region is the report's).
LOOK = Story(
    "",
    ("harassment", "threats"),
    "caution",
    "Follows workers home after outcalls",
    "Books an outcall, then waits outside and follows the worker home. Friendly until refused.",
    "Man in his 40s, grey beard, walks with a limp.",
    "",
    "+447700900791",
)
# The receipt of that report (README, "Demo logins"). Demo only: seed_demo refuses production.
DEMO_RECEIPT = "2468135780246913"
SENT = 22  # the first 22 stories are sent; the rest stay drafts or wait for approval
EXPIRED = (4, 10, 14)
TRANSLATIONS = {
    0: (
        "ro",
        "Jaf la o deplasare — centrul orașului Manchester",
        "Un client a luat banii înapoi cu forța.",
    ),
    5: (
        "pl",
        "Napaść na ulicy — Glasgow",
        "Mężczyzna w samochodzie uderzył pracownicę i odjechał.",
    ),
}


def seed(rng: random.Random) -> None:
    if Alert.objects.exists():
        return
    people = {u.username: u for u in User.objects.filter(username__in=["moderator", "moderator2"])}
    if len(people) < 2:
        return
    drafter, approver = people["moderator"], people["moderator2"]
    reports = list(Report.objects.alertable().select_related("region")[:200])
    alerts = [drafted(story, drafter, reports) for story in STORIES]
    for number, alert in enumerate(alerts[:SENT]):
        send(alert, number, drafter, approver)
    services.alert_submit(moderator=drafter, alert=alerts[SENT])
    if len(alerts) > SENT + 2:
        services.alert_submit(moderator=drafter, alert=alerts[SENT + 2])
    awaiting_the_reporters_look(drafter, reports)
    from_a_report(drafter, reports)
    age(alerts[:SENT], rng)
    services.alert_update(
        moderator=approver, alert=alerts[0], text="A man has been arrested. Stay careful."
    )
    services.alert_withdraw(
        moderator=approver, alert=alerts[2], text="Reported in error: the number was mistyped."
    )
    spread_delivery_states(rng)


def drafted(story: Story, drafter: Any, reports: list[Report]) -> Alert:
    """A draft from a matching report when there is one, then the curated wording."""
    matching = [r for r in reports if r.region.code == story.region] or reports
    if matching:
        alert = services.alert_draft_from_reports(moderator=drafter, reports=[matching[0]])
        reports.remove(matching[0])
    else:
        alert = Alert.objects.create(
            title="-", summary="-", expires_at=timezone.now(), created_by=drafter
        )
    services.alert_edit(moderator=drafter, alert=alert, content=content(story))
    resolve_flags(drafter, alert)
    return alert


def content(story: Story) -> services.AlertContent:
    identifiers = [mask_phone(story.phone)] if story.phone else []
    identifiers += [mask_plate(story.plate)] if story.plate else []
    national = story.region == "national"
    return services.AlertContent(
        title=story.title,
        summary=story.summary,
        perpetrator=story.perpetrator,
        vehicle=story.vehicle,
        identifiers="\n".join(identifiers),
        regions=[] if national else list(Region.objects.filter(code=story.region)),
        national=national,
        severity=story.severity,
        incident_types=list(IncidentType.objects.filter(code__in=story.types)),
        sectors=list(story.sectors),
        expires_at=timezone.now() + datetime.timedelta(days=28),
    )


def resolve_flags(drafter: Any, alert: Alert) -> None:
    for item in selectors.unresolved(selectors.flags_in(alert)):
        services.alert_flag_keep(
            moderator=drafter,
            alert=alert,
            name=item.field,
            fingerprint=item.fingerprint,
            reason="Describes the client, not the reporter",
        )


def send(alert: Alert, number: int, drafter: Any, approver: Any) -> None:
    if number in TRANSLATIONS:
        language, title, summary = TRANSLATIONS[number]
        services.alert_translation_save(
            moderator=drafter,
            alert=alert,
            language=language,
            text={"title": title, "summary": summary},
        )
        resolve_flags(drafter, alert)
    services.alert_submit(moderator=drafter, alert=alert)
    services.alert_approve(moderator=approver, alert=alert)


def awaiting_the_reporters_look(drafter: Any, reports: list[Report]) -> None:
    """A draft from an anonymous report whose reporter asked to see the alert first: the
    moderator has shown it, and the holder of DEMO_RECEIPT can read and answer it."""
    report = next((r for r in reports if r.reporter_id is None), None)
    if report is None:
        return
    reports.remove(report)
    lookup, sealed = receipts.receipt_seal(DEMO_RECEIPT)
    Report.objects.filter(pk=report.pk).update(
        wants_alert_review=True, receipt_lookup=lookup, receipt_hash=sealed
    )
    report.refresh_from_db()
    alert = services.alert_draft_from_reports(moderator=drafter, reports=[report])
    story = dataclasses.replace(LOOK, region=report.region.code)
    wording = dataclasses.replace(content(story), reporter_review=True)
    services.alert_edit(moderator=drafter, alert=alert, content=wording)
    resolve_flags(drafter, alert)
    services.alert_review_request(moderator=drafter, alert=alert)


def from_a_report(drafter: Any, reports: list[Report]) -> None:
    """One untouched draft, straight from a report, to show the highlighted details."""
    if reports:
        services.alert_draft_from_reports(moderator=drafter, reports=[reports[0]])


def age(alerts: list[Alert], rng: random.Random) -> None:
    """Spreads what was sent over the last two months; a few have expired."""
    now = timezone.now()
    for number, alert in enumerate(alerts):
        sent = now - datetime.timedelta(
            days=number * 2 + rng.randint(0, 1), hours=rng.randint(1, 20)
        )
        expires = (
            now - datetime.timedelta(days=1)
            if number in EXPIRED
            else sent + datetime.timedelta(days=28 + 30)
        )
        Alert.objects.filter(pk=alert.pk).update(
            published_at=sent,
            approved_at=sent,
            submitted_at=sent,
            created_at=sent,
            expires_at=expires,
        )
        Delivery.objects.filter(source_type="alerts.alert", source_id=str(alert.pk)).update(
            created_at=sent, next_attempt_at=sent
        )


def spread_delivery_states(rng: random.Random) -> None:
    """Most deliveries went out long ago; the newest wait; a few failed or were delivered."""
    rows = list(
        Delivery.objects.filter(source_type="alerts.alert").values_list(
            "pk", "channel", "created_at"
        )
    )
    cutoff = timezone.now() - datetime.timedelta(days=1)
    by_state: dict[str, list[int]] = {"sent": [], "delivered": [], "failed": []}
    for pk, channel, created in rows:
        if created > cutoff:
            continue
        roll = rng.random()
        state = (
            "failed" if roll < 0.04 else "delivered" if channel == "sms" and roll < 0.8 else "sent"
        )
        by_state[state].append(pk)
    now = timezone.now()
    Delivery.objects.filter(pk__in=by_state["sent"] + by_state["delivered"]).update(
        status="sent", attempts=1, sent_at=now
    )
    Delivery.objects.filter(pk__in=by_state["delivered"]).update(status="delivered")
    failed = Delivery.objects.filter(pk__in=by_state["failed"])
    failed.filter(channel="sms").update(
        status="failed", attempts=1, last_error="sms-rejected-21211"
    )
    failed.exclude(channel="sms").update(
        status="failed", attempts=6, last_error="ConnectionRefusedError"
    )
