"""'Report it' from a checker answer starts the report with the checked identifier."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_checked_number_is_waiting_in_the_first_person(client, member, planted) -> None:
    planted("+447700900477")
    client.force_login(member)
    response = client.post("/check/report-it/", {"identifier": "07700 900477"})
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code in {200, 302}
    people_step = client.get("/report/people/").content.decode()
    assert "+447700900477" in people_step
    assert "reports.prefill_identifier" not in client.session


def test_a_checked_email_goes_in_the_email_field(client, member) -> None:
    client.force_login(member)
    client.post("/check/report-it/", {"identifier": "Bad.Guy@Example.com"})
    client.get("/report/")
    page = client.get("/report/people/").content.decode()
    assert "bad.guy@example.com" in page
