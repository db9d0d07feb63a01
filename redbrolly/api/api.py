"""The versioned HTTP API (/api/v1/). Each app contributes a router from its `api.py`."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest
from django.urls import URLPattern, URLResolver
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError

from redbrolly.api.auth import TokenAuth
from redbrolly.core.models import Region
from redbrolly.lib.access import mark

api = NinjaAPI(
    title="redbrolly API",
    version="1",
    urls_namespace="api-v1",
    docs_url="/docs",
    auth=TokenAuth(),
    description=(
        "Reporting, alerts and the checker for partner projects and platforms. "
        "Authenticate with `Authorization: Bearer <token>` (member tokens start rbt_, "
        "partner keys rbp_)."
    ),
)


@api.exception_handler(ValidationError)
def validation_failed(request: HttpRequest, exc: ValidationError) -> Any:
    """422 with one message per field, never the submitted values (they may be sensitive)."""
    errors = [
        {
            "field": ".".join(str(part) for part in error.get("loc", [])[1:]),
            "message": error.get("msg", "invalid"),
        }
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": errors}, status=422)


class RegionOut(Schema):
    code: str
    name: str
    nation: str
    main_towns: list[str]


@api.get("/regions", response=list[RegionOut], auth=None, tags=["reference"])
def regions(request: HttpRequest) -> Any:
    """The organisation's regions with their main towns (public reference data)."""
    return Region.objects.active()


for app in ("reports", "alerts", "checker", "linkage", "casework", "research", "insights"):
    api.add_router("", f"redbrolly.{app}.api.router")


def urlpatterns() -> list[URLPattern | URLResolver]:
    """Ninja checks its own auth per operation; the site-wide login rule steps aside."""
    patterns, _app, _namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = mark(login_not_required(pattern.callback), "api")
    return patterns


class CallerOut(Schema):
    kind: str
    name: str
    member: bool


@api.get("/me", response=CallerOut, tags=["reference"])
def whoami(request: HttpRequest) -> Any:
    """Who the token belongs to: lets a partner or an app check its credentials."""
    caller = request.auth  # type: ignore[attr-defined]
    if caller.partner is not None:
        return {"kind": "partner", "name": caller.partner.name, "member": False}
    return {"kind": "person", "name": caller.user.username, "member": caller.is_member}
