"""Encryption at rest: values are sealed, keyed by id, rotatable, and tamper-evident."""

from __future__ import annotations

import base64

import pytest
from django.db import connection
from django.test import override_settings

from redbrolly.accounts.models import MemberProfile
from redbrolly.lib import crypto
from redbrolly.lib.keyrotation import rotate_all

OLD = "old1:" + "o" * 40
NEW = "new1:" + "n" * 40


def raw_column(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return str(cursor.fetchone()[0])


def test_it_round_trips_text_and_never_repeats_a_ciphertext() -> None:
    first, second = (
        crypto.encrypt_text("Dave, 07700 900123"),
        crypto.encrypt_text("Dave, 07700 900123"),
    )
    assert first != second
    assert crypto.decrypt_text(first) == crypto.decrypt_text(second) == "Dave, 07700 900123"


def test_it_refuses_a_tampered_value() -> None:
    blob = bytearray(base64.b64decode(crypto.encrypt_text("secret")))
    blob[-1] ^= 1
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_text(base64.b64encode(bytes(blob)).decode())


def test_blind_indexes_are_stable_keyed_and_separate_kinds() -> None:
    assert crypto.blind_index("phone", "+447700900123") == crypto.blind_index(
        "phone", "+447700900123"
    )
    assert crypto.blind_index("phone", "+447700900123") != crypto.blind_index(
        "email", "+447700900123"
    )


def test_the_index_changes_with_the_index_key() -> None:
    before = crypto.blind_index("phone", "+447700900123")
    with override_settings(REDBROLLY_INDEX_KEY="another-index-key-of-enough-length-123"):
        crypto.reset_key_cache()
        assert crypto.blind_index("phone", "+447700900123") != before


@pytest.mark.django_db
def test_model_fields_store_only_ciphertext(member, planted) -> None:
    email = planted(member.member_profile.email)
    stored = raw_column("accounts_memberprofile", "email", member.member_profile.pk)
    assert email not in stored
    assert MemberProfile.objects.get(pk=member.member_profile.pk).email == email


@pytest.mark.django_db
def test_rotation_reseals_old_values_under_the_new_primary_key(member, settings) -> None:
    profile = member.member_profile
    current = settings.REDBROLLY_ENCRYPTION_KEYS
    with override_settings(REDBROLLY_ENCRYPTION_KEYS=f"{OLD},{current}"):
        crypto.reset_key_cache()
        MemberProfile.objects.filter(pk=profile.pk).update(email="rotate.me@example.com")
    with override_settings(REDBROLLY_ENCRYPTION_KEYS=f"{NEW},{OLD},{current}"):
        crypto.reset_key_cache()
        counts = dict(rotate_all())
        assert counts["accounts.MemberProfile.email"] >= 1
        raw = base64.b64decode(raw_column("accounts_memberprofile", "email", profile.pk))
        assert crypto.sealed_key_id(raw) == "new1"
    with override_settings(REDBROLLY_ENCRYPTION_KEYS=NEW):
        crypto.reset_key_cache()
        assert MemberProfile.objects.get(pk=profile.pk).email == "rotate.me@example.com"
        assert dict(rotate_all())["accounts.MemberProfile.email"] == 0


def test_a_short_key_is_refused_loudly() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        crypto.KeyRing.parse("k1:short")
