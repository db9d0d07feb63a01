from __future__ import annotations

import pytest
from django.core import mail

from redbrolly.accounts.models import MemberProfile
from redbrolly.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_moderator_approves_and_the_applicant_gets_a_neutral_email(
    client, people, django_capture_on_commit_callbacks, settings
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    applicant, moderator = people("applicant", "moderator")
    client.force_login(moderator)
    url = f"/staff/applications/{applicant.member_profile.pk}/"
    assert client.get("/staff/applications/").content.count(b"applicant") >= 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "approve", "reason": ""})
    assert response.status_code == 302
    applicant.member_profile.refresh_from_db()
    assert applicant.member_profile.status == MemberProfile.Status.APPROVED
    assert AuditEntry.objects.filter(action="accounts.membership.approve").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "An update on your account"
    assert "member" not in mail.outbox[0].body.lower()


def test_refusing_needs_a_reason(client, people) -> None:
    applicant, moderator = people("applicant", "moderator")
    client.force_login(moderator)
    response = client.post(
        f"/staff/applications/{applicant.member_profile.pk}/", {"decision": "refuse", "reason": ""}
    )
    assert response.status_code == 200
    assert b"Say why" in response.content
    applicant.member_profile.refresh_from_db()
    assert applicant.member_profile.status == MemberProfile.Status.PENDING


def test_an_analyst_cannot_review_applications(client, people) -> None:
    applicant, analyst = people("applicant", "analyst")
    client.force_login(analyst)
    assert client.get(f"/staff/applications/{applicant.member_profile.pk}/").status_code == 403


def test_an_applicant_answers_a_request_for_more_information(client, people) -> None:
    applicant, moderator = people("applicant", "moderator")
    client.force_login(moderator)
    client.post(
        f"/staff/applications/{applicant.member_profile.pk}/",
        {"decision": "more_info", "reason": "Which project knows you?"},
    )
    client.force_login(applicant)
    page = client.get("/me/").content.decode()
    assert "Which project knows you?" in page
    assert client.post("/me/", {"note": "The Leeds drop-in"}).status_code == 302
    applicant.member_profile.refresh_from_db()
    assert applicant.member_profile.status == MemberProfile.Status.PENDING
    assert "The Leeds drop-in" in applicant.member_profile.applicant_note
    assert AuditEntry.objects.filter(action="accounts.membership.information_added").exists()
