"""The incentive payment log: one per completed wave, recorded and audited."""

from __future__ import annotations

import pytest

from redbrolly.core.models import AuditEntry
from redbrolly.notify.models import Delivery
from redbrolly.research.models import IncentivePayment
from redbrolly.research.tests.helpers import answer_wave, email_contact, enrol, make_study

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(planted):
    enrolment = enrol(make_study(), contact=email_contact(planted("juno.8823@example.org")))
    return answer_wave(enrolment.participant, 0)


def test_a_voucher_code_goes_to_the_participant_and_is_logged(
    client, people, wave, planted
) -> None:
    client.force_login(people("researcher"))
    page = client.get("/staff/research/cohort/incentives/")
    assert wave.reference.encode() in page.content
    assert wave.participant.pseudonym.encode() not in page.content
    code = planted("VOUCH-1234-ABCD")
    client.post(
        f"/staff/research/cohort/incentives/{wave.pk}/", {"method": "message", "voucher_code": code}
    )
    payment = IncentivePayment.objects.get()
    assert (payment.amount_pence, payment.description) == (1000, "£10 voucher")
    delivery = Delivery.objects.get()
    assert (delivery.to, delivery.purpose) == ("juno.8823@example.org", "research.incentive")
    assert code in delivery.body
    entry = AuditEntry.objects.get(action="research.incentive.recorded")
    assert code not in str(entry.details)


def test_an_incentive_is_recorded_once(client, people, wave) -> None:
    client.force_login(people("researcher"))
    url = f"/staff/research/cohort/incentives/{wave.pk}/"
    client.post(url, {"method": "in_person"})
    response = client.post(url, {"method": "in_person"}, follow=True)
    assert b"already recorded" in response.content
    assert IncentivePayment.objects.count() == 1


def test_a_message_needs_a_voucher_code(client, people, wave) -> None:
    client.force_login(people("researcher"))
    url = f"/staff/research/cohort/incentives/{wave.pk}/"
    response = client.post(url, {"method": "message"}, follow=True)
    assert b"Give the voucher code to send" in response.content
    assert not IncentivePayment.objects.exists()
