"""Moderators triage, lock, grade and accept; analysts read; every opening is audited."""

from __future__ import annotations

import pytest

from redbrolly.core.models import AuditEntry
from redbrolly.reports import services
from redbrolly.reports.models import InternalNote, Report, StatusChange
from redbrolly.reports.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def test_the_queue_lists_open_reports_with_their_types(client, payload, people) -> None:
    report = submitted(payload()).report
    client.force_login(people("moderator"))
    page = client.get("/staff/reports/").content.decode()
    assert report.reference in page and "Physical assault" in page


def test_opening_a_report_is_audited(client, payload, people) -> None:
    report = submitted(payload()).report
    moderator = people("moderator")
    client.force_login(moderator)
    page = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert "He said his name was" in page and "+447700900417" in page
    assert AuditEntry.objects.filter(action="reports.report.viewed", actor=moderator).count() == 1


def test_a_moderator_triages_and_accepts_with_a_severity(client, payload, people) -> None:
    report = submitted(payload()).report
    client.force_login(people("moderator"))
    client.post(f"/staff/reports/{report.pk}/do/status/", {"status": "triage", "note": "checking"})
    client.post(f"/staff/reports/{report.pk}/do/accept/", {"severity": "high"})
    report.refresh_from_db()
    assert report.status == "accepted" and report.severity == "high" and report.is_reviewed
    assert list(StatusChange.objects.values_list("to_status", flat=True)) == ["triage", "accepted"]
    assert InternalNote.objects.get().body == "checking"
    assert Report.objects.alertable().get() == report


def test_a_second_moderator_is_stopped_by_the_lock(client, payload, people) -> None:
    report = submitted(payload()).report
    first, second = people("moderator", "moderator2")
    services.report_lock(moderator=first, report=report)
    client.force_login(second)
    page = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert "moderator is working on this report until" in page
    response = client.post(
        f"/staff/reports/{report.pk}/do/accept/", {"severity": "low"}, follow=True
    )
    assert "moderator is working on this report" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "new"


def test_a_lock_expires_after_fifteen_minutes(payload, people, time_machine) -> None:
    time_machine.move_to("2026-03-02 10:00", tick=False)
    report = submitted(payload()).report
    first, second = people("moderator", "moderator2")
    services.report_lock(moderator=first, report=report)
    with pytest.raises(services.ReportLocked):
        services.report_grade(moderator=second, report=report, severity="low")
    time_machine.shift(16 * 60)
    assert services.report_grade(moderator=second, report=report, severity="low").severity == "low"


def test_an_analyst_reads_but_cannot_moderate(client, payload, people) -> None:
    report = submitted(payload()).report
    client.force_login(people("analyst"))
    page = client.get(f"/staff/reports/{report.pk}/")
    assert page.status_code == 200 and b"Accept this report" not in page.content
    assert (
        client.post(f"/staff/reports/{report.pk}/do/accept/", {"severity": "low"}).status_code
        == 403
    )


def test_a_caseworker_cannot_open_the_queue(client, people) -> None:
    client.force_login(people("caseworker"))
    assert client.get("/staff/reports/").status_code == 403


def test_accepting_a_report_with_alert_consent_offers_to_draft_an_alert(
    client, payload, people, monkeypatch
) -> None:
    from redbrolly.reports.views import moderation

    report = submitted(payload()).report
    moderator = people("moderator")
    services.report_accept(moderator=moderator, report=report, severity="medium")
    monkeypatch.setattr(moderation, "reverse", lambda name: "/staff/alerts/new/")
    client.force_login(moderator)
    page = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert f"/staff/alerts/new/?report={report.pk}" in page


def test_record_only_reports_offer_no_alert(payload, people) -> None:
    from redbrolly.reports.views.moderation import alert_draft_url

    report = submitted(payload(consent={"level": "record_only"})).report
    services.report_accept(moderator=people("moderator"), report=report, severity="low")
    assert alert_draft_url(report) is None


def test_a_staff_message_asking_for_information_sets_needs_info_and_notifies_a_member(
    payload, people
) -> None:
    from redbrolly.notify.models import Delivery

    member = people("member")
    report = submitted(payload(), reporter=member, source="member").report
    services.message_from_staff(
        author=people("moderator"), report=report, body="When exactly?", request_info=True
    )
    report.refresh_from_db()
    assert report.status == "needs_info"
    delivery = Delivery.objects.get(channel="email")
    assert delivery.subject == "You have a new update" and "When" not in delivery.body


def test_bad_moderation_input_gets_a_message_not_an_error(client, payload, people) -> None:
    report = submitted(payload()).report
    client.force_login(people("moderator"))
    assert (
        client.post(f"/staff/reports/{report.pk}/do/status/", {"status": "banana"}).status_code
        == 400
    )
    assert client.post(f"/staff/reports/{report.pk}/do/note/", {"body": ""}).status_code == 400
    assert client.post(f"/staff/reports/{report.pk}/do/nothing/").status_code == 404
