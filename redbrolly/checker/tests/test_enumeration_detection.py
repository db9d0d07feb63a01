"""Enumeration: sequential or random sweeps are flagged to staff, and suspended above a hard
threshold; normal use is left alone."""

import datetime
import random

import pytest
from django.utils import timezone

from redbrolly.checker import services
from redbrolly.checker.models import Channel, Flag, Suspension
from redbrolly.checker.services import Actor, CheckRefused
from redbrolly.checker.tests.factories import partner_with_key, report_about
from redbrolly.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limits(settings) -> None:
    # Rate limits are tested on their own; here detection must see what gets through them.
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False


def check_all(actor: Actor, texts: list[str], channel: str = Channel.WEB) -> None:
    for text in texts:
        services.lookup_run(actor=actor, identifier=services.identifier_read(text), channel=channel)


def sequential(start: int, count: int) -> list[str]:
    return [f"07911 {start + n:06d}" for n in range(count)]


def scattered(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [f"07{rng.randrange(10**9):09d}" for _ in range(count)]


def test_twenty_varied_lookups_are_not_flagged(member) -> None:
    report_about("07911 555123", reviewed=True, violent=True)
    texts = [*scattered(16), "07911 555123", "dave@example.com", "@nightowl", "AB12 CDE"]
    check_all(Actor(user=member), texts)
    assert services.detect_enumeration() == 0
    assert not Flag.objects.exists()


def test_a_bulk_check_of_a_call_log_is_not_flagged(member) -> None:
    services.lookup_bulk(actor=Actor(user=member), lines=scattered(50))
    services.detect_enumeration()
    assert not Flag.objects.exists()


def test_sequential_numbers_are_flagged_to_staff(member) -> None:
    check_all(Actor(user=member), sequential(400100, 12))
    assert services.detect_enumeration() == 1
    flag = Flag.objects.get()
    assert (flag.user, flag.reason, flag.auto_suspended) == (member, "sequential", False)
    assert flag.details["adjacent_numbers"] == 12
    assert not Suspension.objects.exists()


def test_numbers_a_few_apart_count_as_sequential_too(member) -> None:
    check_all(Actor(user=member), [f"07911 {400100 + n * 7:06d}" for n in range(12)])
    services.detect_enumeration()
    assert Flag.objects.get().reason == "sequential"


def test_a_long_sequential_sweep_suspends_checking(member, client) -> None:
    check_all(Actor(user=member), sequential(400100, 30))
    services.detect_enumeration()
    flag = Flag.objects.get()
    assert flag.auto_suspended
    assert Suspension.objects.active().get().user == member
    with pytest.raises(CheckRefused):
        check_all(Actor(user=member), ["07911 123456"])
    client.force_login(member)
    page = client.post("/check/", {"identifier": "07911 123456"})
    assert page.status_code == 403
    assert "paused" in page.content.decode()


def test_many_random_numbers_none_reported_are_flagged(member) -> None:
    check_all(Actor(user=member), scattered(60))
    services.detect_enumeration()
    flag = Flag.objects.get()
    assert (flag.reason, flag.auto_suspended) == ("random", False)
    assert flag.details == {"distinct": 60, "not_reported": 60}


def test_a_huge_random_sweep_suspends_checking(member) -> None:
    check_all(Actor(user=member), scattered(120))
    services.detect_enumeration()
    assert Flag.objects.get(reason="random").auto_suspended
    assert Suspension.objects.active().filter(user=member).exists()


def test_a_partner_platform_is_allowed_more_random_checks_than_a_member(db) -> None:
    partner, _key = partner_with_key()
    check_all(Actor(partner=partner), scattered(120), channel=Channel.API)
    services.detect_enumeration()
    assert not Flag.objects.exists()


def test_a_partner_platform_sweeping_sequential_numbers_is_flagged(db) -> None:
    partner, _key = partner_with_key()
    check_all(Actor(partner=partner), sequential(400100, 12), channel=Channel.API)
    services.detect_enumeration()
    assert Flag.objects.get().partner == partner


def test_running_detection_again_raises_no_second_flag(member) -> None:
    check_all(Actor(user=member), sequential(400100, 12))
    services.detect_enumeration()
    check_all(Actor(user=member), sequential(400200, 12))
    assert services.detect_enumeration() == 0
    assert Flag.objects.count() == 1


def test_staff_can_lift_a_suspension(member, moderator) -> None:
    check_all(Actor(user=member), sequential(400100, 30))
    services.detect_enumeration()
    services.suspension_lift(actor=moderator, suspension=Suspension.objects.get())
    check_all(Actor(user=member), ["07911 123456"])
    assert AuditEntry.objects.filter(action="checker.suspension.lifted").exists()


def test_calling_a_flag_normal_use_lifts_its_suspension_and_forgives_the_window(
    member, moderator
) -> None:
    check_all(Actor(user=member), sequential(400100, 30))
    services.detect_enumeration()
    services.flag_close(actor=moderator, flag=Flag.objects.get(), confirm=False)
    assert not Suspension.objects.active().exists()
    assert services.detect_enumeration() == 0
    check_all(Actor(user=member), ["07911 123456"])


def test_confirming_a_flag_suspends_the_account(member, moderator) -> None:
    check_all(Actor(user=member), sequential(400100, 12))
    services.detect_enumeration()
    services.flag_close(actor=moderator, flag=Flag.objects.get(), confirm=True)
    suspension = Suspension.objects.active().get()
    assert (suspension.user, suspension.started_by) == (member, moderator)


def test_one_number_checked_by_many_accounts_is_flagged_without_blaming_them(people) -> None:
    members = people("member", "member2", "practitioner", "moderator")
    for person in members:
        check_all(Actor(user=person), ["07911 777000"])
    services.detect_enumeration()
    flag = Flag.objects.get()
    assert (flag.reason, flag.user, flag.details) == ("shared", None, {"accounts": 4})
    assert not Suspension.objects.exists()


def test_checks_older_than_an_hour_are_not_held_against_anyone(member) -> None:
    check_all(Actor(user=member), sequential(400100, 30))
    later = timezone.now() + datetime.timedelta(hours=2)
    assert services.detect_enumeration(now=later) == 0


def test_flags_and_suspensions_are_audited_without_identifiers(member) -> None:
    check_all(Actor(user=member), sequential(400100, 30))
    services.detect_enumeration()
    entries = AuditEntry.objects.filter(action__startswith="checker.")
    assert {e.action for e in entries} == {"checker.flag.raised", "checker.suspension.started"}
    assert "07911" not in str([e.details for e in entries])
