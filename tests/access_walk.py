"""Walks every URL pattern and says which views carry no access rule (tests/test_url_access)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from redbrolly.lib.access import ACCESS_ATTR

# Every URL anyone may open without signing in, by name. Adding to it is a decision.
PUBLIC_URLS = {
    "pages:home",
    "pages:get_help",
    "pages:privacy",
    "pages:staying_safe",
    "core:healthz",
    "casework:callback",  # "Get quick access to a caseworker": no account needed
    "set_language",
    # allauth: signing in, signing up, the second-factor step and password reset
    "account_login",
    "account_signup",
    "account_logout",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_inactive",
    "account_login_code_confirm",
    "account_request_login_code",
    "account_confirm_login_code",
    "mfa_authenticate",
    "mfa_trust",
    "mfa_login_webauthn",
    "mfa_signup_webauthn",
    "account_reset_password_code",
    "account_confirm_password_reset_code",
    "account_verify_email",
    # admin's own sign-in page (the admin then requires staff)
    "admin:login",
    # reports: anonymous intake (each step, autosave, start again) and receipt follow-up
    "reports:start",
    "reports:step_what",
    "reports:step_story",
    "reports:step_people",
    "reports:step_evidence",
    "reports:step_choices",
    "reports:step_review",
    "reports:autosave",
    "reports:discard",
    "reports:follow_up",
    "reports:follow_up_report",
    "reports:follow_up_leave",
    "reports:follow_up_action",
    "reports:receipt_note",
    # the SMS provider's webhook: refused unless signed with the provider's auth token
    "checker:sms_inbound",
    # research: the study link and its QR code, and participants' pages (no accounts)
    "research:study",
    "research:eligibility",
    "research:consent",
    "research:questionnaire",
    "research:membership",
    "research:participant",
    "research:stop_reminders",
    "research:withdraw",
    "research:leave",
    "research:resume",
    "research:resume_link",
}


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str
    callback: Any

    @property
    def rule(self) -> str | None:
        return getattr(self.callback, ACCESS_ATTR, None)

    @property
    def is_public(self) -> bool:
        return getattr(self.callback, "login_required", True) is False

    @property
    def is_admin(self) -> bool:
        return self.name.startswith("admin:") or self.pattern.startswith("admin/")

    @property
    def is_allauth(self) -> bool:
        return getattr(self.callback, "__module__", "").startswith("allauth.")


def walk(patterns: list[Any] | None = None, prefix: str = "", ns: str = "") -> Iterator[Route]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner_ns = f"{ns}{entry.namespace}:" if entry.namespace else ns
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner_ns)
        elif isinstance(entry, URLPattern):
            name = f"{ns}{entry.name}" if entry.name else prefix + str(entry.pattern)
            yield Route(prefix + str(entry.pattern), name, entry.callback)


def problems(routes: Iterator[Route]) -> list[str]:
    """URLs that are neither explicitly public nor guarded by a rule the test understands."""
    found = []
    for route in routes:
        if route.is_public and route.name not in PUBLIC_URLS and route.rule != "api":
            found.append(f"{route.pattern} ({route.name}) is public but not on PUBLIC_URLS")
        elif not route.is_public and not (route.rule or route.is_admin or route.is_allauth):
            found.append(f"{route.pattern} ({route.name}) has no access rule")
    return found
