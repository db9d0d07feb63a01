"""Response headers that every page carries (SECURITY.md, "Web")."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
    ]
)
# Swagger UI styles itself inline; the API docs page alone relaxes style-src.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        docs = request.path.startswith("/api/") and request.path.endswith("/docs")
        response.setdefault("Content-Security-Policy", DOCS_CSP if docs else CSP)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if is_sensitive(request):
            add_never_cache_headers(response)
        return response


def is_sensitive(request: HttpRequest) -> bool:
    """Pages for a signed-in person, and intake/receipt pages, never sit in a cache."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    return not request.path.startswith("/static/")


class RejectNulMiddleware:
    """PostgreSQL cannot store NUL characters in text: refuse them up front instead of failing
    deep in a query (found by Schemathesis on PostgreSQL). A JSON body gets the API's own
    validation answer (422 with a message, like any other unusable field); a form or a query
    string gets a 400."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        status = nul_status(request)
        if status:
            message = _("Text may not contain NUL characters.")
            return JsonResponse({"detail": [{"field": "", "message": message}]}, status=status)
        return self.get_response(request)


def nul_status(request: HttpRequest) -> int:
    """The status to refuse the request with, or 0 when it carries no NUL character."""
    query = request.META.get("QUERY_STRING", "").lower()
    if "%00" in query or "\x00" in query:
        return 400
    content_type = request.content_type or ""
    if content_type.startswith("application/json"):
        body = request.body.lower()
        return 422 if b"\x00" in body or b"\\u0000" in body else 0
    if content_type.startswith("application/x-www-form-urlencoded"):
        body = request.body.lower()
        return 400 if b"\x00" in body or b"%00" in body else 0
    return 0
