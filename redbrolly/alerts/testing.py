"""Object graphs for alert tests, the fan-out benchmark and the crash test's subprocesses.

Fictional data only: Ofcom drama numbers and example.* addresses.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

from django.utils import timezone

from redbrolly.accounts.models import MemberProfile, User
from redbrolly.accounts.services import Contact, contact_indexes
from redbrolly.alerts import services
from redbrolly.alerts.models import Alert
from redbrolly.core.models import IncidentType, Region
from redbrolly.lib.crypto import blind_index
from redbrolly.lib.normalise import normalise_plate
from redbrolly.reports import receipts
from redbrolly.reports.models import Identifier, Perpetrator, Report

NARRATIVE = (
    "A client called himself Gary booked an outcall to the Grand Hotel on 12 Acacia Avenue "
    "at 11:45pm, took back the money by force and pushed me down the stairs. He rang from "
    "07700 900123 and emailed from gary.d@example.com."
)


def accepted_report(
    *,
    region: str = "greater-manchester",
    narrative: str = NARRATIVE,
    reporter: Any = None,
    phone: str = "+447700900123",
    plate: str = "MA19 XYZ",
    consent: str = Report.Consent.ALERT,
    receipt: str = "",
    wants_alert_review: bool = False,
    source: str = "",
) -> Report:
    """`receipt`: 16 digits its (anonymous) reporter can come back with."""
    lookup, sealed = receipts.receipt_seal(receipt) if receipt else ("", "")
    report = Report.objects.create(
        status=Report.Status.ACCEPTED,
        source=source or (Report.Source.MEMBER if reporter else Report.Source.ANONYMOUS),
        reporter=reporter,
        consent_level=consent,
        wants_alert_review=wants_alert_review,
        receipt_lookup=lookup,
        receipt_hash=sealed,
        region=Region.objects.get(code=region),
        area="Manchester city centre",
        occurred_on=timezone.localdate() - datetime.timedelta(days=2),
        setting=Report.Setting.OUTCALL,
        severity=Report.Severity.HIGH,
        narrative=narrative,
        accepted_at=timezone.now(),
    )
    report.incident_types.set(IncidentType.objects.filter(code__in=["robbery", "physical_assault"]))
    person = Perpetrator.objects.create(
        report=report,
        names="Gary",
        description="White man, about 40, shaved head, Manchester accent",
        behaviour="Friendly on the phone, turned violent when asked to pay",
        vehicle_make="Ford",
        vehicle_model="Focus",
        vehicle_colour="silver",
    )
    add_identifier(report, person, "phone", phone)
    add_identifier(report, person, "plate", normalise_plate(plate).value)
    return report


def add_identifier(report: Report, person: Perpetrator, kind: str, value: str) -> Identifier:
    return Identifier.objects.create(
        report=report, perpetrator=person, kind=kind, value=value, index=blind_index(kind, value)
    )


def members(
    count: int,
    *,
    region: str = "greater-manchester",
    prefix: str = "fan",
    email: bool = True,
    sms: bool = True,
    discreet: bool = True,
    language: str = "en",
) -> list[int]:
    """Approved members in bulk (no password hashing); returns their user ids."""
    users = User.objects.bulk_create(
        [User(username=f"{prefix}-{n}", password="!") for n in range(count)], batch_size=1000
    )
    users = list(User.objects.filter(username__startswith=f"{prefix}-").order_by("pk"))
    profiles = [
        profile_for(user, n, email, sms, discreet, language) for n, user in enumerate(users)
    ]
    made = MemberProfile.objects.bulk_create(profiles, batch_size=1000)
    made = list(MemberProfile.objects.filter(user__in=users))
    link = MemberProfile.regions.through
    place = Region.objects.get(code=region)
    link.objects.bulk_create(
        [link(memberprofile_id=p.pk, region_id=place.pk) for p in made], batch_size=1000
    )
    return [user.pk for user in users]


def profile_for(
    user: User, n: int, email: bool, sms: bool, discreet: bool, language: str
) -> MemberProfile:
    contact = Contact(email=f"{user.username}@example.net", mobile=f"+4477009{n:05d}")
    return MemberProfile(
        user=user,
        status=MemberProfile.Status.APPROVED,
        email=contact.email,
        mobile=contact.mobile,
        notify_email=email,
        notify_sms=sms,
        notify_inapp=True,
        discreet_mode=discreet,
        language=language,
        sectors=["outcall"],
        **contact_indexes(contact),
    )


def staff(username: str) -> User:
    from django.contrib.auth.models import Group

    user = User.objects.create_user(username=username, password=None)
    user.groups.set(Group.objects.filter(name="moderator"))
    return user


def content_of(alert: Alert, **changes: Any) -> services.AlertContent:
    """What the drafting form holds for `alert` now, with `changes` typed over it."""
    content = services.AlertContent(
        title=alert.title,
        summary=alert.summary,
        perpetrator=alert.perpetrator,
        vehicle=alert.vehicle,
        identifier_rows=list(alert.shown_identifiers.all()),
        precision=alert.facts.get("precision", "part"),
        regions=list(alert.regions.all()),
        national=alert.national,
        severity=alert.severity,
        incident_types=list(alert.incident_types.all()),
        sectors=list(alert.sectors),
        expires_at=alert.expires_at,
        reporter_review=alert.reporter_review,
    )
    return dataclasses.replace(content, **changes)


def quoting(moderator: Any, alert: Alert, summary: str = NARRATIVE) -> Alert:
    """The moderator quotes the narrative beside the draft into their own words."""
    services.alert_edit(
        moderator=moderator, alert=alert, content=content_of(alert, summary=summary)
    )
    alert.refresh_from_db()
    return alert


def ready_alert(drafter: Any, report: Report | None = None) -> Alert:
    """A draft from a report, reworded by the moderator as they would, sent for approval."""
    alert = services.alert_draft_from_reports(
        moderator=drafter, reports=[report or accepted_report()]
    )
    content = services.AlertContent(
        summary="A client took the money back by force and pushed the worker down the stairs.",
        perpetrator="White man, about 40, shaved head, Manchester accent",
        vehicle=alert.vehicle,
        identifier_rows=list(alert.shown_identifiers.all()),
        regions=list(alert.regions.all()),
        severity=alert.severity,
        incident_types=list(alert.incident_types.all()),
        sectors=alert.sectors,
        expires_at=alert.expires_at,
    )
    services.alert_edit(moderator=drafter, alert=alert, content=content)
    return services.alert_submit(moderator=drafter, alert=alert)


def published_alert(drafter: Any, approver: Any, report: Report | None = None) -> Alert:
    alert = ready_alert(drafter, report)
    services.alert_approve(moderator=approver, alert=alert)
    alert.refresh_from_db()
    return alert


def fanout_setup(count: int, *, sms: bool = True, inapp: bool = True) -> dict[str, int]:
    """`count` members in Greater Manchester and one alert published to them.

    Every tenth member has email off and every tenth (another) has SMS off, so "each
    opted-in member" means something. Used by the crash test's setup subprocess and by
    bench/fanout.py. Returns what was queued, by channel.
    """
    from redbrolly.notify.models import Delivery

    ids = members(count, prefix="fan", sms=sms)
    MemberProfile.objects.filter(user_id__in=ids[::10]).update(notify_email=False)
    MemberProfile.objects.filter(user_id__in=ids[1::10]).update(notify_sms=False)
    MemberProfile.objects.filter(user_id__in=ids).update(notify_inapp=inapp)
    published_alert(staff("fan-drafter"), staff("fan-approver"))
    queued: dict[str, int] = {}
    for channel in Delivery.objects.values_list("channel", flat=True):
        queued[channel] = queued.get(channel, 0) + 1
    return queued
