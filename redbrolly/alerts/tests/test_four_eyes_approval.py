"""A second person approves before anything is sent, unless the organisation's rule allows one."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import Alert, AlertPolicy
from redbrolly.alerts.testing import accepted_report, quoting, ready_alert
from redbrolly.core.models import AuditEntry
from redbrolly.notify.models import Delivery

pytestmark = pytest.mark.django_db

# A Saturday night in London: out of office hours whatever the policy's days.
SATURDAY_NIGHT = timezone.make_aware(datetime.datetime(2026, 11, 28, 23, 30))
TUESDAY_MORNING = timezone.make_aware(datetime.datetime(2026, 11, 24, 10, 30))


def test_the_person_who_drafted_cannot_approve(people: Any) -> None:
    drafter = people("moderator")
    alert = ready_alert(drafter)
    with pytest.raises(ValidationError, match="second moderator"):
        services.alert_approve(moderator=drafter, alert=alert)
    alert.refresh_from_db()
    assert alert.status == Alert.Status.AWAITING
    assert not Delivery.objects.exists()


def test_a_second_moderator_approves_and_it_is_sent(people: Any, member: Any) -> None:
    drafter, approver = people("moderator", "moderator2")
    alert = ready_alert(drafter)
    queued = services.alert_approve(moderator=approver, alert=alert)
    alert.refresh_from_db()
    assert (alert.status, alert.approved_by, alert.approval_mode) == (
        "published",
        approver,
        "four_eyes",
    )
    assert queued == Delivery.objects.count() > 0
    assert AuditEntry.objects.filter(action="alerts.alert.approved.four_eyes").exists()


def test_someone_who_edited_the_draft_cannot_approve_it_either(people: Any) -> None:
    drafter, editor = people("moderator", "moderator2")
    alert = ready_alert(drafter)
    content = services.AlertContent(
        title="Robbery in Manchester",
        summary="A client took the money back by force.",
        regions=list(alert.regions.all()),
        severity=alert.severity,
        expires_at=alert.expires_at,
    )
    services.alert_edit(moderator=editor, alert=alert, content=content)
    services.alert_submit(moderator=editor, alert=alert)
    with pytest.raises(ValidationError):
        services.alert_approve(moderator=editor, alert=alert)


def quoted_draft(moderator: Any) -> Alert:
    alert = services.alert_draft_from_reports(moderator=moderator, reports=[accepted_report()])
    return quoting(moderator, alert)


def test_nothing_can_be_sent_for_approval_while_a_detail_is_unresolved(moderator: Any) -> None:
    alert = quoted_draft(moderator)
    assert selectors.unresolved(selectors.flags_in(alert))
    with pytest.raises(ValidationError, match="highlighted"):
        services.alert_submit(moderator=moderator, alert=alert)


def test_a_kept_detail_counts_as_resolved_and_its_reason_is_kept(moderator: Any) -> None:
    alert = quoted_draft(moderator)
    flags = selectors.unresolved(selectors.flags_in(alert))
    for item in flags:
        services.alert_flag_keep(
            moderator=moderator,
            alert=alert,
            name=item.field,
            fingerprint=item.fingerprint,
            reason="a public place, named in the police appeal",
        )
    assert selectors.unresolved(selectors.flags_in(alert)) == []
    assert alert.flag_decisions.get(field="summary", kind="address").reason.startswith("a public")
    services.alert_submit(moderator=moderator, alert=alert)


def test_keeping_a_detail_needs_a_reason(moderator: Any) -> None:
    alert = quoted_draft(moderator)
    item = selectors.flags_in(alert)[0]
    with pytest.raises(ValidationError):
        services.alert_flag_keep(
            moderator=moderator,
            alert=alert,
            name=item.field,
            fingerprint=item.fingerprint,
            reason="",
        )


def test_severities_outside_the_four_eyes_rule_need_one_person(moderator: Any) -> None:
    policy = AlertPolicy.current()
    policy.four_eyes_severities = ["danger"]
    policy.save()
    alert = ready_alert(moderator)
    Alert.objects.filter(pk=alert.pk).update(severity="info")
    alert.refresh_from_db()
    services.alert_approve(moderator=moderator, alert=alert)
    alert.refresh_from_db()
    assert alert.approval_mode == "single_by_severity"


def allow_single_danger_at_night() -> None:
    policy = AlertPolicy.current()
    policy.single_danger_out_of_hours = True
    policy.save()


def test_one_moderator_may_send_danger_out_of_hours_when_allowed_and_it_is_logged(
    moderator: Any,
) -> None:
    allow_single_danger_at_night()
    with time_machine.travel(SATURDAY_NIGHT, tick=False):
        alert = ready_alert(moderator)
        services.alert_approve(moderator=moderator, alert=alert)
    alert.refresh_from_db()
    assert (alert.severity, alert.approval_mode) == ("danger", "single_out_of_hours")
    entry = AuditEntry.objects.get(action="alerts.alert.approved.single_out_of_hours")
    assert entry.actor == moderator


def test_in_office_hours_danger_still_needs_two_people(moderator: Any) -> None:
    allow_single_danger_at_night()
    with time_machine.travel(TUESDAY_MORNING, tick=False):
        alert = ready_alert(moderator)
        with pytest.raises(ValidationError):
            services.alert_approve(moderator=moderator, alert=alert)


def test_the_approver_can_send_a_draft_back_with_a_note(people: Any) -> None:
    drafter, approver = people("moderator", "moderator2")
    alert = ready_alert(drafter)
    services.alert_return(moderator=approver, alert=alert, note="Say less about the venue")
    alert.refresh_from_db()
    assert (alert.status, alert.returned_note) == ("draft", "Say less about the venue")
