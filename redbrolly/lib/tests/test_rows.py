"""Instances built from hand-written SQL are the instances the ORM builds (lib/rows.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.forms.models import model_to_dict

from redbrolly.accounts.models import MemberProfile, User
from redbrolly.lib import rows

pytestmark = pytest.mark.django_db


def fetched(model: Any, pk: int) -> Any:
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"SELECT {rows.columns(model, 't')} FROM {table} t WHERE t.id = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        return rows.build(model, cursor.fetchone())


def every_value(instance: Any) -> dict[str, Any]:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_a_profile_with_encrypted_contacts_dates_and_json_comes_back_as_the_orm_reads_it(
    member,
) -> None:
    member.member_profile.sectors = ["outcall", "online"]
    member.member_profile.save()
    orm = MemberProfile.objects.get(user=member)
    built = fetched(MemberProfile, orm.pk)
    assert every_value(built) == every_value(orm)
    assert built.email == "member@example.com"  # decrypted by the field's own converter
    assert built.applied_at.tzinfo is not None  # the backend's converter made it aware
    assert built.sectors == ["outcall", "online"]
    assert not built._state.adding


def test_a_user_built_from_a_row_saves_like_one_the_orm_read(member) -> None:
    built = fetched(User, member.pk)
    assert model_to_dict(built) == model_to_dict(User.objects.get(pk=member.pk))
    built.session_epoch += 1
    built.save(update_fields=["session_epoch"])
    assert User.objects.get(pk=member.pk).session_epoch == member.session_epoch + 1


def test_a_row_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match=r"shorter|longer"):
        rows.build(User, [1, 2])
