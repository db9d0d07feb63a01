from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from redbrolly.core.models import Organisation


def site(request: HttpRequest) -> dict[str, Any]:
    """Every template knows the organisation, the exit address and the member's display modes."""
    profile = getattr(getattr(request, "user", None), "member_profile", None)
    return {
        "organisation": Organisation.current(),
        "exit_url": settings.REDBROLLY_EXIT_URL,
        "discreet": bool(profile and profile.discreet_mode),
        "dark_screen": bool(profile and profile.dark_screen),
    }
