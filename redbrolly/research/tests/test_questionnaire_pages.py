"""The questionnaire: one instrument per page, skip logic on the server, saved page by page."""

from __future__ import annotations

import pytest
from django.test import Client

from redbrolly.lib import ratelimit
from redbrolly.research import services
from redbrolly.research.models import InstrumentResponse, WaveResponse
from redbrolly.research.tests.helpers import VALID_ANSWERS, enrol, make_study

pytestmark = pytest.mark.django_db

VIOLENCE_FIRST = ["viol_intro", "viol_physical", "viol_sexual", "viol_robbery", "viol_threats"]


def signed_up(client: Client, study_fields: dict | None = None):
    study = make_study(**(study_fields or {}))
    enrolment = enrol(study)
    session = client.session
    session["research_participants"] = {str(study.pk): enrolment.participant.pk}
    session.save()
    return study, enrolment


def post_page(client: Client, answers: dict, shown: list[str], action: str = "next"):
    return client.post(
        "/study/cohort/questionnaire/", {**answers, "shown": shown, "action": action}
    )


def shown_on(response) -> list[str]:
    return response.context["form"].shown


def test_the_first_page_is_the_first_instrument_of_the_baseline(client) -> None:
    signed_up(client)
    response = client.get("/study/cohort/questionnaire/")
    assert response.context["step"].instrument.id == "demographics"
    assert b"part 1 of 7" in response.content
    assert "demo_gender_other" not in shown_on(response)


def test_a_yes_brings_its_follow_up_questions_and_a_no_skips_them(client) -> None:
    signed_up(client, {"baseline_instruments": ["violence"]})
    first = client.get("/study/cohort/questionnaire/")
    assert "viol_physical_who" not in shown_on(first)
    shown = shown_on(first)
    answers = {"viol_physical": "yes", "viol_sexual": "no", "viol_robbery": "no"}
    answers |= {"viol_threats": "no", "viol_online": "no"}
    second = post_page(client, answers, shown)
    assert second.status_code == 200
    assert {"viol_physical_who", "viol_physical_count", "viol_reported"} <= set(shown_on(second))
    assert "viol_sexual_who" not in shown_on(second)
    assert b"This question is required" not in second.content  # new questions are not errors
    saved = InstrumentResponse.objects.get()
    assert (saved.answers["viol_physical"], saved.complete) == ("yes", False)
    answers |= {"viol_physical": "no"}
    third = post_page(client, answers, shown_on(second))
    assert "viol_physical_who" not in shown_on(third)


def test_answering_every_question_completes_the_page_and_moves_on(client) -> None:
    signed_up(client, {"baseline_instruments": ["violence", "safety"]})
    shown = shown_on(client.get("/study/cohort/questionnaire/"))
    first = post_page(client, {name: "no" for name in shown if name != "viol_intro"}, shown)
    assert first["Location"] == "/study/cohort/questionnaire/"
    page = client.get("/study/cohort/questionnaire/")
    assert page.context["step"].instrument.id == "safety"


def test_a_word_where_a_number_goes_is_refused_and_kept_on_the_page(client) -> None:
    signed_up(client, {"baseline_instruments": ["violence"]})
    shown = shown_on(client.get("/study/cohort/questionnaire/"))
    answers = {"viol_physical": "yes", "viol_sexual": "no", "viol_robbery": "no"}
    answers |= {"viol_threats": "no", "viol_online": "no", "viol_reported": "no"}
    answers |= {"viol_physical_who": "client"}
    shown = shown_on(post_page(client, answers, shown))
    response = post_page(client, {**answers, "viol_physical_count": "twice"}, shown)
    assert b"Enter a whole number" in response.content
    assert b'value="twice"' in response.content
    saved = InstrumentResponse.objects.get()
    assert "viol_physical_count" not in saved.answers
    assert saved.complete is False


def test_required_questions_left_blank_are_named(client) -> None:
    signed_up(client, {"baseline_instruments": ["phq9"]})
    shown = shown_on(client.get("/study/cohort/questionnaire/"))
    response = post_page(client, {"phq9_1": "2"}, shown)
    assert response.content.count(b"This question is required") == 8
    assert response.context["form"]["phq9_1"].value() == "2"


def test_half_way_answers_are_saved_and_resumed_with_the_code_elsewhere(client) -> None:
    _study, enrolment = signed_up(client, {"baseline_instruments": ["phq9"]})
    shown = shown_on(client.get("/study/cohort/questionnaire/"))
    saved = post_page(client, {"phq9_1": "3", "phq9_2": "1"}, shown, action="later")
    assert b"Your answers are saved" in saved.content

    elsewhere = Client()
    assert elsewhere.get("/study/cohort/questionnaire/")["Location"] == "/study/cohort/continue/"
    code = services.token_display(enrolment.token).lower()
    response = elsewhere.post("/study/cohort/continue/", {"code": f" {code} "})
    assert response["Location"] == "/study/cohort/questionnaire/"
    page = elsewhere.get("/study/cohort/questionnaire/")
    radio = page.context["form"]["phq9_1"]
    assert radio.value() == "3"


def test_a_wrong_code_is_refused_and_guessing_is_slowed_down(client) -> None:
    make_study()
    ratelimit.reset_all()
    response = client.post("/study/cohort/continue/", {"code": "0000-0000-0000-0000"})
    assert b"could not find that code" in response.content
    short = client.post("/study/cohort/continue/", {"code": "ABC"})
    assert b"A code has 16 letters and numbers" in short.content
    for _ in range(10):
        last = client.post("/study/cohort/continue/", {"code": "0000-0000-0000-0000"})
    assert last.status_code == 429
    assert b"Too many tries" in last.content


def test_completing_the_last_part_completes_the_baseline(client) -> None:
    study, enrolment = signed_up(client, {"baseline_instruments": ["safety", "service_use"]})
    for instrument_id in study.baseline_instruments:
        shown = shown_on(client.get("/study/cohort/questionnaire/"))
        post_page(client, VALID_ANSWERS[instrument_id], shown)
    wave = WaveResponse.objects.get(participant=enrolment.participant, wave=0)
    assert wave.completed_at is not None
    page = client.get("/study/cohort/questionnaire/", follow=True)
    assert b"You have answered everything for now" in page.content
