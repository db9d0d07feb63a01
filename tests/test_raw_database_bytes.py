"""A thief of the database alone learns no contact detail (SECURITY.md, "Encryption at rest").

The SQLite test database is copied to a file and read as bytes; on PostgreSQL the real
`pg_dump` is run against the test database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from redbrolly.accounts.services import Contact, member_contact_update

PLANTED_EMAIL = "tamsin.planted.8821@example.net"
PLANTED_MOBILE = "+447700900871"
PLANTED_NOTE = "verified by the Leeds outreach van on Tuesdays"


def database_bytes(tmp_path: Path) -> bytes:
    if connection.vendor == "sqlite":
        copy = tmp_path / "copy.sqlite3"
        target = sqlite3.connect(copy)
        connection.ensure_connection()
        connection.connection.backup(target)
        target.close()
        return copy.read_bytes()
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    args = [
        "pg_dump",
        "-h",
        settings["HOST"] or "127.0.0.1",
        "-p",
        str(settings["PORT"] or 5432),
        "-U",
        settings["USER"] or "postgres",
        settings["NAME"],
    ]
    return subprocess.run(args, env=env, capture_output=True, check=True).stdout


@pytest.mark.django_db(transaction=True)
def test_planted_contact_details_are_absent_from_the_raw_database(
    people, planted, tmp_path
) -> None:
    member = people("member")
    profile = member.member_profile
    profile.applicant_note = planted(PLANTED_NOTE)
    profile.save()
    member_contact_update(
        user=member,
        profile=profile,
        contact=Contact(email=planted(PLANTED_EMAIL), mobile=planted(PLANTED_MOBILE)),
    )
    raw = database_bytes(tmp_path)
    assert b"member@example.com" not in raw  # the persona's own address too
    for value in (PLANTED_EMAIL, PLANTED_MOBILE, PLANTED_MOBILE[3:], PLANTED_NOTE):
        assert value.encode() not in raw
    # The dump really holds the data: the working name is a plain, non-sensitive column.
    assert b"member" in raw
