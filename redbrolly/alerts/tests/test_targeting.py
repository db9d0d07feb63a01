"""Alerts go to approved members whose regions and sectors match, on the channels they chose."""

from __future__ import annotations

from typing import Any

import pytest

from redbrolly.accounts.models import MemberProfile
from redbrolly.alerts import selectors
from redbrolly.alerts.models import Alert
from redbrolly.alerts.testing import members, ready_alert
from redbrolly.core.models import Region
from redbrolly.notify.models import PushSubscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(moderator: Any) -> Alert:
    return ready_alert(moderator)


def ids(alert: Alert) -> set[int]:
    return {person.user_id for person in selectors.audience(alert)}


def test_members_of_the_alerts_regions_are_targeted_and_others_not(
    alert: Alert, people: Any
) -> None:
    here, elsewhere, waiting = people("member", "member2", "applicant")
    assert here.pk in ids(alert)
    assert elsewhere.pk not in ids(alert)
    assert waiting.pk not in ids(alert)


def test_a_national_alert_reaches_every_region(alert: Alert, people: Any) -> None:
    here, elsewhere = people("member", "member2")
    Alert.objects.filter(pk=alert.pk).update(national=True)
    alert.refresh_from_db()
    assert {here.pk, elsewhere.pk} <= ids(alert)


def test_sectors_narrow_the_audience_but_a_member_who_gave_none_still_hears(
    alert: Alert,
) -> None:
    street, outcall, silent = members(3, prefix="sector")
    MemberProfile.objects.filter(user_id=street).update(sectors=["street"])
    MemberProfile.objects.filter(user_id=silent).update(sectors=[])
    assert alert.sectors == ["outcall"]
    assert {outcall, silent} <= ids(alert)
    assert street not in ids(alert)


def test_channels_follow_preferences_and_push_needs_a_device(alert: Alert) -> None:
    with_device, without = members(2, prefix="chan", sms=False)
    MemberProfile.objects.filter(user_id__in=[with_device, without]).update(notify_push=True)
    PushSubscription.objects.create(
        user_id=with_device,
        endpoint="https://fcm.googleapis.com/x",
        endpoint_index="1" * 64,
        p256dh="k",
        auth="a",
    )
    channels = {p.user_id: set(p.channels) for p in selectors.audience(alert)}
    assert channels[with_device] == {"email", "push", "inapp"}
    assert channels[without] == {"email", "inapp"}


def test_the_preview_counts_members_by_channel_and_language(alert: Alert) -> None:
    members(3, prefix="en")
    members(2, prefix="ro", language="ro", sms=False)
    found = selectors.preview(alert)
    assert found.members == 5
    assert found.by_channel == {"email": 5, "sms": 3, "inapp": 5}
    assert found.by_language == {"en": 3, "ro": 2}


def test_a_member_who_left_a_region_is_not_targeted(alert: Alert, member: Any) -> None:
    member.member_profile.regions.set(Region.objects.filter(code="cheshire"))
    assert member.pk not in ids(alert)
