"""Rate limits: generous for real work, a burst of hundreds refused, 429 says when to retry."""

import pytest
import time_machine

from redbrolly.checker.models import Lookup
from redbrolly.checker.tests.factories import bearer, member_token, partner_with_key

pytestmark = pytest.mark.django_db

URL = "/api/v1/checker/lookups"
# A fixed minute start, so a test never straddles two rate-limit windows.
START = "2026-06-01 09:00:05+00:00"


def numbers(count: int, start: int = 0) -> list[str]:
    return [f"07700 900{(start + n) % 1000:03d}" for n in range(count)]


def bulk(client, secret: str, identifiers: list[str]):
    return client.post(
        URL + "/bulk",
        {"identifiers": identifiers},
        content_type="application/json",
        **bearer(secret),
    )


def lookup(client, secret: str, identifier: str):
    return client.post(
        URL, {"identifier": identifier}, content_type="application/json", **bearer(secret)
    )


@time_machine.travel(START, tick=False)
def test_a_member_can_make_20_checks_a_minute_and_the_21st_gets_429(client, member) -> None:
    token = member_token(member)
    assert all(lookup(client, token, n).status_code == 200 for n in numbers(20))
    refused = lookup(client, token, "07700 900500")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    body = refused.json()
    assert body["retry_after"] == int(refused["Retry-After"])
    assert body["detail"]
    assert Lookup.objects.count() == 20


@time_machine.travel(START, tick=False)
def test_a_burst_of_hundreds_is_refused(client, member) -> None:
    token = member_token(member)
    statuses = [lookup(client, token, n).status_code for n in numbers(200)]
    assert statuses.count(200) == 20
    assert statuses.count(429) == 180


def test_a_member_can_make_200_checks_a_day_but_not_201(client, member) -> None:
    token = member_token(member)
    with time_machine.travel(START, tick=False) as clock:
        for batch in range(4):
            assert bulk(client, token, numbers(50, batch * 50)).status_code == 200
            clock.shift(600)
        refused = lookup(client, token, "07700 900999")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 60 * 60
    assert Lookup.objects.count() == 200


@time_machine.travel(START, tick=False)
def test_the_limit_is_per_member(client, member, people) -> None:
    token = member_token(member)
    for n in numbers(20):
        lookup(client, token, n)
    assert lookup(client, token, "07700 900700").status_code == 429
    assert lookup(client, member_token(people("member2")), "07700 900700").status_code == 200


@time_machine.travel(START, tick=False)
def test_a_bulk_check_counts_each_number(client, member) -> None:
    token = member_token(member)
    bulk = client.post(
        URL + "/bulk",
        {"identifiers": numbers(50)},
        content_type="application/json",
        **bearer(token),
    )
    assert bulk.status_code == 200
    again = client.post(
        URL + "/bulk", {"identifiers": numbers(1)}, content_type="application/json", **bearer(token)
    )
    assert again.status_code == 429
    assert Lookup.objects.count() == 50


@time_machine.travel(START, tick=False)
def test_a_partner_has_its_own_limits(client) -> None:
    _partner, key = partner_with_key(lookups_per_minute=5, lookups_per_day=100)
    statuses = [lookup(client, key, n).status_code for n in numbers(6)]
    assert statuses == [200] * 5 + [429]


@time_machine.travel(START, tick=False)
def test_one_number_checked_by_many_accounts_is_refused_for_a_while(client, people) -> None:
    _partner, key = partner_with_key(lookups_per_minute=1000)
    statuses = [lookup(client, key, "07700 900321").status_code for _ in range(31)]
    assert statuses.count(200) == 30
    assert statuses[-1] == 429
    assert lookup(client, key, "07700 900322").status_code == 200


def test_the_limits_are_lifted_only_by_the_benchmark_setting(client, member, settings) -> None:
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False
    token = member_token(member)
    with time_machine.travel(START, tick=False):
        assert all(lookup(client, token, n).status_code == 200 for n in numbers(25))


@time_machine.travel(START, tick=False)
def test_the_web_page_explains_the_limit_in_words(client, member) -> None:
    client.force_login(member)
    for n in numbers(20):
        client.post("/check/", {"identifier": n})
    response = client.post("/check/", {"identifier": "07700 900777"})
    assert response.status_code == 429
    assert "Please try again in 1 minute" in response.content.decode()
    assert response["Retry-After"]
