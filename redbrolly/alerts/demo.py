"""Demo alerts (run by manage.py seed_demo through core.demo.SEEDERS, after reports).

About 25 alerts sent over the last two months across regions (several in Greater Manchester
for `member`, some in Glasgow for `member2`, London for `practitioner`, one national), three
drafts (one shown to its anonymous reporter, who asked to see it first: open
/report/follow-up/ with `DEMO_RECEIPT`) and two waiting for approval, one withdrawn, one
updated, three expired into the archive, translations, and deliveries in every state.
Everything goes through the services (drafting from a report, four-eyes approval of the alert,
of a translation added after sending, of the update and of the withdrawal notice,
publishing), then the clock is moved back on what was sent.

Each story has its own accepted report (its region, incident types, setting, his description
and car) holding the story's phone and plate as structured identifiers, stored as intake
stores them; the alert shows those identifiers, chosen from the report's own, so checking
one in the checker answers "take care" or "warning". The numbers and plates are the demo
reports' own: fictional Ofcom drama numbers (+447700900xxx) and invented plates.
"""

from __future__ import annotations

import datetime
import random
import re
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from redbrolly.accounts.models import User
from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import Alert
from redbrolly.core.models import IncidentType, Region
from redbrolly.lib.normalise import Identifier as Found
from redbrolly.lib.normalise import normalise_phone, normalise_plate
from redbrolly.notify.models import Delivery
from redbrolly.reports import demo as reports_demo
from redbrolly.reports import receipts
from redbrolly.reports.models import Identifier, Perpetrator, Report, StatusChange
from redbrolly.reports.services import identifier_row


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
# Shown to its anonymous reporter before sending.
LOOK = Story(
    "greater-manchester",
    ("harassment", "threats"),
    "caution",
    "Follows workers home after outcalls",
    "Books an outcall, then waits outside and follows the worker home. Friendly until refused.",
    "Man in his 40s, grey beard, walks with a limp.",
    "",
    "+447700900791",
    "",
    ("outcall",),
)
# The receipt of that report (README, "Demo logins"). Demo only: seed_demo refuses production.
DEMO_RECEIPT = "2468135780246913"
SENT = 22  # the first 22 stories are sent; the rest stay drafts or wait for approval
EXPIRED = (4, 10, 14)
# Written before sending: approved with the alert.
TRANSLATIONS = {
    0: (
        "ro",
        "Jaf la o deplasare — centrul orașului Manchester",
        "Un client a luat banii înapoi cu forța.",
    ),
}
# Added to the sent alert: members read it once the second moderator approves it.
TRANSLATED_AFTER = {
    5: (
        "pl",
        "Napaść na ulicy — Glasgow",
        "Mężczyzna w samochodzie uderzył pracownicę i odjechał.",
    ),
}
# The report's setting: from the story's first sector, or else from what its words say.
SETTINGS = {"outcall": "outcall", "indoor": "incall", "street": "street", "online": "online"}
SETTING_WORDS = ("outcall", "incall", "street", "online")
REPORT_SEVERITY = {"danger": "high", "caution": "medium", "info": "low"}


def seed(rng: random.Random) -> None:
    if Alert.objects.exists():
        return
    people = {u.username: u for u in User.objects.filter(username__in=["moderator", "moderator2"])}
    if len(people) < 2:
        return
    drafter, approver = people["moderator"], people["moderator2"]
    untouched = Report.objects.alertable().select_related("region").first()
    alerts = [drafted(story, number, drafter) for number, story in enumerate(STORIES)]
    for number, alert in enumerate(alerts[:SENT]):
        send(alert, number, drafter, approver)
    services.alert_submit(moderator=drafter, alert=alerts[SENT])
    if len(alerts) > SENT + 2:
        services.alert_submit(moderator=drafter, alert=alerts[SENT + 2])
    awaiting_the_reporters_look(drafter)
    from_a_report(drafter, untouched)
    age(alerts[:SENT], rng)
    spread_delivery_states(rng)
    # After the messages went out, so the update and the notice reach who got them.
    updated(alerts[0], drafter, approver, "A man has been arrested. Stay careful.")
    withdrawn(alerts[2], drafter, approver, "Reported in error: the number was mistyped.")


def story_identifiers(story: Story) -> list[Found]:
    """The story's phone and plate, normalised as intake normalises what a reporter types."""
    found = [normalise_phone(story.phone)] if story.phone else []
    return found + ([normalise_plate(story.plate)] if story.plate else [])


def story_report(story: Story, days_ago: int, moderator: Any) -> Report:
    """The accepted report the story's alert is made from: the story's region (a national
    story was reported online), incident types, setting, his description and car, and his
    phone and plate as identifiers stored as intake stores them (reports.services)."""
    region = Region.objects.get(code="online" if story.region == "national" else story.region)
    occurred = timezone.localdate() - datetime.timedelta(days=days_ago)
    submitted = occurred + datetime.timedelta(days=1)
    words = set(re.findall(r"\w+", f"{story.title} {story.summary}".casefold()))
    said = next((word for word in SETTING_WORDS if word in words), "other")
    report = Report.objects.create(
        source=Report.Source.ANONYMOUS,
        consent_level=Report.Consent.ALERT,
        region=region,
        area=next((town for town in region.main_towns if town.casefold() in words), ""),
        occurred_on=occurred,
        setting=SETTINGS.get(story.sectors[0], said) if story.sectors else said,
        severity=REPORT_SEVERITY[story.severity],
        narrative=" ".join(reports_demo.STORIES[code] for code in story.types),
        submitted_on=submitted,
        status=Report.Status.ACCEPTED,
        accepted_at=timezone.make_aware(
            datetime.datetime.combine(submitted + datetime.timedelta(days=1), datetime.time(10, 30))
        ),
    )
    report.incident_types.set(IncidentType.objects.filter(code__in=story.types))
    colour, make, model = [*story.vehicle.split(" ", 2), "", "", ""][:3]
    person = Perpetrator.objects.create(
        report=report,
        description=story.perpetrator,
        vehicle_make=make,
        vehicle_model=model,
        vehicle_colour=colour.lower(),
    )
    Identifier.objects.bulk_create(
        [identifier_row(report, found, person) for found in story_identifiers(story)]
    )
    StatusChange.objects.create(
        report=report, actor=moderator, from_status="new", to_status=report.status
    )
    return report


def drafted(story: Story, number: int, drafter: Any) -> Alert:
    """A draft from the story's own report, then the curated wording."""
    report = story_report(story, number * 2 + 5, drafter)
    alert = services.alert_draft_from_reports(moderator=drafter, reports=[report])
    services.alert_edit(moderator=drafter, alert=alert, content=content(story, alert))
    resolve_flags(drafter, alert)
    return alert


def content(story: Story, alert: Alert) -> services.AlertContent:
    """The moderator's own words, and the story's phone and plate chosen among the
    identifiers of the alert's reports (never typed)."""
    wanted = {(found.kind.value, found.value) for found in story_identifiers(story)}
    rows = [
        row for row in selectors.identifiers_of_reports(alert) if (row.kind, row.value) in wanted
    ]
    national = story.region == "national"
    return services.AlertContent(
        title=story.title,
        summary=story.summary,
        perpetrator=story.perpetrator,
        vehicle=story.vehicle,
        identifier_rows=rows,
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
    """One moderator writes (and translates), the other approves, which sends it."""
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
    alert.refresh_from_db()
    if number in TRANSLATED_AFTER:
        language, title, summary = TRANSLATED_AFTER[number]
        translation = services.alert_translation_save(
            moderator=drafter,
            alert=alert,
            language=language,
            text={"title": title, "summary": summary},
        )
        resolve_flags(drafter, alert)
        services.alert_translation_approve(moderator=approver, translation=translation)


def updated(alert: Alert, drafter: Any, approver: Any, text: str) -> None:
    """One moderator proposes the update, the other approves it, which sends it."""
    alert.refresh_from_db()
    update = services.alert_update(moderator=drafter, alert=alert, text=text)
    resolve_flags(drafter, alert)
    services.alert_update_approve(moderator=approver, update=update)


def withdrawn(alert: Alert, drafter: Any, approver: Any, text: str) -> None:
    """Withdrawn at once by one moderator; the other approves the notice, which sends it."""
    alert.refresh_from_db()
    notice = services.alert_withdraw(moderator=drafter, alert=alert, text=text)
    alert.refresh_from_db()
    resolve_flags(drafter, alert)
    services.alert_update_approve(moderator=approver, update=notice)


def awaiting_the_reporters_look(drafter: Any) -> None:
    """A draft from an anonymous report whose reporter asked to see the alert first: the
    moderator has shown it, and the holder of DEMO_RECEIPT can read and answer it."""
    report = story_report(LOOK, 3, drafter)
    lookup, sealed = receipts.receipt_seal(DEMO_RECEIPT)
    Report.objects.filter(pk=report.pk).update(
        wants_alert_review=True, receipt_lookup=lookup, receipt_hash=sealed
    )
    report.refresh_from_db()
    alert = services.alert_draft_from_reports(moderator=drafter, reports=[report])
    wording = content(LOOK, alert)
    wording.reporter_review = True
    services.alert_edit(moderator=drafter, alert=alert, content=wording)
    resolve_flags(drafter, alert)
    services.alert_review_request(moderator=drafter, alert=alert)


def from_a_report(drafter: Any, report: Report | None) -> None:
    """One untouched draft, straight from a report, to show the highlighted details."""
    if report is not None:
        services.alert_draft_from_reports(moderator=drafter, reports=[report])


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
