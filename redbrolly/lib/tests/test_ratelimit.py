from __future__ import annotations

import pytest
import time_machine

from redbrolly.lib.ratelimit import Limit, hit, reset_all

PER_MINUTE = Limit("test.minute", 3, 60)
PER_DAY = Limit("test.day", 5, 86400)


@pytest.fixture(autouse=True)
def empty_cache():
    reset_all()


def test_it_allows_up_to_the_limit_then_says_when_to_retry() -> None:
    with time_machine.travel("2026-11-28 10:00:15", tick=False):
        assert all(hit([PER_MINUTE], "alice").allowed for _ in range(3))
        refused = hit([PER_MINUTE], "alice")
    assert not refused.allowed
    assert refused.retry_after == 45


def test_subjects_are_counted_apart() -> None:
    for _ in range(3):
        hit([PER_MINUTE], "alice")
    assert hit([PER_MINUTE], "bob").allowed


def test_a_new_window_opens_and_the_daily_limit_still_holds() -> None:
    with time_machine.travel("2026-11-28 10:00:00", tick=False) as traveller:
        for _ in range(3):
            assert hit([PER_MINUTE, PER_DAY], "carol").allowed
        traveller.shift(61)
        assert hit([PER_MINUTE, PER_DAY], "carol").allowed
        assert hit([PER_MINUTE, PER_DAY], "carol").allowed
        assert not hit([PER_MINUTE, PER_DAY], "carol").allowed


def test_a_refused_attempt_does_not_use_up_the_allowance() -> None:
    assert hit([PER_MINUTE], "dave", cost=3).allowed
    assert not hit([PER_MINUTE], "dave", cost=1).allowed
    reset_all()
    assert not hit([PER_MINUTE], "erin", cost=4).allowed
    assert hit([PER_MINUTE], "erin", cost=3).allowed
