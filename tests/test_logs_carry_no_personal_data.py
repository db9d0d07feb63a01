"""Logs carry no personal data, even at DEBUG (SECURITY.md, "Logging").

This test drives the flows that handle contact details with every logger at DEBUG and
scans what was logged; conftest.py also scans every record of the whole run at the end.
"""

from __future__ import annotations

import logging

import pytest

from redbrolly.core.models import Region
from redbrolly.lib.testing import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_signing_up_and_changing_details_logs_none_of_the_values(client, caplog, planted) -> None:
    email, mobile = planted("secret.person.4431@example.org"), planted("07700 900 431")
    caplog.set_level(logging.DEBUG)
    region = Region.objects.get(code="kent").pk
    client.post(
        "/accounts/signup/",
        {
            "username": "quietname",
            "password1": "a long safe passphrase",
            "password2": "a long safe passphrase",
            "membership_type": "individual",
            "contact_email": email,
            "mobile": mobile,
            "regions": [region],
            "language": "en",
        },
    )
    client.post("/accounts/reauthenticate/", {"password": "a long safe passphrase"})
    client.post("/me/contact/", {"contact_email": "not-an-email", "mobile": "bad " + mobile})
    client.post(
        "/accounts/login/", {"login": "quietname", "password": planted("wrong-" + TEST_PASSWORD)}
    )
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for value in (email, mobile, "+447700900431", "wrong-" + TEST_PASSWORD):
        assert value not in logged
