"""Only the case's caseworker and their supervisor see it; nobody else, in any role."""

from __future__ import annotations

import pytest
from django.test import Client

from redbrolly.casework.models import Action, OnwardReferral, Service
from redbrolly.casework.services import action_add, note_add, onward_referral_make
from redbrolly.lib.testing import make_person

pytestmark = pytest.mark.django_db

NOTE = "kept her keys in the blue handbag at the Salford flat"
CONTACT = "+447700900456"
CASE_PAGES = [
    "",
    "person/",
    "consent/",
    "risk/",
    "needs/",
    "safety-plan/",
    "notes/new/",
    "actions/new/",
    "actions/{action}/done/",
    "appointments/new/",
    "time/new/",
    "referrals/new/",
    "referrals/{referral}/",
    "police-and-court/new/",
    "reports/link/",
    "close/",
    "reopen/",
    "assign/",
]
POST_ONLY = ["claim/"]
OUTSIDERS = ["caseworker2", "moderator", "analyst", "researcher", "admin", "member", "practitioner"]


@pytest.fixture
def case_with_secrets(team, people, make_case, planted):
    worker = people("caseworker")
    case = make_case(worker, contact=planted(CONTACT))
    note_add(actor=worker, case=case, kind="contact", body=planted(NOTE))
    action = action_add(actor=worker, case=case, title="Call the clinic", owner=worker, due_on=None)
    service = Service.objects.create(name="Larkspur Clinic", kind="sexual_health")
    referral = onward_referral_make(actor=worker, case=case, service=service, consent_given=True)
    return case, action, referral


def urls(case, action: Action, referral: OnwardReferral) -> list[str]:
    base = f"/casework/cases/{case.pk}/"
    return [base + page.format(action=action.pk, referral=referral.pk) for page in CASE_PAGES]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_nobody_but_the_caseworker_and_supervisor_gets_anything_from_any_case_url(
    who, people, case_with_secrets
) -> None:
    case, action, referral = case_with_secrets
    client = Client()
    client.force_login(people(who))
    for url in urls(case, action, referral):
        for response in (client.get(url), client.post(url, {"body": "x", "kind": "contact"})):
            assert response.status_code in {403, 404}, (url, who, response.status_code)
            assert NOTE.encode() not in response.content
            assert CONTACT.encode() not in response.content
    for url in [f"/casework/cases/{case.pk}/{page}" for page in POST_ONLY]:
        assert client.post(url).status_code in {403, 404}
    case.refresh_from_db()
    assert case.notes.count() == 1
    assert case.worker.username == "caseworker"


def test_anonymous_people_are_sent_to_sign_in_from_every_case_url(client, case_with_secrets):
    for url in urls(*case_with_secrets):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_caseworker_and_their_supervisor_see_the_case(client, people, case_with_secrets):
    case = case_with_secrets[0]
    for who in ["caseworker", "supervisor"]:
        client.force_login(people(who))
        response = client.get(f"/casework/cases/{case.pk}/")
        assert response.status_code == 200
        assert NOTE.encode() in response.content
        assert CONTACT.encode() in response.content


def test_a_supervisor_of_another_team_must_break_the_glass(client, case_with_secrets):
    case, _action, _referral = case_with_secrets
    client.force_login(make_person("supervisor2", roles=["case_supervisor"]))
    response = client.get(f"/casework/cases/{case.pk}/")
    assert response.status_code == 403
    assert b"Break the glass" in response.content
    assert NOTE.encode() not in response.content


def test_a_case_that_does_not_exist_is_a_plain_404(client, people, team):
    client.force_login(people("caseworker"))
    assert client.get("/casework/cases/424242/").status_code == 404


def test_moderators_and_analysts_see_no_casework_page_at_all(client, people, team):
    for who in ["moderator", "analyst"]:
        client.force_login(people(who))
        for url in ["/casework/", "/casework/queue/", "/casework/team/", "/casework/stats/"]:
            assert client.get(url).status_code == 403, (who, url)
