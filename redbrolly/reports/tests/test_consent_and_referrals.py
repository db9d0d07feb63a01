"""Consent levels are honoured everywhere; support requests become casework referrals."""

from __future__ import annotations

import pytest

from redbrolly.reports import services
from redbrolly.reports.models import ConsentChange, Report
from redbrolly.reports.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def test_consent_levels_are_ordered(payload) -> None:
    report = submitted(payload(consent={"level": "police_anonymous"})).report
    assert report.consent_allows("alert") and report.consent_allows("police_anonymous")
    assert not report.consent_allows("police_full")


def test_lowering_consent_takes_a_report_out_of_alerts_at_once(payload, people) -> None:
    report = submitted(payload()).report
    services.report_accept(moderator=people("moderator"), report=report, severity="high")
    assert Report.objects.alertable().count() == 1
    services.report_change_consent(actor=None, report=report, level="record_only")
    assert Report.objects.alertable().count() == 0
    change = ConsentChange.objects.get()
    assert (change.from_level, change.to_level) == ("alert", "record_only")


def test_a_withdrawn_report_drops_out_of_everything(payload, people) -> None:
    report = submitted(payload()).report
    services.report_accept(moderator=people("moderator"), report=report, severity="high")
    services.report_withdraw(actor=None, report=report)
    assert not Report.objects.live().exists() and not Report.objects.alertable().exists()
    assert (
        services.report_change_consent(actor=None, report=report, level="police_full").consent_level
        == "alert"
    )


def test_a_member_changes_consent_from_their_reports_page(client, payload, people) -> None:
    member = people("member")
    report = submitted(payload(), reporter=member, source="member").report
    client.force_login(member)
    client.post(f"/me/reports/{report.reference}/do/consent/", {"consent_level": "police_full"})
    report.refresh_from_db()
    assert report.consent_level == "police_full"


def test_asking_for_support_creates_a_casework_referral(
    payload, django_capture_on_commit_callbacks, planted
) -> None:
    consent = {
        "level": "record_only",
        "wants_support": True,
        "contact_method": planted("text 07700 900555 only"),
        "safe_times": "mornings",
    }
    with django_capture_on_commit_callbacks(execute=True):
        report = submitted(payload(consent=consent)).report
    report.refresh_from_db()
    assert report.support_contact == "text 07700 900555 only"
    casework = pytest.importorskip("redbrolly.casework.models")
    assert casework.Referral.objects.filter(report=report).exists()
    assert report.referred_on is not None


def test_a_failed_referral_is_retried_by_the_job(payload, monkeypatch) -> None:
    report = submitted(
        payload(consent={"level": "alert", "wants_support": True, "contact_method": "email"})
    ).report
    assert report.referred_on is None  # on_commit never ran inside the test transaction
    assert services.referrals_retry() == 1
    report.refresh_from_db()
    pytest.importorskip("redbrolly.casework.services")
    assert report.referred_on is not None
