"""Staff need a second factor, are signed out when idle, and sessions can be revoked."""

from __future__ import annotations

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.test import Client

from redbrolly.lib.testing import TEST_PASSWORD, totp_now

pytestmark = pytest.mark.django_db


def test_staff_without_a_second_factor_can_only_set_one_up(client, moderator) -> None:
    Authenticator.objects.filter(user=moderator).delete()
    client.force_login(moderator)
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_staff_sign_in_asks_for_the_code_and_accepts_the_right_one(client, moderator) -> None:
    response = client.post("/accounts/login/", {"login": "moderator", "password": TEST_PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.post("/accounts/2fa/authenticate/", {"code": "000000"}).status_code == 200
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_now()})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200


def test_staff_are_signed_out_after_thirty_idle_minutes(moderator) -> None:
    with time_machine.travel("2026-11-28 10:00", tick=False) as traveller:
        client = Client()
        client.force_login(moderator)
        assert client.get("/staff/").status_code == 200
        traveller.shift(29 * 60)
        assert client.get("/staff/").status_code == 200
        traveller.shift(31 * 60)
        assert client.get("/staff/").status_code == 302
        assert client.get("/staff/").status_code == 302


def test_members_are_not_idled_out_after_thirty_minutes(member) -> None:
    with time_machine.travel("2026-11-28 10:00", tick=False) as traveller:
        client = Client()
        client.force_login(member)
        assert client.get("/me/").status_code == 200
        traveller.shift(45 * 60)
        assert client.get("/me/").status_code == 200


def test_an_admin_signs_a_person_out_everywhere(people) -> None:
    admin, moderator = people("admin", "moderator")
    victim_phone, victim_laptop, admin_client = Client(), Client(), Client()
    for device in (victim_phone, victim_laptop):
        device.force_login(moderator)
        assert device.get("/staff/").status_code == 200
    admin_client.force_login(admin)
    assert admin_client.post(f"/staff/people/{moderator.pk}/revoke-sessions/").status_code == 302
    for device in (victim_phone, victim_laptop):
        assert device.get("/staff/").status_code == 302


def test_a_wrong_name_and_a_wrong_password_get_the_same_answer(client, member) -> None:
    wrong_password = client.post("/accounts/login/", {"login": "member", "password": "nope nope"})
    no_such_person = client.post("/accounts/login/", {"login": "nobody-here", "password": "nope"})
    assert wrong_password.status_code == no_such_person.status_code == 200
    assert b"not correct" in wrong_password.content
    assert b"not correct" in no_such_person.content
