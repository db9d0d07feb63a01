"""The checker part of the HTTP API (mounted at /api/v1/ by redbrolly.api.api).

Members (rbt_ tokens) and partner platforms (rbp_ keys) get the same answers. Refusals carry
a message: 403 (not a member, partner without the checker, suspended), 422 (not an
identifier), 429 with Retry-After and `retry_after` seconds.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from redbrolly.checker import selectors, services
from redbrolly.checker.models import Channel
from redbrolly.checker.services import Actor, Answer, CheckRefused, RateLimited
from redbrolly.lib.normalise import MAX_INPUT_LENGTH, NotAnIdentifier

router = Router(tags=["checker"])


class LookupIn(Schema):
    identifier: str = Field(
        ...,
        max_length=MAX_INPUT_LENGTH,
        description="A phone number, email address, handle or ad link, or a whole number plate, "
        "written any way a person would.",
        examples=["07700 900123"],
    )


class AlertOut(Schema):
    id: int
    title: str
    url: str


class LookupOut(Schema):
    result: Literal["no_reports", "caution", "warning"]
    kind: Literal["phone", "email", "handle", "plate"]
    reports: int
    last_reported: datetime.date | None
    severity: Literal["low", "medium", "high"] | None
    alerts: list[AlertOut]


class Problem(Schema):
    detail: str


class FieldProblem(Schema):
    field: str
    message: str


class Invalid(Schema):
    detail: list[FieldProblem]


class Refused(Schema):
    detail: str
    retry_after: int


class BulkIn(Schema):
    identifiers: list[str] = Field(..., min_length=1, max_length=services.BULK_MAX)


class BulkItemOut(Schema):
    line: int
    answer: LookupOut | None
    error: str | None


class BulkOut(Schema):
    results: list[BulkItemOut]


class UsageOut(Schema):
    today: int
    last_30_days: int
    per_minute: int
    per_day: int


def actor_of(request: HttpRequest) -> Actor:
    caller = request.auth  # type: ignore[attr-defined]
    return Actor(user=caller.user, partner=caller.partner)


def refused(error: CheckRefused) -> JsonResponse:
    if isinstance(error, RateLimited):
        body = {"detail": error.message, "retry_after": error.retry_after}
        response = JsonResponse(body, status=429)
        response["Retry-After"] = str(error.retry_after)
        return response
    return JsonResponse({"detail": error.message}, status=error.status)


def not_allowed() -> JsonResponse:
    return JsonResponse({"detail": _("The checker is for approved members only.")}, status=403)


def with_absolute_links(request: HttpRequest, answer: Answer) -> dict[str, Any]:
    data = answer.as_json()
    for alert in data["alerts"]:
        alert["url"] = request.build_absolute_uri(alert["url"])
    return data


@router.post(
    "/checker/lookups",
    response={200: LookupOut, 403: Problem, 422: Invalid, 429: Refused},
    summary="Check one identifier",
)
def lookup(request: HttpRequest, payload: LookupIn) -> Any:
    actor = actor_of(request)
    if not actor.may_check:
        return not_allowed()
    try:
        identifier = services.identifier_read(payload.identifier)
        answer = services.lookup_run(actor=actor, identifier=identifier, channel=Channel.API)
    except NotAnIdentifier as error:
        return Status(422, {"detail": [{"field": "identifier", "message": _(str(error))}]})
    except CheckRefused as error:
        return refused(error)
    # Built from the typed Answer, so the hot path skips validating the response a second time.
    return JsonResponse(with_absolute_links(request, answer))


@router.post(
    "/checker/lookups/bulk",
    response={200: BulkOut, 403: Problem, 429: Refused},
    summary="Check up to 50 identifiers (each counts as one check)",
)
def lookup_bulk(request: HttpRequest, payload: BulkIn) -> Any:
    actor = actor_of(request)
    if not actor.may_check:
        return not_allowed()
    try:
        lines = services.lookup_bulk(actor=actor, lines=payload.identifiers, channel=Channel.BULK)
    except CheckRefused as error:
        return refused(error)
    results = [
        {
            "line": line.number,
            "answer": with_absolute_links(request, line.answer) if line.answer else None,
            "error": line.error or None,
        }
        for line in lines
    ]
    return Status(200, {"results": results})


@router.get("/checker/usage", response={200: UsageOut, 403: Problem}, summary="Your own usage")
def usage(request: HttpRequest) -> Any:
    """Checks made with this token or partner key today and in the last 30 days, and the limits."""
    actor = actor_of(request)
    if not actor.may_check:
        return not_allowed()
    counts = selectors.usage_of(user=actor.user, partner=actor.partner)
    per_minute, per_day = limits_of(actor)
    return Status(200, {**counts, "per_minute": per_minute, "per_day": per_day})


def limits_of(actor: Actor) -> tuple[int, int]:
    if actor.partner is not None:
        return actor.partner.lookups_per_minute, actor.partner.lookups_per_day
    rules = selectors.checker_rules()
    return rules.member_per_minute, rules.member_per_day
