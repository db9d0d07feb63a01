"""A reporter who withdraws consent takes the alert with them: hidden at once, withdrawn by
the worker (members who got it are told), and a draft built on it can no longer be sent."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from redbrolly.alerts import services
from redbrolly.alerts.models import Alert
from redbrolly.alerts.testing import accepted_report, members, published_alert, ready_alert
from redbrolly.notify.models import Delivery
from redbrolly.reports.models import Report

pytestmark = pytest.mark.django_db


def withdraw_consent(report: Report) -> None:
    # What reports.services.report_withdraw leaves behind; the alerts app only reads it.
    Report.objects.filter(pk=report.pk).update(withdrawn_at=timezone.now())


def test_the_alert_disappears_at_once_and_the_worker_withdraws_it(people: Any, member: Any) -> None:
    members(1, prefix="got")
    report = accepted_report()
    drafter, approver = people("moderator", "moderator2")
    alert = published_alert(drafter, approver, report)
    Delivery.objects.update(status="sent")
    withdraw_consent(report)
    client = Client()
    client.force_login(member)
    assert client.get(f"/alerts/{alert.pk}/").status_code == 404
    assert services.alerts_withdraw_without_consent() == 1
    alert.refresh_from_db()
    assert alert.status == Alert.Status.WITHDRAWN
    assert Delivery.objects.filter(idempotency_key__contains=":v2:").exists()
    assert services.alerts_withdraw_without_consent() == 0


def test_lowering_consent_to_record_only_counts_as_withdrawing_it(people: Any) -> None:
    report = accepted_report()
    drafter, approver = people("moderator", "moderator2")
    alert = published_alert(drafter, approver, report)
    Report.objects.filter(pk=report.pk).update(consent_level=Report.Consent.RECORD_ONLY)
    services.alerts_withdraw_without_consent()
    alert.refresh_from_db()
    assert alert.status == Alert.Status.WITHDRAWN


def test_a_draft_whose_reporter_withdrew_cannot_be_approved(people: Any) -> None:
    report = accepted_report()
    alert = ready_alert(people("moderator"), report)
    withdraw_consent(report)
    with pytest.raises(ValidationError, match="withdrew their consent"):
        services.alert_approve(moderator=people("moderator2"), alert=alert)


def test_partner_platforms_lose_the_alert_at_once_too(people: Any) -> None:
    from redbrolly.api.models import Partner
    from redbrolly.api.services import partner_key_issue

    report = accepted_report()
    drafter, approver = people("moderator", "moderator2")
    alert = published_alert(drafter, approver, report)
    _key, secret = partner_key_issue(actor=None, partner=Partner.objects.create(name="Ads Ltd"))
    bearer = {"Authorization": f"Bearer {secret}"}
    client = Client()
    assert client.get(f"/api/v1/alerts/{alert.pk}", headers=bearer).status_code == 200
    withdraw_consent(report)
    assert client.get(f"/api/v1/alerts/{alert.pk}", headers=bearer).status_code == 404
    region = alert.regions.get().code
    for archived in ("false", "true"):
        listed = client.get(f"/api/v1/alerts?region={region}&archived={archived}", headers=bearer)
        assert listed.json()["items"] == []
