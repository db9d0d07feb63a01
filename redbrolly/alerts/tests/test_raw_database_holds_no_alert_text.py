"""A database dump alone reveals no alert text, flag reason, delivery address or push endpoint:
drafts start from reporters' words, so alert text is sealed like a narrative."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from redbrolly.alerts import selectors, services
from redbrolly.alerts.testing import accepted_report, published_alert, quoting
from redbrolly.notify.services import push_subscription_save
from tests.test_raw_database_bytes import database_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def test_alert_text_and_deliveries_are_absent_from_the_raw_database(
    people: Any, planted: Any, tmp_path: Path, settings: Any
) -> None:
    settings.REDBROLLY_PUSH_HOSTS = ["fcm.googleapis.com"]
    drafter, approver = people("moderator", "moderator2")
    narrative = planted(
        "Quillon Featherstonehaugh booked me at the Zanzibar Sauna on 14 Quayle Street"
    )
    draft = services.alert_draft_from_reports(
        moderator=drafter, reports=[accepted_report(narrative=narrative)]
    )
    draft = quoting(drafter, draft, narrative)
    item = selectors.unresolved(selectors.flags_in(draft))[0]
    reason = planted("Kept because Xanthippe Marchbanks agreed")
    services.alert_flag_keep(
        moderator=drafter, alert=draft, name=item.field, fingerprint=item.fingerprint, reason=reason
    )
    published_alert(drafter, approver)
    endpoint = planted("https://fcm.googleapis.com/fcm/send/planted-endpoint-7731")
    push_subscription_save(user=people("member"), endpoint=endpoint, p256dh="k" * 60, auth="a" * 16)
    raw = database_bytes(tmp_path)
    for secret in (narrative, reason, endpoint, "member@example.com", "shaved head"):
        assert secret.encode() not in raw, secret
