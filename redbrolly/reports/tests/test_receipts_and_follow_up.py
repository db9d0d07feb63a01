"""Receipt holders come back, read staff messages, reply and change their consent."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from redbrolly.reports import services
from redbrolly.reports.models import Report
from redbrolly.reports.receipts import receipt_display
from redbrolly.reports.tests.helpers import anonymous

pytestmark = pytest.mark.django_db


def test_only_a_slow_hash_of_the_receipt_is_stored(payload) -> None:
    result = anonymous(payload())
    assert result.receipt is not None and len(result.receipt) == 16
    row = Report.objects.values().get()
    assert result.receipt not in str(row)
    assert row["receipt_hash"].startswith(("argon2", "md5"))


def test_a_receipt_opens_its_report_with_spaces_typed(client, payload) -> None:
    result = anonymous(payload())
    response = client.post("/report/follow-up/", {"receipt": receipt_display(result.receipt)})
    assert response.url == "/report/follow-up/report/"
    page = client.get(response.url).content.decode()
    assert result.report.reference in page and "New" in page


def without_typed_value(page: bytes) -> bytes:
    return re.sub(rb'value="[^"]*"', b"", page)  # typed code and CSRF token


def test_a_wrong_receipt_gets_the_same_answer_whether_or_not_a_report_exists(
    client, payload
) -> None:
    result = anonymous(payload())
    nothing = client.post("/report/follow-up/", {"receipt": "1234567812345678"})
    # Same first digits as the real receipt: the row is found, the slow hash fails.
    almost = client.post("/report/follow-up/", {"receipt": result.receipt[:6] + "0000000000"})
    assert nothing.status_code == almost.status_code == 400
    assert b"couldn&#x27;t open a report" in nothing.content
    assert without_typed_value(nothing.content) == without_typed_value(almost.content)


def test_the_receipt_is_never_in_a_url_or_the_session(client, payload) -> None:
    result = anonymous(payload())
    response = client.post("/report/follow-up/", {"receipt": result.receipt})
    assert result.receipt not in response.url
    assert result.receipt not in str(dict(client.session))


def test_receipt_attempts_are_rate_limited_per_address(client, settings) -> None:
    settings.REDBROLLY_INTAKE_LIMITS = {"receipt_address": [3, 900]}
    codes = [
        client.post("/report/follow-up/", {"receipt": "0000111122223333"}).status_code
        for _ in range(4)
    ]
    assert codes == [400, 400, 400, 429]


def test_receipt_attempts_are_rate_limited_for_everyone(client, settings) -> None:
    settings.REDBROLLY_INTAKE_LIMITS = {"receipt_global": [2, 900]}
    statuses = [
        client.post(
            "/report/follow-up/", {"receipt": "0000111122223333"}, REMOTE_ADDR=f"198.51.100.{n}"
        ).status_code
        for n in range(3)
    ]
    assert statuses == [400, 400, 429]


def test_a_receipt_holder_reads_a_staff_message_and_replies(
    client, payload, people, planted
) -> None:
    result = anonymous(payload())
    moderator = people("moderator")
    services.message_from_staff(
        author=moderator,
        report=result.report,
        body=planted("Was it the grey Focus again?"),
        request_info=True,
    )
    client.post("/report/follow-up/", {"receipt": result.receipt})
    assert (
        "Was it the grey Focus again?" in client.get("/report/follow-up/report/").content.decode()
    )
    client.post("/report/follow-up/do/message/", {"body": planted("Yes, same car, Tuesday")})
    report = Report.objects.get()
    assert [m.body for m in report.messages.all()][-1] == "Yes, same car, Tuesday"
    assert report.status == Report.Status.TRIAGE  # answered: back to the moderators


def test_a_receipt_holder_changes_then_withdraws_consent(client, payload) -> None:
    result = anonymous(payload())
    client.post("/report/follow-up/", {"receipt": result.receipt})
    client.post("/report/follow-up/do/consent/", {"consent_level": "police_anonymous"})
    report = Report.objects.get()
    assert report.consent_level == "police_anonymous" and report.consent_changed_on is not None
    client.post("/report/follow-up/do/withdraw/")
    assert not Report.objects.live().exists()


def test_closing_the_report_forgets_it_on_this_device(client, payload) -> None:
    result = anonymous(payload())
    client.post("/report/follow-up/", {"receipt": result.receipt})
    client.post("/report/follow-up/close/")
    assert client.get("/report/follow-up/report/").url == "/report/follow-up/"


def test_the_receipt_note_is_a_neutral_text_download(client) -> None:
    response = client.post("/report/receipt-note/", {"receipt": "1111222233334444"})
    assert response["Content-Disposition"] == 'attachment; filename="notes.txt"'
    assert response.content.decode() == "Notes\n\n1111 2222 3333 4444\n"
    assert client.post("/report/receipt-note/", {"receipt": "nope"}).status_code == 400


def test_finding_a_receipt_is_one_indexed_query(payload, django_assert_num_queries) -> None:
    from redbrolly.reports.selectors import report_for_receipt

    result = anonymous(payload())
    with django_assert_num_queries(1):
        assert report_for_receipt(result.receipt) == result.report
    assert connection.vendor in {"sqlite", "postgresql"}
