"""From the study link to a participant code: eligibility, versioned consent, arms, contact."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client

from redbrolly.core.models import AuditEntry
from redbrolly.research import services
from redbrolly.research.models import (
    Consent,
    EligibilityScreen,
    Participant,
    ParticipantContact,
    Study,
)
from redbrolly.research.tests.helpers import STATEMENTS, make_study

pytestmark = pytest.mark.django_db

ELIGIBLE = {
    "elig_age_18_plus": "yes",
    "elig_sold_sex_12m": "yes",
    "elig_works_uk": "yes",
    "shown": ["elig_age_18_plus", "elig_sold_sex_12m", "elig_works_uk"],
}
AGREED = {"agree_1": "on", "agree_2": "on", "channel": "none"}


def screen(client: Client, slug: str = "cohort", **answers: str):
    return client.post(f"/study/{slug}/eligibility/", {**ELIGIBLE, **answers})


def code_in(response) -> str:
    match = re.search(r'data-testid="participant-code">([0-9A-Z-]+)<', response.content.decode())
    assert match, "no code on the page"
    return match.group(1)


def test_an_eligible_non_member_consents_and_is_shown_their_code_once(client) -> None:
    make_study()
    assert client.get("/study/cohort/").status_code == 200
    assert screen(client)["Location"] == "/study/cohort/consent/"
    response = client.post("/study/cohort/consent/", AGREED)
    code = code_in(response)
    participant = Participant.objects.get()
    assert participant.arm == "non_member"
    assert participant.token_index == services.token_index(code)
    assert participant.member_index == ""
    assert code.replace("-", "") not in str(dict(client.session))
    assert participant.pseudonym not in code
    assert EligibilityScreen.objects.get().eligible is True
    assert AuditEntry.objects.filter(action="research.participant.enrolled").count() == 1


def test_someone_not_eligible_is_thanked_and_nothing_about_them_is_kept(client) -> None:
    make_study()
    response = screen(client, elig_age_18_plus="no")
    assert response.status_code == 200
    assert b"Thank you for your interest" in response.content
    assert not Participant.objects.exists()
    assert EligibilityScreen.objects.get().eligible is False
    assert client.get("/study/cohort/consent/")["Location"] == "/study/cohort/eligibility/"


def test_unanswered_eligibility_questions_are_asked_again_with_a_message(client) -> None:
    make_study()
    response = client.post("/study/cohort/eligibility/", {"elig_age_18_plus": "yes"})
    assert b"This question is required" in response.content
    assert not EligibilityScreen.objects.exists()


def test_a_signed_in_approved_member_is_enrolled_in_the_member_arm(client, member) -> None:
    study = make_study()
    client.force_login(member)
    screen(client)
    client.post("/study/cohort/consent/", AGREED)
    participant = Participant.objects.get()
    assert participant.arm == "member"
    assert participant.member_index == services.member_index(study, member)
    assert client.get("/me/studies/").status_code == 200
    assert b"Continue" in client.get("/me/studies/").content


def test_a_pending_applicant_is_a_non_member(client, people) -> None:
    make_study()
    client.force_login(people("applicant"))
    screen(client)
    client.post("/study/cohort/consent/", AGREED)
    assert Participant.objects.get().arm == "non_member"


def test_consent_keeps_the_version_and_text_agreed_to_after_a_new_version(client) -> None:
    study = make_study()
    screen(client)
    client.post("/study/cohort/consent/", AGREED)
    services.consent_form_publish(
        actor=None,
        study=study,
        information_sheet="Changed.",
        consent_text="New wording.",
        statements=["Only this."],
    )
    consent = Consent.objects.get()
    assert consent.form_version == 1
    assert "About the study." in consent.snapshot
    assert all(statement in consent.snapshot for statement in STATEMENTS)
    assert "New wording." not in consent.snapshot


def test_missing_consent_ticks_and_a_bad_number_keep_what_was_typed(client) -> None:
    make_study()
    screen(client)
    response = client.post(
        "/study/cohort/consent/",
        {"agree_1": "on", "channel": "sms", "phone": "07700 9", "email": "kept@example.org"},
    )
    page = response.content.decode()
    assert "Tick this to take part." in page
    assert "doesn&#x27;t look like a mobile number" in page
    assert 'value="kept@example.org"' in page
    assert not Participant.objects.exists()


def test_contact_details_are_kept_encrypted_apart_from_answers(client, planted) -> None:
    make_study()
    address = planted("marnie.follow.up.7731@example.net")
    screen(client)
    client.post("/study/cohort/consent/", {**AGREED, "channel": "email", "email": address})
    contact = ParticipantContact.objects.get()
    assert (contact.channel, contact.email, contact.phone) == ("email", address, "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT email FROM research_participantcontact")
        stored = cursor.fetchone()[0]
    assert address not in stored
    assert stored.startswith("cmIxO")  # base64 of the "rb1:" sealed-value prefix


def test_draft_studies_are_not_found_and_closed_ones_do_not_enrol(client) -> None:
    study = make_study()
    Study.objects.filter(pk=study.pk).update(status=Study.Status.DRAFT)
    assert client.get("/study/cohort/").status_code == 404
    Study.objects.filter(pk=study.pk).update(status=Study.Status.FOLLOW_UP)
    assert b"not taking new participants" in client.get("/study/cohort/").content
    assert screen(client)["Location"] == "/study/cohort/"
