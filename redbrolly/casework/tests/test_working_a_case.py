"""What a caseworker records on a case, through the pages they use."""

from __future__ import annotations

import pytest

from redbrolly.casework.models import Case, OutcomeOption, RiskItem, RiskLevel, Service, TimeEntry
from redbrolly.casework.services import risk_assess
from redbrolly.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def worked(client, people, team, make_case):
    worker = people("caseworker")
    client.force_login(worker)
    return make_case(worker)


def url(case: Case, page: str = "") -> str:
    return f"/casework/cases/{case.pk}/{page}"


def test_the_default_checklist_scores_and_levels_an_assessment(worked) -> None:
    items = list(RiskItem.objects.filter(active=True))
    assert len(items) >= 8
    assert list(RiskLevel.objects.values_list("label", flat=True)) == ["Standard", "Medium", "High"]
    worker = worked.worker
    high = risk_assess(actor=worker, case=worked, present=items)
    assert high.score == sum(item.weight for item in items) and high.level == "High"
    assert risk_assess(actor=worker, case=worked, present=[]).level == "Standard"


def test_repeated_risk_assessments_show_the_change_over_time(client, worked) -> None:
    items = list(RiskItem.objects.all())
    client.post(url(worked, "risk/"), {"present": [item.pk for item in items[:8]]})
    client.post(url(worked, "risk/"), {"present": [item.pk for item in items[:2]]})
    assert worked.risk_assessments.count() == 2
    page = client.get(url(worked)).content.decode()
    assert "down " in page
    assert AuditEntry.objects.filter(action="casework.risk.assessed").count() == 2


def test_a_contact_note_with_minutes_logs_time_and_counts_as_first_contact(client, worked):
    response = client.post(
        url(worked, "notes/new/"), {"kind": "contact", "body": "Spoke by text.", "minutes": "20"}
    )
    assert response.status_code == 302
    worked.refresh_from_db()
    assert worked.first_contact_at is not None and worked.last_contact_at is not None
    entry = TimeEntry.objects.get()
    assert (entry.activity_type, entry.minutes) == ("contact", 20)
    assert entry.note is not None and entry.note.body == "Spoke by text."


def test_an_attempted_contact_is_not_a_contact(client, worked) -> None:
    client.post(url(worked, "notes/new/"), {"kind": "attempt", "body": "No answer."})
    worked.refresh_from_db()
    assert worked.first_contact_at is None


def test_an_empty_note_is_refused_with_a_message(client, worked) -> None:
    response = client.post(url(worked, "notes/new/"), {"kind": "contact", "body": ""})
    assert response.status_code == 200
    assert b"This field is required" in response.content


def test_an_action_has_an_owner_and_a_due_date_and_its_time_is_logged_when_done(client, worked):
    client.post(
        url(worked, "actions/new/"),
        {"title": "Chase the GP", "owner": worked.worker.pk, "due_on": "2026-12-01"},
    )
    action = worked.actions.get()
    assert action.owner == worked.worker and str(action.due_on) == "2026-12-01"
    client.post(
        url(worked, f"actions/{action.pk}/done/"), {"minutes": "15", "activity_type": "advocacy"}
    )
    action.refresh_from_db()
    assert action.done_at is not None
    assert action.time_entries.get().minutes == 15


def test_an_action_cannot_be_given_to_someone_outside_the_team(client, people, worked):
    response = client.post(
        url(worked, "actions/new/"), {"title": "Chase", "owner": people("moderator").pk}
    )
    assert response.status_code == 200
    assert not worked.actions.exists()


def test_a_referral_on_needs_consent_and_records_it(client, worked) -> None:
    service = Service.objects.create(name="Ashgrove SARC", kind="sarc")
    refused = client.post(url(worked, "referrals/new/"), {"service": service.pk})
    assert b"only when they have agreed" in refused.content
    client.post(
        url(worked, "referrals/new/"),
        {"service": service.pk, "consent_given": "on", "minutes": "30"},
    )
    referral = worked.onward_referrals.get()
    assert referral.status == "made" and referral.consent_given
    assert worked.consents.filter(kind="share", given=True).exists()
    client.post(url(worked, f"referrals/{referral.pk}/"), {"status": "accepted"})
    referral.refresh_from_db()
    assert referral.status == "accepted"
    assert TimeEntry.objects.get().activity_type == "referral"


def test_time_is_logged_by_activity(client, worked) -> None:
    client.post(
        url(worked, "time/new/"), {"activity_type": "travel", "minutes": "45", "on": "2026-11-20"}
    )
    client.post(
        url(worked, "time/new/"), {"activity_type": "travel", "minutes": "0", "on": "2026-11-20"}
    )
    assert list(TimeEntry.objects.values_list("activity_type", "minutes")) == [("travel", 45)]


def test_person_needs_plan_consent_and_police_steps_are_recorded(client, worked) -> None:
    client.post(
        url(worked, "person/"),
        {
            "working_name": "Roxy",
            "contact_route": "email",
            "contact_details": "roxy@example.com",
            "language": "es",
            "urgency": "1",
        },
    )
    client.post(url(worked, "needs/"), {"needs": ["housing", "legal"], "police_involved": "on"})
    client.post(url(worked, "safety-plan/"), {"safety_plan": "Text a friend on arrival."})
    client.post(url(worked, "consent/"), {"kind": "share", "given": "no", "scope": "Not the GP"})
    client.post(url(worked, "police-and-court/new/"), {"kind": "statement", "on": "2026-11-21"})
    worked.refresh_from_db()
    assert worked.working_name == "Roxy" and worked.contact_details == "roxy@example.com"
    assert worked.needs == ["housing", "legal"] and worked.police_involved
    assert worked.safety_plan == "Text a friend on arrival."
    assert worked.consents.filter(kind="share", given=False).exists()
    assert worked.justice_steps.get().kind == "statement"


def test_closing_records_outcomes_and_reopening_brings_it_back(client, worked) -> None:
    outcomes = list(OutcomeOption.objects.all()[:2])
    response = client.post(
        url(worked, "close/"),
        {"reason": "complete", "outcomes": [o.pk for o in outcomes], "note": "Doing well."},
    )
    assert response.status_code == 302
    worked.refresh_from_db()
    assert worked.is_closed and worked.closure_reason == "complete"
    assert set(worked.outcomes.all()) == set(outcomes)
    assert (
        client.post(url(worked, "notes/new/"), {"kind": "contact", "body": "x"}).status_code == 302
    )
    assert not worked.notes.exists()
    client.post(url(worked, "reopen/"), {"reason": "She got back in touch"})
    worked.refresh_from_db()
    assert worked.status == Case.Status.OPEN and worked.reopened_count == 1
    assert AuditEntry.objects.filter(action="casework.case.reopened").get().purpose


def test_a_report_is_linked_by_its_reference(client, worked) -> None:
    response = client.post(url(worked, "reports/link/"), {"reference": "R-XXXX-XXXX"})
    assert b"No report has this reference" in response.content
