"""Session rules (SECURITY.md, "Authentication"): revocation, staff idle timeout, staff MFA."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

Handler = Callable[[HttpRequest], HttpResponse]
EPOCH_KEY = "redbrolly_epoch"
SEEN_KEY = "redbrolly_seen"


class SessionPolicyMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = request.user
        if user.is_authenticated and self.expired(request, user):
            logout(request)
            messages.info(request, _("You were signed out. Please sign in again."))
            return redirect(settings.LOGIN_URL)
        return self.get_response(request)

    def expired(self, request: HttpRequest, user: Any) -> bool:
        session = request.session
        epoch = session.setdefault(EPOCH_KEY, user.session_epoch)
        now = int(time.time())
        seen = session.get(SEEN_KEY, now)
        if epoch != user.session_epoch:
            return True
        if user.is_staff_role and now - seen > settings.REDBROLLY_STAFF_IDLE_SECONDS:
            return True
        if now - seen > 30:  # write the session at most twice a minute
            session[SEEN_KEY] = now
        session.setdefault(SEEN_KEY, now)
        return False


MFA_FREE_PREFIXES = ("/accounts/", "/static/", "/healthz", "/i18n/")


class StaffMFAMiddleware:
    """Staff without a second factor may only set one up (or sign out)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user: Any = request.user
        if (
            user.is_authenticated
            and user.is_staff_role
            and not request.path.startswith(MFA_FREE_PREFIXES)
            and not has_second_factor(user)
        ):
            messages.warning(
                request, _("Staff accounts need two-factor authentication. Set it up to continue.")
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def has_second_factor(user: Any) -> bool:
    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()
