"""Closed cases past the retention period are anonymised (or deleted) by a scheduled job."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from redbrolly.casework.models import Case, OutcomeOption, TimeEntry
from redbrolly.casework.services import case_close, note_add, retention_apply, time_log
from redbrolly.lib import jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_case(people, team, make_case):
    worker = people("caseworker")
    with time_machine.travel(timezone.now() - timedelta(days=365 * 7)):
        case = make_case(worker)
        note_add(actor=worker, case=case, kind="contact", body="Spoke")
        time_log(actor=worker, case=case, activity_type="contact", minutes=30)
        case_close(
            actor=worker, case=case, reason="complete", outcomes=OutcomeOption.objects.all()[:1]
        )
    return case


def test_old_closed_cases_are_anonymised_keeping_what_the_statistics_need(old_case, make_case):
    recent = make_case(old_case.worker)
    assert retention_apply() == 1
    old_case.refresh_from_db()
    assert old_case.anonymised_at is not None
    assert old_case.working_name == "" and old_case.contact_details == ""
    assert not old_case.notes.exists()
    assert old_case.outcomes.count() == 1 and TimeEntry.objects.filter(case=old_case).exists()
    recent.refresh_from_db()
    assert recent.contact_details
    assert retention_apply() == 0


def test_the_delete_policy_removes_the_case(settings, old_case) -> None:
    settings.REDBROLLY_CASE_RETENTION_POLICY = "delete"
    assert retention_apply() == 1
    assert not Case.objects.filter(pk=old_case.pk).exists()


def test_the_retention_period_is_configurable(settings, old_case) -> None:
    settings.REDBROLLY_CASE_RETENTION_YEARS = 10
    assert retention_apply() == 0


def test_retention_is_a_registered_worker_job() -> None:
    assert jobs.REGISTRY["casework.retention"].run is retention_apply
