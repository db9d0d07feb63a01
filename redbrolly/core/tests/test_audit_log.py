"""The audit log is append-only and never holds the sensitive values themselves."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from redbrolly.core.models import AuditEntry
from redbrolly.lib import audit

pytestmark = pytest.mark.django_db


def test_it_records_actor_action_object_and_purpose(member) -> None:
    entry = audit.log(member, "accounts.preferences.updated", member, purpose="member edit")
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor_label, stored.action, stored.object_type, stored.object_id) == (
        "member",
        "accounts.preferences.updated",
        "accounts.user",
        str(member.pk),
    )
    assert stored.purpose == "member edit"


def test_the_app_cannot_change_or_delete_an_entry(member) -> None:
    entry = audit.log(member, "something.done")
    entry.action = "something.else"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_raw_updates_and_deletes(member) -> None:
    entry = audit.log(member, "something.done")
    for sql in (
        "UPDATE core_auditentry SET action = 'x' WHERE id = %s",
        "DELETE FROM core_auditentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "something.done"


def test_supervisors_see_who_viewed_a_record_and_members_do_not(client, people) -> None:
    supervisor, member = people("supervisor", "member")
    audit.log(supervisor, "accounts.membership.viewed", member.member_profile)
    url = f"/staff/audit/accounts.memberprofile/{member.member_profile.pk}/"
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(supervisor)
    page = client.get(url)
    assert page.status_code == 200
    assert b"accounts.membership.viewed" in page.content
