"""The SMS checker: a member texts a number and gets a short neutral answer back; nobody else
gets anything, and only the provider's signed requests are read."""

import pytest
import time_machine

from redbrolly.checker.models import Lookup
from redbrolly.checker.tests.factories import report_about
from redbrolly.lib.twilio_signature import signature
from redbrolly.notify.models import Delivery

pytestmark = pytest.mark.django_db

TOKEN = "the-providers-auth-token-for-tests"
URL = "/sms/inbound/"


@pytest.fixture(autouse=True)
def provider_token(settings) -> None:
    settings.REDBROLLY_SMS_AUTH_TOKEN = TOKEN


def text_in(client, sender: str, body: str, sid: str = "SM1", token: str = TOKEN):
    data = {"From": sender, "To": "+447700900000", "Body": body, "MessageSid": sid}
    signed = signature(f"http://testserver{URL}", data, token)
    return client.post(URL, data, HTTP_X_TWILIO_SIGNATURE=signed)


def test_a_member_texting_a_reported_number_gets_a_short_neutral_warning(client, member) -> None:
    report_about("07700 900631", reviewed=True, violent=True)
    response = text_in(client, member.member_profile.mobile, "07700 900631")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    reply = Delivery.objects.get()
    assert (reply.channel, reply.recipient, reply.to) == (
        "sms",
        member,
        member.member_profile.mobile,
    )
    assert reply.body.startswith("Checked: WARNING - 1 report, latest ")
    assert "Umbrella" not in reply.body and "redbrolly" not in reply.body.lower()
    assert len(reply.body) <= 160
    assert Lookup.objects.get().channel == "sms"


def test_a_number_nobody_reported_gets_checked_no_reports(client, member) -> None:
    text_in(client, member.member_profile.mobile, "check 07700 900632 please")
    assert Delivery.objects.get().body == "Checked: no reports."


def test_an_unreadable_text_gets_a_hint(client, member) -> None:
    text_in(client, member.member_profile.mobile, "hello?")
    assert "Send one phone number" in Delivery.objects.get().body


def test_a_sender_who_is_not_a_member_gets_no_reply(client) -> None:
    response = text_in(client, "+447700900639", "07700 900631")
    assert response.status_code == 200
    assert not Delivery.objects.exists()
    assert not Lookup.objects.exists()


def test_a_member_not_yet_approved_gets_no_reply(client, people) -> None:
    applicant = people("applicant")
    text_in(client, applicant.member_profile.mobile, "07700 900631")
    assert not Delivery.objects.exists()


def test_a_request_without_the_providers_signature_is_refused(client, member) -> None:
    response = text_in(client, member.member_profile.mobile, "07700 900631", token="forged")
    assert response.status_code == 403
    assert not Delivery.objects.exists()


def test_nothing_is_read_while_no_provider_token_is_configured(client, member, settings) -> None:
    settings.REDBROLLY_SMS_AUTH_TOKEN = ""
    response = text_in(client, member.member_profile.mobile, "07700 900631", token="")
    assert response.status_code == 403


def test_the_provider_retrying_the_same_message_gets_one_reply(client, member) -> None:
    for _attempt in range(2):
        text_in(client, member.member_profile.mobile, "07700 900633", sid="SMsame")
    assert Delivery.objects.count() == 1
    assert Lookup.objects.count() == 1


@time_machine.travel("2026-06-01 09:00:05+00:00", tick=False)
def test_texts_count_against_the_members_rate_limit(client, member) -> None:
    for n in range(21):
        text_in(client, member.member_profile.mobile, f"07700 900{n:03d}", sid=f"SM{n}")
    last = Delivery.objects.get(idempotency_key="checker.sms.SM20")
    assert "try again" in last.body
    assert Lookup.objects.count() == 20


def test_only_post_is_accepted(client) -> None:
    assert client.get(URL).status_code == 405
