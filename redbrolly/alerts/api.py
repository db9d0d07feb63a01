"""The alerts part of the HTTP API (mounted at /api/v1/ by redbrolly.api.api).

Members (rbt_ tokens) read the alerts of their own regions, as in the member area.
Partners (rbp_ keys) read the alerts of the regions they ask for, to show their users.
"""

# No `from __future__ import annotations`: Ninja builds its query model from these
# annotations at import time and cannot resolve them as strings.
import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import Alert, AlertQuerySet, Severity
from redbrolly.core.models import Region

router = Router(tags=["alerts"])
LIST_LIMIT = 500
# notify has no router slot of its own in redbrolly.api.api; its provider webhooks ride here.
router.add_router("", "redbrolly.notify.api.router")


class UpdateOut(Schema):
    kind: str
    text: str
    created_at: datetime.datetime


class AlertOut(Schema):
    id: int
    state: str = Field(description="current, archived (expired) or withdrawn")
    severity: str
    title: str
    summary: str
    perpetrator: str
    vehicle: str
    identifiers: list[str] = Field(description="masked, e.g. 07*******23")
    national: bool
    regions: list[str] = Field(description="region codes (see /api/v1/regions)")
    incident_types: list[str]
    sectors: list[str]
    published_at: datetime.datetime
    expires_at: datetime.datetime
    version: int
    language: str = Field(description="language of the text: a translation, or the original")
    updates: list[UpdateOut]


class Problem(Schema):
    detail: str


class AlertFilters(Schema):
    region: list[str] = Field(
        default_factory=list, description="region codes; members: within their own regions"
    )
    severity: Severity | None = None
    since: datetime.date | None = Field(None, description="sent on or after this day")
    archived: bool = Field(False, description="expired and withdrawn alerts instead of current")
    language: str = Field("", max_length=10, description="partners: the language wanted")


def state(alert: Alert) -> str:
    if alert.status == Alert.Status.WITHDRAWN:
        return "withdrawn"
    return "current" if alert.is_current else "archived"


def language_for(caller: Any, asked: str) -> str:
    profile = getattr(caller.user, "member_profile", None)
    return profile.language if profile is not None else (asked or "en")


def out(alert: Alert, language: str) -> dict[str, Any]:
    text = alert.text_in(language)
    translated = alert.translation_in(language) is not None
    return {
        "id": alert.pk,
        "state": state(alert),
        "severity": alert.severity,
        "title": text["title"],
        "summary": text["summary"],
        "perpetrator": text["perpetrator"],
        "vehicle": text["vehicle"],
        "identifiers": [line for line in text["identifiers"].splitlines() if line.strip()],
        "national": alert.national,
        "regions": [region.code for region in alert.regions.all()],
        "incident_types": [kind.code for kind in alert.incident_types.all()],
        "sectors": alert.sectors,
        "published_at": alert.published_at,
        "expires_at": alert.expires_at,
        "version": alert.version,
        "language": language if translated else "en",
        "updates": [
            {"kind": u.kind, "text": u.text, "created_at": u.sent_at} for u in alert.sent_updates
        ],
    }


def readable_by(caller: Any) -> AlertQuerySet | None:
    """None when the caller may not read alerts at all."""
    if caller.partner is not None:
        return selectors.alerts_released()
    if caller.is_member:
        return selectors.alerts_visible_to(caller.user)
    return None


def with_filters(alerts: AlertQuerySet, filters: AlertFilters) -> AlertQuerySet:
    now = timezone.now()
    alerts = alerts.archived(now) if filters.archived else alerts.current(now)
    if filters.region:
        region_ids = list(
            Region.objects.filter(code__in=filters.region).values_list("pk", flat=True)
        )
        alerts = alerts.for_regions(region_ids)
    if filters.severity:
        alerts = alerts.filter(severity=filters.severity)
    if filters.since:
        alerts = alerts.filter(published_at__date__gte=filters.since)
    return alerts.prefetch_related("regions", "incident_types", "translations", "updates")


@router.get(
    "/alerts",
    response={200: list[AlertOut], 403: Problem, 422: Problem},
    summary="Alerts for the caller's regions, newest first",
)
@paginate(LimitOffsetPagination)
def alerts(request: HttpRequest, filters: Query[AlertFilters]) -> Any:
    """Members: alerts for their regions (narrow with `region`). Partners: `region` is required."""
    caller = request.auth  # type: ignore[attr-defined]
    readable = readable_by(caller)
    if readable is None:
        raise HttpError(403, "Alerts are for approved members and partners.")
    if caller.partner is not None and not filters.region:
        raise HttpError(422, "Give at least one region code (see /api/v1/regions).")
    language = language_for(caller, filters.language)
    found = with_filters(readable, filters).order_by("-published_at", "-pk")[:LIST_LIMIT]
    return [out(alert, language) for alert in found]


# --- a member's look at an alert before it is sent ---------------------------------------------


class ReviewOut(Schema):
    id: int
    title: str
    summary: str
    perpetrator: str
    vehicle: str
    identifiers: list[str] = Field(description="masked, as members will read them")
    regions: list[str] = Field(description="region names, or National")
    asked_on: datetime.date
    answer: str = Field(description="waiting, ok or changes")
    comment: str
    can_answer: bool = Field(description="false once the alert is sent (or stopped)")


class ReviewAnswerIn(Schema):
    ok: bool = Field(..., description="true: fine to send; false: please change it")
    comment: str = Field("", max_length=2000)


def review_out(review: Any, language: str) -> dict[str, Any]:
    text = review.alert.text_in(language)
    return {
        "id": review.pk,
        "title": text["title"],
        "summary": text["summary"],
        "perpetrator": text["perpetrator"],
        "vehicle": text["vehicle"],
        "identifiers": [line for line in text["identifiers"].splitlines() if line.strip()],
        "regions": selectors.regions_named(review.alert),
        "asked_on": timezone.localdate(review.asked_at),
        "answer": review.answer,
        "comment": review.comment,
        "can_answer": review.alert.is_editable,
    }


def reporter_of(request: HttpRequest) -> Any:
    """The member behind a member token; None for a partner key (partners have no reviews)."""
    caller = request.auth  # type: ignore[attr-defined]
    return None if caller.partner is not None else caller.user


def reviews_of(user: Any) -> Any:
    reviews = selectors.reviews_for_reporter(user)
    return reviews.prefetch_related("alert__regions", "alert__translations")


def reviews_refused() -> dict[str, str]:
    return {"detail": _("Only the person who reported can see this.")}


@router.get(
    "/alerts/reviews",
    response={200: list[ReviewOut], 403: Problem},
    summary="Alerts from the caller's reports, shown before they are sent",
)
def reviews(request: HttpRequest) -> Any:
    """What the member area's "Alerts to look at" shows: newest first, answered or not."""
    user = reporter_of(request)
    if user is None:
        return Status(403, reviews_refused())
    language = language_for(request.auth, "")  # type: ignore[attr-defined]
    return Status(200, [review_out(review, language) for review in reviews_of(user)[:LIST_LIMIT]])


@router.post(
    "/alerts/reviews/{review_id}",
    response={200: ReviewOut, 403: Problem, 404: Problem, 409: Problem, 422: Problem},
    summary="Answer (or change the answer) before the alert is sent",
)
def review_answer(request: HttpRequest, review_id: int, payload: ReviewAnswerIn) -> Any:
    user = reporter_of(request)
    if user is None:
        return Status(403, reviews_refused())
    reviews = reviews_of(user)
    review = reviews.filter(pk=review_id).first() if 0 < review_id < 2**63 else None
    if review is None:
        return Status(404, {"detail": _("No such alert to answer.")})
    try:
        services.alert_review_answer(
            reporter=user, review=review, ok=payload.ok, comment=payload.comment
        )
    except ValidationError as refused:
        return Status(409, {"detail": " ".join(refused.messages)})
    language = language_for(request.auth, "")  # type: ignore[attr-defined]
    return Status(200, review_out(reviews.get(pk=review.pk), language))


@router.get("/alerts/{alert_id}", response={200: AlertOut, 403: Problem, 404: Problem})
def alert(request: HttpRequest, alert_id: int, language: str = "") -> Any:
    """One alert the caller may read; 404 for anything else."""
    caller = request.auth  # type: ignore[attr-defined]
    readable = readable_by(caller)
    if readable is None:
        return Status(403, {"detail": _("Alerts are for approved members and partners.")})
    found = readable.prefetch_related("regions", "incident_types", "translations", "updates")
    match = found.filter(pk=alert_id).first()
    if match is None:
        return Status(404, {"detail": _("No such alert.")})
    return out(match, language_for(caller, language[:10]))
