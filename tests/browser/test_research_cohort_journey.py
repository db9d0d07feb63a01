"""A non-member takes part on a phone without an account, and answers the follow-up six months
later from the email invitation; the two waves are joined by the study code alone."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from redbrolly.notify.services import send_due
from redbrolly.research import services
from redbrolly.research.models import Participant, WaveResponse
from redbrolly.research.selectors import participant_by_token
from redbrolly.research.tests.helpers import make_study

pytestmark = pytest.mark.django_db(transaction=True)


def choose(page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def choose_in_every_question(page, answer: str) -> None:
    for group in page.locator("fieldset.question").all():
        group.get_by_label(answer, exact=True).check()


def next_page(page) -> None:
    page.get_by_role("button", name="Save and continue").click()


def answer_outcomes(page, axe) -> None:
    """PHQ-9, GAD-7, EQ-5D, violence (with its skip logic), safety and service use."""
    page.get_by_role("heading", name="Patient Health Questionnaire (PHQ-9)").wait_for()
    choose_in_every_question(page, "Several days")
    next_page(page)
    page.get_by_role("heading", name="Generalized Anxiety Disorder scale (GAD-7)").wait_for()
    choose_in_every_question(page, "More than half the days")
    next_page(page)
    page.get_by_role("heading", name="EQ-5D-3L (UK value set, Dolan 1997)").wait_for()
    choose_in_every_question(page, "Level 1 (licensed wording to be loaded by the study)")
    next_page(page)
    page.get_by_role("heading", name="Experiences of violence and abuse").wait_for()
    assert page.get_by_text("Who did this?").count() == 0
    choose_in_every_question(page, "No")
    choose(page, "has anyone physically hurt you?", "Yes")
    next_page(page)
    # The server brought the follow-up questions for the "yes"; nothing was lost.
    page.get_by_role("group", name="Who did this? Choose all that apply.").get_by_label(
        "A client, or someone posing as a client"
    ).check()
    page.get_by_label("How many times did this happen in the last 6 months?").fill("2")
    choose(page, "Did you report any of this, or tell anyone about it?", "No")
    assert axe(page) == []
    next_page(page)
    page.get_by_role("heading", name="Safety strategies (last 6 months)").wait_for()
    page.get_by_label("Checked a client's number or details with a checker").check()
    next_page(page)
    page.get_by_role("heading", name="Use of the organisation's services").wait_for()
    choose_in_every_question(page, "No")
    next_page(page)


def test_a_non_member_takes_part_and_answers_the_follow_up_from_the_email(
    page, axe, smtp_server, planted
) -> None:
    study = make_study()
    page.goto("/study/cohort/")  # where the QR code on the flyer leads
    assert axe(page) == []
    page.get_by_role("link", name="Take part").click()

    choose(page, "Are you 18 or over?", "Yes")
    choose(page, "Have you sold or exchanged sex in the last 12 months?", "Yes")
    choose(page, "Do you work in the UK?", "Yes")
    assert axe(page) == []
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("I have read the information.").check()
    page.get_by_label("I agree to take part.").check()
    page.get_by_label("By email").check()
    page.get_by_label("Email address (optional)").fill("nightowl.journey@example.org")
    assert axe(page) == []
    page.get_by_role("button", name="I agree: start").click()
    code = planted(page.get_by_test_id("participant-code").inner_text().strip())
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", code)
    assert axe(page) == []
    page.get_by_role("link", name="Start the questionnaire").click()

    page.get_by_role("heading", name="About you").wait_for()
    choose(page, "How do you describe your gender?", "Woman")
    choose(page, "How old are you?", "25\N{EN DASH}34")
    choose(page, "Were you born outside the UK?", "No")
    choose(page, "Where do you mostly work?", "Street-based")
    page.get_by_label("Which area do you mostly work in?").fill("Leeds")
    assert axe(page) == []
    next_page(page)
    answer_outcomes(page, axe)
    page.get_by_text("You have answered everything for now.").wait_for()
    assert axe(page) == []

    participant = Participant.objects.get()
    assert participant.arm == "non_member"
    with time_machine.travel(timezone.now() + timedelta(days=170), tick=True):
        assert services.followups_send_due() == 1
        assert send_due() == 1
        email = smtp_server.messages[0]
        assert email["To"] == "nightowl.journey@example.org"
        assert email["Subject"] == "A short follow-up"
        link = re.search(r"http://\S+/continue/\S+/", email.get_content()).group(0)

        page.context.clear_cookies()  # another day, maybe another phone: no session left
        page.goto("/" + link.split("/", 3)[3])
        assert axe(page) == []
        page.get_by_role("button", name="Continue").click()
        choose(page, "have you become a member of", "No")
        assert axe(page) == []
        page.get_by_role("button", name="Continue").click()
        page.get_by_text("Follow-up questionnaire · part 1 of 6").wait_for()
        answer_outcomes(page, axe)
        page.get_by_text("You have completed the study.").wait_for()

    waves = WaveResponse.objects.order_by("wave")
    assert [(w.wave, w.arm_now, w.completed_at is not None) for w in waves] == [
        (0, "non_member", True),
        (1, "non_member", True),
    ]
    assert {w.participant_id for w in waves} == {participant.pk}
    assert participant_by_token(study, code) == participant
    assert participant.member_index == ""  # no account anywhere in the link
    assert [f.name for f in Participant._meta.get_fields() if f.related_model is not None] == [
        "consent",
        "contact",
        "waves",
        "follow_ups",
        "study",
    ]
