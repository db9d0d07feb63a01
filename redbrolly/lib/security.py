"""Response headers that every page carries (SECURITY.md, "Web")."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

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
