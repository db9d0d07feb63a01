"""Moderators draft, resolve flags, translate and approve through the pages, without
JavaScript; bad input gets a message and keeps what was typed; other roles get nothing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from redbrolly.alerts import selectors
from redbrolly.alerts.models import Alert
from redbrolly.alerts.testing import accepted_report, ready_alert
from redbrolly.reports.models import Report

pytestmark = pytest.mark.django_db


def as_user(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_drafting_page_takes_one_or_several_reports_from_the_url(moderator: Any) -> None:
    one, two = accepted_report(), accepted_report(region="cheshire")
    page = as_user(moderator).get(f"/staff/alerts/new/?report={one.pk}&report={two.pk}")
    assert page.status_code == 200
    assert page.context["form"].initial["reports"] == [str(one.pk), str(two.pk)]
    response = as_user(moderator).post("/staff/alerts/new/", {"reports": [one.pk, two.pk]})
    alert = Alert.objects.get()
    assert response["Location"] == f"/staff/alerts/{alert.pk}/"
    assert set(alert.reports.all()) == {one, two}


def test_a_report_can_be_added_by_its_reference(moderator: Any) -> None:
    report = accepted_report()
    as_user(moderator).post("/staff/alerts/new/", {"more": report.reference.lower()})
    assert list(Alert.objects.get().reports.all()) == [report]


def test_a_report_that_may_not_be_alerted_is_refused_with_a_message(moderator: Any) -> None:
    private = accepted_report(consent=Report.Consent.RECORD_ONLY)
    response = as_user(moderator).post(
        "/staff/alerts/new/", {"reports": [private.pk], "more": "R-NOPE-NOPE"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Alert.objects.exists()


def test_flags_are_highlighted_and_resolved_through_plain_forms(moderator: Any) -> None:
    client = as_user(moderator)
    alert = ready_alert(moderator)
    Alert.objects.filter(pk=alert.pk).update(
        status="draft", summary="He was at 12 Acacia Avenue. He left at 11:45pm."
    )
    page = client.get(f"/staff/alerts/{alert.pk}/").content.decode()
    assert '">at 12 Acacia Avenue</mark>' in page
    assert '<mark class="flag" id="flag-' in page
    flags = {f.flag.kind: f for f in selectors.flags_in(Alert.objects.get(pk=alert.pk))}
    time = flags["time"]
    client.post(
        f"/staff/alerts/{alert.pk}/flags/",
        {"field": "summary", "fingerprint": time.fingerprint, "action": "remove"},
    )
    address = flags["address"]
    client.post(
        f"/staff/alerts/{alert.pk}/flags/",
        {
            "field": "summary",
            "fingerprint": address.fingerprint,
            "action": "keep",
            "reason": "A public car park, named in police appeals",
        },
    )
    alert.refresh_from_db()
    assert alert.summary == "He was at 12 Acacia Avenue. He left […]."
    assert selectors.unresolved(selectors.flags_in(alert)) == []
    page = client.get(f"/staff/alerts/{alert.pk}/").content.decode()
    assert "A public car park, named in police appeals" in page  # the approver reads why


def test_a_phone_typed_into_the_words_is_masked_when_saved_not_left_to_a_flag(
    moderator: Any,
) -> None:
    alert = ready_alert(moderator)
    Alert.objects.filter(pk=alert.pk).update(status="draft")
    data = {
        "summary": "He texts from oh seven seven double oh 900 777 and lee.b@example.com.",
        "severity": "danger",
        "precision": "part",
        "expires_on": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
        "national": "on",
    }
    as_user(moderator).post(f"/staff/alerts/{alert.pk}/edit/", data)
    alert.refresh_from_db()
    assert alert.summary.startswith("He texts from")
    assert "900 777" not in alert.summary and "lee.b@" not in alert.summary
    assert not [f for f in selectors.flags_in(alert) if f.flag.kind in {"phone", "email"}]


def test_a_stale_or_forged_flag_form_gets_a_message_not_an_error(moderator: Any) -> None:
    alert = ready_alert(moderator)
    Alert.objects.filter(pk=alert.pk).update(status="draft")
    client = as_user(moderator)
    for data in (
        {"field": "summary", "fingerprint": "0" * 64, "action": "remove"},
        {"field": "../../etc", "fingerprint": "0" * 64, "action": "keep", "reason": "x"},
        {"field": "summary", "fingerprint": "nothex", "action": "explode"},
    ):
        response = client.post(f"/staff/alerts/{alert.pk}/flags/", data, follow=True)
        assert response.status_code == 200
        assert list(response.context["messages"])


def test_editing_with_bad_input_keeps_what_was_typed(moderator: Any) -> None:
    alert = ready_alert(moderator)
    response = as_user(moderator).post(
        f"/staff/alerts/{alert.pk}/edit/",
        {
            "title": "Robbery",
            "summary": "Kept words",
            "severity": "danger",
            "precision": "part",
            "expires_on": "2001-01-01",
        },
    )
    assert response.status_code == 200
    assert "Kept words" in response.content.decode()
    assert set(response.context["form"].errors) == {"expires_on", "regions"}


def test_the_drafter_is_told_a_second_person_must_approve(people: Any) -> None:
    drafter = people("moderator")
    alert = ready_alert(drafter)
    response = as_user(drafter).post(f"/staff/alerts/{alert.pk}/approve/", follow=True)
    assert "A second moderator must approve" in response.content.decode()
    alert.refresh_from_db()
    assert alert.status == "awaiting"


def test_a_translation_is_added_and_checked_like_the_original(moderator: Any) -> None:
    alert = ready_alert(moderator)
    as_user(moderator).post(
        f"/staff/alerts/{alert.pk}/translation/",
        {"language": "ro", "title": "Jaf", "summary": "Pe strada 12 Acacia Avenue."},
    )
    alert.refresh_from_db()
    assert alert.status == "draft"  # back to draft: the new text needs approving
    kinds = {f.field: f.flag.kind for f in selectors.unresolved(selectors.flags_in(alert))}
    assert kinds == {"translation:ro:summary": "address"}


def test_roles_without_alert_permissions_cannot_open_staff_alert_pages(people: Any) -> None:
    alert = ready_alert(people("moderator"))
    for name in ("analyst", "caseworker", "member"):
        client = as_user(people(name))
        assert client.get(f"/staff/alerts/{alert.pk}/").status_code == 403
        assert client.post(f"/staff/alerts/{alert.pk}/approve/").status_code == 403
