"""The member feed: alerts for their regions, newest first, searchable, filterable, in their
language, with expired and withdrawn alerts in the archive; approved members only."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from redbrolly.alerts import services
from redbrolly.alerts.models import Alert, AlertTranslation
from redbrolly.alerts.testing import accepted_report, published_alert

pytestmark = pytest.mark.django_db


@pytest.fixture
def alerts(people: Any) -> list[Alert]:
    drafter, approver = people("moderator", "moderator2")
    older = published_alert(drafter, approver)
    Alert.objects.filter(pk=older.pk).update(
        title="Non-payment in Salford",
        severity="info",
        published_at=timezone.now() - datetime.timedelta(days=3),
    )
    newer = published_alert(drafter, approver)
    elsewhere = published_alert(
        drafter, approver, accepted_report(region="scotland-greater-glasgow")
    )
    return [older, newer, elsewhere]


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def titles(response: Any) -> list[str]:
    return [alert.text_in("en")["title"] for alert, _text in response.context["items"]]


def test_members_see_their_regions_newest_first_and_nothing_from_elsewhere(
    alerts: list[Alert], member: Any
) -> None:
    response = signed_in(member).get("/alerts/")
    assert response.status_code == 200
    assert [a.pk for a, _t in response.context["items"]] == [alerts[1].pk, alerts[0].pk]
    assert "Non-payment in Salford" in response.content.decode()


def test_search_finds_words_in_the_alert_text(alerts: list[Alert], member: Any) -> None:
    assert titles(signed_in(member).get("/alerts/?q=salford")) == ["Non-payment in Salford"]
    assert titles(signed_in(member).get("/alerts/?q=nothing+like+this")) == []


def test_filters_by_severity_and_type(alerts: list[Alert], member: Any) -> None:
    client = signed_in(member)
    assert titles(client.get("/alerts/?severity=info")) == ["Non-payment in Salford"]
    assert len(titles(client.get("/alerts/?type=robbery"))) == 2
    assert titles(client.get("/alerts/?type=rape")) == []


def test_nonsense_filters_are_ignored_with_a_message_not_an_error(
    alerts: list[Alert], member: Any
) -> None:
    response = signed_in(member).get("/alerts/?severity=<script>&region=mars&page=-3")
    assert response.status_code == 200
    assert "were not understood" in response.content.decode()


def test_expired_and_withdrawn_alerts_move_to_the_archive(
    alerts: list[Alert], member: Any, moderator: Any
) -> None:
    services.alert_withdraw(moderator=moderator, alert=alerts[1], text="Reported in error.")
    client = signed_in(member)
    assert titles(client.get("/alerts/")) == ["Non-payment in Salford"]
    archived = client.get("/alerts/archive/")
    assert [a.pk for a, _t in archived.context["items"]] == [alerts[1].pk]
    Alert.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert titles(client.get("/alerts/")) == []
    assert len(titles(client.get("/alerts/archive/"))) == 2


def test_a_member_reads_an_alert_in_their_language(alerts: list[Alert], member: Any) -> None:
    translation = AlertTranslation.objects.create(
        alert=alerts[1], language="pl", title="Napad w Manchesterze", summary="Klient zabrał…"
    )
    member.member_profile.language = "pl"
    member.member_profile.save()
    page = signed_in(member).get(f"/alerts/{alerts[1].pk}/").content.decode()
    assert "Napad w Manchesterze" not in page  # added after sending: waits for a second look
    translation.approved_at = timezone.now()
    translation.save()
    page = signed_in(member).get(f"/alerts/{alerts[1].pk}/").content.decode()
    assert "Napad w Manchesterze" in page


def test_an_alert_of_another_region_is_not_found(alerts: list[Alert], member: Any) -> None:
    assert signed_in(member).get(f"/alerts/{alerts[2].pk}/").status_code == 404


def test_only_approved_members_and_staff_read_alerts(alerts: list[Alert], people: Any) -> None:
    assert Client().get("/alerts/").status_code == 302
    assert signed_in(people("applicant")).get("/alerts/").status_code == 403
    assert signed_in(people("applicant")).get(f"/alerts/{alerts[1].pk}/").status_code == 403
    assert signed_in(people("analyst")).get(f"/alerts/{alerts[2].pk}/").status_code == 200


def test_drafts_are_never_in_the_feed(people: Any, member: Any) -> None:
    from redbrolly.alerts.testing import ready_alert

    draft = ready_alert(people("moderator"))
    assert titles(signed_in(member).get("/alerts/")) == []
    assert signed_in(member).get(f"/alerts/{draft.pk}/").status_code == 404


def test_the_feed_needs_no_javascript(alerts: list[Alert], member: Any) -> None:
    page = signed_in(member).get("/alerts/?q=salford").content.decode()
    assert '<form method="get"' in page
    assert "<script>" not in page
    assert "Non-payment in Salford" in page
