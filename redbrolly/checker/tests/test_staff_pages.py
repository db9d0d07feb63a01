"""Staff pages: statistics without identifiers, the flags queue, and the checker settings."""

import pytest

from redbrolly.checker import services
from redbrolly.checker.models import CheckerPolicy, Flag, Suspension
from redbrolly.checker.services import Actor
from redbrolly.checker.tests.factories import partner_with_key, report_about

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_lookups(member, settings):
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False
    report_about("07700 900641", reviewed=True, violent=True)
    partner, _key = partner_with_key()
    for text, actor, channel in [
        ("07700 900641", Actor(user=member), "web"),
        ("07700 900642", Actor(user=member), "sms"),
        ("07700 900643", Actor(partner=partner), "api"),
    ]:
        services.lookup_run(actor=actor, identifier=services.identifier_read(text), channel=channel)


def test_statistics_show_lookups_hits_and_channels_and_no_identifier(
    client, people, some_lookups
) -> None:
    client.force_login(people("analyst"))
    page = client.get("/staff/checker/stats/").content.decode()
    assert "3 checks in the last 30 days, 1 of them about something reported." in page
    assert "Text message" in page and "33%" in page
    assert "Adverts Example Ltd" in page
    for digits in ("900641", "900642", "900643"):
        assert digits not in page


@pytest.mark.parametrize("who", ["moderator", "analyst", "admin"])
def test_statistics_are_open_to_moderators_analysts_and_admins(client, people, who) -> None:
    client.force_login(people(who))
    assert client.get("/staff/checker/stats/").status_code == 200


@pytest.mark.parametrize("who", ["member", "caseworker", "supervisor"])
def test_statistics_are_closed_to_everyone_else(client, people, who) -> None:
    client.force_login(people(who))
    assert client.get("/staff/checker/stats/").status_code == 403


def flagged(member) -> Flag:
    for n in range(30):
        services.lookup_run(
            actor=Actor(user=member),
            identifier=services.identifier_read(f"07911 {400100 + n}"),
            channel="web",
        )
    services.detect_enumeration()
    return Flag.objects.get()


def test_the_flags_page_lists_open_flags_and_suspensions(
    client, moderator, member, settings
) -> None:
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False
    flagged(member)
    client.force_login(moderator)
    page = client.get("/staff/checker/flags/").content.decode()
    assert "Many numerically adjacent numbers" in page
    assert "suspended automatically" in page
    assert "adjacent_numbers: 30" in page
    assert "07911" not in page


def test_staff_dismiss_a_flag_from_the_page(client, moderator, member, settings) -> None:
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False
    flag = flagged(member)
    client.force_login(moderator)
    response = client.post(f"/staff/checker/flags/{flag.pk}/close/", {"decision": "dismiss"})
    assert response.status_code == 302
    flag.refresh_from_db()
    assert (flag.status, flag.closed_by) == ("dismissed", moderator)
    assert not Suspension.objects.active().exists()


def test_staff_lift_a_suspension_from_the_page(client, moderator, member, settings) -> None:
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False
    flagged(member)
    client.force_login(moderator)
    suspension = Suspension.objects.get()
    client.post(f"/staff/checker/suspensions/{suspension.pk}/lift/")
    suspension.refresh_from_db()
    assert suspension.lifted_by == moderator


def test_members_cannot_see_flags(client, member) -> None:
    client.force_login(member)
    assert client.get("/staff/checker/flags/").status_code == 403


def test_an_admin_changes_the_checker_settings(client, admin_person) -> None:
    client.force_login(admin_person)
    data = {
        "count_unreviewed_known": "on",
        "count_unreviewed_anonymous": "on",
        "member_per_minute": "30",
        "member_per_day": "300",
        "bulk_per_ten_minutes": "50",
        "identifier_per_ten_minutes": "30",
    }
    assert client.post("/staff/checker/policy/", data).status_code == 302
    policy = CheckerPolicy.objects.get()
    assert (policy.count_unreviewed_anonymous, policy.member_per_minute) == (True, 30)


def test_bad_settings_are_refused_with_a_message(client, admin_person) -> None:
    client.force_login(admin_person)
    response = client.post("/staff/checker/policy/", {"member_per_minute": "lots"})
    assert 'class="errorlist"' in response.content.decode()
    assert not CheckerPolicy.objects.exists()


def test_a_moderator_cannot_change_the_checker_settings(client, moderator) -> None:
    client.force_login(moderator)
    assert client.get("/staff/checker/policy/").status_code == 403
