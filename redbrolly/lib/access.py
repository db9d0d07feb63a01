"""Access control: deny by default, with the rule for each view written on the view.

`LoginRequiredMiddleware` refuses anonymous requests to any view not marked public. The
decorators here say, on each view, which people may use it; `tests/test_url_access.py`
walks every URL pattern and fails for a view that carries neither mark.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = TypeVar("View", bound=Callable[..., HttpResponse])

ACCESS_ATTR = "redbrolly_access"


def mark(view: Any, rule: str) -> Any:
    setattr(view, ACCESS_ATTR, rule)
    return view


def public(view: View) -> View:
    """Anyone, signed in or not (the public site, intake, receipts, health)."""
    return mark(login_not_required(view), "public")  # type: ignore[no-any-return]


def guarded(test: Callable[[Any], bool], rule: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not test(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return mark(wrapper, rule)  # type: ignore[no-any-return]

    return decorator


def signed_in(view: View) -> View:
    """Any signed-in person, whatever their membership status (their own account pages)."""
    return guarded(lambda user: user.is_authenticated, "signed_in")(view)


def member_required(view: View) -> View:
    """Approved members (sex workers, practitioners, sites) and staff."""
    return guarded(lambda user: user.is_authenticated and user.is_approved_member, "member")(view)


def staff_required(*perms: str) -> Callable[[View], View]:
    """Staff holding every named permission, e.g. @staff_required("accounts.review_membership")."""
    rule = "staff:" + ",".join(perms)
    return guarded(
        lambda user: user.is_authenticated and user.is_staff_role and user.has_perms(perms), rule
    )
