"""Reads for alerts, each scoped to who asks: targeting, the member feed, staff queues."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from redbrolly.accounts.models import MemberProfile
from redbrolly.alerts import drafting
from redbrolly.alerts.detect import Facts, Flag, scan
from redbrolly.alerts.models import (
    TEXT_FIELDS,
    Alert,
    AlertPolicy,
    AlertQuerySet,
    AlertReview,
    FlagDecision,
)
from redbrolly.lib.crypto import blind_index
from redbrolly.notify.models import Delivery, PushSubscription
from redbrolly.reports.models import Report

FLAG_FINGERPRINT = "alerts.flag"
SEARCH_LIMIT = 500


# --- targeting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    user_id: int
    email: str
    mobile: str
    channels: tuple[str, ...]
    language: str
    discreet: bool


def audience_profiles(alert: Alert) -> QuerySet[MemberProfile]:
    profiles = MemberProfile.objects.filter(
        status=MemberProfile.Status.APPROVED, user__is_active=True
    )
    if not alert.national:
        matching = profiles.filter(regions__in=alert.regions.all()).values("pk")
        profiles = profiles.filter(pk__in=matching)
    has_device = Exists(PushSubscription.objects.filter(user_id=OuterRef("user_id")))
    return profiles.annotate(has_device=has_device).order_by("pk")


def works_in(profile: MemberProfile, sectors: set[str]) -> bool:
    """Empty on either side means "all": a member who said nothing still hears of danger."""
    return not sectors or not profile.sectors or bool(sectors & set(profile.sectors))


def recipient(profile: Any) -> Recipient:
    channels = [c for c in profile.channels if c != "push" or profile.has_device]
    return Recipient(
        user_id=profile.user_id,
        email=profile.email,
        mobile=profile.mobile,
        channels=tuple(channels),
        language=profile.language or "en",
        discreet=profile.discreet_mode,
    )


def audience(alert: Alert) -> list[Recipient]:
    """Approved members whose regions (or all, if national) and sectors match the alert."""
    sectors = set(alert.sectors)
    return [recipient(p) for p in audience_profiles(alert) if works_in(p, sectors)]


@dataclass
class Preview:
    members: int = 0
    by_channel: Counter[str] = field(default_factory=Counter)
    by_language: Counter[str] = field(default_factory=Counter)
    translated: set[str] = field(default_factory=set)

    @property
    def channels(self) -> list[tuple[str, int]]:
        """Sorted pairs for templates (a Counter answers 0 to `.items` in a template)."""
        return sorted(self.by_channel.items())

    @property
    def languages(self) -> list[tuple[str, int]]:
        return sorted(self.by_language.items())


def preview(alert: Alert) -> Preview:
    """How many members, through which channels, in which languages, before sending."""
    found = Preview(translated={t.language for t in alert.translations.all()})
    for person in audience(alert):
        found.members += 1
        found.by_channel.update(person.channels)
        found.by_language[person.language] += 1
    return found


# --- identifying details --------------------------------------------------------------------


@dataclass(frozen=True)
class FieldFlag:
    field: str
    flag: Flag
    fingerprint: str
    kept_because: str | None

    @property
    def resolved(self) -> bool:
        return self.kept_because is not None


def fingerprint(field: str, excerpt: str) -> str:
    return blind_index(FLAG_FINGERPRINT, f"{field}:{excerpt.casefold()}")


def reports_of(alert: Alert) -> list[Report]:
    """The alert's reports with all the drafting and the detector read of them."""
    return list(
        alert.reports.select_related("reporter__member_profile", "region").prefetch_related(
            "perpetrators", "identifiers", "incident_types"
        )
    )


def facts_for(alert: Alert) -> Facts:
    """Whose each detail in the alert's text is (alerts.detect)."""
    return drafting.facts_of(reports_of(alert), AlertPolicy.current().masking_rules())


def identifiers_of_reports(alert: Alert) -> list[Any]:
    """The identifiers the alert may show: its reports' own, whole."""
    return drafting.alert_identifiers(reports_of(alert))


def alert_texts(alert: Alert) -> dict[str, str]:
    """Every text a moderator wrote: the alert's, its translations ("translation:ro:summary")
    and the updates waiting for approval ("update:12")."""
    texts = {name: getattr(alert, name) for name in TEXT_FIELDS}
    for translation in alert.translations.all():
        for name in TEXT_FIELDS:
            texts[f"translation:{translation.language}:{name}"] = getattr(translation, name)
    for update in alert.updates.filter(sent_at=None):
        texts[f"update:{update.pk}"] = update.text
    return texts


def flags_in(alert: Alert, *, fields: Iterable[str] | None = None) -> list[FieldFlag]:
    """What a moderator must remove or keep with a reason before it can be approved."""
    facts = facts_for(alert)
    kept = {d.fingerprint: d.reason for d in FlagDecision.objects.filter(alert=alert)}
    wanted = set(fields) if fields is not None else None
    found = []
    for name, text in alert_texts(alert).items():
        if wanted is not None and name not in wanted:
            continue
        for hit in scan(text, facts):
            print_ = fingerprint(name, hit.excerpt_of(text))
            found.append(FieldFlag(name, hit, print_, kept.get(print_)))
    return found


def unresolved(flags: Iterable[FieldFlag]) -> list[FieldFlag]:
    return [item for item in flags if not item.resolved]


# --- who may see what -----------------------------------------------------------------------


def member_region_ids(user: Any) -> list[int] | None:
    """None for staff (every region); a member's own regions otherwise."""
    if user.is_staff_role:
        return None
    profile = getattr(user, "member_profile", None)
    return list(profile.regions.values_list("pk", flat=True)) if profile else []


def reports_without_consent() -> QuerySet[Report]:
    """Reports whose reporter withdrew them or lowered consent below "alert"."""
    lowered = ~Q(consent_level__in=Report.levels_from(Report.Consent.ALERT))
    return Report.objects.filter(Q(withdrawn_at__isnull=False) | lowered)


def alerts_released() -> AlertQuerySet:
    """Sent out, minus any built on a report whose consent was withdrawn (they disappear at
    once, for members and partner platforms alike)."""
    return Alert.objects.sent_out().exclude(reports__in=reports_without_consent())


def alerts_visible_to(user: Any) -> AlertQuerySet:
    """Alerts a member may read: sent out, for their regions or national. Staff: all sent.

    An alert built on a report whose consent was withdrawn disappears at once."""
    if not user.is_authenticated or not user.is_approved_member:
        return Alert.objects.none()
    region_ids = member_region_ids(user)
    sent = alerts_released()
    return sent if region_ids is None else sent.for_regions(region_ids)


def alerts_for_reports(report_ids: list[int], user: Any) -> list[tuple[int, str, str]]:
    """Current alerts made from these reports that the asker may open (the checker's answer).

    `user` is None when a partner platform asks: it gets the API address of each alert.
    """
    found = alerts_released() if user is None else alerts_visible_to(user)
    found = found.current().filter(reports__in=report_ids).distinct().order_by("-pk")[:10]
    language = get_language() or "en"
    if user is None:
        return [(a.pk, a.text_in(language)["title"], f"/api/v1/alerts/{a.pk}") for a in found]
    return [
        (a.pk, a.text_in(language)["title"], reverse("alerts:detail", args=[a.pk])) for a in found
    ]


def alert_for_member(user: Any, pk: int) -> Alert:
    found = alerts_visible_to(user).prefetch_related("regions", "translations").filter(pk=pk)
    alert = found.first()
    if alert is None:
        raise Http404
    return alert


@dataclass(frozen=True)
class FeedQuery:
    q: str = ""
    region: str = ""
    severity: str = ""
    incident_type: str = ""
    since: datetime.date | None = None
    archive: bool = False


def filtered(alerts: AlertQuerySet, query: FeedQuery) -> AlertQuerySet:
    now = timezone.now()
    alerts = alerts.archived(now) if query.archive else alerts.current(now)
    if query.region:
        alerts = alerts.filter(Q(national=True) | Q(regions__code=query.region)).distinct()
    if query.severity:
        alerts = alerts.filter(severity=query.severity)
    if query.incident_type:
        alerts = alerts.filter(incident_types__code=query.incident_type).distinct()
    if query.since:
        alerts = alerts.filter(published_at__date__gte=query.since)
    return alerts


def matches(alert: Alert, words: list[str], language: str) -> bool:
    text = " ".join(alert.text_in(language).values()).casefold()
    return all(word in text for word in words)


def feed(user: Any, query: FeedQuery, *, language: str) -> list[Alert]:
    """Newest first. Text is encrypted at rest, so words are matched here, in Python."""
    alerts = filtered(alerts_visible_to(user), query).order_by("-published_at", "-pk")
    alerts = alerts.prefetch_related("regions", "translations", "incident_types", "updates")
    words = query.q.casefold().split()
    if not words:
        return list(alerts)
    return [a for a in alerts[:SEARCH_LIMIT] if matches(a, words, language)]


# --- staff ----------------------------------------------------------------------------------


def staff_queue(status: str | None = None) -> QuerySet[Alert]:
    alerts = Alert.objects.select_related("created_by", "approved_by").prefetch_related("regions")
    return alerts.filter(status=status) if status else alerts


def deliveries_of(alert: Alert) -> QuerySet[Delivery]:
    return Delivery.objects.filter(source_type=alert._meta.label_lower, source_id=str(alert.pk))


def reached(alert: Alert) -> list[tuple[int, str]]:
    """(member, channel) pairs that got, or are getting, some version of the alert."""
    rows = deliveries_of(alert).exclude(
        status__in=[Delivery.Status.CANCELLED, Delivery.Status.FAILED]
    )
    pairs = rows.exclude(recipient=None).values_list("recipient_id", "channel").distinct()
    return sorted({(int(user_id), channel) for user_id, channel in pairs})


def reviews_for_reporter(user: Any) -> QuerySet[Any]:
    return user.alert_reviews.select_related("alert").order_by("-asked_at")


# A phone report's `reporter` is the staff member who took the call: the caller holds the
# receipt, so it is asked like an anonymous report.
WITHOUT_ACCOUNT = Q(reporter=None) | Q(source=Report.Source.STAFF_PHONE)


def reports_asked_in_account(alert: Alert) -> QuerySet[Report]:
    """Reports whose reporter reads the draft in their account (members, practitioners)."""
    return alert.reports.exclude(WITHOUT_ACCOUNT)


def reports_asked_by_receipt(alert: Alert) -> QuerySet[Report]:
    """Reports without an account whose reporter asked to see the alert and can come back."""
    receipt_holders = alert.reports.filter(WITHOUT_ACCOUNT).exclude(receipt_hash="")
    return receipt_holders.filter(wants_alert_review=True)


def reviews_for_receipt(report: Report) -> QuerySet[AlertReview]:
    """What the holder of this report's receipt may read and answer: its own reviews of
    alerts not yet sent (once sent, members have it; there is nothing left to answer)."""
    if not report.is_live:
        return AlertReview.objects.none()
    editable = [Alert.Status.DRAFT, Alert.Status.AWAITING]
    mine = AlertReview.objects.filter(report=report, alert__status__in=editable)
    return mine.select_related("alert").prefetch_related("alert__regions", "alert__translations")


@dataclass(frozen=True)
class ReviewText:
    """An alert as its receipt holder is shown it before it is sent: the words members would
    read (in `language`) and the regions it goes to."""

    review: AlertReview
    text: dict[str, str]
    regions: list[str]


def review_texts(report: Report, language: str, *, waiting_only: bool = False) -> list[ReviewText]:
    """The page and the API show a receipt holder the same thing (reports/views, reports/api)."""
    reviews = reviews_for_receipt(report)
    if waiting_only:
        reviews = reviews.filter(answer=AlertReview.Answer.WAITING)
    return [
        ReviewText(review, review.alert.text_in(language), regions_named(review.alert))
        for review in reviews
    ]


def regions_named(alert: Alert) -> list[str]:
    return [str(_("National"))] if alert.national else [r.name for r in alert.regions.all()]


def review_for_receipt(report: Report, pk: int | None) -> AlertReview | None:
    """One of this report's reviews (a number from another report finds nothing)."""
    if pk is None:
        return None
    return AlertReview.objects.filter(report=report, pk=pk).select_related("alert").first()


def member_data(user: Any) -> dict[str, Any]:
    """Alerts shown to a member before sending, and their answers (lib/exports)."""
    return {
        "alerts_shown_before_sending": [
            {
                "alert": review.alert_id,
                "asked": review.asked_at.isoformat(),
                "answer": review.answer,
                "comment": review.comment,
            }
            for review in reviews_for_reporter(user)
        ]
    }


# --- beside the draft -----------------------------------------------------------------------


@dataclass(frozen=True)
class Beside:
    """A report shown beside its alert's draft, to read and quote from: his identifiers
    masked, her contacts taken out, and every detail about her highlighted, as it would be
    in the alert (nothing of it is copied in)."""

    report: Report
    parts: list[Any]
    flags: int


def reports_beside(alert: Alert) -> list[Beside]:
    from redbrolly.alerts.detect import sanitise
    from redbrolly.alerts.highlight import parts

    reports = reports_of(alert)
    facts = drafting.facts_of(reports, AlertPolicy.current().masking_rules())
    found = []
    for report in reports:
        text = sanitise(report.narrative, facts)
        flags = [FieldFlag(f"report:{report.pk}", hit, "", None) for hit in scan(text, facts)]
        found.append(Beside(report, parts(text, flags), len(flags)))
    return found


@dataclass(frozen=True)
class Pending:
    """An update or withdrawal notice waiting for a second moderator, with its flags."""

    update: Any
    unresolved: int


def pending_updates(alert: Alert, flags: list[FieldFlag]) -> list[Pending]:
    return [
        Pending(update, len(unresolved(f for f in flags if f.field == f"update:{update.pk}")))
        for update in alert.updates.filter(sent_at=None).select_related("created_by")
    ]
