"""The casework part of the HTTP API (mounted at /api/v1/ by redbrolly.api.api).

Only what a partner needs: referring someone who asked for support. Nothing about cases
is ever readable over the API.
"""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from redbrolly.casework import services
from redbrolly.casework.forms import normalised_contact
from redbrolly.casework.models import Case
from redbrolly.core.models import Region
from redbrolly.lib import ratelimit
from redbrolly.lib.normalise import NotAnIdentifier

router = Router(tags=["casework"])

URGENCY = {
    "urgent": Case.Urgency.URGENT,
    "soon": Case.Urgency.SOON,
    "routine": Case.Urgency.ROUTINE,
}
REFERRAL_LIMITS = [ratelimit.Limit("casework.api.referrals", 120, 3600)]


class ReferralIn(Schema):
    working_name: str = Field("", max_length=80, description="Any name the person uses.")
    contact_route: Literal["call", "text", "whatsapp", "signal", "email", "via_referrer"]
    contact_details: str = Field(
        "", max_length=200, description="Phone or email; empty when contact is via the referrer."
    )
    safe_times: str = Field("", max_length=300, description="When it is safe to make contact.")
    leave_message: bool = False
    language: str = Field("en", max_length=40)
    interpreter_needed: bool = False
    urgency: Literal["urgent", "soon", "routine"] = "soon"
    region: str = Field("", max_length=60, description="A region code from /regions.")
    reason: str = Field(..., min_length=1, max_length=5000, description="Support they need.")
    referrer_contact: str = Field(..., min_length=3, max_length=200)
    consent: bool = Field(..., description="The person agreed to this referral (must be true).")


class ReferralOut(Schema):
    reference: str
    status: str


class Problem(Schema):
    detail: Any


def problem(field: str, message: str) -> Status:
    return Status(422, {"detail": [{"field": field, "message": message}]})


def person_from(data: ReferralIn) -> services.Person | Status:
    region = Region.objects.active().filter(code=data.region).first() if data.region else None
    if data.region and region is None:
        return problem("region", "unknown region code (see /api/v1/regions)")
    if data.contact_route != "via_referrer" and not data.contact_details.strip():
        return problem("contact_details", "give a phone number or email for this contact route")
    try:
        details = normalised_contact(data.contact_route, data.contact_details)
    except NotAnIdentifier:
        return problem("contact_details", "not a phone number or email address we can use")
    return services.Person(
        working_name=data.working_name.strip(),
        contact_route=data.contact_route,
        contact_details=details,
        safe_times=data.safe_times.strip(),
        leave_message=data.leave_message,
        language=data.language.strip(),
        interpreter_needed=data.interpreter_needed,
        region=region,
    )


@router.post(
    "/referrals",
    response={201: ReferralOut, 403: Problem, 422: Problem, 429: Problem},
    summary="Refer someone to a caseworker (partner keys only)",
)
def referral_create(request: HttpRequest, data: ReferralIn) -> Any:
    """A partner project refers a person who asked for caseworker support.

    Answers 201 with a reference to quote when following up. The details are stored
    encrypted and only caseworkers see them.
    """
    caller = request.auth  # type: ignore[attr-defined]
    if caller.partner is None:
        return Status(403, {"detail": "only partner keys may refer"})
    if not data.consent:
        return problem("consent", "refer someone only with their agreement")
    person = person_from(data)
    if isinstance(person, Status):
        return person
    if not ratelimit.hit(REFERRAL_LIMITS, f"partner:{caller.partner.pk}").allowed:
        return Status(429, {"detail": "too many referrals; try again later"})
    referral = services.referral_from_partner(
        partner=caller.partner,
        person=person,
        urgency=URGENCY[data.urgency],
        reason=data.reason.strip(),
        referrer_contact=data.referrer_contact.strip(),
    )
    return Status(201, {"reference": referral.reference, "status": "received"})
