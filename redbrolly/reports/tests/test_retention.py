"""After the retention period, contact details, conversations and evidence go; statistics stay."""

from __future__ import annotations

import datetime

import pytest

from redbrolly.reports import services
from redbrolly.reports.models import Attachment, Draft, Message, Report
from redbrolly.reports.tests.helpers import submitted

pytestmark = pytest.mark.django_db


def old_report(payload) -> Report:
    consent = {
        "level": "alert",
        "wants_support": True,
        "contact_method": "email me",
        "safe_times": "any",
    }
    report = submitted(payload(consent=consent)).report
    Attachment.objects.create(
        report=report,
        kind="pdf",
        content_type="application/pdf",
        extension="pdf",
        size=5,
        content=b"%PDF-",
    )
    services.message_from_reporter(report=report, body="more details")
    Report.objects.filter(pk=report.pk).update(submitted_on=datetime.date(2020, 1, 1))
    return report


def test_old_contact_details_and_evidence_are_deleted_but_statistics_kept(payload) -> None:
    report = old_report(payload)
    recent = submitted(payload()).report
    assert services.retention_apply(today=datetime.date(2026, 6, 1)) == 2
    report.refresh_from_db()
    assert report.support_contact == "" and report.support_times == "" and report.receipt_hash == ""
    assert not Attachment.objects.exists() and not Message.objects.exists()
    assert report.region.code == "greater-manchester" and report.incident_types.count() == 2
    assert report.contact_erased_on == datetime.date(2026, 6, 1)
    recent.refresh_from_db()
    assert recent.receipt_hash != ""


def test_running_retention_twice_changes_nothing_more(payload) -> None:
    old_report(payload)
    services.retention_apply(today=datetime.date(2026, 6, 1))
    assert services.retention_apply(today=datetime.date(2026, 6, 1)) == 0


def test_the_organisation_sets_its_own_periods(payload) -> None:
    old_report(payload)
    policy = services.retention_policy()
    policy.contact_days = policy.evidence_days = 365 * 10
    policy.save()
    assert services.retention_apply(today=datetime.date(2026, 6, 1)) == 0


def test_unfinished_drafts_expire(time_machine) -> None:
    time_machine.move_to("2026-03-01 10:00", tick=False)
    services.draft_create()
    time_machine.shift(datetime.timedelta(hours=services.retention_policy().draft_hours + 1))
    assert services.drafts_expire() == 1 and not Draft.objects.exists()


def test_the_jobs_are_registered_for_the_worker() -> None:
    from redbrolly.lib.jobs import REGISTRY

    assert {"reports.drafts_expire", "reports.retention", "reports.referrals"} <= set(REGISTRY)
