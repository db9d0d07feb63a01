"""Follow-up invitations and reminders: durable outbox rows, sent once, stopped when they should."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from redbrolly.notify.models import Delivery
from redbrolly.notify.services import send_due
from redbrolly.research import services
from redbrolly.research.models import FollowUp
from redbrolly.research.tests.helpers import answer_wave, email_contact, enrol, make_study

pytestmark = pytest.mark.django_db

ENROLLED = datetime(2026, 1, 10, 12, 0, tzinfo=timezone.get_fixed_timezone(0))


def day(offset: int) -> date:
    return ENROLLED.date() + timedelta(days=offset)


@pytest.fixture
def participant(planted):
    with time_machine.travel(ENROLLED, tick=False):
        study = make_study()
        enrolment = enrol(study, contact=email_contact(planted("cass.7719@example.org")))
        answer_wave(enrolment.participant, 0)
    return enrolment.participant


def run_on(offset: int) -> int:
    with time_machine.travel(ENROLLED + timedelta(days=offset), tick=False):
        return services.followups_send_due()


def keys() -> list[str]:
    return sorted(Delivery.objects.values_list("idempotency_key", flat=True))


def test_enrolment_schedules_the_window_around_six_months(participant) -> None:
    follow_up = FollowUp.objects.get(participant=participant)
    assert (follow_up.opens_on, follow_up.due_on, follow_up.closes_on) == (
        day(168),
        day(182),
        day(242),
    )


def test_the_invitation_goes_when_the_window_opens_and_only_once(participant) -> None:
    assert run_on(167) == 0
    assert run_on(168) == 1
    assert run_on(168) == 0
    assert run_on(169) == 0
    assert keys() == [f"research:{participant.pk}:wave1:invite"]
    delivery = Delivery.objects.get()
    assert (delivery.channel, delivery.to, delivery.purpose) == (
        "email",
        "cass.7719@example.org",
        "research.follow_up",
    )


def test_reminders_go_at_three_seven_and_fourteen_days_then_stop(participant) -> None:
    for offset in range(168, 250):
        run_on(offset)
    prefix = f"research:{participant.pk}:wave1:"
    assert keys() == [
        prefix + kind for kind in ("invite", "reminder:14", "reminder:3", "reminder:7")
    ]
    assert Delivery.objects.get(idempotency_key=prefix + "reminder:7").created_at.date() == day(175)


def test_after_an_outage_only_the_latest_reminder_goes(participant) -> None:
    run_on(168)
    run_on(180)
    assert keys()[1:] == [f"research:{participant.pk}:wave1:reminder:7"]


def test_nothing_more_goes_once_the_follow_up_is_done(participant) -> None:
    run_on(168)
    with time_machine.travel(ENROLLED + timedelta(days=170), tick=False):
        answer_wave(participant, 1)
    for offset in (171, 175, 190):
        assert run_on(offset) == 0


def test_a_participant_can_ask_for_no_more_reminders(participant, client) -> None:
    run_on(168)
    session = client.session
    session["research_participants"] = {str(participant.study_id): participant.pk}
    session.save()
    with time_machine.travel(ENROLLED + timedelta(days=169), tick=False):
        response = client.post("/study/cohort/you/reminders/", follow=True)
    assert b"We will not send you any more reminders" in response.content
    assert run_on(175) == 0
    assert len(keys()) == 1


def test_nothing_goes_after_the_window_closes_or_without_contact_details(participant) -> None:
    assert run_on(243) == 0
    study = participant.study
    with time_machine.travel(ENROLLED, tick=False):
        quiet = enrol(study).participant
        answer_wave(quiet, 0)
    assert run_on(168) == 1
    assert not Delivery.objects.filter(idempotency_key__startswith=f"research:{quiet.pk}:").exists()


@pytest.fixture
def quiet_mail_server():
    """aiosmtpd (the test's mail server, not our code) logs every recipient at INFO."""
    logger = logging.getLogger("mail.log")
    level = logger.level
    logger.setLevel(logging.WARNING)
    yield
    logger.setLevel(level)


def test_the_email_is_neutral_and_its_link_works_once(
    participant, quiet_mail_server, smtp_server
) -> None:
    run_on(168)
    assert send_due() == 1
    message = smtp_server.messages[0]
    assert message["Subject"] == "A short follow-up"
    body = message.get_content()
    for word in ("violence", "sex", "safety", participant.study.title):
        assert word not in body
    found = re.search(r"http://\S+/continue/\S+/", body)
    assert found is not None
    link = found.group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    with time_machine.travel(ENROLLED + timedelta(days=169), tick=False):
        browser = Client()
        assert b"Continue" in browser.get(f"/{path}").content  # a mail scanner spends nothing
        assert browser.post(f"/{path}")["Location"] == "/study/cohort/questionnaire/"
        assert (
            browser.get("/study/cohort/questionnaire/")["Location"] == "/study/cohort/membership/"
        )
        again = Client().post(f"/{path}")
        assert again["Location"] == "/study/cohort/continue/"
