"""Members receive the alert in their language when it has a translation, else the original."""

from __future__ import annotations

from typing import Any

import pytest

from redbrolly.alerts import services
from redbrolly.alerts.models import AlertTranslation
from redbrolly.alerts.testing import members, ready_alert
from redbrolly.notify.models import Delivery

pytestmark = pytest.mark.django_db


def test_each_member_gets_their_language_or_the_original(people: Any) -> None:
    drafter, approver = people("moderator", "moderator2")
    (romanian,) = members(1, prefix="ro", language="ro", discreet=False)
    (polish,) = members(1, prefix="pl", language="pl", discreet=False)
    alert = ready_alert(drafter)
    AlertTranslation.objects.create(
        alert=alert, language="ro", title="Jaf în Manchester", summary="Un client a luat banii."
    )
    services.alert_approve(moderator=approver, alert=alert)
    texts = {row.recipient_id: row.body for row in Delivery.objects.filter(channel="sms")}
    assert "Jaf în Manchester" in texts[romanian]
    assert alert.title in texts[polish]
