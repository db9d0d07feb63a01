"""The reports part of the HTTP API (mounted at /api/v1/ by redbrolly.api.api).

`POST /reports` takes a report from anyone (anonymous callers get a receipt), members (their
token) and partner projects (a key allowed to report). `GET/POST /reports/mine` let the
reporter follow up with `X-Receipt` or a member token; a receipt holder who asked to see an
alert before it is sent reads it in `alert_reviews` and answers at
`/reports/mine/alert-review`. Every malformed input is a 4xx.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Header, Router, Schema, Status

from redbrolly.api.auth import OptionalTokenAuth
from redbrolly.core.models import IncidentType
from redbrolly.lib.ratelimit import Limit, client_address, hit
from redbrolly.reports import selectors, services
from redbrolly.reports.models import Message, Report
from redbrolly.reports.parsing import (
    MAX_NARRATIVE,
    MAX_SHORT,
    MAX_TEXT,
    ReportInvalid,
    parse_report,
)

router = Router(tags=["reports"])

ConsentLevel = Literal["record_only", "alert", "police_anonymous", "police_full"]
SettingCode = Literal["street", "incall", "outcall", "online", "parlour", "other"]
Short: Any = Field("", max_length=MAX_SHORT)
Long: Any = Field("", max_length=MAX_TEXT)
Lines: Any = Field(default_factory=list, max_length=20)


class VehicleIn(Schema):
    make: str = Short
    model: str = Short
    colour: str = Short
    plate: str = Field(
        "", max_length=MAX_SHORT, description="Full or partial; ? for unknown characters"
    )


class PerpetratorIn(Schema):
    people_count: int = Field(1, ge=1, le=50)
    names: list[str] = Lines
    phones: list[str] = Lines
    emails: list[str] = Lines
    handles: list[str] = Field(
        default_factory=list, max_length=20, description="Online handles or ad links"
    )
    vehicle: VehicleIn | None = None
    description: str = Long
    behaviour: str = Long


class ConsentIn(Schema):
    level: ConsentLevel
    wants_support: bool = False
    wants_alert_review: bool = Field(
        False,
        description="Show the reporter an alert's text before it is sent (level alert or "
        "higher); receipt holders see it when they follow up their report",
    )
    contact_method: str = Field(
        "", max_length=MAX_TEXT, description="A safe way to reach the reporter"
    )
    safe_times: str = Field("", max_length=MAX_SHORT * 2)


class OnBehalfIn(Schema):
    who: str = Field(..., min_length=1, max_length=MAX_TEXT)
    consent: bool


class ReportIn(Schema):
    incident_types: list[str] = Field(
        ..., min_length=1, max_length=20, description="Codes from /taxonomy"
    )
    occurred_on: datetime.date
    occurred_until: datetime.date | None = None
    occurred_precision: Literal["exact", "approximate", "range"] = "exact"
    occurred_note: str = Short
    region: str = Field(..., max_length=60, description="A code from /regions")
    area: str = Field("", max_length=MAX_SHORT, description="Town or area; never an address")
    setting: SettingCode = "other"
    setting_other: str = Short
    narrative: str = Field(..., min_length=1, max_length=MAX_NARRATIVE)
    perpetrators: list[PerpetratorIn] = Field(default_factory=list, max_length=10)
    consent: ConsentIn
    on_behalf: OnBehalfIn | None = None
    add_phones: list[str] = Field(
        default_factory=list,
        max_length=20,
        description="Phones from the narrative the reporter chose to add",
    )
    add_emails: list[str] = Field(
        default_factory=list,
        max_length=20,
        description="Emails from the narrative the reporter chose to add",
    )


class SubmittedOut(Schema):
    reference: str
    receipt: str | None = Field(None, description="16 digits, shown once; only without an account")


class ErrorOut(Schema):
    detail: Any


class MessageOut(Schema):
    from_staff: bool
    kind: str
    body: str
    sent_on: datetime.date


class AlertReviewOut(Schema):
    id: int
    title: str
    summary: str
    perpetrator: str
    vehicle: str
    identifiers: list[str] = Field(description="Masked, as members would read them")
    regions: list[str]
    asked_on: datetime.date


class MineOut(Schema):
    reference: str
    status: str
    submitted_on: datetime.date
    consent_level: str
    withdrawn: bool
    messages: list[MessageOut]
    alert_reviews: list[AlertReviewOut] = Field(
        default_factory=list,
        description="Alerts from this report waiting for the receipt holder's answer before "
        "they are sent (always empty with a member token: members read theirs at "
        "GET /api/v1/alerts/reviews)",
    )


class MessageIn(Schema):
    reference: str | None = Field(None, max_length=12, description="Needed with a member token")
    body: str = Field(..., min_length=1, max_length=MAX_TEXT * 2)


class ConsentChangeIn(Schema):
    reference: str | None = Field(None, max_length=12)
    level: ConsentLevel | None = None
    withdraw: bool = False


class AlertReviewAnswerIn(Schema):
    reference: str | None = Field(None, max_length=12, description="Needed with a member token")
    review: int = Field(..., ge=1, le=2**63 - 1, description="An id from alert_reviews")
    ok: bool = Field(..., description="true: fine to send; false: please change it")
    comment: str = Field("", max_length=2000)


class LabelOut(Schema):
    code: str
    label: str


class IncidentTypeOut(LabelOut):
    violent: bool


class TaxonomyOut(Schema):
    incident_types: list[IncidentTypeOut]
    settings: list[LabelOut]
    consent_levels: list[LabelOut]
    occurred_precisions: list[LabelOut]


def unprocessable(invalid: ReportInvalid) -> Status:
    return Status(
        422, {"detail": [{"field": e.field, "message": e.message} for e in invalid.errors]}
    )


def submit_limits(request: HttpRequest, caller: Any) -> bool:
    limits = services.intake_limits()
    if caller.partner is not None:
        return hit(
            [Limit("reports.api_partner", 5000, 3600)], f"partner:{caller.partner.pk}"
        ).allowed
    if caller.user is not None:
        return hit(
            [Limit("reports.api_member", *limits["address"])], f"user:{caller.user.pk}"
        ).allowed
    mine = hit([Limit("reports.address", *limits["address"])], client_address(request))
    return mine.allowed and hit([Limit("reports.global", *limits["global"])], "all").allowed


def submitter(caller: Any) -> tuple[Any, Any, str]:
    """(reporter, partner, source) for the caller."""
    if caller.partner is not None:
        return None, caller.partner, Report.Source.PARTNER
    reporter = caller.user if caller.is_member else None
    return reporter, None, services.source_for(reporter, None, False)


@router.post(
    "/reports",
    auth=OptionalTokenAuth(),
    response={201: SubmittedOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut},
)
def report_create(request: HttpRequest, payload: ReportIn) -> Any:
    """Submit a report. Anonymous callers get a receipt to follow it up (shown once)."""
    caller = request.auth  # type: ignore[attr-defined]
    if caller.partner is not None and not caller.partner.can_report:
        return Status(403, {"detail": _("This key may not submit reports.")})
    if not submit_limits(request, caller):
        return Status(429, {"detail": _("Too many reports just now; please try again later.")})
    try:
        data = parse_report(payload.dict(), services.taxonomy_current())
    except ReportInvalid as invalid:
        return unprocessable(invalid)
    reporter, partner, source = submitter(caller)
    result = services.report_submit(data=data, reporter=reporter, partner=partner, source=source)
    return Status(201, {"reference": result.report.reference, "receipt": result.receipt})


def receipt_checked(request: HttpRequest, receipt: str) -> tuple[int, Report | None]:
    limits = services.intake_limits()
    mine = hit(
        [Limit("reports.receipt_address", *limits["receipt_address"])], client_address(request)
    )
    if (
        not mine.allowed
        or not hit([Limit("reports.receipt_global", *limits["receipt_global"])], "all").allowed
    ):
        return 429, None
    report = selectors.report_for_receipt(receipt)
    return (200, report) if report is not None else (401, None)


def reports_of_caller(request: HttpRequest, receipt: str | None) -> tuple[int, list[Report]]:
    caller = request.auth  # type: ignore[attr-defined]
    if receipt:
        status, report = receipt_checked(request, receipt)
        return status, [report] if report is not None else []
    if caller.user is not None and caller.is_member:
        return 200, list(selectors.reports_of_member(caller.user))
    return 401, []


def refusal(status: int) -> dict[str, str]:
    """Why a receipt or token was refused, in the caller's language."""
    if status == 429:
        return {"detail": _("Too many attempts; please wait 15 minutes.")}
    return {"detail": _("Unknown receipt or token.")}


def alert_reviews_out(report: Report) -> list[dict[str, Any]]:
    """What the report's follow-up page shows its receipt holder (the same selector and
    text), limited to the reviews still waiting for an answer."""
    from redbrolly.alerts.selectors import review_texts

    return [
        {
            "id": look.review.pk,
            "title": look.text["title"],
            "summary": look.text["summary"],
            "perpetrator": look.text["perpetrator"],
            "vehicle": look.text["vehicle"],
            "identifiers": [line for line in look.text["identifiers"].splitlines() if line],
            "regions": look.regions,
            "asked_on": timezone.localdate(look.review.asked_at),
        }
        for look in review_texts(report, get_language() or "en", waiting_only=True)
    ]


def mine_out(
    report: Report, by_receipt: bool = False, messages: list[Message] | None = None
) -> dict[str, Any]:
    """`by_receipt`: the caller proved the report's receipt. Only the receipt holder sees
    the alerts waiting for their look (a phone report's staff member never does).
    `messages`: the report's conversation when the caller already read it (lists)."""
    if messages is None:
        messages = selectors.conversations([report])[report.pk]
    return {
        "reference": report.reference,
        "status": report.status,
        "submitted_on": report.submitted_on,
        "consent_level": report.consent_level,
        "withdrawn": report.withdrawn_at is not None,
        "messages": messages,
        "alert_reviews": alert_reviews_out(report) if by_receipt else [],
    }


@router.get(
    "/reports/mine",
    auth=OptionalTokenAuth(),
    response={200: list[MineOut], 401: ErrorOut, 429: ErrorOut},
)
def reports_mine(
    request: HttpRequest, x_receipt: str | None = Header(None, alias="X-Receipt")
) -> Any:
    """The caller's reports with status and messages (header X-Receipt, or a member token)."""
    status, reports = reports_of_caller(request, x_receipt)
    if status != 200:
        return Status(status, refusal(status))
    services.messages_mark_read(reports=reports, by_staff=False)
    messages = selectors.conversations(reports)
    by_receipt = bool(x_receipt)
    return Status(200, [mine_out(r, by_receipt, messages[r.pk]) for r in reports])


def one_report(request: HttpRequest, receipt: str | None, reference: str | None) -> tuple[int, Any]:
    status, reports = reports_of_caller(request, receipt)
    if status != 200:
        return status, refusal(status)
    chosen = (
        [r for r in reports if reference in (None, r.reference)]
        if receipt
        else [r for r in reports if r.reference == reference]
    )
    if len(chosen) != 1:
        return 404, {"detail": _("No such report of yours; give its reference.")}
    return 200, chosen[0]


@router.post(
    "/reports/mine",
    auth=OptionalTokenAuth(),
    response={201: MessageOut, 401: ErrorOut, 404: ErrorOut, 429: ErrorOut},
)
def reports_mine_message(
    request: HttpRequest,
    payload: MessageIn,
    x_receipt: str | None = Header(None, alias="X-Receipt"),
) -> Any:
    """Add a message (or more information) to one of the caller's reports."""
    status, found = one_report(request, x_receipt, payload.reference)
    if status != 200:
        return Status(status, found)
    caller = request.auth  # type: ignore[attr-defined]
    message: Message = services.message_from_reporter(
        report=found, body=payload.body, author=caller.user
    )
    return Status(201, message)


@router.post(
    "/reports/mine/consent",
    auth=OptionalTokenAuth(),
    response={
        200: MineOut,
        401: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
)
def reports_mine_consent(
    request: HttpRequest,
    payload: ConsentChangeIn,
    x_receipt: str | None = Header(None, alias="X-Receipt"),
) -> Any:
    """Change the consent level of one of the caller's reports, or withdraw it."""
    if payload.level is None and not payload.withdraw:
        return Status(
            422, {"detail": [{"field": "level", "message": "Give a level, or withdraw: true."}]}
        )
    status, found = one_report(request, x_receipt, payload.reference)
    if status != 200:
        return Status(status, found)
    if found.withdrawn_at is not None:
        return Status(409, {"detail": _("This report was withdrawn.")})
    caller = request.auth  # type: ignore[attr-defined]
    if payload.withdraw:
        found = services.report_withdraw(actor=caller.user, report=found)
    else:
        found = services.report_change_consent(
            actor=caller.user, report=found, level=str(payload.level)
        )
    return Status(200, mine_out(found, bool(x_receipt)))


@router.post(
    "/reports/mine/alert-review",
    auth=OptionalTokenAuth(),
    response={
        200: MineOut,
        400: ErrorOut,
        401: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        422: ErrorOut,
        429: ErrorOut,
    },
)
def reports_mine_alert_review(
    request: HttpRequest,
    payload: AlertReviewAnswerIn,
    x_receipt: str | None = Header(None, alias="X-Receipt"),
) -> Any:
    """Answer an alert from one of the caller's reports before it is sent (receipt holders;
    members answer at POST /api/v1/alerts/reviews/{id}). Kept to the day, like the page's."""
    from redbrolly.alerts import selectors as alert_selectors
    from redbrolly.alerts import services as alert_services

    status, found = one_report(request, x_receipt, payload.reference)
    if status != 200:
        return Status(status, found)
    review = alert_selectors.review_for_receipt(found, payload.review) if x_receipt else None
    if review is None:
        return Status(404, {"detail": _("No such alert to answer on this report.")})
    try:
        alert_services.alert_review_answer_by_receipt(
            report=found, review=review, ok=payload.ok, comment=payload.comment
        )
    except ValidationError as refused:
        return Status(409, {"detail": " ".join(refused.messages)})
    return Status(200, mine_out(found, by_receipt=True))


@router.get("/taxonomy", auth=None, response=TaxonomyOut, tags=["reference"])
def taxonomy(request: HttpRequest) -> Any:
    """Incident types, settings, consent levels and date precisions a report may use."""

    def labels(choices: Any) -> list[dict[str, str]]:
        return [{"code": code, "label": str(label)} for code, label in choices]

    types = IncidentType.objects.filter(active=True).values("code", "label", "violent")
    return {
        "incident_types": list(types),
        "settings": labels(Report.Setting.choices),
        "consent_levels": labels(Report.Consent.choices),
        "occurred_precisions": labels(Report.Precision.choices),
    }
