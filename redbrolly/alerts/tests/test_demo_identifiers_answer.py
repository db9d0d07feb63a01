"""In the demo, every identifier a live alert shows is one of its reports' own, so a member
who checks it in the checker is told to take care, or warned; never "no reports"."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from redbrolly.accounts.models import User
from redbrolly.alerts import demo, selectors
from redbrolly.alerts.models import Alert
from redbrolly.checker import services
from redbrolly.checker.models import Channel, Result
from redbrolly.checker.services import Actor
from redbrolly.lib import ratelimit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_checker_state")]

TOLD = {Result.CAUTION, Result.WARNING}


def live_alerts() -> list[Alert]:
    """Published, not expired, not withdrawn: what members read as current."""
    found = list(Alert.objects.current().prefetch_related("shown_identifiers", "reports"))
    assert found and all(alert.status == Alert.Status.PUBLISHED for alert in found)
    return found


def story_of(alert: Alert) -> demo.Story:
    return {story.title: story for story in demo.STORIES}[alert.title]


def member_checks(member: User, value: str) -> services.Answer:
    """What the member lookup view does with what the member typed (`CheckForm` reads it
    with `identifier_read`, then `views.checked` calls `lookup_run`). The member's allowance
    per minute is reset first: it is not what this test is about."""
    ratelimit.reset_all()
    identifier = services.identifier_read(value)
    return services.lookup_run(actor=Actor(user=member), identifier=identifier, channel=Channel.WEB)


def test_every_identifier_a_live_alert_shows_answers_take_care_or_warning() -> None:
    call_command("seed_demo", "--quiet-logins")
    member = User.objects.get(username="member")
    visible = set(selectors.alerts_visible_to(member).values_list("pk", flat=True))
    checked = linked = 0
    for alert in live_alerts():
        story = story_of(alert)
        shown = list(alert.shown_identifiers.all())
        if story.phone or story.plate:
            assert shown, alert.title
        own = {row.pk for report in alert.reports.all() for row in report.identifiers.all()}
        assert {row.pk for row in shown} <= own, alert.title
        for row in shown:
            answer = member_checks(member, row.value)
            assert answer.result in TOLD, (alert.title, row.kind)
            assert answer.reports >= 1
            if alert.pk in visible:
                assert alert.pk in {link.id for link in answer.alerts}, alert.title
                linked += 1
            checked += 1
    assert checked >= 15 and linked >= 1


def test_the_checker_page_shows_the_answer_for_a_shown_identifier(client) -> None:
    call_command("seed_demo", "--quiet-logins")
    member = User.objects.get(username="member")
    client.force_login(member)
    row = next(row for alert in live_alerts() for row in alert.shown_identifiers.all())
    response = client.post(reverse("checker:check"), {"identifier": row.value})
    assert response.status_code == 200
    assert response.context["answer"].result in TOLD
    page = response.content.decode()
    assert "answer-warning" in page or "answer-caution" in page
