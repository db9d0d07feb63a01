"""A researcher sets a study up: settings, a consent form, then recruitment."""

from __future__ import annotations

import pytest

from redbrolly.core.models import AuditEntry
from redbrolly.research.models import ConsentForm, Study

pytestmark = pytest.mark.django_db

SETTINGS = {
    "title": "Pilot cohort",
    "slug": "pilot",
    "ethics_reference": "REC 26/LO/0007",
    "status": "draft",
    "follow_up_days": "182",
    "window_before_days": "14",
    "window_after_days": "60",
    "target_member": "100",
    "target_non_member": "120",
    "incentive_description": "£10 voucher",
    "incentive_pence": "1000",
    "baseline": "demographics, phq9, gad7",
    "followup": "phq9 gad7",
    "reminders": "3, 7, 14",
    "costs": "svc_casework=450, svc_report_made=60",
}


def test_a_researcher_creates_a_study_publishes_consent_and_recruits(client, people) -> None:
    client.force_login(people("researcher"))
    response = client.post("/staff/research/new/", SETTINGS)
    assert response["Location"] == "/staff/research/pilot/consent/"
    study = Study.objects.get()
    assert study.baseline_instruments == ["demographics", "phq9", "gad7"]
    assert study.reminder_days == [3, 7, 14]
    assert study.unit_costs == {"svc_casework": 450.0, "svc_report_made": 60.0}
    recruiting = {**SETTINGS, "status": "recruiting"}
    refused = client.post("/staff/research/pilot/settings/", recruiting)
    assert b"Publish a consent form before recruiting" in refused.content
    client.post(
        "/staff/research/pilot/consent/",
        {"information_sheet": "About.", "consent_text": "Agree.", "statements": "One\n\nTwo\n"},
    )
    assert ConsentForm.objects.get().statements == ["One", "Two"]
    client.post("/staff/research/pilot/settings/", recruiting)
    study.refresh_from_db()
    assert study.status == "recruiting" and study.recruiting_since is not None
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"research.study.created", "research.consent_form.published"} <= actions


def test_bad_settings_are_named_and_kept(client, people) -> None:
    client.force_login(people("researcher"))
    bad = {**SETTINGS, "baseline": "phq9, phq10", "reminders": "3, soon", "costs": "casework"}
    response = client.post("/staff/research/new/", bad)
    page = response.content.decode()
    assert "Unknown instrument: phq10" in page
    assert "Give whole numbers of days" in page
    assert "Write each cost as name=amount" in page
    assert 'value="Pilot cohort"' in page
    assert not Study.objects.exists()


def test_a_new_study_cannot_recruit_before_it_has_a_consent_form(client, people) -> None:
    client.force_login(people("researcher"))
    response = client.post("/staff/research/new/", {**SETTINGS, "status": "recruiting"})
    assert b"Publish a consent form before recruiting" in response.content
    assert not Study.objects.exists()
