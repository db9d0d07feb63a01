"""'Get quick access to a caseworker': a short public request that becomes a case."""

from __future__ import annotations

import pytest

from redbrolly.casework.models import Case
from redbrolly.core.models import AuditEntry
from redbrolly.lib import ratelimit

pytestmark = pytest.mark.django_db

PHONE = "07700 900 321"


def form(**changes: str) -> dict[str, str]:
    data = {
        "working_name": "Luna",
        "contact_route": "text",
        "contact_details": PHONE,
        "safe_times": "weekdays after six",
        "language": "ro",
        "interpreter_needed": "on",
        "urgency": "1",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return data


@pytest.fixture(autouse=True)
def empty_rate_limits():
    ratelimit.reset_all()


def test_a_callback_request_opens_an_unallocated_case_and_says_when_to_expect_contact(
    client, planted
) -> None:
    planted("+447700900321")
    response = client.post("/get-support/", form(), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert b"within 1 working day" in thanks.content
    case = Case.objects.get()
    assert case.status == Case.Status.UNALLOCATED and case.worker is None
    assert case.source == Case.Source.CALLBACK
    assert case.urgency == Case.Urgency.URGENT
    assert case.contact_details == "+447700900321"
    assert case.working_name == "Luna" and case.language == "ro" and case.interpreter_needed
    assert case.first_contact_due_at is not None
    assert case.consents.get().kind == "store"
    entry = AuditEntry.objects.about(case).get(action="casework.case.opened")
    assert entry.actor is None
    assert "203.0.113.9" not in str(entry.details)


def test_a_bad_phone_number_is_explained_and_what_was_typed_is_kept(client) -> None:
    response = client.post("/get-support/", form(contact_details="call me"))
    assert response.status_code == 200
    assert b"does not look like a phone number" in response.content
    assert b'value="weekdays after six"' in response.content
    assert not Case.objects.exists()


def test_an_email_route_needs_an_email_address(client) -> None:
    response = client.post("/get-support/", form(contact_route="email"))
    assert b"does not look like an email address" in response.content
    client.post("/get-support/", form(contact_route="email", contact_details="Luna@Example.org"))
    assert Case.objects.get().contact_details == "Luna@Example.org"


def test_without_consent_nothing_is_kept(client) -> None:
    data = form()
    del data["consent"]
    response = client.post("/get-support/", data)
    assert b"We need your agreement" in response.content
    assert not Case.objects.exists()


def test_the_honeypot_quietly_drops_bots(client) -> None:
    response = client.post("/get-support/", form(website="http://spam.example"))
    assert response.status_code == 302
    assert not Case.objects.exists()


def test_requests_are_rate_limited_by_client_address(client) -> None:
    for _ in range(5):
        assert client.post("/get-support/", form(), REMOTE_ADDR="198.51.100.7").status_code == 302
    refused = client.post("/get-support/", form(), REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert b"Too many requests" in refused.content
    assert b'value="weekdays after six"' in refused.content
    assert client.post("/get-support/", form(), REMOTE_ADDR="198.51.100.8").status_code == 302
    assert Case.objects.count() == 6


def test_the_page_needs_no_account(client) -> None:
    response = client.get("/get-support/")
    assert response.status_code == 200
    assert b"Get quick access to a caseworker" in response.content
