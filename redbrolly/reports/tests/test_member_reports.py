"""Members see their own reports (and only theirs), and can download them with their data."""

from __future__ import annotations

import pytest

from redbrolly.lib.exports import collect_member_data
from redbrolly.reports import services
from redbrolly.reports.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def test_a_member_lists_their_reports_with_unread_messages(client, payload, people) -> None:
    member = people("member")
    mine = submitted(payload(), reporter=member, source="member").report
    services.message_from_staff(author=people("moderator"), report=mine, body="Thanks")
    theirs = submitted(payload(), reporter=people("member2"), source="member").report
    client.force_login(member)
    page = client.get("/me/reports/").content.decode()
    assert mine.reference in page and theirs.reference not in page
    assert "<td>1</td>" in page


def test_a_member_cannot_open_someone_elses_report(client, payload, people) -> None:
    theirs = submitted(payload(), reporter=people("member2"), source="member").report
    client.force_login(people("member"))
    assert client.get(f"/me/reports/{theirs.reference}/").status_code == 404
    assert client.post(f"/me/reports/{theirs.reference}/do/withdraw/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.withdrawn_at is None


def test_a_member_replies_on_their_report(client, payload, people) -> None:
    member = people("member")
    report = submitted(payload(), reporter=member, source="member").report
    client.force_login(member)
    response = client.post(f"/me/reports/{report.reference}/do/message/", {"body": "He is back"})
    assert response.url == f"/me/reports/{report.reference}/"
    assert report.messages.get().author == member


def test_an_empty_reply_is_refused_with_a_message(client, payload, people) -> None:
    member = people("member")
    report = submitted(payload(), reporter=member, source="member").report
    client.force_login(member)
    response = client.post(f"/me/reports/{report.reference}/do/message/", {"body": ""})
    assert response.status_code == 400 and b"errorlist" in response.content


def test_a_members_reports_are_in_their_data_download(payload, people) -> None:
    member = people("member")
    report = submitted(payload(), reporter=member, source="member").report
    exported = collect_member_data(member)["reports"]
    assert exported[0]["reference"] == report.reference
    assert exported[0]["perpetrators"][0]["identifiers"]
