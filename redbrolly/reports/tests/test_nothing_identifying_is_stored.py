"""A database thief learns no narrative or identifier, and nothing about anonymous reporters.

The planted values are also registered with `planted`, so the run fails if any log line
ever carried them (conftest.py at the project root).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection, models
from django.test import Client

from redbrolly.reports.models import Report
from redbrolly.reports.tests.conftest import EMAIL, NARRATIVE, NARRATIVE_PHONE, PHONE, PHONE_E164
from redbrolly.reports.tests.helpers import found
from tests.test_raw_database_bytes import database_bytes

FAKE_IP = "203.0.113.77"
FAKE_AGENT = "PlantedBrowser/9.9 (Nokia 3310; Reporter-Fingerprint-4471)"
MESSAGE = "Planted follow-up: he came back on Friday"

pytestmark = pytest.mark.django_db(transaction=True)


def web_report(client: Client) -> str:
    page = client.get("/report/").content.decode()
    stamp = found(r'name="started" value="([^"]+)"', page)
    what = {
        "incident_types": ["robbery"],
        "occurred_on": "2026-02-03",
        "region": "greater-manchester",
        "setting": "street",
        "started": stamp,
        "action": "next",
    }
    client.post("/report/what/", what)
    client.post("/report/story/", {"narrative": f"{NARRATIVE} {NARRATIVE_PHONE}", "action": "next"})
    client.post("/report/people/", {"phones": PHONE, "emails": EMAIL, "action": "next"})
    client.post("/report/choices/", {"consent_level": "alert", "action": "next"})
    page = client.post("/report/review/", {"action": "send"}).content.decode()
    return found(r'name="receipt" value="(\d{16})"', page)


def every_text_value() -> str:
    """Every row of every table, as text (the columns a query would read)."""
    values: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            values.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(values)


def test_an_anonymous_report_stores_no_address_agent_or_plain_text(
    planted: Any, tmp_path: Any
) -> None:
    for value in (NARRATIVE, PHONE, PHONE_E164, EMAIL, NARRATIVE_PHONE, MESSAGE):
        planted(value)
    client = Client(REMOTE_ADDR=FAKE_IP, HTTP_USER_AGENT=FAKE_AGENT)
    receipt = web_report(client)
    client.post("/report/follow-up/", {"receipt": receipt})
    client.post("/report/follow-up/do/message/", {"body": MESSAGE})
    api = Client(REMOTE_ADDR=FAKE_IP, HTTP_USER_AGENT=FAKE_AGENT)
    body = {
        "incident_types": ["threats"],
        "occurred_on": "2026-02-04",
        "region": "metropolitan",
        "narrative": NARRATIVE,
        "perpetrators": [{"phones": [PHONE], "emails": [EMAIL]}],
        "consent": {"level": "record_only"},
    }
    assert api.post("/api/v1/reports", body, content_type="application/json").status_code == 201
    assert Report.objects.count() == 2

    rows = every_text_value()
    for secret in (FAKE_IP, FAKE_AGENT, "Reporter-Fingerprint", receipt):
        assert secret not in rows
    raw = database_bytes(tmp_path)
    for secret in (
        FAKE_IP,
        FAKE_AGENT,
        NARRATIVE,
        PHONE,
        PHONE_E164,
        PHONE_E164[1:],
        EMAIL,
        NARRATIVE_PHONE,
        MESSAGE,
        receipt,
    ):
        assert secret.encode() not in raw, secret[:6]
    assert b"greater-manchester" in raw  # the dump is real: plain columns are there


def test_no_precise_time_is_kept_for_an_anonymous_report(planted: Any) -> None:
    from redbrolly.core.models import AuditEntry

    planted(NARRATIVE)
    web_report(Client())
    report = Report.objects.get()
    moments = [f.name for f in Report._meta.fields if isinstance(f, models.DateTimeField)]
    assert all(getattr(report, name) is None for name in moments)
    assert type(report.submitted_on) is datetime.date
    assert not AuditEntry.objects.filter(object_type="reports.report").exists()
