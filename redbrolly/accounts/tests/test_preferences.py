from __future__ import annotations

import pytest

from redbrolly.core.models import Region

pytestmark = pytest.mark.django_db


def test_a_member_sets_regions_channels_language_and_modes(client, member) -> None:
    client.force_login(member)
    regions = [Region.objects.get(code=c).pk for c in ("greater-manchester", "cheshire")]
    response = client.post(
        "/me/preferences/",
        {
            "regions": regions,
            "sectors": ["outcall"],
            "notify_email": "on",
            "notify_inapp": "on",
            "language": "pl",
            "discreet_mode": "on",
            "dark_screen": "on",
        },
    )
    assert response.status_code == 302
    profile = member.member_profile
    profile.refresh_from_db()
    assert sorted(r.code for r in profile.regions.all()) == ["cheshire", "greater-manchester"]
    assert (profile.language, profile.discreet_mode, profile.dark_screen) == ("pl", True, True)
    assert profile.channels == ["email", "inapp"]


def test_discreet_mode_gives_a_neutral_title_and_dark_screen_a_dark_page(client, member) -> None:
    member.member_profile.discreet_mode = True
    member.member_profile.dark_screen = True
    member.member_profile.save()
    client.force_login(member)
    page = client.get("/me/").content.decode()
    assert "<title>Notes</title>" in page
    assert 'class="dark"' in page


def test_sms_cannot_be_chosen_without_a_mobile_number(client, member) -> None:
    member.member_profile.mobile = ""
    member.member_profile.save()
    client.force_login(member)
    region = Region.objects.get(code="greater-manchester").pk
    response = client.post(
        "/me/preferences/", {"regions": [region], "notify_sms": "on", "language": "en"}
    )
    assert response.status_code == 200
    assert b"Add a mobile number first" in response.content
