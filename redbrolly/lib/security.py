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
    """PostgreSQL cannot store NUL characters in text: refuse them up front with a 400
    instead of failing deep in a query (found by Schemathesis on PostgreSQL)."""

    CHECKED_TYPES = ("application/json", "application/x-www-form-urlencoded")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if carries_nul(request):
            message = _("Text may not contain NUL characters.")
            return JsonResponse({"detail": [{"field": "", "message": message}]}, status=400)
        return self.get_response(request)


def carries_nul(request: HttpRequest) -> bool:
    query = request.META.get("QUERY_STRING", "").lower()
    if "%00" in query or "\x00" in query:
        return True
    if not (request.content_type or "").startswith(RejectNulMiddleware.CHECKED_TYPES):
        return False
    body = request.body.lower()
    return b"\x00" in body or b"\\u0000" in body or b"%00" in body
