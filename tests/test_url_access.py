"""Deny by default: every URL is public by decision or guarded, for every kind of person."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from redbrolly.lib.access import public, staff_required
from redbrolly.lib.testing import PERSONAS
from tests.access_walk import PUBLIC_URLS, Route, problems, walk

DENIED = {302, 401, 403, 404, 405}


def test_every_url_is_public_by_decision_or_guarded() -> None:
    assert problems(walk()) == []


def test_it_catches_a_new_url_that_forgets_its_access_rule() -> None:
    def forgot_the_decorator(request: Any) -> HttpResponse:
        return HttpResponse("secret")

    def forgot_the_list(request: Any) -> HttpResponse:
        return HttpResponse("open")

    patterns = [
        path("new/", forgot_the_decorator, name="new"),
        path("open/", public(forgot_the_list), name="open"),
        path("ok/", staff_required("core.view_auditentry")(forgot_the_decorator), name="ok"),
    ]
    found = problems(walk(patterns))
    assert len(found) == 2
    assert "new/ (new) has no access rule" in found
    assert "open/ (open) is public but not on PUBLIC_URLS" in found


def concrete(route: Route) -> str | None:
    """A requestable path for a pattern, with dummy ids (which must 404, never leak)."""
    url = "/" + re.sub(r"<(?:int:)?\w+>", "999999", route.pattern)
    url = re.sub(r"<(?:str|slug):\w+>", "nothing", url)
    url = re.sub(r"<path:\w+>", "nothing", url)
    if "^" in url or "(" in url or "<" in url:
        return None
    return url


def our_routes() -> list[Route]:
    return [route for route in walk() if route.rule and route.rule != "api"]


def allowed(route: Route, user: Any) -> bool:
    rule = route.rule or ""
    if rule == "public":
        return True
    if user is None:
        return False
    if rule == "signed_in":
        return True
    if rule == "member":
        return user.is_approved_member
    perms = [perm for perm in rule.removeprefix("staff:").split(",") if perm]
    return user.is_staff_role and user.has_perms(perms)


@pytest.mark.parametrize("who", ["anonymous", *PERSONAS])
def test_each_person_reaches_only_what_their_role_allows(who: str, people: Any) -> None:
    user = None if who == "anonymous" else people(who)
    client = Client()
    if user is not None:
        client.force_login(user)
    for route in our_routes():
        url = concrete(route)
        if url is None:
            continue
        status = client.get(url).status_code
        assert status < 500, f"{url} gave {status} for {who}"
        if not allowed(route, user):
            assert status in DENIED, f"{url} ({route.rule}) gave {status} to {who}"
            # A POST-only view answers every GET with 405; the POST must be refused too.
            posted = client.post(url).status_code
            assert posted in DENIED, f"POST {url} ({route.rule}) gave {posted} to {who}"


def test_anonymous_people_are_sent_to_sign_in_from_admin_and_allauth_private_pages(
    client: Client,
) -> None:
    for route in walk():
        url = concrete(route)
        if url is None or route.name in PUBLIC_URLS or not (route.is_admin or route.is_allauth):
            continue
        assert client.get(url).status_code in DENIED, url


def test_the_public_list_names_only_urls_that_exist() -> None:
    names = {route.name for route in walk()}
    assert {"pages:home", "core:healthz", "account_login"} <= names
