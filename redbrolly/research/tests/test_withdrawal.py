"""Withdrawing: the participant chooses to keep or delete what they answered."""

from __future__ import annotations

import pytest

from redbrolly.research import datasets
from redbrolly.research.models import (
    InstrumentResponse,
    Participant,
    ParticipantContact,
    WaveResponse,
)
from redbrolly.research.tests.helpers import answer_wave, email_contact, enrol, make_study

pytestmark = pytest.mark.django_db


def in_session(client, participant) -> None:
    session = client.session
    session["research_participants"] = {str(participant.study_id): participant.pk}
    session.save()


@pytest.fixture
def participant(client):
    enrolment = enrol(make_study(), contact=email_contact("wren.4410@example.org"))
    answer_wave(enrolment.participant, 0)
    in_session(client, enrolment.participant)
    return enrolment.participant


def test_withdrawing_and_keeping_answers_removes_only_the_contact(client, participant) -> None:
    response = client.post("/study/cohort/you/withdraw/", {"keep": "keep"})
    assert b"stay in the study" in response.content
    participant.refresh_from_db()
    assert participant.status == "withdrawn" and not participant.data_deleted
    assert not ParticipantContact.objects.exists()
    assert InstrumentResponse.objects.count() == 7
    long = datasets.build(participant.study).long
    assert list(long["withdrawn"]) == [1, 1]
    assert client.get("/study/cohort/questionnaire/")["Location"] == "/study/cohort/continue/"


def test_withdrawing_and_deleting_removes_every_answer(client, participant) -> None:
    client.post("/study/cohort/you/withdraw/", {"keep": "delete"})
    participant.refresh_from_db()
    assert participant.data_deleted
    assert not WaveResponse.objects.exists() and not InstrumentResponse.objects.exists()
    assert not ParticipantContact.objects.exists()
    assert datasets.build(participant.study).long.empty
    assert Participant.objects.count() == 1  # counted as recruited and withdrawn, nothing else


def test_a_choice_is_needed_to_withdraw(client, participant) -> None:
    response = client.post("/study/cohort/you/withdraw/", {})
    assert b"This field is required" in response.content
    participant.refresh_from_db()
    assert participant.status == "active"


def test_a_shared_phone_can_be_made_to_forget_the_participant(client, participant) -> None:
    response = client.post("/study/cohort/you/leave/", follow=True)
    assert b"This device no longer remembers you" in response.content
    assert client.get("/study/cohort/questionnaire/")["Location"] == "/study/cohort/continue/"
    participant.refresh_from_db()
    assert participant.status == "active"
